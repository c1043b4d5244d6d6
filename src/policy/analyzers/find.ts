// find: -delete removes what matches below each root; -exec/-execdir/-ok run a command per match.
import { posix } from 'node:path';
import { newFacts, type Facts } from '../facts.js';
import type { AnalyzerInput } from './types.js';

/**
 * find's starting points and where its expression begins: after the leading options (-H -L -P,
 * -D LIST, -O N, --). `-files0-from FILE` takes them from a file: unknown ($FIND_ROOT).
 */
export function findRoots(args: readonly string[]): { roots: string[]; exprAt: number } {
  let i = 0;
  while (i < args.length && /^-([HLP]|O\d*|D)$/.test(args[i]!)) i += args[i] === '-D' ? 2 : 1;
  if (args[i] === '--') i++;
  const roots: string[] = [];
  while (i < args.length && !args[i]!.startsWith('-') && args[i] !== '(' && args[i] !== '!') roots.push(args[i++]!);
  if (args.includes('-files0-from')) roots.push('$FIND_ROOT');
  if (roots.length === 0) roots.push('.');
  return { roots, exprAt: i };
}

/** How many words after a find primary are its values (-name PAT, -printf FORMAT, -fprintf FILE FORMAT, -newermt DATE): none for the rest. */
export function findValueCount(primary: string): number {
  if (primary === '-fprintf') return 2;
  return /^-(([acm](min|time|newer))|fstype|gid|group|ilname|iname|inum|ipath|iregex|iwholename|links|lname|name|newer|path|perm|regex|samefile|size|type|uid|used|user|wholename|xtype|context|maxdepth|mindepth|regextype|printf|fprint0?|fls|files0-from|newer[aBcmt][aBcmt])$/.test(primary) ? 1 : 0;
}

