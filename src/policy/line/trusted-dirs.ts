// Approving a directory's code-running configuration: `direnv allow DIR` lets DIR/.envrc run as bash each time a shell enters
// DIR, `mise trust PATH` lets PATH's mise.toml run its hooks, env scripts and tasks. The project's own files are the
// project's (what the line writes there is judged as the file's text, written-files.ts); a directory elsewhere — the home
// directory, /tmp, a sibling checkout, every parent (mise trust --all) — holds code Rampart has not read, approved for
// every later shell.
import { posix } from 'node:path';

// tool → its verbs that approve, and whether --all reaches the parents of the working directory.
const TRUSTERS: Record<string, { verbs: RegExp; all?: RegExp }> = {
  direnv: { verbs: /^(allow|permit|grant)$/ },
  mise: { verbs: /^trust$/, all: /^(-a|--all)$/ },
  rtx: { verbs: /^trust$/, all: /^(-a|--all)$/ },
};

/** Why `name args` approves configuration outside the project, or undefined. */
export function trustsOutside(name: string, args: readonly string[], cwd: string, projectRoot: string, home: string): string | undefined {
  const t = TRUSTERS[name];
  const k = args.findIndex((a) => !a.startsWith('-'));
  if (t === undefined || k < 0 || !t.verbs.test(args[k]!)) return undefined;
  const rest = args.slice(k + 1);
  // (mise's untrust and ignore withdraw an approval.)
  if (rest.some((a) => /^(--untrust|--ignore)$/.test(a))) return undefined;
  if (t.all !== undefined && rest.some((a) => t.all!.test(a))) return `${name} ${args[k]} --all approves the configuration of every directory above ${cwd}`;
  const given = rest.find((a) => !a.startsWith('-')) ?? '.';
  const at = posix.resolve(cwd, given.replace(/^(~|\$HOME|\$\{HOME\})(?=\/|$)/, home));
  const inside = (p: string) => p === projectRoot || p.startsWith(`${projectRoot}/`);
  // (A name only known when the line runs may be anywhere.)
  if (/[$`]/.test(given) || !inside(at)) return `${name} ${args[k]} ${given} approves code Rampart has not read, outside the project, for every later shell there`;
  return undefined;
}
