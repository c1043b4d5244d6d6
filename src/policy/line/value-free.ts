// Reads of a secret that show none of its values: a comparison that says only whether two files differ, a public key
// derived from a private one, and a filter whose output — worked out on lines shaped as the secret file holds them —
// does not depend on the values: the names of a dotenv file (cut -d= -f1 .env, sed 's/=.*//'), the sections of a
// credentials file (grep '^\[' ~/.aws/credentials). Pure: the filters are run on sample lines, never on the file.
//
// Understood, or not a value-free read: each tool's options are read by a strict grammar (an option it does not list,
// an abbreviated long option, a -NUM context, is "not understood" and the read stays a read), and a filter shows no
// value only when its output is the same for the samples and for the samples with every value changed — to letters of
// the same class, to other shapes (hex, digits, long tokens), to values that start with what the command's own words
// spell (a guess) — a filter that prints a value in pieces (grep -o '.\{1,3\}', sed 's/./& /g', cut -c9-11), selects by
// it (grep -E '=[0-9a-f]{32,}$') or answers a question about it (grep -c '^KEY=sk_l') prints something else.
import { posix } from 'node:path';

/** A line of a secret file, the value it carries, and whether that value is the secret (an armour line is not). */
type Sample = readonly [line: string, value: string, changes?: false];

// (A dotenv file's lines are NAME=VALUE, quoted or exported, with comments and blank lines between. A value that spans
// several lines — a PEM block in double quotes — would pass through a name projection on its continuation lines: not
// modelled; see the README's limits.)
const DOTENV: readonly Sample[] = [
  ['# production settings', ''],
  ['', ''],
  ['API_KEY=sk-live-51H8xq', 'sk-live-51H8xq'],
  ['export NPM_TOKEN=npm_abc123', 'npm_abc123'],
  ['DATABASE_URL="postgres://app:s3cret@db:5432/app"', 's3cret'],
  ['JWT_SECRET = changeme', 'changeme'],
  ['AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG', 'wJalrXUtnFEMI/K7MDENG'],
  ['lower_key=Zq9vLw2x', 'Zq9vLw2x'],
  ["PRIVATE_KEY='-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADAN'", 'MIIEvQIBADAN'],
  // (Values holding the separators a projection splits on: = in base64, spaces, # and : in a URL's password.)
  ['SESSION_B64=aGVsbG8=d29ybGQ=', 'aGVsbG8=d29ybGQ='],
  ['PASSPHRASE="correct horse battery staple"', 'correct horse battery staple'],
  ['SMTP_PASS=q7#Lm:x2Rt', 'q7#Lm:x2Rt'],
  // (…and a short name, whose value starts near the line's start: cut -c1-6 shows it.)
  ['DB=hunter22', 'hunter22'],
  // (…and a line saved with a Windows line ending.)
  ['CRLF_TOKEN=crlfV4lue9\r', 'crlfV4lue9'],
];
// (Every other secret file: ini credentials, key blocks, .npmrc/.netrc, JSON and YAML configuration.)
const OTHER: readonly Sample[] = [
  ...DOTENV,
  ['[default]', ''],
  ['aws_access_key_id = AKIAIOSFODNN7EXAMPLE', 'AKIAIOSFODNN7EXAMPLE'],
  ['aws_secret_access_key=wJalrXUtnFEMIK7MDENGbPxRfiCY', 'wJalrXUtnFEMIK7MDENGbPxRfiCY'],
  // (A key's armour line says where a key is: a search for it is a search for keys.)
  ['-----BEGIN OPENSSH PRIVATE KEY-----', 'BEGIN OPENSSH PRIVATE KEY', false],
  ['b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ', 'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ'],
  ['MIIEvQIBADANBgkqhkiG9w0BAQEFAASC', 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASC'],
  // (Whole lines of a key's body: 64 characters in PEM, 70 in OpenSSH's format.)
  ['MIIEowIBAAKCAQEAx8W3j0ZkQ2vGm5T1rL9pN4sY7uB2cD6eF0gH3iJ5kK8lM1nO', 'MIIEowIBAAKCAQEAx8W3j0ZkQ2vGm5T1rL9pN4sY7uB2cD6eF0gH3iJ5kK8lM1nO'],
  ['AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl00', 'AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl00'],
  ['//registry.npmjs.org/:_authToken=npm_xyz789', 'npm_xyz789'],
  ['machine github.com login u password p4ssw0rd', 'p4ssw0rd'],
  ['    "auth": "dXNlcjpwYXNzd29yZA=="', 'dXNlcjpwYXNzd29yZA=='],
  ['    client-key-data: LS0tLS1CRUdJTi', 'LS0tLS1CRUdJTi'],
  ['token: ghp_16C7e42F292c6912E7710c8', 'ghp_16C7e42F292c6912E7710c8'],
  ['https://u:ghp_abc123@github.com', 'ghp_abc123'],
  ['password=hunter2', 'hunter2'],
  // (…the spaced ini forms of ~/.aws/credentials and ~/.pypirc, and ~/.netrc's entries one token per line.)
  ['aws_secret_access_key = wJalrXUtnFEMIK7MDENGbPxRfiCY', 'wJalrXUtnFEMIK7MDENGbPxRfiCY'],
  ['[pypi]', ''],
  ['username = __token__', ''],
  ['password = pypi-AgEIcHlwaS5vcmc', 'AgEIcHlwaS5vcmc'],
  ['machine api.heroku.com', ''],
  ['  login me@example.com', ''],
  ['  password 01234abcd-ef56', '01234abcd-ef56'],
  ['default login anonymous password guest@Example9', 'guest@Example9'],
];
// (~/.pgpass: host:port:database:user:password, a : or \\ in a field escaped with \\, comments.)
const PGPASS: readonly Sample[] = [
  ['# hostname:port:database:username:password', ''],
  ['db.example.com:5432:app:app:pgS3cretPw', 'pgS3cretPw'],
  ['*:*:*:postgres:Zx9\\:w7Qk', 'Zx9\\:w7Qk'],
  ['localhost:*:*:me:hunter22', 'hunter22'],
];

/** The lines a secret file holds, by its name: a dotenv file's (not .env.json or .env.yaml, which are other formats), ~/.pgpass's, or any. */
type Kind = 'dotenv' | 'pgpass' | 'other';
function samplesOf(path: string): { samples: readonly Sample[]; kind: Kind } {
  const base = posix.basename(path);
  if (/^\.env(\.|$)/.test(base) && !/\.(json|ya?ml|toml|ini|xml|js|cjs|mjs|ts|properties|conf|cfg|txt)$/i.test(base)) return { samples: DOTENV, kind: 'dotenv' };
  if (base === '.pgpass') return { samples: PGPASS, kind: 'pgpass' };
  return { samples: OTHER, kind: 'other' };
}

/** A value changed letter by letter, digit by digit, within its class (punctuation and spaces kept). */
function changed(v: string): string {
  return v.replace(/[a-z]/g, (c) => String.fromCharCode(97 + ((c.charCodeAt(0) - 97 + 7) % 26)))
    .replace(/[A-Z]/g, (c) => String.fromCharCode(65 + ((c.charCodeAt(0) - 65 + 11) % 26)))
    .replace(/[0-9]/g, (c) => String((Number(c) + 3) % 10));
}

/**
 * A text a simple regular expression matches (its first alternative, one of each class, each repeat as often as it must), or
 * undefined for what is not read here: enough to try a pattern's guess as a value.
 */
function witnessOf(p: string): string | undefined {
  let out = '';
  for (let i = 0; i < p.length; i++) {
    const c = p[i]!;
    if (c === '^' || c === '$' || c === '(' || c === ')') continue;
    if (c === '|') break;
    if (c === '\\') { const d = p[++i] ?? ''; out += d === 'd' ? '1' : d === 'w' ? 'a' : d === 's' ? ' ' : /[A-Za-z]/.test(d) ? '' : d; continue; }
    if (c === '[') {
      const j = p.indexOf(']', i + 2);
      if (j < 0) return undefined;
      const body = p.slice(i + 1, j);
      out += body.startsWith('^') ? (body.includes('Q') ? '~' : 'Q') : body.startsWith('[:') ? (/alpha|upper|alnum|print|graph/.test(body) ? 'A' : /digit|xdigit/.test(body) ? '1' : ' ') : body[0]!;
      i = j;
      continue;
    }
    if (c === '*' || c === '?') { out = out.slice(0, -1); continue; }
    if (c === '+') continue;
    if (c === '{') { const m = /^\{(\d*)(,?\d*)\}/.exec(p.slice(i)); if (!m) return undefined; const n = Number(m[1] || 0); out = n === 0 ? out.slice(0, -1) : out + (out.at(-1) ?? '').repeat(n - 1); i += m[0].length - 1; continue; }
    out += c === '.' ? 'x' : c;
  }
  return out;
}

/** Every 4-character piece of a value: a part of it shown is shown. */
function windows(v: string): string[] {
  return v.length < 4 ? [v] : Array.from({ length: v.length - 3 }, (_, k) => v.slice(k, k + 4));
}

// --- Options, read strictly -------------------------------------------------------------------------------------

/**
 * A tool's option grammar: short flags, short options that take a value, and long names → their short letter
 * ('' a long flag that changes nothing here, with or without =VALUE; '!' a long option whose value changes nothing here).
 */
interface Grammar { flags: string; valued: string; long: Record<string, string>; stopAtOperand?: boolean }

interface Parsed { opts: [letter: string, value: string][]; operands: string[] }

/** argv read by a grammar, or undefined at the first option it does not list (abbreviations included). */
function getopt(args: readonly string[], g: Grammar): Parsed | undefined {
  const opts: [string, string][] = [];
  const operands: string[] = [];
  for (let k = 0; k < args.length; k++) {
    const a = args[k]!;
    if (a === '--' || (g.stopAtOperand && operands.length > 0)) { operands.push(...args.slice(a === '--' ? k + 1 : k)); break; }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const letter = Object.hasOwn(g.long, a.slice(2, eq < 0 ? undefined : eq)) ? g.long[a.slice(2, eq < 0 ? undefined : eq)]! : undefined;
      if (letter === undefined) return undefined;
      if (letter === '') continue;
      if (letter === '!' || g.valued.includes(letter)) {
        const v = eq >= 0 ? a.slice(eq + 1) : args[++k];
        if (v === undefined) return undefined;
        if (letter !== '!') opts.push([letter, v]);
      } else if (eq >= 0) return undefined;
      else opts.push([letter, '']);
      continue;
    }
    if (a.length > 1 && a.startsWith('-')) {
      for (let i = 1; i < a.length; i++) {
        const c = a[i]!;
        if (g.valued.includes(c)) {
          const v = i + 1 < a.length ? a.slice(i + 1) : args[++k];
          if (v === undefined) return undefined;
          opts.push([c, v]);
          break;
        }
        if (!g.flags.includes(c)) return undefined;
        opts.push([c, '']);
      }
      continue;
    }
    operands.push(a);
  }
  return { opts, operands };
}

