// Reads repository facts (remotes, aliases, branch) for the git analyzer, from the files
// themselves rather than by running git: a decision must not execute the binary it judges.
import fs from 'node:fs';
import path from 'node:path';
import type { GitReader } from '../policy/types.js';

type Ini = Map<string, string>; // "section.sub.key" (section and key lower-cased) → last value
/** Every value of multi-valued keys (a remote may have several url/pushurl lines: git pushes to all). */
const multi = new WeakMap<Ini, Map<string, string[]>>();

const cache = new Map<string, { mtimeMs: number; size: number; ini: Ini }>();

/** Parses git-config syntax into flat keys; subsections keep their case. */
export function parseGitConfig(text: string): Ini {
  const ini: Ini = new Map();
  let section = '';
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#') || line.startsWith(';')) continue;
    const sec = /^\[\s*([A-Za-z0-9.-]+)(?:\s+"((?:[^"\\]|\\.)*)")?\s*\]/.exec(line);
    if (sec) {
      const [name, sub] = [sec[1].toLowerCase(), sec[2]];
      if (sub !== undefined) section = `${name}.${sub.replace(/\\(.)/g, '$1')}`;
      else {
        // [branch.main] legacy form: subsection lower-cased
        const dot = name.indexOf('.');
        section = dot === -1 ? name : name;
      }
      continue;
    }
    const kv = /^([A-Za-z][A-Za-z0-9-]*)\s*(?:=\s*(.*))?$/.exec(line);
    if (!kv) continue;
    const key = `${section}.${kv[1].toLowerCase()}`;
    const value = unquote(kv[2] ?? 'true');
    ini.set(key, value);
    let all = multi.get(ini);
    if (!all) multi.set(ini, (all = new Map()));
    all.set(key, [...(all.get(key) ?? []), value]);
  }
  return ini;
}

function unquote(v: string): string {
  let out = '';
  let q = false;
  for (let i = 0; i < v.length; i++) {
    const c = v[i];
    if (c === '"') q = !q;
    else if (c === '\\' && i + 1 < v.length) {
      const n = v[++i];
      out += n === 'n' ? '\n' : n === 't' ? '\t' : n;
    } else if (!q && (c === '#' || c === ';')) break;
    else out += c;
  }
  return out.trim();
}

function readIni(file: string): Ini | undefined {
  // No exception for a missing file: building one costs more than the stat (hot path).
  const st = fs.statSync(file, { throwIfNoEntry: false });
  if (!st) return undefined;
  const hit = cache.get(file);
  if (hit && hit.mtimeMs === st.mtimeMs && hit.size === st.size) return hit.ini;
  try {
    const ini = parseGitConfig(fs.readFileSync(file, 'utf8'));
    cache.set(file, { mtimeMs: st.mtimeMs, size: st.size, ini });
    return ini;
  } catch {
    return undefined;
  }
}

const dirCache = new Map<string, { at: number; found: Found | undefined }>();
/** How long a cwd → git dir lookup is reused; short, so a fresh `git init` is seen at once in practice. */
const DIR_TTL_MS = 100;

/** A repository found from a directory: its git directory, and the directory whose `.git` that is (the work tree's top). */
interface Found { gitDir: string; top: string }

/** The git directory for cwd: walks up to a `.git` dir, or a `.git` file with `gitdir:`. */
export function findGitDir(cwd: string): string | undefined {
  return findRepo(cwd)?.gitDir;
}

function findRepo(cwd: string): Found | undefined {
  const now = Date.now();
  const hit = dirCache.get(cwd);
  if (hit && now - hit.at < DIR_TTL_MS) return hit.found;
  const found = walkForGitDir(cwd);
  if (dirCache.size > 1000) dirCache.clear();
  dirCache.set(cwd, { at: now, found });
  return found;
}

