// Resolving the paths a command names and sorting them into the classes rules speak of.
import { posix } from 'node:path';
import { compilePattern, containsMatch, matchesAny, type PathPattern } from './glob.js';
import type { Context } from './types.js';
import { printedNameOf, substitutionsIn } from './shell/printed-names.js';

/** The classes a path can belong to; rules name them in `sends`, `writes`, `deletes`, `reads`. */
export type PathClass =
  | 'any'
  | 'root'
  | 'home'
  | 'system'
  | 'outside_project'
  | 'project_root'
  | 'project_git'
  | 'inside_project'
  | 'tmp'
  | 'home_credential'
  | 'project_secret'
  | 'protected'
  /** A computed name in a directory that holds credentials (~/"$f", ~/.config/$X): possibly one of them. */
  | 'maybe_credential'
  /** Named by an expansion only the running shell knows (`$X/`, `$(dirname …)`, `~-`). */
  | 'computed'
  /** Writes only: an existing file outside the project and the temp dir (or one whose existence is unknown). */
  | 'overwrite_outside'
  /** Writes only: an existing file outside the project and the temp dir replaced, not appended to — its content destroyed. */
  | 'clobber_outside'
  /** Stages only: a package manager's token file in the project (.npmrc, .pypirc) listed among the project's secrets. */
  | 'token_file';

export const PATH_CLASSES: readonly PathClass[] = [
  'any', 'root', 'home', 'system', 'outside_project', 'project_root', 'project_git',
  'inside_project', 'tmp', 'home_credential', 'project_secret', 'protected', 'maybe_credential', 'computed', 'overwrite_outside', 'clobber_outside', 'token_file',
];

// Package managers' configuration files that hold a registry token when one is stored, and settings
// (registry, save-exact, engine-strict) the rest of the time: committed, a token may leave with them.
export const TOKEN_FILE = /(^|\/)(\.npmrc|\.pypirc)$/;