/** The roots, whether -delete is given, and each -exec command with {} standing for a match. */
export function findParts(args: readonly string[], where?: { cwd: string; home: string }): { roots: string[]; deletes: boolean; execs: string[][]; match: string } {
  const found = findRoots(args);
  const roots = found.roots;
  let i = found.exprAt;
  const execs: string[][] = [];
  let deletes = false;
  // With no test at all, every file below the root matches: the root's whole content. (Actions —
  // -exec's command words included — are no tests; and a test after -delete comes too late: find
  // has deleted each file before it gets there.)
  const expr: string[] = [];
  for (let k = i; k < args.length; k++) {
    const a = args[k]!;
    if (a === '-delete' || /^-[a-z]*[*?[]/.test(a)) break;
    if (/^-(exec|execdir|ok|okdir)$/.test(a)) {
      const end = args.findIndex((x, j) => j > k && (x === ';' || x === '+' || x === '\\;'));
      k = end < 0 ? args.length : end;
      continue;
    }
    expr.push(a);
    // (A primary's values are no primaries: -printf -delete prints the word -delete.)
    for (let n = findValueCount(a); n > 0 && k + 1 < args.length; n--) expr.push(args[++k]!);
  }
  // A match is something below a root, not the root itself; a literal -name says what it is.
  // (Only a -name that must hold: one negated, or one of several alternatives, names nothing.)
  const nameAt = expr.findIndex((a) => a === '-name' || a === '-iname');
  const negated = nameAt > 0 && /^(!|-not)$/.test(expr[nameAt - 1]!);
  const alternated = expr.some((a) => a === '-o' || a === '-or' || a === ',');
  const name = nameAt >= 0 && !negated && !alternated ? expr[nameAt + 1] ?? '' : '';
  const alternatives = alternated ? expr.filter((a, k) => /^-i?name$/.test(expr[k - 1] ?? '') && !/^(!|-not)$/.test(expr[k - 2] ?? '') && !a.includes('/')) : [];
  const tests = expr.some((a) => a.startsWith('-') && !/^-(depth|maxdepth|mindepth|xdev|mount|print0?|printf|ls|ignore_readdir_race|noleaf|d|prune|quit)$/.test(a));
  // (A name of only dots — -name ".$x", -name .. — is a pattern no entry below a root matches as `.` or `..`: find never
  // yields them. It names some other entry, not the directory above.)
  const onlyDots = /^\.+$/.test(name.replace(/\$\{[^}]*\}|\$\([^)]*\)|\$\w+|`[^`]*`/g, ''));
  const match = `${roots[0]!.replace(/\/+$/, '')}/${name && !name.includes('/') ? (onlyDots ? `${name}-find-match-` : name) : tests ? '-find-match-' : '*'}`;
  for (; i < args.length; i++) {
    const a = args[i]!;
    // (A predicate written as a glob — -del*, -delet? — is whatever name the shell finds in the
    // directory: it may be -delete.)
    if (a === '-delete' || /^-[a-z]*[*?[]/.test(a)) deletes = true;
    if (a === '-exec' || a === '-execdir' || a === '-ok' || a === '-okdir') {
      const end = args.findIndex((x, k) => k > i && (x === ';' || x === '+' || x === '\\;'));
      const cmd = args.slice(i + 1, end < 0 ? args.length : end);
      execs.push(cmd.map((c) => c.replace(/\{\}/g, match)));
      // (Each -name of alternatives — -name '*.log' -o -name '.env' — may be what it runs on.)
      for (const alt of alternatives) execs.push(cmd.map((c) => c.replace(/\{\}/g, `${roots[0]!.replace(/\/+$/, '')}/${alt}`)));
      // With no name test, the dot-files of the directory it stands in (.env) or of HOME (.netrc) are matches too.
      // (Not for what only changes or shows a file's metadata: chmod 644 {} +.)
      // (A name test that a dot-file's name passes — -name '*', -name '*nv', -regex '.*' — leaves them in.)
      // (A secret below the root by its path as find prints it — ROOT/.ssh/id_rsa — within -maxdepth: -path '*/.ssh/*' picks it.)
      const maxDepth = Number(expr[expr.indexOf('-maxdepth') + 1] ?? NaN);
      const passes = (rel: string, root: string) => rel.split('/').length <= (expr.includes('-maxdepth') && !Number.isNaN(maxDepth) ? maxDepth : Infinity) && expr.every((a, k) => {
        const t = expr[k - 1] ?? '';
        const printed = `${root.replace(/\/+$/, '')}/${rel}`;
        if (/^-i?name$/.test(t)) return globLike(a, t === '-iname').test(posix.basename(rel));
        if (/^-i?(path|wholename)$/.test(t)) return globLike(a, t !== '-path' && t !== '-wholename', true).test(printed);
        if (/^-i?regex$/.test(t)) { try { return new RegExp(`^(?:${a})$`, t === '-iregex' ? 'i' : '').test(printed); } catch { return true; } }
        return !(/^-x?type$/.test(t) && !/f/.test(a));
      });
      if (where && !/^(chmod|chown|chgrp|touch|stat|ls|file|setfacl|getfacl)$/.test(cmd[0]?.replace(/^.*\//, '') ?? '') && !alternated && !expr.some((a) => a === '!' || a === '-not')) {
        for (const r of roots) {
          const dir = posix.resolve(where.cwd, r.replace(/^["']|["']$/g, '').replace(/^~(?=\/|$)/, where.home).replace(/^\$\{?(HOME)\}?(?=\/|$)/, where.home).replace(/^\$\{?PWD\}?(?=\/|$)/, where.cwd));
          // (The directory it stands in, or one above it — `..`, `src/..` — holds the project's .env and its siblings
          // (-name '*.local' is .env.local: find's names do not hide dot-files); HOME its ~/.netrc.)
          const dots = dir === where.home ? ['.netrc', '.npmrc', '.git-credentials', '.pgpass', '.ssh/id_rsa', '.ssh/id_ed25519', '.aws/credentials', '.kube/config', '.docker/config.json', '.config/gh/hosts.yml'] : dir === where.cwd || (where.cwd.startsWith(`${dir}/`) && dir !== '/' && !where.home.startsWith(`${dir}/`)) ? ['.env', '.env.local', '.env.production', '.env.staging', '.npmrc'] : [];
          const dot = dots.find((d) => passes(d, r.replace(/^["']|["']$/g, '')));
          if (dot) execs.push(cmd.map((c) => c.replace(/\{\}/g, `${posix.relative(where.cwd, posix.join(dir, dot)) || dot}`)));
        }
      }
      // Without a test (or -mindepth) the roots match too: `find /tmp -exec rm -rf {} +` removes /tmp.
      if (!tests && !args.includes('-mindepth')) for (const r of roots) execs.push(cmd.map((c) => c.replace(/\{\}/g, r)));
      i = end < 0 ? args.length : end;
    }
    i += findValueCount(a);
  }
  return { roots, deletes, execs, match };
}

/** A find -name/-path pattern as a regex (fnmatch: `*` and `?` cross `/` only for -path). */
function globLike(p: string, icase: boolean, path = false): RegExp {
  const any = path ? '.' : '[^/]';
  // (A pattern the regex engine refuses — an open `[` — may match anything.)
  try {
    return new RegExp(`^${p.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, `${any}*`).replace(/\?/g, any)}$`, icase ? 'i' : '');
  } catch {
    return /^/;
  }
}

const quote = (w: string) => (/^[\w@%+=:,./-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`);

/** Facts of one find invocation. */
export function analyzeFind({ tool, args, cwd, home }: AnalyzerInput): Facts {
  const f = newFacts(tool);
  const p = findParts(args, { cwd, home });
  if (p.deletes) {
    f.deletes.push(...p.roots.map((r) => p.match.replace(p.roots[0]!.replace(/\/+$/, ''), r.replace(/\/+$/, ''))));
    f.tags.add('recursive');
  }
  for (const e of p.execs) f.runs.push(e.map(quote).join(' '));
  for (let i = 0; i < args.length; i++) if (/^-fprint0?$|^-fls$|^-fprintf$/.test(args[i]!)) f.writes.push(args[i + 1] ?? '');
  return f;
}