const has = (p: Parsed, letters: string) => p.opts.some(([l]) => letters.includes(l));
const last = (p: Parsed, letter: string) => p.opts.filter(([l]) => l === letter).at(-1)?.[1];

const GRAMMARS: Record<string, Grammar> = {
  cut: { flags: 'sn', valued: 'dfcb', long: { delimiter: 'd', fields: 'f', characters: 'c', bytes: 'b', 'only-delimited': 's' } },
  grep: {
    flags: 'voiyEFGPclLnhHsqwxIaTrRU', valued: 'emdD',
    long: {
      regexp: 'e', 'max-count': 'm', 'invert-match': 'v', 'only-matching': 'o', 'ignore-case': 'i', 'extended-regexp': 'E', 'fixed-strings': 'F', 'basic-regexp': 'G',
      'perl-regexp': 'P', count: 'c', 'files-with-matches': 'l', 'files-without-match': 'L', 'line-number': 'n', 'no-filename': 'h', 'with-filename': 'H', 'no-messages': 's',
      quiet: 'q', silent: 'q', 'word-regexp': 'w', 'line-regexp': 'x', text: 'a', recursive: 'r', 'dereference-recursive': 'R', 'initial-tab': 'T', binary: 'U',
      color: '', colour: '', null: '', include: '!', exclude: '!', 'exclude-dir': '!', 'binary-files': '!', directories: '!', devices: '!', label: '!',
    },
  },
  sed: { flags: 'nErsu', valued: 'el', long: { quiet: 'n', silent: 'n', 'regexp-extended': 'E', expression: 'e', separate: 's', unbuffered: 'u', sandbox: '', 'line-length': 'l' } },
  wc: { flags: 'lcmwL', valued: '', long: { lines: 'l', bytes: 'c', chars: 'm', words: 'w', 'max-line-length': 'L' } },
  // (awk's options end at its program: awk '{print $1}' -F= .env reads a file named -F=.)
  awk: { flags: '', valued: 'F', long: { 'field-separator': 'F' }, stopAtOperand: true },
};

