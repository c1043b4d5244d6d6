// direnv runs .envrc as bash, with its stdlib loaded, each time a shell enters the directory (after `direnv allow`). The
// stdlib's functions are read as the shell they stand for — PATH_add as a PATH assignment, dotenv and source_env as `.`,
// source_url as `. <(curl …)` — so that what the file loads, puts on PATH or fetches is judged as that. Files it loads and
// directories it puts on PATH from outside the project are code Rampart has not read, run in every later shell there.
import { posix } from 'node:path';

const STDLIB = /^(\s*)(PATH_add|path_add|MANPATH_add|load_prefix|dotenv|dotenv_if_exists|source_env|source_env_if_exists|source_up|source_up_if_exists|source_url|fetchurl|use_flake|use\s+flake|source|\.)(?=\s|$)(.*)$/;

/** One .envrc line read as the shell it stands for, with the files it loads and the PATH directories it adds. */
function stdlibLine(line: string): { text: string; loads: string[] } {
  // (PATH set by hand — export PATH=/opt/x/bin:$PATH — adds its directories as PATH_add does.)
  const set = /^\s*(?:export\s+)?PATH=(["']?)([^"'\s;]*)\1\s*$/.exec(line);
  if (set) return { text: line, loads: set[2]!.split(':').filter((d) => d !== '' && !/^\$\{?PATH\}?$/.test(d)) };
  const m = STDLIB.exec(line);
  if (!m) return { text: line, loads: [] };
  const [, lead, fn, rest] = m as unknown as [string, string, string, string];
  const args = rest.trim().split(/\s+/).filter(Boolean).map((a) => a.replace(/^(["'])(.*)\1$/, '$2'));
  const path = (name: string, dirs: readonly string[]) => `${lead}export ${name}=${[...dirs, `$${name}`].join(':')}`;
  switch (fn.replace(/\s+/, ' ')) {
    case 'PATH_add':
      return { text: path('PATH', args), loads: args };
    case 'load_prefix':
      return { text: path('PATH', args.map((d) => `${d}/bin`)), loads: args.map((d) => `${d}/bin`) };
    case 'path_add':
    case 'MANPATH_add':
      return fn === 'path_add' ? { text: path(args[0] ?? 'PATH', args.slice(1)), loads: args[0] === 'PATH' ? args.slice(1) : [] } : { text: line, loads: [] };
    case 'dotenv':
    case 'dotenv_if_exists':
      return { text: `${lead}set -a; . ${args[0] ?? '.env'}; set +a`, loads: [args[0] ?? '.env'] };
    case 'source_up':
    case 'source_up_if_exists':
      // (The nearest .envrc — or the file named — in a directory above this one.)
      return { text: `${lead}. ../${args[0] ?? '.envrc'}`, loads: [`../${args[0] ?? '.envrc'}`] };
    case 'source_url':
      return { text: `${lead}. <(curl -fsSL ${args[0] ?? ''})`, loads: [] };
    case 'fetchurl':
      return { text: `${lead}curl -fsSL ${args[0] ?? ''}`, loads: [] };
    case 'use_flake':
    case 'use flake':
      return { text: `${lead}nix develop ${args[0] ?? '.'}`, loads: [] };
    case 'source':
    case '.':
      // (Already shell: kept as written, so that `source <(curl …)` is judged as the download it runs.)
      return { text: line, loads: /^[<$`(]/.test(args[0] ?? '') ? [] : args.slice(0, 1) };
    default:
      // source_env: the file named runs here.
      return { text: `${lead}. ${args[0] ?? ''}`, loads: args.slice(0, 1) };
  }
}

/** A .envrc's text as the shell direnv runs, and the files and PATH directories it takes in (resolved from its directory). */
export function direnvShell(path: string, text: string, home: string): { text: string; loads: string[] } {
  const lines = text.split('\n').map(stdlibLine);
  const dir = posix.dirname(path);
  // (A word computed when it runs — "$(…)", $HOME/… other than ~ — is judged where it is read; only literal places here.)
  const loads = lines.flatMap((l) => l.loads).filter((p) => !/[$`]/.test(p)).map((p) => posix.resolve(dir, p.replace(/^~(?=\/|$)/, home)));
  return { text: lines.map((l) => l.text).join('\n'), loads };
}