/** True when a path still holds an expansion after the ones the judge knows ($HOME, $PWD) are resolved. */
export function isComputed(resolved: string): boolean {
  // (A process substitution's pipe — <(printf … "$(tail f)") — is no file named at run time: what its commands print is judged with them.)
  if (/(^|\/)[<>]\([\s\S]*\)$/.test(resolved) && !/^[^<>]*\$/.test(resolved.replace(/(^|\/)[<>]\([\s\S]*$/, ''))) return false;
  return /\$[A-Za-z_{(0-9@*#?!$-]|`/.test(resolved) || /(^|\/)~-(\/|$)/.test(resolved);
}

export interface PathLists {
  homeCredentials: readonly string[];
  projectSecrets: readonly string[];
  protected: readonly string[];
  systemDirs: readonly string[];
}

/**
 * `contains: false` skips "this directory holds a protected path"; `leaf: true` says the operation acts on the name
 * itself, never on a tree below it (rm without -r, shred, mv, touch): a computed name of only dots is then no threat
 * to the directory above, since `..` itself is refused or changed in nothing that matters.
 */
export interface ClassifyOptions {
  contains?: boolean;
  leaf?: boolean;
  /** The operation removes files only (rm without -r, shred, unlink, truncate): a glob of everything at the project's
   *  top (`rm -f *`, `for i in *; do shred "$i"; done`) takes the files there, not the project — a directory among
   *  the matches is refused. (mv takes whole trees with it and is no such operation.) */
  files?: boolean;
}

/** Path lists compiled against one context's anchors. */
export interface PathClassifier {
  /** Classes of a path; `contains: false` skips "this directory holds a protected path". */
  classify(rawPath: string, opts?: ClassifyOptions): Set<PathClass>;
  resolve(rawPath: string): string;
}

// Scratch space is below /tmp only (DESIGN's rm rule): /var/tmp survives reboots and /dev/shm is
// shared memory; what is below them is judged like any other system path.
const TMP_DIRS = ['/tmp'];

/** Expands `~`, `$HOME` and relative paths against the context; keeps glob characters. */
/** The text with every `/` inside $(…) or `…` replaced by `mark` (nesting followed by parentheses). */
function maskSubstitutions(p: string, mark: string): string {
  if (!/\$\(|`/.test(p)) return p;
  let out = '';
  let depth = 0;
  let tick = false;
  for (let i = 0; i < p.length; i++) {
    const ch = p[i]!;
    if (!tick && ch === '$' && p[i + 1] === '(') {
      depth++;
      out += '$(';
      i++;
      continue;
    }
    if (depth > 0 && ch === '(') depth++;
    else if (depth > 0 && ch === ')') depth--;
    else if (ch === '`') tick = !tick;
    out += ch === '/' && (depth > 0 || tick) ? mark : ch;
  }
  return out;
}

export function resolvePath(raw: string, ctx: Pick<Context, 'cwd' | 'home'>): string {
  let p = raw;
  const home = /^(?:~|\$HOME|\$\{HOME(?:[:]?[-?=+][^}]*)?\})(?=\/|$)/;
  const pwd = /^(?:\$PWD|\$\{PWD(?:[:]?[-?=+][^}]*)?\}|\$\(pwd\)|`pwd`)(?=\/|$)/;
  if (home.test(p)) p = ctx.home + p.replace(home, '');
  else if (pwd.test(p)) p = ctx.cwd + p.replace(pwd, '');
  else if (/^~\+(\/|$)/.test(p)) p = ctx.cwd + p.slice(2);
  else if (/^~root(\/|$)/.test(p)) p = '/root' + p.slice(5);
  // (Another user's home lies beside this one's — /home/NAME, /Users/NAME —, never below a temp directory: a HOME made for a
  // test or a sandbox under /tmp does not make ~NAME a temp path.)
  else if (/^~[a-z_][a-z0-9_-]*(\/|$)/i.test(p)) p = posix.join(/^\/(tmp|var\/tmp)(\/|$)/.test(posix.dirname(ctx.home)) ? '/home' : posix.dirname(ctx.home), p.slice(1));
  // /proc/self/cwd and /proc/self/root are links: `..` after them leaves the cwd or /, not /proc/self.
  const link = /^\/proc\/(?:self|thread-self|\d+|\$\$)\/(root|cwd)(?=\/|$)/.exec(p);
  if (link) p = (link[1] === 'root' ? '' : ctx.cwd) + p.slice(link[0].length) || '/';
  // `..` after a computed segment cancels something unknown (`$D/../x`, `$(dirname …)/../y`):
  // normalising would drop the unknown part and leave a harmless-looking path. Where it lands is
  // unknown; only what follows is static.
  // (A slash inside a command substitution — app-$(jq -r .v ../package.json).tgz — is no separator.)
  const SLASH = '\u0000';
  p = maskSubstitutions(p, SLASH);
  const segs = p.split('/');
  const stack: string[] = [];
  for (let i = 0; i < segs.length; i++) {
    const seg = segs[i]!;
    if (seg !== '..') {
      if (seg !== '' && seg !== '.') stack.push(seg);
      continue;
    }
    const popped = stack.pop();
    if (popped !== undefined && isComputed(popped)) return `$?/${segs.slice(i + 1).filter((x) => x !== '..' && x !== '.' && x !== '').join('/')}`.split(SLASH).join('/');
  }
  const abs = posix.resolve(ctx.cwd, p).split(SLASH).join('/');
  // /proc/self/root/x is /x; /proc/self/cwd/x is ./x (any pid's root and cwd alike).
  const proc = /^\/proc\/(?:self|thread-self|\d+)\/(root|cwd)(?=\/|$)/.exec(abs);
  if (proc) return proc[1] === 'root' ? abs.slice(proc[0].length) || '/' : ctx.cwd + abs.slice(proc[0].length);
  return abs;
}


/** Fills a glob's wildcards: `*` and `**` with x, `?` with x, classes and lists with their first choice. */
const fill = (g: string, star = 'x') => g.replace(/\*\*\/?/g, 'x').replace(/\*/g, star).replace(/\?/g, 'x').replace(/\[!?([^\]])[^\]]*\]/g, '$1').replace(/\{([^,}]*)[^}]*\}/g, '$1');