/** A tool's own name and the options its name implies (egrep is grep -E, fgrep grep -F). */
function toolOf(name: string, args: readonly string[]): [string, readonly string[]] {
  const base = posix.basename(name);
  if (base === 'egrep') return ['grep', ['-E', ...args]];
  if (base === 'fgrep') return ['grep', ['-F', ...args]];
  return [base.replace(/^(g|m|n)awk$/, 'awk'), args];
}

// --- Comparisons and keys ---------------------------------------------------------------------------------------

const DIFF: Grammar = {
  // (Not -I RE: lines matching a guess are ignored, so whether the files differ says whether the guess matched.)
  flags: 'qsrNPiwbBEZat', valued: 'xXS',
  long: {
    brief: 'q', 'report-identical-files': 's', recursive: 'r', 'new-file': 'N', 'unidirectional-new-file': 'P', 'ignore-case': 'i', 'ignore-all-space': 'w',
    'ignore-space-change': 'b', 'ignore-blank-lines': 'B', 'ignore-tab-expansion': 'E', 'ignore-trailing-space': 'Z', text: 'a', 'expand-tabs': 't', exclude: 'x',
    'exclude-from': 'X', 'starting-file': 'S', 'strip-trailing-cr': '', 'no-dereference': '', color: '', 'ignore-file-name-case': '', 'no-ignore-file-name-case': '',
  },
};
// (cmp says where two files first differ; -l and -b print the differing bytes, and -n/-i compare a slice — a guess at a
// value's first characters, one at a time.)
const CMP: Grammar = { flags: 's', valued: '', long: { quiet: 's', silent: 's' } };
// (--exit-code sets the status and still prints the patch: brief only beside one of the others.)
const GIT_DIFF_BRIEF = /^--(no-index|quiet|exit-code|name-only|name-status|numstat|shortstat|stat(=\d+(,\d+)*)?|no-color|color=never|no-ext-diff)$/;

/**
 * For a command that reads secret files, which of them it shows no value of (a test on each path), or undefined when
 * it may show any. The words must be literal: a value the line computes — grep "^${name}=" — may select anything.
 * `through` is what a program before it in a pipe did to the lines (grep -v '^#' .env | cut -d= -f1).
 */