function walkForGitDir(cwd: string): Found | undefined {
  let dir = path.resolve(cwd);
  for (;;) {
    const dotgit = path.join(dir, '.git');
    try {
      const st = fs.statSync(dotgit, { throwIfNoEntry: false });
      if (st?.isDirectory()) return { gitDir: dotgit, top: dir };
      if (st?.isFile()) {
        const m = /^gitdir:\s*(.+)$/m.exec(fs.readFileSync(dotgit, 'utf8'));
        if (m) return { gitDir: path.resolve(dir, m[1].trim()), top: dir };
      }
    } catch {
      /* keep walking */
    }
    const up = path.dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

/**
 * A GitReader for the repository containing cwd (empty when there is none). Lazy: most
 * decisions are not about git, so nothing is read until the engine asks.
 */
export function gitReaderFor(cwd: string, home: string, env: Readonly<Record<string, string | undefined>> = {}): GitReader & { remoteUrls(name: string): string[]; hasRef(name: string): boolean | undefined } {
  let real: GitReader | undefined;
  const get = () => (real ??= eagerGitReader(cwd, home, env));
  return {
    remoteUrl: (n) => get().remoteUrl(n),
    remoteUrls: (n: string) => (get() as GitReader & { remoteUrls(n: string): string[] }).remoteUrls(n),
    alias: (n) => get().alias(n),
    currentBranch: () => get().currentBranch(),
    upstreamRemote: () => get().upstreamRemote(),
    remotes: () => get().remotes?.() ?? [],
    toplevel: () => get().toplevel?.(),
    hasRef: (n: string) => get().hasRef?.(n),
  };
}

/**
 * Each config file followed by the files its `[include] path =` lines pull in (relative to
 * the including file, `~/` expanded, 5 levels): an alias hidden in an included file is
 * still seen. Conditional `includeIf` sections are not followed.
 */
function withIncludes(files: string[], home: string, depth = 0): string[] {
  const out: string[] = [];
  for (const f of files) {
    out.push(f);
    const ini = readIni(f);
    const inc = ini ? (multi.get(ini)?.get('include.path') ?? []) : [];
    if (!inc.length || depth >= 5) continue;
    const resolved = inc.map((p) => (p.startsWith('~/') ? path.join(home, p.slice(2)) : path.resolve(path.dirname(f), p)));
    out.push(...withIncludes(resolved, home, depth + 1));
  }
  return out;
}

/** Configuration given in the environment (GIT_CONFIG_COUNT/KEY_n/VALUE_n): git's last layer. */
function envConfig(env: Readonly<Record<string, string | undefined>>): Ini {
  const ini: Ini = new Map();
  const all = new Map<string, string[]>();
  multi.set(ini, all);
  const n = Math.min(Number(env.GIT_CONFIG_COUNT ?? 0) || 0, 1000);
  for (let i = 0; i < n; i++) {
    const k = env[`GIT_CONFIG_KEY_${i}`];
    const v = env[`GIT_CONFIG_VALUE_${i}`] ?? '';
    if (!k) continue;
    // section.sub.key: section and key are case-insensitive, the subsection is not.
    const first = k.indexOf('.');
    const last = k.lastIndexOf('.');
    const key = first === last ? k.toLowerCase() : `${k.slice(0, first).toLowerCase()}${k.slice(first, last)}.${k.slice(last + 1).toLowerCase()}`;
    ini.set(key, v);
    all.set(key, [...(all.get(key) ?? []), v]);
  }
  return ini;
}

/** A directory's entries, or none when it cannot be read. */
function safeList(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}

function eagerGitReader(cwd: string, home: string, env: Readonly<Record<string, string | undefined>>): GitReader & { remoteUrls(name: string): string[] } {
  // GIT_DIR (from the command's environment) picks the repository, as it does for git.
  const found = env.GIT_DIR ? undefined : findRepo(cwd);
  const gitDir = env.GIT_DIR ? path.resolve(cwd, env.GIT_DIR) : found?.gitDir;
  let commonDir = gitDir;
  if (gitDir) {
    try {
      commonDir = path.resolve(gitDir, fs.readFileSync(path.join(gitDir, 'commondir'), 'utf8').trim());
    } catch {
      /* not a worktree */
    }
  }
  // Repository config overrides global config, as in git.
  const layers = withIncludes(
    [
      ...(env.GIT_CONFIG_GLOBAL ? [path.resolve(cwd, env.GIT_CONFIG_GLOBAL)] : [path.join(home, '.gitconfig'), path.join(home, '.config', 'git', 'config')]),
      ...(commonDir ? [path.join(commonDir, 'config')] : []),
      ...(gitDir && gitDir !== commonDir ? [path.join(gitDir, 'config.worktree')] : []),
    ],
    home,
  );
  const fromEnv = envConfig(env);
  const inis = (): Ini[] => [...layers.map(readIni).filter((x): x is Ini => x !== undefined), fromEnv];
  const get = (key: string): string | undefined => {
    let v: string | undefined;
    for (const ini of inis()) {
      const x = ini.get(key);
      if (x !== undefined) v = x;
    }
    return v;
  };
  const getAll = (key: string): string[] => inis().flatMap((ini) => multi.get(ini)?.get(key) ?? []);
  const currentBranch = (): string | undefined => {
    if (!gitDir) return undefined;
    try {
      const m = /^ref:\s*refs\/heads\/(.+)$/m.exec(fs.readFileSync(path.join(gitDir, 'HEAD'), 'utf8'));
      return m ? m[1].trim() : undefined;
    } catch {
      return undefined;
    }
  };
  // Refs as git checkout resolves its operand: loose files under refs/, packed-refs lines, a remote's branch of that name.
  const hasRef = (name: string): boolean | undefined => {
    if (!commonDir) return undefined;
    // (A hex name is taken for an abbreviated commit only at git's default abbreviation length or longer: `git checkout
    // face`, `git checkout add` restore a file of that name when no ref has it, and are looked up like any name.)
    if (/^(HEAD|FETCH_HEAD|ORIG_HEAD|MERGE_HEAD|@)$/.test(name) || /^[0-9a-f]{7,40}$/i.test(name)) return true;
    if (name.split('/').includes('..') || /[\0\s~^:?*[\\]/.test(name)) return undefined;
    const remotes = fs.existsSync(path.join(commonDir, 'refs', 'remotes')) ? safeList(path.join(commonDir, 'refs', 'remotes')) : [];
    const candidates = [`refs/heads/${name}`, `refs/tags/${name}`, `refs/${name}`, name.startsWith('refs/') ? name : `refs/remotes/${name}`, ...remotes.map((r) => `refs/remotes/${r}/${name}`)];
    if (candidates.some((c) => fs.existsSync(path.join(commonDir, c)))) return true;
    let packed = '';
    try { packed = fs.readFileSync(path.join(commonDir, 'packed-refs'), 'utf8'); } catch { /* none */ }
    const refs = new Set(packed.split('\n').map((l) => /^[0-9a-f]{40,64} (\S+)$/.exec(l)?.[1]).filter((r): r is string => r !== undefined));
    return candidates.some((c) => refs.has(c)) || [...refs].some((r) => r.startsWith('refs/remotes/') && r.endsWith(`/${name}`) && r.split('/').length === 4 + name.split('/').length - 1);
  };
  return {
    hasRef,
    remoteUrl: (name) => get(`remote.${name}.pushurl`) ?? get(`remote.${name}.url`),
    // Not in the GitReader interface yet: every fetch and push URL of a remote, for an
    // engine that wants to judge all of them (the strictest wins).
    remoteUrls: (name: string) => [...new Set([...getAll(`remote.${name}.url`), ...getAll(`remote.${name}.pushurl`)])],
    alias: (name) => get(`alias.${name.toLowerCase()}`),
    // (Every remote a url names: where git annex sync with no remote goes.)
    remotes: () => [...new Set(inis().flatMap((ini) => [...ini.keys()].flatMap((k) => /^remote\.(.+)\.url$/.exec(k)?.[1] ?? [])))],
    currentBranch,
    upstreamRemote: () => {
      const b = currentBranch();
      return (b && (get(`branch.${b}.pushremote`) ?? get('remote.pushdefault') ?? get(`branch.${b}.remote`))) || undefined;
    },
    // The directory holding .git — unless the work tree is put elsewhere (GIT_WORK_TREE, core.worktree) or there is none.
    toplevel: () => (found === undefined || env.GIT_WORK_TREE !== undefined || get('core.worktree') !== undefined || get('core.bare') === 'true' ? undefined : found.top),
  };
}
