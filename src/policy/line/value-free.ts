// Reads of a secret that show none of its values: a comparison that says only whether two files differ, a public key
// derived from a private one, and a filter whose output — worked out on lines shaped as the secret file holds them —
// keeps no value: the names of a dotenv file (cut -d= -f1 .env, sed 's/=.*//'), the sections of a credentials file
// (grep '^\[' ~/.aws/credentials). Pure: the filters are run on sample lines, never on the file.
import { posix } from 'node:path';

/** A line of a secret file and the value it carries. */
type Sample = readonly [line: string, value: string];

// (A dotenv file's lines are NAME=VALUE, quoted or exported. A value that spans several lines — a PEM block in double
// quotes — would pass through a name projection on its continuation lines: not modelled; see the README's limits.)
const DOTENV: readonly Sample[] = [
  ['API_KEY=sk-live-51H8xq', 'sk-live-51H8xq'],
  ['export NPM_TOKEN=npm_abc123', 'npm_abc123'],
  ['DATABASE_URL="postgres://app:s3cret@db:5432/app"', 's3cret'],
  ['JWT_SECRET = changeme', 'changeme'],
  ['AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG', 'wJalrXUtnFEMI/K7MDENG'],
  ['lower_key=Zq9vLw2x', 'Zq9vLw2x'],
  ["PRIVATE_KEY='-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADAN'", 'MIIEvQIBADAN'],
];
// (Every other secret file: ini credentials, key blocks, .npmrc/.netrc, JSON and YAML configuration.)
const OTHER: readonly Sample[] = [
  ...DOTENV,
  ['aws_access_key_id = AKIAIOSFODNN7EXAMPLE', 'AKIAIOSFODNN7EXAMPLE'],
  ['aws_secret_access_key=wJalrXUtnFEMIK7MDENGbPxRfiCY', 'wJalrXUtnFEMIK7MDENGbPxRfiCY'],
  // (A key's armour line says where a key is: a search for it is a search for keys.)
  ['-----BEGIN OPENSSH PRIVATE KEY-----', 'BEGIN OPENSSH PRIVATE KEY'],
  ['b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ', 'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ'],
  ['MIIEvQIBADANBgkqhkiG9w0BAQEFAASC', 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASC'],
  ['//registry.npmjs.org/:_authToken=npm_xyz789', 'npm_xyz789'],
  ['machine github.com login u password p4ssw0rd', 'p4ssw0rd'],
  ['    "auth": "dXNlcjpwYXNzd29yZA=="', 'dXNlcjpwYXNzd29yZA'],
  ['    client-key-data: LS0tLS1CRUdJTi', 'LS0tLS1CRUdJTi'],
  ['token: ghp_16C7e42F292c6912E7710c8', 'ghp_16C7e42F292c6912E7710c8'],
  ['https://u:ghp_abc123@github.com', 'ghp_abc123'],
  ['password=hunter2', 'hunter2'],
];

/**
 * For a command that reads secret files, which of them it shows no value of (a test on each path), or undefined when
 * it may show any. The words must be literal: a value the line computes — grep "^${name}=" — may select anything.
 */
export function showsNoValue(name: string, args: readonly string[]): ((path: string) => boolean) | undefined {
  const has = (re: RegExp) => args.some((a) => re.test(a));
  // Comparisons that report only whether (or where) files differ.
  if (name === 'diff' && has(/^(-q|--brief)$|^-[a-zA-Z]*q[a-zA-Z]*$/) && !has(/^(-y|--side-by-side|--normal|-u|-c|-e|--ed)$/)) return () => true;
  if (name === 'cmp' && !has(/^(-l|-b|--verbose|--print-bytes)$|^-[a-zA-Z]*[lb]/)) return () => true;
  if (name === 'git' && args.includes('diff') && args.includes('--no-index') && has(/^--(quiet|stat|numstat|shortstat|name-only|name-status)$/) && !has(/^(-p|-u|--patch)$/)) return () => true;
  // A public key or a check of a private one: openssl pkey -pubout, rsa -noout -modulus | … (not -text, which prints it).
  if (name === 'openssl' && /^(pkey|rsa|ec|dsa)$/.test(args[0] ?? '') && has(/^-(pubout|noout)$/) && !has(/^-(text|passout)$/) && (has(/^-pubout$/) || !args.slice(1).some((a, k, xs) => a === '-out' || (xs[k - 1] === '-out')))) return () => true;
  // Filters worked out on the file's kind of lines.
  const run = FILTERS[name.replace(/^(g|m|n)awk$/, 'awk').replace(/^[ef]grep$/, 'grep')];
  if (run === undefined) return undefined;
  const kind = (path: string) => (/^\.env(\.|$)/.test(posix.basename(path)) ? DOTENV : OTHER);
  // (A pattern picks the lines it names, whatever the samples hold: grep PASSWORD reads DB_PASSWORD=…, so each word in the
  // command is tried as a variable's name too.)
  // (Not the files' own names: .env, ~/.aws/credentials.)
  const words = [...new Set(args.filter((a) => !a.startsWith('-') && !/^[.~/]|\//.test(a)).flatMap((a) => a.match(/[A-Za-z_][A-Za-z0-9_]{2,}/g) ?? []))];
  const named = (dotenv: boolean): Sample[] => words.flatMap((w) => [`${w}=s3cr3tV4lue`, `X_${w}_Y=s3cr3tV4lue`, `export ${w}="s3cr3tV4lue"`, `${w.toLowerCase()}=s3cr3tV4lue`,
    ...(dotenv ? [] : [`${w.toLowerCase()} = s3cr3tV4lue`, `  ${w}: s3cr3tV4lue`])].map((l): Sample => [l, 's3cr3tV4lue']));
  return (path) => {
    const samples = [...kind(path), ...named(kind(path) === DOTENV)];
    const out = run(args, samples.map(([l]) => l));
    if (out === undefined) return false;
    const text = out.join('\n');
    return samples.every(([, v]) => !windows(v).some((w) => text.includes(w)));
  };
}

/** Every 4-character piece of a value: a part of it shown is shown. */
function windows(v: string): string[] {
  return v.length < 4 ? [v] : Array.from({ length: v.length - 3 }, (_, k) => v.slice(k, k + 4));
}

type Filter = (args: readonly string[], lines: readonly string[]) => string[] | undefined;

/** An option's value, spaced or attached (-d= -d '=' --delimiter==). */
function optionValue(args: readonly string[], short: string, long: string): string | undefined {
  let v: string | undefined;
  args.forEach((a, k) => {
    if (a === `-${short}` || a === `--${long}`) v = args[k + 1];
    else if (a.startsWith(`--${long}=`)) v = a.slice(long.length + 3);
    else if (new RegExp(`^-${short}.`).test(a)) v = a.slice(2);
  });
  return v;
}

/** A cut/awk field list (1, 1-3, 2-, -2) as a test on field numbers. */
function fieldList(spec: string): ((n: number) => boolean) | undefined {
  const parts = spec.split(',').map((p) => /^(\d*)(-?)(\d*)$/.exec(p));
  if (parts.some((m) => m === null || (m[1] === '' && m[3] === ''))) return undefined;
  return (n) => parts.some((m) => { const lo = m![1] ? Number(m![1]) : 1; const hi = m![2] ? (m![3] ? Number(m![3]) : Infinity) : lo; return n >= lo && n <= hi; });
}

/** A basic (grep, sed) or extended regular expression as JavaScript's (POSIX classes spelled out), or undefined when it does not compile. */
export function regexOf(p: string, extended: boolean, flags = ''): RegExp | undefined {
  const POSIX: Record<string, string> = { alnum: 'a-zA-Z0-9', alpha: 'a-zA-Z', digit: '0-9', upper: 'A-Z', lower: 'a-z', space: '\\s', blank: ' \\t', punct: '!-\\/:-@\\[-`{-~', print: ' -~', graph: '!-~', xdigit: '0-9A-Fa-f', cntrl: '\\x00-\\x1f', word: '\\w' };
  let s = p.replace(/\[:(\w+):\]/g, (m, c: string) => POSIX[c] ?? m);
  if (!extended) s = s.replace(/\\([(){}|+?])|([(){}|+?])/g, (_m, esc?: string, bare?: string) => (esc !== undefined ? esc : `\\${bare}`));
  try {
    return new RegExp(s, flags);
  } catch {
    return undefined;
  }
}

const FILTERS: Record<string, Filter> = {
  // cut -d D -f LIST [-s], cut -c/-b LIST.
  cut(args, lines) {
    if (args.some((a) => /^--(complement|output-delimiter)/.test(a))) return undefined;
    const chars = optionValue(args, 'c', 'characters') ?? optionValue(args, 'b', 'bytes');
    if (chars !== undefined) { const f = fieldList(chars); return f && lines.map((l) => [...l].filter((_, k) => f(k + 1)).join('')); }
    const f = fieldList(optionValue(args, 'f', 'fields') ?? '');
    const d = optionValue(args, 'd', 'delimiter') ?? '\t';
    if (!f || d.length !== 1) return undefined;
    const only = args.some((a) => a === '-s' || a === '--only-delimited' || /^-[a-zA-Z]*s[a-zA-Z]*$/.test(a) && !/^-[df]/.test(a));
    return lines.flatMap((l) => (!l.includes(d) ? (only ? [] : [l]) : [l.split(d).filter((_, k) => f(k + 1)).join(d)]));
  },
  // awk [-F S] 'PATTERN { print EXPR, … }' — print of fields, literals and NR; patterns /re/, !/re/, NF, $N ~ /re/, joined by &&.
  awk(args, lines) {
    const fs = optionValue(args, 'F', 'field-separator');
    const prog = args.find((a, k) => !a.startsWith('-') && !/^(-F|--field-separator|-v|--assign)$/.test(args[k - 1] ?? ''));
    if (prog === undefined || args.some((a) => /^(-f|--file)/.test(a))) return undefined;
    const m = /^\s*([^{]*?)\s*(?:\{\s*(.*?)\s*;?\s*\})?\s*$/s.exec(prog);
    if (!m || (m[1] === '' && m[2] === undefined)) return undefined;
    const action = m[2] ?? 'print';
    const prints = action.split(/\s*;\s*/).filter(Boolean);
    if (!prints.every((p) => /^print(\s|$)/.test(p))) return undefined;
    const terms = prints.map((p) => [...p.slice(5).matchAll(/"((?:[^"\\]|\\.)*)"|\$(\d+)|\b(NR|NF)\b|([,\s]+)|(\S)/g)]);
    if (terms.some((ts) => ts.some((t) => t[5] !== undefined))) return undefined;
    const conds = m[1]!.split(/\s*&&\s*/).filter(Boolean);
    const tests = conds.map((c): ((l: string, f: string[]) => boolean) | undefined => {
      const r = /^(!?)\s*(?:\$(\d+)\s*~\s*)?\/((?:[^/\\]|\\.)*)\/$/.exec(c);
      if (r) { const re = regexOf(r[3]!, true); return re && ((l, f) => re.test(r[2] ? f[Number(r[2])] ?? '' : l) !== (r[1] === '!')); }
      if (c === 'NF') return (l) => l.trim() !== '';
      return undefined;
    });
    if (tests.some((t) => t === undefined)) return undefined;
    const split = (l: string) => ['', ...(fs === undefined || fs === ' ' ? l.trim().split(/\s+/) : fs.length === 1 ? l.split(fs) : l.split(regexOf(fs, true) ?? fs))];
    return lines.flatMap((l, n) => {
      const f = split(l);
      if (!tests.every((t) => t!(l, f))) return [];
      return prints.map((_, k) => {
        const ts = terms[k]!;
        if (ts.length === 0) return l;
        return ts.map((t) => (t[1] !== undefined ? t[1] : t[2] !== undefined ? (t[2] === '0' ? l : f[Number(t[2])] ?? '') : t[3] === 'NR' ? String(n + 1) : t[3] === 'NF' ? String(f.length - 1) : t[4]!.includes(',') ? ' ' : '')).join('');
      });
    });
  },
  // sed [-n] [-E] 's/RE/REPL/FLAGS; /RE/p; /RE/d; p; d'.
  sed(args, lines) {
    if (args.some((a) => /^(-i|--in-place|-f|--file|-z|--null-data|-s)/.test(a) || /^-[a-zA-Z]*[ifz]/.test(a) && !a.startsWith('--'))) return undefined;
    const quiet = args.some((a) => /^(--quiet|--silent)$/.test(a) || /^-[a-zA-Z]*n[a-zA-Z]*$/.test(a) && !a.startsWith('--'));
    const ext = args.some((a) => /^(--regexp-extended)$/.test(a) || /^-[a-zA-Z]*[Er][a-zA-Z]*$/.test(a) && !a.startsWith('--'));
    const given = args.flatMap((a, k) => (/^(-e|--expression)$/.test(args[k - 1] ?? '') ? [a] : []));
    const script = given.length ? given.join('\n') : args.find((a) => !a.startsWith('-'));
    if (script === undefined) return undefined;
    type Cmd = { addr?: RegExp; neg: boolean; op: string; re?: RegExp; repl?: string; print?: boolean };
    const cmds: Cmd[] = [];
    for (const part of script.split(/\s*[;\n]\s*/).filter(Boolean)) {
      const m = /^(?:\/((?:[^/\\]|\\.)*)\/(I?))?\s*(!?)\s*(?:([pd])|s(.)((?:(?!\5)[^\\]|\\.)*)\5((?:(?!\5)[^\\]|\\.)*)\5([gpI\d]*))$/.exec(part);
      if (!m) return undefined;
      const addr = m[1] !== undefined ? regexOf(m[1], ext, m[2] ? 'i' : '') : undefined;
      if (m[1] !== undefined && addr === undefined) return undefined;
      if (m[4]) { cmds.push({ addr, neg: m[3] === '!', op: m[4] }); continue; }
      const re = regexOf(m[6]!, ext, `${m[8]!.includes('g') ? 'g' : ''}${m[8]!.includes('I') ? 'i' : ''}`);
      if (!re) return undefined;
      const repl = m[7]!.replace(/\$/g, '$$$$').replace(/\\(\d)/g, '$$$1').replace(/(^|[^\\])&/g, '$1$$&').replace(/\\(.)/g, '$1');
      cmds.push({ addr, neg: m[3] === '!', op: 's', re, repl, print: m[8]!.includes('p') });
    }
    const out: string[] = [];
    for (const l of lines) {
      let ps = l;
      let deleted = false;
      for (const c of cmds) {
        if (c.addr && c.addr.test(ps) === c.neg) continue;
        if (c.op === 'p') out.push(ps);
        else if (c.op === 'd') { deleted = true; break; } else if (c.re!.test(ps)) { c.re!.lastIndex = 0; ps = ps.replace(c.re!, c.repl!); if (c.print) out.push(ps); }
        if (c.re) c.re.lastIndex = 0;
      }
      if (!deleted && !quiet) out.push(ps);
    }
    return out;
  },
  // grep [-v] [-o] [-i] [-E|-F] PATTERN | -e PATTERN….
  grep(args, lines) {
    if (args.some((a) => /^(-[ABC]|--(after|before)?-?context|-f|--file|-P|--perl-regexp|-z|--null-data)/.test(a) || (/^-[a-zA-Z]*[ABCfPz]/.test(a) && !a.startsWith('--')))) return undefined;
    const flag = (c: string, long: string) => args.some((a) => a === `--${long}` || new RegExp(`^-[a-zA-Z]*${c}[a-zA-Z]*$`).test(a) && !a.startsWith('--'));
    const given = args.flatMap((a, k) => (/^(-e|--regexp)$/.test(args[k - 1] ?? '') ? [a] : /^--regexp=/.test(a) ? [a.slice(9)] : []));
    const patterns = given.length ? given : [args.find((a) => !a.startsWith('-'))].filter((p): p is string => p !== undefined);
    if (patterns.length === 0) return undefined;
    const fixed = flag('F', 'fixed-strings');
    const res = patterns.map((p) => (fixed ? new RegExp(p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g') : regexOf(p, flag('E', 'extended-regexp'), `g${flag('i', 'ignore-case') ? 'i' : ''}`)));
    if (res.some((r) => r === undefined)) return undefined;
    const invert = flag('v', 'invert-match');
    const only = flag('o', 'only-matching');
    return lines.flatMap((l) => {
      const hit = res.some((r) => { r!.lastIndex = 0; return r!.test(l); });
      if (hit === invert) return [];
      return only && !invert ? res.flatMap((r) => [...l.matchAll(new RegExp(r!.source, r!.flags))].map((x) => x[0]).filter(Boolean)) : [l];
    });
  },
};

/**
 * What cut, sed, awk or grep print for known input (a here-string, echo's words) when they read nothing else: each line run
 * through the same reading as above. Undefined when they name a file, or their words are not read here.
 */
export function filterOutput(name: string, args: readonly string[], input: string): string | undefined {
  const tool = name.replace(/^(g|m|n)awk$/, 'awk').replace(/^[ef]grep$/, 'grep');
  const run = FILTERS[tool];
  if (run === undefined) return undefined;
  // (Operands past the program, script or pattern are files: the input is theirs, not the pipe's.)
  const VALUED: Record<string, RegExp> = { cut: /^(-d|-f|-c|-b|--delimiter|--fields|--characters|--bytes)$/, awk: /^(-F|-v|--field-separator|--assign)$/, sed: /^(-e|--expression|-l|--line-length)$/, grep: /^(-e|--regexp|-m|--max-count)$/ };
  const operands = args.filter((a, k) => !a.startsWith('-') && !VALUED[tool]!.test(args[k - 1] ?? ''));
  const scripted = tool === 'cut' || args.some((a) => /^(-e|--expression|--regexp)(=|$)/.test(a)) ? 0 : 1;
  if (operands.length > scripted) return undefined;
  const out = run(args, input.replace(/\n$/, '').split('\n'));
  return out === undefined ? undefined : `${out.join('\n')}\n`;
}
