// Approving a directory's code-running configuration: `direnv allow DIR` lets DIR/.envrc run as bash each time a shell enters
// DIR, `mise trust PATH` lets PATH's mise.toml run its hooks, env scripts and tasks. The project's own files are the
// project's (what the line writes there is judged as the file's text, written-files.ts); a directory elsewhere — the home
// directory, /tmp, a sibling checkout, every parent (mise trust --all) — holds code Rampart has not read, approved for
// every later shell.
import { posix } from 'node:path';

// tool → its verbs that approve, and whether --all reaches the parents of the working directory.
// (mise's -C/--cd DIR, before the verb, runs it in DIR: mise -C /tmp/x trust trusts /tmp/x.)
const TRUSTERS: Record<string, { verbs: RegExp; all?: RegExp; cd?: RegExp }> = {
  direnv: { verbs: /^(allow|permit|grant)$/ },
  mise: { verbs: /^trust$/, all: /^(-a|--all)$/, cd: /^(-C|--cd)$/ },
  rtx: { verbs: /^trust$/, all: /^(-a|--all)$/, cd: /^(-C|--cd)$/ },
};

// mise's settings that approve configuration files by path, as mise trust does: trusted_config_paths.
const TRUST_SETTINGS = /^(trusted_config_paths|trusted-config-paths)$/;

/** Why `name args` approves configuration outside the project, or undefined. */
export function trustsOutside(name: string, args: readonly string[], cwd: string, projectRoot: string, home: string, real: (abs: string) => string | undefined = () => undefined): string | undefined {
  const t = TRUSTERS[name];
  if (t === undefined) return undefined;
  // (A name only known when the line runs, or another user's home (~user), may be anywhere; a link the line made is
  // followed to what it names.)
  const inside = (p: string) => p === projectRoot || p.startsWith(`${projectRoot}/`);
  const place = (given: string, from: string) => (/[$`]/.test(given) || /^~[^/]/.test(given) ? undefined : posix.resolve(from, given.replace(/^(~|\$HOME|\$\{HOME\})(?=\/|$)/, home)));
  const outside = (given: string, from: string) => { const at = place(given, from); return at === undefined || !inside(real(at) ?? at); };
  let k = 0;
  for (; k < args.length && args[k]!.startsWith('-'); k++) {
    const cd = t.cd?.test(args[k]!) ? args[++k] : /^--cd=/.test(args[k]!) && t.cd ? args[k]!.slice(5) : undefined;
    if (cd !== undefined) cwd = place(cd, cwd) ?? '/$unknown';
  }
  // mise settings set|add trusted_config_paths PATHS (or KEY=PATHS): every path there is approved.
  if (t.cd && args[k] === 'settings') {
    const rest = args.slice(k + 1).filter((a) => !a.startsWith('-'));
    const [key, value] = /^(set|add)$/.test(rest[0] ?? '') ? [rest[1] ?? '', rest[2] ?? ''] : (rest[0] ?? '').split(/=(.*)/s);
    const paths = TRUST_SETTINGS.test(key ?? '') ? (value ?? '').split(/[:,]/).filter(Boolean) : [];
    if (paths.some((p) => outside(p, cwd))) return `${name} settings ${key} approves configuration outside the project for every later shell`;
    return undefined;
  }
  if (k >= args.length || !t.verbs.test(args[k]!)) return undefined;
  const rest = args.slice(k + 1);
  // (mise's untrust and ignore withdraw an approval.)
  if (rest.some((a) => /^(--untrust|--ignore)$/.test(a))) return undefined;
  if (t.all !== undefined && rest.some((a) => t.all!.test(a))) return `${name} ${args[k]} --all approves the configuration of every directory above ${cwd}`;
  const given = rest.find((a) => !a.startsWith('-')) ?? '.';
  if (outside(given, cwd)) return `${name} ${args[k]} ${given} approves code Rampart has not read, outside the project, for every later shell there`;
  return undefined;
}
