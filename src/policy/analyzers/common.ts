// Helpers analyzers share: recording URLs and hosts on a fact set.
import { posix } from 'node:path';
import { lessArgs, plainLessCommand } from './less-args.js';
import { plainEx, vimArgs } from './vim-ex.js';
import { canonicalHost, expandBraces, parseUrl, type HostRef } from '../hosts.js';
import type { Facts } from '../facts.js';

/** Marker in `sends` for "whatever the command's stdin is"; the evaluator substitutes it. */
export const STDIN = '<stdin>';
/** Paths through which a program reads its own stdin: what it reads there is STDIN. */
export const STDIN_PATH = /^(-|\/dev\/stdin|\/dev\/fd\/0|\/proc\/self\/fd\/0|\/proc\/\$\$\/fd\/0)$/;

/** Records every host and scheme of a URL (after curl-style brace expansion). */
export function addUrl(f: Facts, raw: string, role: HostRef['role'], defaultScheme = 'http', braces = false): void {
  for (const u of braces ? expandBraces(raw) : [raw]) {
    // (A word that starts with an expansion — "${ARGS[@]}", $URL/x — has its host computed, whatever '@' or ':' follow.)
    if (/^["']?(\$|`)/.test(u)) {
      f.tags.add('unparsed-url');
      f.notes.push(`the host in ${JSON.stringify(raw)} is only known when the line runs`);
      continue;
    }
    // (A loopback control API — the Docker daemon, Chrome DevTools, node's inspector — runs what it is asked.)
    if (!/^(docker|podman|nerdctl)$/.test(f.tool) && /^[a-z]+:\/\/(localhost|127\.[\d.]+|\[::1\]|0\.0\.0\.0):0*(2375|2376|9222|9229)\/([\w.-]+\/)*(containers\/create|exec|build|images\/create|plugins|swarm|json\/new|json\/activate|devtools)\b/i.test(u)) {
      f.tags.add('host-control');
      f.notes.push(`${u} is a control API on this machine (the Docker daemon, a browser's or node's debugger)`);
    }
    const p = parseUrl(u, defaultScheme);
    if (!f.schemes.includes(p.scheme)) f.schemes.push(p.scheme);
    if (p.hosts.length === 0 && p.scheme !== 'file') {
      f.tags.add('unparsed-url');
      f.notes.push(`could not find a host in ${JSON.stringify(raw)}`);
    }
    // A host only known when the line runs ("$BASE/health", "$(cat host)"): a destination Rampart
    // cannot place, which asks; it is no host name to look up on the allowlist.
    for (const h0 of p.hosts) {
      // (A computed port — localhost:${PORT:-3000} — leaves the host known.)
      const h = h0.replace(/:(\$\{[^}]*\}|\$\w+(\[[^\]]*\])?)$/, '');
      if (/[$`]/.test(h)) {
        f.tags.add('unparsed-url');
        f.notes.push(`the host in ${JSON.stringify(raw)} is only known when the line runs`);
      } else f.hosts.push({ host: h, role, scheme: p.scheme, raw });
    }
  }
}

/** Records a bare host (no scheme) such as an ssh destination or a proxy address. */
export function addHost(f: Facts, raw: string, role: HostRef['role'], scheme?: string): void {
  const host = canonicalHost(raw);
  if (!host) return;
  f.hosts.push({ host, role, scheme, raw });
}

/** Splits `host:port` / `[v6]:port` and returns the host part. */
export function hostOfHostPort(s: string): string {
  if (s.startsWith('[')) return s.slice(1, s.indexOf(']'));
  const parts = s.split(':');
  return parts.length > 2 ? s : parts[0]!;
}

/** Environment variable lookup that treats empty strings as unset. */
export function envValue(env: Readonly<Record<string, string | undefined>>, ...names: string[]): string | undefined {
  for (const n of names) {
    const v = env[n];
    if (v) return v;
  }
  return undefined;
}

/** Words joined into a command line that parses back to the same words (a run an analyzer hands the line judge). */
export function shellLine(words: readonly string[]): string {
  return words.map((w) => (/^[\w@%+=:,./-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`)).join(' ');
}

/** Adds where a package spec is fetched from (a URL, a git host shorthand, user/repo on GitHub). */
export function addPackageSpec(f: Facts, spec: string): void {
  // (NAME@SPEC names what the package is fetched from: lib@github:acme/lib, x@git+https://…, @s/x@https://….)
  const s = spec.replace(/^[^@/]+@npm:/, '').replace(/^(@[^@/\s]+\/)?[^@/:\s]+@(?=(git\+)?[a-z]+:)/i, '');
  if (/^(git\+)?(https?|ssh|git):\/\//i.test(s)) addUrl(f, s.replace(/^git\+/i, ''), 'target');
  else if (/^git\+file:|^file:/i.test(s)) return;
  else if (/^github:/i.test(s)) addUrl(f, 'https://github.com/', 'target');
  else if (/^gitlab:/i.test(s)) addUrl(f, 'https://gitlab.com/', 'target');
  else if (/^bitbucket:/i.test(s)) addUrl(f, 'https://bitbucket.org/', 'target');
  else if (/^gist:/i.test(s)) addUrl(f, 'https://gist.github.com/', 'target');
  else if (/^[^@/\s]+@[^:/\s]+:/.test(s) && !s.startsWith('@')) addUrl(f, 'ssh://' + s.replace(/:/, '/'), 'target');
  else if (/^[A-Za-z0-9._-]+\/[A-Za-z0-9._-]+(#.*)?$/.test(s) && !s.startsWith('.')) addUrl(f, 'https://github.com/', 'target');
}

const DEPENDENCY_KEYS = /^(dependencies|devDependencies|optionalDependencies|peerDependencies|bundleDependencies|overrides|resolutions|pnpm\.overrides)$/;

/** `npm pkg set KEY=VALUE …` (and pnpm's, bun pm's): lifecycle scripts written now run on the next
 *  install or run; a dependency given as a URL or a git host is fetched from there. Keys in dots or
 *  brackets (scripts[postinstall]); values as written and, where they are JSON (--json), as parsed. */
export function packageJsonSets(f: Facts, kvs: readonly string[]): void {
  const visit = (path: string[], value: unknown): void => {
    if (typeof value === 'string') {
      if (path[0] === 'scripts' && path.length >= 2) f.runs.push(value);
      if (path.length >= 2 && (DEPENDENCY_KEYS.test(path[0]!) || DEPENDENCY_KEYS.test(path.slice(0, 2).join('.')))) addPackageSpec(f, value);
      // (publishConfig.registry, publishConfig[@scope:registry]: where the next publish sends the package and its token.)
      if (path[0] === 'publishConfig' && /registry$/.test(path[1] ?? '') && /^[a-z][\w+.-]*:\/\//i.test(value)) addUrl(f, value, 'target');
    } else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) visit([...path, k], v);
  };
  for (const kv of kvs) {
    const eq = kv.indexOf('=');
    if (eq <= 0) continue;
    const path = kv.slice(0, eq).replace(/\[["']?([^\]"']*)["']?\]/g, '.$1').split('.').filter((p) => p !== '');
    const value = kv.slice(eq + 1);
    visit(path, value);
    if (/^\s*[[{"]/.test(value)) {
      try {
        visit(path, JSON.parse(value));
      } catch {
        // (Not JSON: stored as the string it is.)
      }
    }
  }
}

/** A path that names a whole tree from where the command runs: `.`, `./`, `./.`, `*`, `~`, `..`, `$PWD`; given the
 *  working directory, also that directory or one above it by any spelling (/home/user/project/, ../project). */
export const wholeTree = (s: string, cwd?: string, home?: string): boolean => {
  // (A trailing `/.` or `/./` names the directory itself: "$PWD/.", ./.)
  let v = s.replace(/^["']|["']$/g, '').replace(/(.)\/\.\/?$/, '$1');
  // (…and the working directory computed: "$(pwd)", `pwd`.)
  if (/^(\.|\.\/|\.\/\*|\*|~|~\/|\$HOME\/?|\$\{?PWD\}?\/?|\$\(pwd( -[LP])?\)\/?|`pwd( -[LP])?`\/?|\.\.(\/\.\.)*\/?)$/.test(v)) return true;
  // (~/project, $HOME/project, $PWD/../project: the home and working directories put in.)
  if (home !== undefined) v = v.replace(/^(~|\$HOME|\$\{HOME\})(?=\/|$)/, home);
  if (cwd !== undefined) v = v.replace(/^(\$PWD|\$\{PWD\})(?=\/|$)/, cwd);
  if (cwd === undefined || /[$`*?]/.test(v) || v.startsWith('~')) return false;
  const abs = posix.resolve(cwd, v);
  return abs === cwd || cwd.startsWith(`${abs === '/' ? '' : abs}/`);
};

/** Where a copy of `src` (a local path, host:path, scp://host/path) lands when the destination `dest` is a directory: DEST/NAME
 *  (scp host:dots/.bashrc ~/ makes ~/.bashrc). A source named by its contents (dir/, dir/.) fills DEST itself: undefined. */
export function landsAt(dest: string, src: string): string | undefined {
  return landsAtAll(dest, src)[0];
}

/** Every place a copy of `src` lands in the directory `dest`: a remote path's braces are expanded where the copy is made
 *  (scp 'host:x/{.bashrc,.profile}' ~/ makes ~/.bashrc and ~/.profile), as its globs are. */
export function landsAtAll(dest: string, src: string): string[] {
  const brace = /\{([^{}]*,[^{}]*)\}/.exec(src);
  if (brace) return [...new Set(brace[1]!.split(',').slice(0, 16).flatMap((alt) => landsAtAll(dest, src.slice(0, brace.index) + alt + src.slice(brace.index + brace[0].length))))];
  const at = landsAtOne(dest, src);
  return at === undefined ? [] : [at];
}

function landsAtOne(dest: string, src: string): string | undefined {
  const path = src.replace(/^[a-z]+:\/\/[^/]*/i, '').replace(/^(?:[^/@:\s]+@)?(?:\[[^\]]+\]|[^/:\s]+)::?/, '');
  if (/\/$|(^|\/)\.$/.test(path)) return undefined;
  const name = posix.basename(path);
  return name === '' || name === '..' ? undefined : posix.join(dest, name);
}

// Directories a system program lives in (the OS's, Homebrew's, MacPorts', Linuxbrew's, nix profiles'),
// as a pattern source other patterns embed: a program named there, or bare, is the installed one.
export const SYSTEM_DIR = String.raw`\/(usr\/(local\/)?|opt\/homebrew\/|opt\/local\/|home\/linuxbrew\/\.linuxbrew\/|run\/current-system\/sw\/)?s?bin\/`;
const SYSTEM_PROGRAM_DIR = new RegExp(`^${SYSTEM_DIR}$`);

/** Whether WORD names the system's own program NAME: bare (found on PATH) or in a system directory, not any
 *  file that happens to be called NAME (./ssh, /tmp/x/ssh, ./node_modules/.bin/ssh is a program the line runs). */
export const systemProgram = (word: string, name: RegExp): boolean => {
  const slash = word.lastIndexOf('/');
  return name.test(word.slice(slash + 1)) && (slash < 0 || SYSTEM_PROGRAM_DIR.test(word.slice(0, slash + 1)));
};

/** The words of a program setting's value (quotes removed; `+'!id'` is one word). */
export const settingWords = (value: string): string[] => (value.match(/(?:'[^']*'|"(?:[^"\\]|\\.)*"|[^\s'"]+)+/g) ?? []).map((w) => w.replace(/'([^']*)'|"((?:[^"\\]|\\.)*)"/g, (_m, a?: string, b?: string) => a ?? b ?? ''));
/**
 * Whether a usual editor or pager named in a setting (EDITOR, core.pager, MANPAGER …) is given options that run
 * commands, load code or write files: vim's Ex commands beyond moving, editing and setting options (whatever range
 * leads them: `/x/w !sh` is `w !sh`), its script files in any cluster (-Nu F, -ZS F, -Xs F), nvim -l; less's
 * +CMD beyond moving and searching, key files and log files; emacs's --eval/-l/--init-directory; kak -e; nano's
 * --rcfile; an extension installed into code. (The program is the installed one; what it is told to do is not the
 * file it edits.) Another program given an option that takes commands or a configuration does more than edit too.
 */
export function runsCommands(value: string): boolean {
  const words = settingWords(value);
  const prog = (words[0] ?? '').replace(/^.*\//, '');
  const rest = words.slice(1);
  if (/^(vim?|nvim|gvim|view|ex|vimdiff|rvim|evim|gview|rview)$/.test(prog)) {
    const v = vimArgs(prog, rest);
    return v.commands.some((c) => !plainEx(c)) || v.scripts.some((s) => !/^(NONE|NORC|DEFAULTS)$/.test(s.file)) || v.writes.length > 0 || v.control.length > 0;
  }
  if (/^(less|more|most)$/.test(prog)) {
    const l = lessArgs(rest);
    return l.commands.some((c) => !plainLessCommand(c)) || l.keyFiles.length > 0 || l.logFiles.length > 0;
  }
  if (/^(emacs|emacsclient|xemacs)$/.test(prog)) return rest.some((w) => /^--?(eval|e|l|load|f|funcall|script|x|execute|exec|init-directory|u|user)(=|$)/.test(w));
  if (/^(nano|pico|rnano)$/.test(prog)) return rest.some((w) => /^(-f|--rcfile)(=|$)|^-[a-zA-Z]*f/.test(w));
  // (kak -e/-E commands may hold %sh{…}; -f keys may type `!`; -p sends its stdin to a session as commands.)
  if (prog === 'kak') return rest.some((w) => /^-(e|E|f|p)$/.test(w));
  // (micro -plugin installs or runs plugins; -config-dir loads an init.lua from elsewhere.)
  if (prog === 'micro') return rest.some((w) => /^-(plugin|config-dir)(=|$)/.test(w));
  // (hx --grammar fetch|build clones and compiles grammars; -c loads another configuration.)
  if (prog === 'hx' || prog === 'helix') return rest.some((w) => /^(-g|--grammar|-c|--config)(=|$)/.test(w));
  if (/^(code|code-insiders|codium|cursor)$/.test(prog)) return rest.some((w) => /^--(install-extension|uninstall-extension|extensions-dir|enable-proposed-api|inspect-extensions|inspect-brk-extensions)(=|$)|^(tunnel|serve-web)$/.test(w));
  return rest.some((w) => /^--?(cmd|command|commands|eval|exec|execute|script|init[-\w]*|rc[-\w]*|load|plugin[-\w]*|install[-\w]*)(=|$)/.test(w) || /^\+.*!/.test(w));
}