/** A path the pattern matches, placed in `dir` for a pattern that matches at any depth. */
function samplesOf(p: PathPattern, dir: string): string[] {
  const src = p.source.replace(/^!/, '');
  return ['x', ''].map((star) => {
    if (p.base === undefined) return `${dir === '/' ? '' : dir}/${fill(src, star)}`;
    const stat = src.split(/[*?[{]/)[0]!;
    return p.base + (stat.endsWith('/') && p.base !== '/' ? '/' : '') + fill(src.slice(stat.length), star);
  });
}

const segRegex = (seg: string): RegExp | undefined => {
  try {
    return new RegExp(`^${seg.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.').replace(/\[!/g, '[^')}$`);
  } catch {
    return undefined;
  }
};

/**
 * True when a glob can name a path the patterns match, or a directory holding one: each wildcard
 * segment is filled with the pattern's own segment at that depth when it fits (`~/.a*`+`/credentials`
 * against `~/.aws/**` is ~/.aws/credentials), and the filled path must match both.
 */
function globCanMatch(glob: string, patterns: readonly PathPattern[]): boolean {
  const gs = glob.split('/');
  const res = gs.map((g) => (/[*?[]/.test(g) ? segRegex(g) : undefined));
  if (res.some((r, i) => r === undefined && /[*?[]/.test(gs[i]!))) return false;
  // A last segment that matches anything (`*`) says nothing about names: only anchored patterns count.
  const anyName = /^\*+$/.test(gs.at(-1)!);
  // Nor does one that names a kind of file (`app/*.py`): every such file, not the one a pattern
  // names wherever it is (sitecustomize.py). A pattern of that kind itself (`*.pem`) still counts.
  const anyOfKind = /^\*[^*?[\]{}]+$/.test(gs.at(-1)!);
  const dir = gs.slice(0, -1).join('/') || '/';
  // (`*.env` still names .env itself: find -name matches it, and so does `*` with dotglob.)
  const unplaced = (p: PathPattern) => {
    const name = p.source.slice(p.source.lastIndexOf('/') + 1);
    return p.base === undefined && (anyName || (anyOfKind && !/[*?[{]/.test(name) && name !== gs.at(-1)!.slice(1)));
  };
  // A pattern for a name anywhere (`*.pem`, `.env.*`) and a last segment with wildcards of its own
  // (`server.p?m`, `.e*.production`, `.env*local`): both match one name when their languages meet.
  // (A literal stem with a trailing `.*` or `*` — README.*, app* — is left to the samples: it names
  // any kind of file, not a secret's.)
  const last = gs.at(-1)!;
  // (…and so is a word between stars — a test filter, *Service*, *parse* — with no secret's token in it.)
  // (…and so are the dot-files of one kind of file — .*.swp, .*.json, .*.map; not .*.local or .*.production,
  // which are .env's own variants.)
  const stemOnly = /^[^*?[]+\*$|^[^*?[]*\.\*$/.test(last) || /^\.\*\.(json|map|js|mjs|cjs|ts|tsx|jsx|css|scss|html|md|txt|ya?ml|xml|lock|log|toml|cfg|conf|sh|py|rb|png|jpe?g|svg|gif|swp|swo|un~|tmp|cache)$/i.test(last) || (/^[^*?[]*\.?\*[A-Za-z0-9_-]+\.?\*$/.test(last) && !/pem|key|env|rsa|ed25519|ecdsa|dsa|ssh|aws|kube|docker|npmrc|netrc|pypirc|credential|gcloud|p12|pfx|jks|tfstate|secret/i.test(last.replace(/^[^*]*\*/, '')));
  // (A segment that starts with a wildcard — *.ts — names no secret's prefix: only patterns that
  // start with one too — *.pem — are tried against it.)
  const openStart = /^[*?[]/.test(last);
  // (…and one a negated kind covers — id_*.pub under !*.pub — is not.)
  const excluded = patterns.some((p) => p.negated && /^!?\*[^*?[\]/]+$/.test(p.source) && !/[*?[]$/.test(last) && last.endsWith(p.source.replace(/^!?\*/, '')));
  if (!stemOnly && !anyName && !excluded && patterns.some((p) => !p.negated && !unplaced(p) && p.base === undefined && !p.source.includes('/') && (!openStart || /^[*?[]/.test(p.source)) && globsMeet(last, p.source))) return true;
  return patterns.some((p) => !p.negated && !unplaced(p) && samplesOf(p, dir).some((sample) => {
    const ss = sample.split('/');
    if (ss.length < gs.length) return false;
    const filled = gs.map((g, i) => (res[i] ? (res[i]!.test(ss[i]!) ? ss[i]! : undefined) : g));
    // Where the pattern's own segment is a wildcard too (`~/.aws/**` against `~/.a?s/cred*`), the
    // glob's segment filled on its own is a name both can match; the pattern must still match.
    const own = gs.map((g, i) => filled[i] ?? fill(g)).join('/');
    if (filled.some((x) => x === undefined)) return p.regex.test(own) && matchesAny(own, patterns);
    const path = filled.join('/');
    // The filled path is a match, or a directory above one.
    return p.regex.test(path) || sample.startsWith(path + '/');
  }));
}

type GlobToken = { star: true } | { chars: (c: string) => boolean };

/** One path segment's glob as tokens: `*`, or a one-character test (a literal, `?`, a class). */
function globTokens(g: string): GlobToken[] {
  const out: GlobToken[] = [];
  for (let i = 0; i < g.length; i++) {
    const c = g[i]!;
    if (c === '*') {
      if (!('star' in (out.at(-1) ?? {}))) out.push({ star: true });
    } else if (c === '?') out.push({ chars: () => true });
    else if (c === '[' && g.indexOf(']', i + 2) > 0) {
      const end = g.indexOf(']', i + 2);
      const body = g.slice(i + 1, end);
      const neg = /^[!^]/.test(body);
      const set = segRegex(`[${neg ? '!' : ''}${body.replace(/^[!^]/, '')}]`);
      out.push({ chars: (x) => set?.test(x) ?? true });
      i = end;
    } else out.push({ chars: (x) => x === c });
  }
  return out;
}

/** True when some name matches both globs (each a single segment). */
function globsMeet(a: string, b: string): boolean {
  const A = globTokens(a);
  const B = globTokens(b);
  const seen = new Map<number, boolean>();
  // Characters a one-character token may stand for, to test two tokens against each other.
  const probe = (t: { chars: (c: string) => boolean }, u: { chars: (c: string) => boolean }) => [...'abcdefghijklmnopqrstuvwxyz0123456789._-ABCDEFGHIJKLMNOPQRSTUVWXYZ'].some((c) => t.chars(c) && u.chars(c));
  const go = (i: number, j: number): boolean => {
    const key = i * 1000 + j;
    const hit = seen.get(key);
    if (hit !== undefined) return hit;
    let r: boolean;
    if (i === A.length && j === B.length) r = true;
    else if (i < A.length && 'star' in A[i]!) r = go(i + 1, j) || (j < B.length && go(i, j + 1));
    else if (j < B.length && 'star' in B[j]!) r = go(i, j + 1) || (i < A.length && go(i + 1, j));
    else if (i === A.length || j === B.length) r = false;
    else r = probe(A[i] as { chars: (c: string) => boolean }, B[j] as { chars: (c: string) => boolean }) && go(i + 1, j + 1);
    seen.set(key, r);
    return r;
  };
  return go(0, 0);
}

/**
 * The paths an absolute glob matches on disk, as the shell expands it: segment by segment, a
 * name starting with a dot only by a segment that does. Bounded (64 directories read, 256
 * matches): past that, a glob is judged by what it can match alone (globCanMatch).
 */
export function expandGlob(abs: string, listDir: (dir: string) => string[] | undefined): string[] {
  let found = [''];
  let reads = 0;
  for (const seg of abs.split('/').slice(1)) {
    if (!/[*?[]/.test(seg)) {
      found = found.map((d) => `${d}/${seg}`);
      continue;
    }
    const re = segRegex(seg);
    if (!re) return [];
    const next: string[] = [];
    for (const d of found) {
      if (++reads > 64) return next;
      for (const n of listDir(d || '/') ?? []) if ((!n.startsWith('.') || seg.startsWith('.')) && n !== '.' && n !== '..' && re.test(n) && next.length < 256) next.push(`${d}/${n}`);
    }
    found = next;
    if (found.length === 0) return [];
  }
  return found;
}

function under(path: string, dir: string): boolean {
  return dir === '/' ? path !== '/' : path.startsWith(dir + '/');
}

/**
 * The text of a path with each substitution that prints a name (printed-names.ts) spelt as a placeholder name; `empty`,
 * the text without those that fill a whole segment and may print nothing; `up`, with those that may print `..` filling
 * a segment spelt `..` (`upLast` when that is the last segment); `unsafe` when a substitution is left that may print
 * anything. undefined when the path holds no substitution (process substitutions and $(pwd) aside).
 */
function namedSubstitutions(raw: string): { text: string; empty?: string; up?: string; upLast?: boolean; unsafe: boolean } | undefined {
  const subs = substitutionsIn(raw).filter((s) => !/^\s*pwd(\s+-[PL])?\s*$/.test(s.body) && !/[<>]$/.test(raw.slice(0, s.start)));
  if (!subs.length) return undefined;
  let text = '';
  let empty = '';
  let up = '';
  let at = 0;
  let unsafe = false;
  let mayBeEmpty = false;
  let upLast: boolean | undefined;
  for (const s of subs) {
    const printed = printedNameOf(s.body);
    const whole = (s.start === 0 || raw[s.start - 1] === '/') && (s.end === raw.length || raw[s.end] === '/');
    const kept = raw.slice(s.start, s.end);
    text += raw.slice(at, s.start) + (printed ? COMPUTED_NAME : kept);
    empty += raw.slice(at, s.start) + (printed?.empty && whole ? '' : printed ? COMPUTED_NAME : kept);
    up += raw.slice(at, s.start) + (printed?.kind === 'component' && whole ? '..' : printed ? COMPUTED_NAME : kept);
    unsafe ||= !printed;
    mayBeEmpty ||= !!printed?.empty && whole;
    if (printed?.kind === 'component' && whole) upLast = s.end === raw.length || /^\/*$/.test(raw.slice(s.end));
    at = s.end;
  }
  const rest = raw.slice(at);
  const tidy = (t: string) => t.replace(/\/{2,}/g, '/').replace(/(.)\/$/, '$1') || '.';
  return { text: text + rest, empty: mayBeEmpty ? tidy(empty + rest) : undefined, up: upLast !== undefined ? up + rest : undefined, upLast, unsafe };
}
/** A path's text whose only expansions are substitutions that print a name (build/$(uname -m), dist/$(git describe --tags)). */
export function namesOnlyComputed(raw: string, names = false): boolean {
  const named = namedSubstitutions(raw);
  // (`names`: and none that may print `.` or `..` — basename of anything.)
  return named !== undefined && !named.unsafe && !/[$`]/.test(named.text) && (!names || named.up === undefined);
}
/** Whether each substitution in a path prints exactly one name — never nothing, never `..`, never a slash (date +%s, uname -m):
 *  a `..` after it climbs out of that one directory. */
export function singleNames(raw: string): boolean {
  return substitutionsIn(raw).every((s) => { const p = printedNameOf(s.body); return p?.kind === 'name' && !p.empty; });
}
/** The name a substitution that prints one stands for in a path. */
const COMPUTED_NAME = '-computed-';

/** Builds a classifier for one context; cheap enough to build per decision, cached by callers. */
export function pathClassifier(lists: PathLists, ctx: Context): PathClassifier {
  const anchors = { home: ctx.home, rampartHome: ctx.rampartHome, projectRoot: ctx.projectRoot };
  const compile = (xs: readonly string[]): PathPattern[] => xs.map((x) => compilePattern(x, anchors));
  const cred = compile(lists.homeCredentials);
  const secret = compile(lists.projectSecrets);
  const prot = compile(lists.protected);
  const system = lists.systemDirs;
  const resolve = (raw: string) => resolvePath(raw, ctx);
  // The classes of a name depend only on this context and the lists: the same few names (`.env`,
  // `build`, a temp file) come back on every decision, so each is classified once (a copy is
  // handed out, callers add to it).
  const memo = new Map<string, Set<PathClass>>();
  const classify = (raw: string, opts: ClassifyOptions = {}): Set<PathClass> => {
    const key = (opts.contains === false ? '0' : '1') + (opts.leaf ? 'l' : '') + (opts.files ? 'f' : '') + raw;
    let hit = memo.get(key);
    if (!hit) {
      if (memo.size >= 512) memo.clear();
      hit = classifyOnce(raw, opts.contains !== false, opts.leaf === true, opts.files === true);
      memo.set(key, hit);
    }
    return new Set(hit);
  };
  const classifyOnce = (raw: string, contains: boolean, leaf: boolean, files = false): Set<PathClass> => {
      const opts = { contains };
      // A substitution that prints one name or a ref name ($PWD/build/$(uname -m), dist/$(git describe)) is a name
      // below where it stands (and, where it may print nothing, that directory itself); one that may print anything
      // ($PWD/$(cat f), out/$(basename "$x")) may print `../..`: the path is then anywhere.
      // (…and a relative name in such a directory — after cd "dist/$(git describe)" — is below that name.)
      const named = namedSubstitutions(raw) ?? (!/^[/~$`]/.test(raw) && ctx.cwd.includes('$(') ? namedSubstitutions(resolve(raw)) : undefined);
      if (named?.unsafe === false) {
        const out = classify(named.text, { contains, leaf });
        if (named.empty !== undefined) for (const c of classify(named.empty, { contains, leaf })) out.add(c);
        // (A name that may be `..` is the directory above too, when the operation takes its tree or the path goes on below it.)
        if (named.up !== undefined && (!leaf || !named.upLast)) for (const c of classify(named.up, { contains, leaf })) out.add(c);
        out.add('computed');
        return out;
      }
      const abs = resolve(named?.text ?? raw);
      // Unknown until the line runs: for the judge it could be anywhere. Outside the project (a
      // delete of it is one outside the project) and possibly a secret (a send of it asks).
      if (isComputed(abs)) {
        // A computed name below a known directory (`src/$f`, `/tmp/build-$$`, `~/.ssh/$KEY`) is a
        // child of that directory: judged as one, and still marked computed.
        const cut = abs.search(/\$|`|~-/);
        const dir = abs.slice(0, cut).replace(/[^/]*$/, '').replace(/\/+$/, '');
        // …unless the name starts with the expansion: then even its directory is unknown.
        const knownStart = /^(\$(HOME|PWD)\b|\$\{(HOME|PWD)([:]?[-?=+][^}]*)?\}|\$\(pwd\))/.test(raw);
        const startsComputed = named?.unsafe === true || (!knownStart && /^(\$|`|~-)/.test(raw));
        if (!startsComputed && dir && !isComputed(dir)) {
          const known = classify(`${dir}/-computed-`, opts);
          known.add('computed');
          // (A name that is only dots and expansions — "..$(x)", ".$X" — may be `..` itself: the directory above is named
          // too, when the operation takes its tree (rm -r, find … -delete); below it — "..$x"/*, ".$d/.bashrc" — always.)
          const [seg, ...rest] = abs.slice(dir.length + 1).split('/');
          if (/^\.+$/.test(seg!.replace(/\$\{[^}]*\}|\$\([^)]*\)|\$\w+|`[^`]*`/g, '')) && (rest.length > 0 || !leaf)) for (const c of classify(posix.join(posix.dirname(dir), ...rest), opts)) known.add(c);
          // (A computed last name in a directory that holds credentials — ~/"$f", ~/.config/$X — may be one of them.)
          // (…or a credential's own file name below a computed directory there: ~/"$d"/credentials. Not a public key.)
          const last = abs.slice(abs.lastIndexOf('/') + 1);
          const below = (p: PathPattern) => !p.negated && p.base !== undefined && p.base.startsWith(`${dir}/`);
          if (!/\.pub$/.test(abs) && ((!abs.slice(cut).includes('/') && cred.some((p) => below(p) && p.base!.slice(dir.length + 1).split('/').length <= 2))
            || (!/[$`]/.test(last) && cred.some((p) => below(p) && p.source.slice(p.source.lastIndexOf('/') + 1) === last)))) known.add('maybe_credential');
          return known;
        }
        const out = new Set<PathClass>(['any', 'computed', 'outside_project']);
        // Its static tail still names what it is (`$(python3 -c …)/sitecustomize.py`), and the
        // computed part may be HOME (`$X/.bashrc`, `$(echo ~)/../u/.aws/credentials`): each
        // trailing piece of the tail is judged as if below HOME too.
        const tail = /\/[^$`)]*$/.exec(abs)?.[0];
        if (tail && matchesAny(tail, prot)) out.add('protected');
        if (tail && matchesAny(tail, cred)) out.add('home_credential');
        const pieces = (tail ?? '').split('/').filter(Boolean);
        for (let k = 0; k < pieces.length; k++) {
          const asHome = classify(`${ctx.home}/${pieces.slice(k).join('/')}`, opts);
          for (const c of ['protected', 'home_credential'] as const) if (asHome.has(c)) out.add(c);
        }
        // (…and the computed part may be the project, or any directory holding a project's secrets: `~-/.env`, `$OLDPWD/id_rsa`.)
        if (pieces.length && matchesAny(`${ctx.projectRoot}/${pieces.join('/')}`, secret)) out.add('project_secret');
        return out;
      }
      // A glob is judged by the directory it expands in: `/*` is the root, `src/*` inside.
      const isGlob = /[*?[]/.test(abs);
      // A glob's matches are children of the directory it expands in; a pattern that matches
      // everything there (`*`, `.*`) empties that directory, so it is judged as the directory.
      const globDir = isGlob ? posix.dirname(abs.split(/[*?[]/)[0]! + 'x') : abs;
      const everything = isGlob && /^(\*|\.\*|\*\/?|\.\[!.\]\*|\{\*,\.\*\})$/.test(posix.basename(abs)) && posix.dirname(abs) === globDir;
      // (…except the temp dir: `/tmp/*` is everything below /tmp, not /tmp.)
      // (…and a files-only removal at the project's top: its matches are the files there, see ClassifyOptions.files.)
      const path = !isGlob || (everything && !TMP_DIRS.includes(globDir) && !(files && globDir === ctx.projectRoot)) ? globDir : posix.join(globDir, '-glob-match-');
      const out = new Set<PathClass>(['any']);
      if (path === '/') out.add('root');
      if (path === ctx.home || under(ctx.home, path)) out.add('home');
      // Below /tmp is scratch space, unless HOME itself lives there (as in test sandboxes).
      const inTmp = TMP_DIRS.some((d) => under(path, d)) && !(path === ctx.home || under(path, ctx.home));
      if (inTmp) out.add('tmp');
      const root = ctx.projectRoot;
      // A project may live below a system directory (/srv/app, /opt/app, /var/www): what is
      // inside it is the project's, and scratch space below /var/tmp is not system either.
      const inProject = under(path, root) && !system.includes(root);
      if (!inProject && !inTmp && (system.some((d) => path === d || under(path, d)) || (path !== '/' && under(path, '/') && path.split('/').length === 2 && !TMP_DIRS.includes(path) && path !== '/home'))) out.add('system');
      if (path === root) out.add('project_root');
      // The repository and its history: objects, refs, reflogs, HEAD, and whatever find matches in
      // .git (lock files named by themselves are not).
      else if (path === root + '/.git' || (/^\/\.git\/(objects|refs|logs|HEAD$|packed-refs$|index$|-find-match-$)(\/|$)/.test(path.slice(root.length)) && !path.endsWith('.lock'))) out.add('project_git');
      else if (under(path, root)) out.add('inside_project');
      else if (!inTmp) out.add('outside_project');
      const base = isGlob ? abs : path;
      if (matchesAny(base, cred) || (contains && containsMatch(path, cred))) out.add('home_credential');
      if (matchesAny(base, secret)) out.add('project_secret');
      // A glob is what it can match: `.e*v` can be .env, `~/.ss*` can be ~/.ssh.
      if (isGlob && !everything) {
        if (globCanMatch(abs, cred)) out.add('home_credential');
        if (globCanMatch(abs, secret)) out.add('project_secret');
        if (globCanMatch(abs, prot)) out.add('protected');
      } else if (isGlob && posix.basename(abs).startsWith('.') && [ctx.projectRoot, ctx.cwd, ctx.home].includes(globDir)) {
        // So is one that matches every dot-file of the directory that holds them (`.*`, `.[!.]*`): it names
        // .env, and in HOME ~/.netrc. (Only there: `'src/.*'` is more often a regex; a bare `*` names no dot-file.)
        if (globDir === ctx.home && globCanMatch(abs, cred)) out.add('home_credential');
        if (globCanMatch(abs, secret)) out.add('project_secret');
      }
      // Removing the project (or a tree in it) is judged by the project rules, not as tampering
      // with the project's own protected files; trees outside that hold protected files are.
      if (matchesAny(base, prot) || (contains && !under(path, root) && path !== root && containsMatch(path, prot))) out.add('protected');
      return out;
  };
  return { resolve, classify };
}

/** Names of the directories builds, docs and reports are written to (dist, build, public, site, coverage …): their content is output. */
export const OUTPUT_DIR = /^(dist|build|public|out|output|site|_site|www|static|docs|html|storybook-static|coverage|htmlcov|lcov-report|target|_build|public_html|web-build|assets|reports?|tmp|\.next|\.nuxt|\.output|\.turbo|\.cache|node_modules)$/;