export function showsNoValue(name: string, args0: readonly string[], through?: Reshape, upstream: readonly string[] = []): ((path: string) => boolean) | undefined {
  const [tool, own] = toolOf(name, args0);
  // (The words of the programs before it in the pipe select lines too: grep STRIPE .env | grep -v '^#'.)
  const args = [...own, ...upstream];
  if (through === undefined) {
    // Comparisons that report only whether (or where) files differ.
    if (tool === 'diff') { const p = getopt(own, DIFF); return p && has(p, 'q') ? () => true : undefined; }
    // (cmp says at which byte two files differ unless -s: how much is right of a guess fed on its stdin — printf 'KEY=sk_l' |
    // cmp - .env — or written to a file beside it, cmp .env /tmp/g; not of another copy of the same kind, cmp .env .env.bak.)
    if (tool === 'cmp') { const p = getopt(own, CMP); return p && (has(p, 's') || p.operands.every((o) => /^\.env/.test(posix.basename(o)))) ? () => true : undefined; }
    if (tool === 'git') return own[0] === 'diff' && own.includes('--no-index') && own.slice(1).every((a) => GIT_DIFF_BRIEF.test(a) || a === '--' || !a.startsWith('-')) && own.some((a) => /^--(quiet|name-only|name-status|numstat|shortstat|stat)/.test(a)) ? () => true : undefined;
    // A public key or a check of a private one: openssl pkey -pubout, rsa -noout -modulus | … (not -text, which prints it).
    if (tool === 'openssl') return opensslPublic(own) ? () => true : undefined;
  }
  const run = filterOf(tool, own);
  if (run === undefined) return undefined;
  // (A pattern picks the lines it names, whatever the samples hold: grep PASSWORD reads DB_PASSWORD=…, so each word in the
  // command is tried as a variable's name too — and as a host, database or user where the file names those: grep mydb ~/.pgpass.)
  // (Every operand's words — a sed address /\<DB_PASSWORD\>/p too — and an option's value, -eKEY=sk: but the file's own name.)
  const texts = args.map((a) => (a.startsWith('--') ? a.replace(/^--[\w-]*=?/, '') : a.startsWith('-') ? a.slice(2) : a)).filter(Boolean);
  const wordsOf = (path: string) => [...new Set(texts.filter((a) => posix.basename(a) !== posix.basename(path)).flatMap((a) => a.match(/[A-Za-z_][A-Za-z0-9_]+/g) ?? []))];
  const named = (path: string, kind: Kind): Sample[] => wordsOf(path).flatMap((w) => (kind === 'pgpass' ? [`${w}:5432:${w}:${w}:s3cr3tV4lue`, `*:*:*:${w}:s3cr3tV4lue`]
    : [`${w}=s3cr3tV4lue`, `X_${w}_Y=s3cr3tV4lue`, `${w}_X=s3cr3tV4lue`, `X_${w}=s3cr3tV4lue`, `export ${w}="s3cr3tV4lue"`, `${w.toLowerCase()}=s3cr3tV4lue`,
      ...(kind === 'dotenv' ? [] : [`${w.toLowerCase()} = s3cr3tV4lue`, `  ${w}: s3cr3tV4lue`, `machine ${w} login ${w} password s3cr3tV4lue`])]).map((l): Sample => [l, 's3cr3tV4lue']));
  // (Every value changed letter by letter; values of other shapes a selection may pick — hex, digits — of the same length, and
  // long ones (a 40-character hex digest, a 64-character token); and values starting with each literal of the words, which may be a
  // guess: sed -n '/^KEY=sk_live_/p', grep -c 'KEY=.*4eC', awk '$2 ~ /^sk_/', awk '$2 == "hunter2"' — but not a name, which
  // names a line: API_KEY (not JBSWY3DP, which may be a value), or a plain word searched for, grep -c _authToken ~/.npmrc.)
  // (Searched for without case — grep -ci sk_live_ab — a name is a value's spelling too.)
  const folds = tool === 'grep' && own.some((a) => /^-[a-zA-Z]*[iy]/.test(a) || /^--ig/.test(a));
  const literals = [...new Set(texts.flatMap((a) => a.match(/[A-Za-z0-9_-]{2,}/g) ?? []))].filter((r) => folds || (!/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$|^[A-Z]+$/.test(r) && !(texts.includes(r) && /^[A-Za-z_][A-Za-z_-]*$/.test(r))));
  // (…and a text each alternative of a pattern matches, where it has the syntax of a value's shape — a class, an interval, a
  // repeat: grep 'xox[bp]-' matches xoxb-; a plain text is tried through its literals above.)
  const witnesses = texts.filter((a) => /(^|[^\\])\[|\\[dws{]|[{+*]/.test(a)).flatMap((a) => a.replace(/\\([(){}|+?])/g, '$1').split('|')).map(witnessOf).filter((w): w is string => w !== undefined && w.length > 1);
  const shaped = (alphabet: string) => (v: string) => Array.from(v, (_, k) => alphabet[k % alphabet.length]).join('');
  const variants: ((v: string) => string)[] = [changed, shaped('deadbeef0123456789'), shaped('4111111111111111'), () => 'deadbeef0123456789abcdef0123456789abcdef',
    () => 'xQ7_vB2-kL9mN4pR8sT1uW6yZ3aC5dE0fG2hJ4kM6nP8qR0sT2uV4wX6yZ8aB0cD2e', ...[...literals, ...witnesses].flatMap((r) => [(v: string) => `${r}Zq9${changed(v)}`.slice(0, Math.max(v.length, r.length + 1)), () => r])];
  const feed = (lines: string[]) => { const pre = through ? through(lines) : lines; return pre && run(pre); };
  // (The answer depends on the file's kind and name only: .env.local and .env.production are tried once.)
  const known = new Map<string, boolean>();
  return (path) => {
    const key = posix.basename(path);
    if (!known.has(key)) known.set(key, noValueIn(path));
    return known.get(key)!;
  };
  function noValueIn(path: string): boolean {
    const kind = samplesOf(path);
    const samples = [...kind.samples, ...named(path, kind.kind)];
    const out = feed(samples.map(([l]) => l));
    if (out === undefined) return false;
    for (const variant of variants) {
      // (A line that is all value — a key's body — keeps its alphabet and its length: no other text is ever on it.)
      const other = feed(samples.map(([l, v, c]) => { const w = variant(v); return v === '' || c === false || (l === v && (!/^[A-Za-z0-9+/=_-]*$/.test(w) || w.length !== v.length)) ? l : l.split(v).join(w); }));
      if (other === undefined || out.join('\n') !== other.join('\n')) return false;
    }
    const text = out.join('\n');
    return samples.every(([, v]) => v === '' || !windows(v).some((w) => text.includes(w)));
  }
}

/** openssl pkey/rsa/ec/dsa that prints only a public key or a check (-pubout, -noout), by its whole option list. */
function opensslPublic(args: readonly string[]): boolean {
  if (!/^(pkey|rsa|ec|dsa)$/.test(args[0] ?? '')) return false;
  const rest = args.slice(1);
  const VALUED = /^-(in|inform|passin|out|outform)$/;
  for (let k = 0; k < rest.length; k++) {
    if (VALUED.test(rest[k]!)) { k++; continue; }
    if (!/^-(pubout|noout|pubin|check|modulus)$/.test(rest[k]!)) return false;
  }
  return rest.includes('-pubout') || (rest.includes('-noout') && !rest.includes('-out'));
}

/** What a program in a pipe does to the lines it passes on, or undefined when they are not known. */
export type Reshape = (lines: string[]) => string[] | undefined;

const PASS: Record<string, Grammar> = {
  cat: { flags: 'us', valued: '', long: { 'squeeze-blank': 's' } },
  head: { flags: 'qv', valued: 'n', long: { lines: 'n', quiet: 'q', silent: 'q', verbose: 'v' } },
  tail: { flags: 'qv', valued: 'n', long: { lines: 'n', quiet: 'q', silent: 'q', verbose: 'v' } },
  sort: {
    // (Not -c: it reports the first line out of order, on stderr.)
    flags: 'bdfgiMhnRrsuV', valued: 'tkST',
    long: { unique: 'u', reverse: 'r', 'ignore-case': 'f', 'numeric-sort': 'n', 'version-sort': 'V', 'human-numeric-sort': 'h', 'field-separator': 't', key: 'k', 'ignore-leading-blanks': 'b',
      'dictionary-order': 'd', stable: 's', 'general-numeric-sort': 'g', 'random-sort': 'R', 'month-sort': 'M', 'buffer-size': 'S', 'temporary-directory': 'T', parallel: '!' },
  },
  uniq: { flags: 'diu', valued: '', long: { repeated: 'd', unique: 'u', 'ignore-case': 'i' } },
  tac: { flags: '', valued: '', long: {} },
};

/**
 * What a reader before a filter passes on: whole lines, some of them, in some order (cat, head -n, tail -n, sort,
 * uniq, tac), or the lines a filter prints; undefined for one that reshapes them (tail -c, cat -n, uniq -c, tac -s).
 */
export function passLines(name: string, args0: readonly string[]): Reshape | undefined {
  const [tool, args] = toolOf(name, args0);
  // (tr -d of a few characters — tr -d '\r' — and nl's numbers in front of each non-empty line.)
  if (tool === 'tr' && args.length === 2 && args[0] === '-d' && /^(?:[^\\[\]\n-]|\\[rtf\\])+$/.test(args[1]!)) {
    const drop = new Set([...args[1]!.replace(/\\(.)/g, (_t, c: string) => (c === 'r' ? '\r' : c === 't' ? '\t' : c === 'f' ? '\f' : c))]);
    return (lines) => lines.map((l) => [...l].filter((c) => !drop.has(c)).join(''));
  }
  if (tool === 'nl' && args.every((a) => !a.startsWith('-'))) { return (lines) => { let n = 0; return lines.map((l) => (l === '' ? '' : `${String(++n).padStart(6)}\t${l}`)); }; }
  const g = PASS[tool];
  if (g !== undefined) {
    const p = getopt(args.map((a) => (/^-\d+$/.test(a) && /^(head|tail)$/.test(tool) ? `-n${a.slice(1)}` : a)), g);
    if (p === undefined || p.opts.some(([l, v]) => l === 'n' && !/^[+-]?\d+$/.test(v))) return undefined;
    return (lines) => lines;
  }
  return filterOf(tool, args);
}

// --- Filters ------------------------------------------------------------------------------------------------------

/** A cut/awk field list (1, 1-3, 2-, -2) as a test on field numbers. */
function fieldList(spec: string): ((n: number) => boolean) | undefined {
  const parts = spec.split(',').map((p) => /^(\d*)(-?)(\d*)$/.exec(p));
  if (parts.some((m) => m === null || (m[1] === '' && m[3] === ''))) return undefined;
  return (n) => parts.some((m) => { const lo = m![1] ? Number(m![1]) : 1; const hi = m![2] ? (m![3] ? Number(m![3]) : Infinity) : lo; return n >= lo && n <= hi; });
}

const POSIX_CLASSES: Record<string, string> = { alnum: 'a-zA-Z0-9', alpha: 'a-zA-Z', digit: '0-9', upper: 'A-Z', lower: 'a-z', space: '\\s', blank: ' \\t', punct: '!-\\/:-@\\[-`{-~', print: ' -~', graph: '!-~', xdigit: '0-9A-Fa-f', cntrl: '\\x00-\\x1f' };

/**
 * A basic (grep, sed) or extended POSIX regular expression, GNU's as grep and sed read it, as JavaScript's — or undefined
 * where the two would differ or it does not compile: an escape GNU reads as a stray letter (\d, \n), a collating element,
 * an anchor in the middle of a basic expression. Inside brackets a backslash is a backslash.
 */
export function regexOf(p: string, extended: boolean, flags = '', extent = false, sed = false): RegExp | undefined {
  let out = '';
  const special = '(){}|+?';
  // (Where the text a match covers is printed — grep -o, sed's s — it must be the text GNU's leftmost-longest match covers:
  // JavaScript takes the first alternative and the greedy way (=|=.*, (=.*)?, .*? differ), so with `extent` no alternation,
  // no quantified group and no quantifier on a quantifier is read.)
  let prev: 'atom' | 'group' | 'quant' = 'atom';
  const token = (kind: 'atom' | 'group' | 'quant' | 'alt'): boolean => {
    if (extent && (kind === 'alt' || (kind === 'quant' && prev !== 'atom'))) return false;
    if (kind !== 'alt') prev = kind;
    return true;
  };
  for (let i = 0; i < p.length;) {
    const c = p[i]!;
    // (What a token is: a quantifier — *, +, ?, an interval's end — a group's end, an alternation, or an atom.)
    const e = c === '\\' ? p[i + 1] : undefined;
    const op = extended ? (c === '\\' ? undefined : c) : e !== undefined && special.includes(e) ? e : c === '*' ? c : undefined;
    const kind = op === undefined || op === '(' || op === '{' ? 'atom' : op === '|' ? 'alt' : op === ')' ? 'group' : '*+?}'.includes(op) && !(op === '*' && i === 0) ? 'quant' : 'atom';
    if (c !== '[' && !token(kind)) return undefined;
    // (An extended group opened with ? is GNU's plain group and JavaScript's lookaround: (?=…) differ.)
    if (extended && c === '(' && p[i + 1] === '?') return undefined;
    if (c === '[') {
      prev = 'atom';
      let j = i + 1;
      let body = '';
      if (p[j] === '^') { body += '^'; j++; }
      if (p[j] === ']') { body += '\\]'; j++; }
      for (;;) {
        if (j >= p.length) return undefined;
        const d = p[j]!;
        if (d === ']') break;
        if (d === '[' && p[j + 1] === ':') {
          const e = p.indexOf(':]', j + 2);
          const cls = e < 0 ? undefined : POSIX_CLASSES[p.slice(j + 2, e)];
          if (cls === undefined) return undefined;
          body += cls;
          j = e + 2;
          continue;
        }
        if (d === '[' && (p[j + 1] === '=' || p[j + 1] === '.')) return undefined;
        body += d === '\\' || d === '[' ? `\\${d}` : d;
        j++;
      }
      out += `[${body}]`;
      i = j + 1;
      continue;
    }
    // (An interval's missing lower bound is 0 in GNU's reading: .{,3}; JavaScript would read {,3} as text.)
    const interval = (at: number) => (p[at] === ',' ? '0' : '');
    if (c === '\\') {
      const d = p[i + 1];
      if (d === undefined) return undefined;
      if (!extended && special.includes(d)) out += d + (d === '{' ? interval(i + 2) : '');
      else if (d === '<') out += '\\b(?=\\w)';
      else if (d === '>') out += '\\b(?<=\\w)';
      else if (/[wWsSbB1-9]/.test(d) || (sed && /[nrtfv]/.test(d))) out += `\\${d}`;
      // (GNU's \` and \' anchor the buffer; other letters and digits are GNU's own escapes.)
      else if (/[A-Za-z0-9`']/.test(d)) return undefined;
      else out += `\\${d}`;
      i += 2;
      continue;
    }
    if (!extended && special.includes(c)) out += `\\${c}`;
    else if (!extended && c === '^' && i > 0 && !/\\[(|]$/.test(p.slice(0, i))) return undefined;
    else if (!extended && c === '$' && i < p.length - 1 && !/^\\[)|]/.test(p.slice(i + 1))) return undefined;
    else out += c + (extended && c === '{' ? interval(i + 1) : '');
    i++;
  }
  // (GNU's . matches any character of a line, \r too; JavaScript's only with s.)
  try {
    return new RegExp(out, `${flags}s`);
  } catch {
    return undefined;
  }
}

/** A Perl regular expression (grep -P) as JavaScript's, where the two read it alike; undefined for PCRE-only syntax. */
function perlOf(p: string, flags: string): RegExp | undefined {
  // (…nor PCRE's own bracket forms — [[:alnum:]], []…] and [^]…], {,n} — which JavaScript reads otherwise.)
  if (/\\[^wWsSdDbBntr1-9.\\/^$|?*+()[\]{}\-=:'"<>!@#%&,;~`]/.test(p) || /\(\?(?![:=!]|<[=!])/.test(p) || /[*+?}][+]/.test(p) || /\[\^?\]|\[\[?:|\{,/.test(p)) return undefined;
  try {
    return new RegExp(p, flags);
  } catch {
    return undefined;
  }
}

/** The files a grep reads (its operands after the pattern, when no -e gave one), or undefined for options not understood. */
export function grepFiles(name: string, args0: readonly string[]): string[] | undefined {
  const [tool, args] = toolOf(name, args0);
  const p = tool === 'grep' ? getopt(args, GRAMMARS.grep!) : undefined;
  return p && (p.opts.some(([l]) => l === 'e') ? p.operands : p.operands.slice(1));
}

/**
 * A search whose answer (a count, an exit status, a file name) says something of a value: its pattern names a credential's
 * variable — or one the line computes — and goes on past the = into the value (grep -c '^API_KEY=sk-l', grep -q "^$k=sk").
 * The samples cannot hold the guess, so this is read from the pattern.
 */
export function probesValue(args: readonly string[]): boolean {
  return args.some((a) => !a.startsWith('-') && [...a.matchAll(/(\$?\{?[A-Za-z_]\w*\}?)\s*[=:]\s*["']?[A-Za-z0-9]/g)].some((m) => /^\$|KEY|SECRET|TOKEN|PASS|PWD|AUTH|CRED|PRIVATE|SESSION|COOKIE|DSN|_URL$/i.test(m[1]!)));
}

/** A filter run on lines: what it prints, or undefined when its options or program are not understood here. */
function filterOf(tool: string, args: readonly string[]): Reshape | undefined {
  const g = GRAMMARS[tool];
  const p = g && getopt(args, g);
  if (p === undefined) return undefined;
  if (tool === 'cut') return cutOf(p);
  if (tool === 'grep') return grepOf(p);
  if (tool === 'sed') return sedOf(p);
  if (tool === 'awk') return awkOf(p);
  // (wc counts lines — how many a selection kept, which may answer a guess — and bytes, words and widths: lengths, shown by design.)
  if (tool === 'wc') return (lines) => [...(has(p, 'l') || !has(p, 'cmwL') ? [String(lines.length)] : []), ...(has(p, 'cmwL') || !has(p, 'l') ? ['<length>'] : [])];
  return undefined;
}

// cut -d D -f LIST [-s], cut -c/-b LIST.
function cutOf(p: Parsed): Reshape | undefined {
  const lists = p.opts.filter(([l]) => 'fcb'.includes(l));
  if (lists.length !== 1) return undefined;
  const [kind, spec] = lists[0]!;
  const f = fieldList(spec);
  if (!f) return undefined;
  if (kind !== 'f') return (lines) => lines.map((l) => [...l].filter((_, k) => f(k + 1)).join(''));
  const d = last(p, 'd') ?? '\t';
  if (d.length !== 1) return undefined;
  const only = has(p, 's');
  return (lines) => lines.flatMap((l) => (!l.includes(d) ? (only ? [] : [l]) : [l.split(d).filter((_, k) => f(k + 1)).join(d)]));
}

// grep [-vioc…] [-E|-F|-G|-P] PATTERN | -e PATTERN…: the lines, matches, counts or names it prints.
function grepOf(p: Parsed): Reshape | undefined {
  const given = p.opts.filter(([l]) => l === 'e').map(([, v]) => v);
  const patterns = (given.length ? given : p.operands.slice(0, 1)).flatMap((x) => x.split('\n'));
  if (patterns.length === 0) return undefined;
  const mode = p.opts.filter(([l]) => 'EFGP'.includes(l)).at(-1)?.[0] ?? 'G';
  const ci = has(p, 'iy');
  const res = patterns.map((x) => {
    const re = mode === 'F' ? new RegExp(x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) : mode === 'P' ? perlOf(x, '') : regexOf(x, mode === 'E', '', has(p, 'o'));
    if (re === undefined) return undefined;
    const src = has(p, 'x') ? `^(?:${re.source})$` : has(p, 'w') ? `(?<![A-Za-z0-9_])(?:${re.source})(?![A-Za-z0-9_])` : re.source;
    try { return new RegExp(src, `gs${ci ? 'i' : ''}`); } catch { return undefined; }
  });
  if (res.some((r) => r === undefined)) return undefined;
  const max = last(p, 'm');
  if (max !== undefined && !/^\d+$/.test(max)) return undefined;
  const invert = has(p, 'v');
  const test = (l: string) => res.some((r) => { r!.lastIndex = 0; return r!.test(l); }) !== invert;
  return (lines) => {
    const hits = lines.map((l, n) => [l, n] as const).filter(([l]) => test(l)).slice(0, max === undefined ? undefined : Number(max));
    // (-q's answer is its exit status — `grep -q '^DB_PASSWORD=hunter' .env && echo match` shows it — and -l/-L's a file's name:
    // each says whether some line matched, read here as how many did, so that no other sample line hides a guess's hit.)
    if (has(p, 'qlLc')) return [String(hits.length)];
    const number = (n: number, s: string) => (has(p, 'n') ? `${n + 1}:${s}` : s);
    if (has(p, 'o')) return invert ? [] : hits.flatMap(([l, n]) => res.flatMap((r) => [...l.matchAll(new RegExp(r!.source, r!.flags))].map((x) => x[0]).filter(Boolean).map((s) => number(n, s))));
    return hits.map(([l, n]) => number(n, l));
  };
}

// sed [-n] [-E] 'ADDR s/RE/REPL/FLAGS; ADDR p; ADDR d' — addresses /RE/[I], with !.
function sedOf(p: Parsed): Reshape | undefined {
  const given = p.opts.filter(([l]) => l === 'e').map(([, v]) => v);
  const script = given.length ? given.join('\n') : p.operands[0];
  if (script === undefined) return undefined;
  const quiet = has(p, 'n');
  const ext = has(p, 'Er');
  type Cmd = { addr?: (l: string) => boolean; neg: boolean; op: string; re?: RegExp; repl?: (m: string, groups: string[]) => string; print?: boolean };
  const cmds: Cmd[] = [];
  for (const part of script.split(/\s*[;\n]\s*/).filter(Boolean)) {
    const m = /^(?:\/((?:[^/\\]|\\.)+)\/(I?)|(\d+)|(\$))?\s*(!?)\s*(?:([pd])|s(.)((?:(?!\7)[^\\]|\\.)+)\7((?:(?!\7)[^\\]|\\.)*)\7([gpI]*))$/.exec(part);
    if (!m) return undefined;
    let addr: Cmd['addr'];
    if (m[1] !== undefined) { const re = regexOf(m[1], ext, m[2] ? 'i' : '', false, true); if (re === undefined) return undefined; addr = (l) => re.test(l); }
    // (A line's number picks it by where it stands in the file, which the samples do not model: sed -n 2p prints the line
    // that is second there.)
    if (m[3] !== undefined || m[4] !== undefined) return undefined;
    if (m[6]) { cmds.push({ addr, neg: m[5] === '!', op: m[6] }); continue; }
    // (The delimiter escaped in the expression is that character itself: s|a\|b|X| matches "a|b".)
    const delim = m[7]!;
    // (…but GNU sed gives an escaped delimiter that is itself special its regular-expression meaning: s*a\**p is a*: not read.)
    if (delim !== '/' && /[.*[\]^$\\+?(){}|]/.test(delim) && m[8]!.includes(`\\${delim}`)) return undefined;
    const pattern = delim === '/' ? m[8]! : m[8]!.split(`\\${delim}`).join(`[${delim}]`);
    const re = regexOf(pattern, ext, `${m[10]!.includes('g') ? 'g' : ''}${m[10]!.includes('I') ? 'i' : ''}`, true, true);
    if (!re) return undefined;
    // (& and \0 are the match, \1…\9 its groups, \n a newline, \c the character c.)
    const text = m[9]!;
    const repl = (whole: string, groups: string[]) => text.replace(/\\(\d)|\\n|\\(.)|&/g, (t, d?: string, c?: string) => (d !== undefined ? (d === '0' ? whole : groups[Number(d) - 1] ?? '') : t === '\\n' ? '\n' : c !== undefined ? c : whole));
    cmds.push({ addr, neg: m[5] === '!', op: 's', re, repl, print: m[10]!.includes('p') });
  }
  return (lines) => {
    const out: string[] = [];
    lines.forEach((l) => {
      let ps = l;
      let deleted = false;
      for (const c of cmds) {
        if (c.addr && c.addr(ps) === c.neg) continue;
        if (c.op === 'p') out.push(ps);
        else if (c.op === 'd') { deleted = true; break; } else {
          c.re!.lastIndex = 0;
          if (!c.re!.test(ps)) continue;
          c.re!.lastIndex = 0;
          ps = ps.replace(c.re!, (whole: string, ...rest: unknown[]) => c.repl!(whole, rest.slice(0, -2).map((g) => (typeof g === 'string' ? g : ''))));
          if (c.print) out.push(ps);
        }
      }
      if (!deleted && !quiet) out.push(...ps.split('\n'));
    });
    return out;
  };
}

// awk [-F S] '[BEGIN { FS = "S" }] PATTERN { print EXPR, … }' — print of fields, literals, NR, NF and length(); patterns
// /re/, !/re/, $N ~ /re/, $N !~ /re/, $N == "s", $N != "s", NF, joined by &&. (Not NR: see sed's line numbers.)
function awkOf(p: Parsed): Reshape | undefined {
  const [prog0, ...files] = p.operands;
  // (An operand NAME=VALUE sets a variable — FS== .env — before the files after it are read.)
  if (prog0 === undefined || files.some((f) => /^[A-Za-z_]\w*=/.test(f))) return undefined;
  let fs = last(p, 'F');
  let ofs = ' ';
  let prog = prog0;
  const begin = /^\s*BEGIN\s*\{\s*((?:(?:FS|OFS)\s*=\s*"(?:[^"\\]|\\.)*"\s*;?\s*)+)\}\s*/.exec(prog);
  if (begin) {
    for (const [, k, v] of begin[1]!.matchAll(/(FS|OFS)\s*=\s*"((?:[^"\\]|\\.)*)"/g)) { if (k === 'FS') fs = v; else ofs = v!.replace(/\\t/g, '\t'); }
    prog = prog.slice(begin[0].length);
  }
  if (fs === 't') return undefined;
  // (A count of lines: END { print NR }.)
  if (/^\s*END\s*\{\s*print\s+NR\s*;?\s*\}\s*$/.test(prog)) return (lines) => [String(lines.length)];
  if (fs !== undefined) fs = fs.replace(/\\t/g, '\t');
  const m = /^\s*([^{]*?)\s*(?:\{\s*(.*?)\s*;?\s*\})?\s*$/s.exec(prog);
  if (!m || (m[1] === '' && m[2] === undefined)) return undefined;
  const prints = (m[2] ?? 'print').split(/\s*;\s*/).filter(Boolean);
  if (!prints.every((x) => /^print(\s|$)/.test(x) || /^printf\s+"(?:[^"\\%]|\\[nt"\\]|%[sd%])*"\s*(,|$)/.test(x))) return undefined;
  const TERM = /"((?:[^"\\]|\\.)*)"|\$(\d+)|length\(\s*\$(\d+)\s*\)|length(?:\(\s*\))?|\b(NR|NF)\b|(\s*,\s*)|(\s+)|(\S)/g;
  const terms = prints.map((x) => [...x.slice(x.startsWith('printf') ? 6 : 5).matchAll(TERM)]);
  if (terms.some((ts) => ts.some((t) => t[7] !== undefined))) return undefined;
  // (printf "FORMAT", a, b: its %s and %d take the terms after the format in turn, one term each.)
  const formats = prints.map((x, k) => {
    if (!x.startsWith('printf')) return undefined;
    const items = terms[k]!.filter((t) => t[5] === undefined && t[6] === undefined);
    const commas = terms[k]!.filter((t) => t[5] !== undefined).length;
    return commas === items.length - 1 ? items : null;
  });
  if (formats.some((f) => f === null)) return undefined;
  const conds = m[1]!.split(/\s*&&\s*/).filter(Boolean);
  type Test = (l: string, f: string[]) => boolean;
  const tests = conds.map((c): Test | undefined => {
    const r = /^(!?)\s*(?:\$(\d+)\s*(!?)~\s*)?\/((?:[^/\\]|\\.)*)\/$/.exec(c);
    // (awks read \b as a backspace and \w, \y, \< as letters or GNU words, each its own way: a letter escaped is not read.)
    if (r) { const re = r[4]!.includes('{') || /\\[A-Za-z<>]/.test(r[4]!) ? undefined : regexOf(r[4]!, true); return re && ((l, f) => re.test(r[2] ? f[Number(r[2])] ?? '' : l) !== (r[1] === '!' || r[3] === '!')); }
    const eq = /^\$(\d+)\s*(==|!=)\s*"((?:[^"\\]|\\.)*)"$/.exec(c);
    if (eq) return (_l, f) => ((f[Number(eq[1])] ?? '') === eq[3]) === (eq[2] === '==');
    if (c === 'NF') return (l) => l.trim() !== '';
    const nf = /^NF\s*(>|>=|==|!=|<|<=)\s*(\d+)$/.exec(c);
    if (nf) return (_l, f) => { const a = f.length - 1; const b = Number(nf[2]); return nf[1] === '>' ? a > b : nf[1] === '>=' ? a >= b : nf[1] === '==' ? a === b : nf[1] === '!=' ? a !== b : nf[1] === '<' ? a < b : a <= b; };
    return undefined;
  });
  if (tests.some((t) => t === undefined)) return undefined;
  // (Intervals are read as repeat counts by gawk and as text by mawk: not read here.)
  const re = fs !== undefined && fs.length > 1 && !fs.includes('{') && !/\\[A-Za-z<>]/.test(fs) ? regexOf(fs, true) : undefined;
  if (fs !== undefined && fs.length > 1 && re === undefined) return undefined;
  // ($0 is the line; a regular-expression FS splits at its matches — not at empty ones, and its groups are no fields.)
  const splitRe = (l: string, r: RegExp) => { const out: string[] = []; let at = 0; for (const x of l.matchAll(new RegExp(r.source, 'gs'))) { if (x[0] === '') continue; out.push(l.slice(at, x.index)); at = x.index! + x[0].length; } out.push(l.slice(at)); return out; };
  const split = (l: string) => [l, ...(fs === undefined || fs === ' ' ? (l.trim() === '' ? [] : l.trim().split(/\s+/)) : re ? splitRe(l, re) : l.split(fs))];
  const unescape = (x: string) => x.replace(/\\(.)/g, (_t, c: string) => (c === 't' ? '\t' : c === 'n' ? '\n' : c));
  return (lines) => lines.flatMap((l, n) => {
    const f = split(l);
    if (!tests.every((t) => t!(l, f))) return [];
    const value = (t: RegExpMatchArray) => (t[1] !== undefined ? unescape(t[1]) : t[2] !== undefined ? (t[2] === '0' ? l : f[Number(t[2])] ?? '')
      // (A length is shown by design, as ${#V} is: not a value, so the same for every value.)
      : t[3] !== undefined || t[0].startsWith('length') ? '<length>'
      : t[4] === 'NR' ? String(n + 1) : t[4] === 'NF' ? String(f.length - 1) : t[5] !== undefined ? ofs : '');
    // (What each statement writes, print's with its newline, printf's without: the line's output split at newlines.)
    const text = prints.map((_, k) => {
      const ts = terms[k]!;
      const fmt = formats[k];
      if (fmt) { const [head, ...rest] = fmt; let i = 0; return (head![1] ?? '').replace(/%%|%[sd]|\\(.)/g, (t, c?: string) => (t === '%%' ? '%' : c !== undefined ? unescape(t) : rest[i] ? value(rest[i++]!) : '')); }
      if (ts.length === 0 || ts.every((t) => t[6] !== undefined)) return `${l}\n`;
      return `${ts.map(value).join('')}\n`;
    }).join('');
    return text.replace(/\n$/, '').split('\n');
  });
}

/**
 * What cut, sed, awk or grep print for known input (a here-string, echo's words) when they read nothing else: each line run
 * through the same reading as above. Undefined when they name a file, or their words are not read here.
 */
export function filterOutput(name: string, args0: readonly string[], input: string): string | undefined {
  const [tool, args] = toolOf(name, args0);
  const g = GRAMMARS[tool];
  const p = g && getopt(args, g);
  if (p === undefined) return undefined;
  // (Operands past the program, script or pattern are files: the input is theirs, not the pipe's.)
  const scripted = tool === 'cut' || p.opts.some(([l]) => l === 'e') ? 0 : 1;
  if (p.operands.length > scripted) return undefined;
  const out = filterOf(tool, args)?.(input.replace(/\n$/, '').split('\n'));
  return out === undefined ? undefined : `${out.join('\n')}\n`;
}

/** A dotenv file by its name: NAME=VALUE lines (not .env.json or .env.yaml). */
export const isDotenv = (path: string): boolean => samplesOf(path).kind === 'dotenv';

/**
 * IFS== read -r NAME REST… splits a NAME=VALUE line at its first =: NAME gets the name, the rest the value. When the line
 * never expands the rest (while IFS== read -r k v; do echo "$k"; done < .env) — nor prints variables wholesale (set, declare,
 * env as commands, not a .env operand) — the read shows no value.
 */
export function readsNamesOnly(argv: readonly string[], ifs: string | undefined, lineText: string): boolean {
  // (Only of a dotenv file's lines: the caller asks isDotenv of what is read — a key's lines have no = and land whole in NAME.)
  if (argv[0] !== 'read' || ifs !== '=') return false;
  const args = argv.slice(1);
  if (args.some((a) => a.startsWith('-') && !/^-[rs]+$/.test(a))) return false;
  const names = args.filter((a) => /^[A-Za-z_]\w*$/.test(a));
  return names.length === args.filter((a) => !a.startsWith('-')).length && names.length >= 2
    // (A test of whether it is empty — [ -z "$v" ] — answers no more than a name's presence does.)
    // (…nor names it bare, as arithmetic reads it — [[ v -eq 0 ]], (( v )) — whose error quotes the value.)
    && names.slice(1).every((n) => !new RegExp(`\\$\\{?[#!]?${n}\\b|\\b${n}\\[|(^|[^\\w$-])${n}([^\\w]|$)`).test(lineText.replace(new RegExp(`(\\[\\[?|\\btest)\\s+-[zn]\\s+"\\$\\{?${n}\\}?"\\s*\\]?\\]?`, 'g'), '').replace(new RegExp(`\\bread\\s+[^;&|\\n]*`, 'g'), '')) && !/(^|[\s;&|(`])(declare|typeset|set|env|export|printenv|compgen|eval)\b|\$\{!/.test(lineText));
}
