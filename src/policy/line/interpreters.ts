// Interpreter one-liners (python -c, node -e, perl -e, ruby -e, php -r): code that opens sockets,
// spawns processes, deletes trees or reads secrets is refused; code that merely prints such text
// is not. The code is read with its string literals blanked out, so `print('rm -rf /')` is text.

export interface CodeVerdict {
  tags: string[];
  notes: string[];
  /** Command lines the code runs, written as literals (`os.system("date")`): judged as lines. */
  runs: string[];
}

interface Lang {
  /** Flags whose next argument is code. */
  codeFlags: RegExp;
}

const LANGS: Record<string, Lang> = {
  python: { codeFlags: /^-c$/ },
  node: { codeFlags: /^(-e|--eval|-p|--print)$/ },
  perl: { codeFlags: /^-[a-zA-Z]*[eE]$/ },
  ruby: { codeFlags: /^-[a-zA-Z]*e$/ },
  php: { codeFlags: /^-r$/ },
  deno: { codeFlags: /^eval$/ },
  bun: { codeFlags: /^(-e|--eval|-p|--print)$/ },
  osascript: { codeFlags: /^-e$/ },
};

/** The language family of an interpreter name (python3.12 → python), if it is one. */
export function languageOf(name: string): string | undefined {
  const base = name.replace(/[\d.]+$/, '');
  if (base === 'python' || base === 'pypy') return 'python';
  if (base === 'nodejs') return 'node';
  return LANGS[base] ? base : undefined;
}

/** The one-liner code in an interpreter's argv, if any. */
export function inlineCode(lang: string, args: string[]): string | undefined {
  const flags = LANGS[lang]!.codeFlags;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (flags.test(a)) return args[i + 1] ?? '';
    // Attached forms: -c'code', -e'code'.
    const m = /^(-c|-e|-r)(.+)$/.exec(a);
    if (m && flags.test(m[1]!)) return m[2]!;
  }
  return undefined;
}

// API names, checked in code with string literals removed.
const NETWORK = /\b(socket|urllib\d?|requests|httpx|aiohttp|http\.client|HTTPConnection|urlopen|ftplib|smtplib|telnetlib|fetch|XMLHttpRequest|WebSocket|net\.(connect|createConnection|Socket)|https?\.(get|request)|dgram|tls\.connect|IO::Socket|LWP|HTTP::Tiny|Net::HTTP|TCPSocket|open-uri|URI\.open|fsockopen|curl_exec|file_get_contents\s*\(\s*\$?[^)]*https?)\b/;
const SPAWN = /\b(os\.(system|popen|exec\w*|spawn\w*|fork)|subprocess|pty\.spawn|commands\.getoutput|child_process|execSync|spawnSync|execFileSync|execFile|spawn|exec|system|popen|shell_exec|passthru|proc_open|Process\.spawn|Kernel\.exec|IO\.popen|Open3|do shell script|__import__|importlib|getattr|eval|compile|Function\s*\(|ctypes)\b/;
const DELETE = /\b(shutil\.rmtree|rmtree|rmSync|rmdirSync|rm_rf|remove_dir_all|unlinkSync|os\.(remove|unlink|rmdir|removedirs)|FileUtils\.rm\w*|File\.delete|unlink|rmdir)\b/;
const FILE_READ = /\b(open|read_text|read_bytes|readFileSync|readFile|createReadStream|File\.read|IO\.read|file_get_contents|fopen|slurp|Path)\b|<\s*\$?\w*\s*>/;
const SECRETISH = /(^|[/'"\s])(\.env(\.[\w-]+)?|id_rsa|id_ed25519|id_ecdsa|\.ssh|\.aws|credentials|\.netrc|\.npmrc|\.pypirc|\.git-credentials|\.kube|\.docker|gcloud|[\w-]+\.pem|[\w-]+\.key)(['"\s/]|$)/;
// Modules whose import alone means network or process access.
const MODULES = /\b(?:require\s*\(\s*['"](?:node:)?(child_process|net|http|https|dgram|tls|http2)['"]|import\s+(socket|subprocess|urllib|requests|http|pty|ctypes|ftplib|smtplib)\b|from\s+(socket|subprocess|urllib|requests|http|pty|ctypes)\b|from\s+['"](?:node:)?(child_process|net|http|https|dgram|tls)['"])/;

const WRITE_API = /\bopen\s*\([^)]*,\s*['"][wax+]|writeFileSync|appendFileSync|writeFile|appendFile|createWriteStream|write_text|write_bytes|File\.write|IO\.write|file_put_contents|>>?\s*\$?\w*\s*['"]/;
const READ_API = /\bopen\s*\(|read_text|read_bytes|readFileSync|readFile|createReadStream|File\.read|IO\.read|file_get_contents|fopen|slurp/;

/** Path-like string literals in code, as written or read depending on the APIs it uses. */
export function codePaths(code: string): { writes: string[]; reads: string[] } {
  const lits = [...code.matchAll(/(["'])((?:~|\.{0,2}\/|\/|\$HOME|\.env)[^"'\s]*)\1/g)].map((m) => m[2]!);
  const paths = lits.filter((p) => p.length > 1 && !/^https?:/.test(p));
  return { writes: WRITE_API.test(code) ? paths : [], reads: READ_API.test(code) ? paths : [] };
}

/** Blanks string literals (quotes kept), so only code is searched for API names. */
export function stripStrings(code: string): string {
  return code.replace(/("""[\s\S]*?"""|'''[\s\S]*?'''|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')/g, (m) => m[0] + ' '.repeat(Math.max(0, m.length - 2)) + m[m.length - 1]);
}

const Q = `(["'])((?:(?!\\1)[^\\\\]|\\\\.)*)\\1`; // a quoted literal: group quote, group body
const LIT = `(?:"(?:[^"\\\\]|\\\\.)*"|'(?:[^'\\\\]|\\\\.)*')`;
/** Calls that run one literal command line, or one literal argv (the whole call is matched). */
const LITERAL_RUNS: { re: RegExp; argv?: boolean }[] = [
  // python: os.system("…"), os.popen("…"), subprocess.X("…", shell=True), subprocess.X(["git", "status"])
  { re: new RegExp(`\\bos\\.(?:system|popen)\\(\\s*${Q}\\s*\\)`, 'g') },
  { re: new RegExp(`\\bsubprocess\\.(?:run|call|check_call|check_output|Popen)\\(\\s*${Q}\\s*,\\s*shell\\s*=\\s*True\\s*(?:,[^()]*)?\\)`, 'g') },
  { re: new RegExp(`\\bsubprocess\\.(?:run|call|check_call|check_output|Popen)\\(\\s*\\[(\\s*${LIT}(?:\\s*,\\s*${LIT})*\\s*,?)\\]\\s*(?:,[^()]*)?\\)`, 'g'), argv: true },
  // node: execSync("…"), exec("…"), execSync(`…`) without ${}
  { re: new RegExp(`\\b(?:execSync|exec)\\(\\s*${Q}\\s*(?:,[^()]*)?\\)`, 'g') },
  { re: /\b(?:execSync|exec)\(\s*`([^`$\\]*)`\s*(?:,[^()]*)?\)/g },
  // node: spawnSync("git", ["status"]) / execFileSync(…)
  { re: new RegExp(`\\b(?:spawnSync|spawn|execFileSync|execFile)\\(\\s*(${LIT}(?:\\s*,\\s*\\[\\s*(?:${LIT}(?:\\s*,\\s*${LIT})*)?\\s*,?\\])?)\\s*(?:,\\s*\\{[^()]*\\})?\\)`, 'g'), argv: true },
  // perl, ruby, php: system("…")
  { re: new RegExp(`\\bsystem\\(\\s*${Q}\\s*\\)`, 'g') },
];

/** A string literal's text (JSON-like escapes decoded). */
const literal = (q: string): string => q.slice(1, -1).replace(/\\(.)/g, '$1');

/** Splits off the calls that run literal commands: the command lines, and the code without them. */
export function literalRuns(code: string): { runs: string[]; rest: string } {
  const runs: string[] = [];
  let rest = code;
  for (const { re, argv } of LITERAL_RUNS) {
    rest = rest.replace(re, (m, ...g: string[]) => {
      if (argv) {
        const words = [...String(g[0]).matchAll(new RegExp(LIT, 'g'))].map((x) => literal(x[0]));
        runs.push(words.map((w) => (/^[\w@%+=:,./-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`)).join(' '));
      } else runs.push(g.length >= 2 && (g[0] === '"' || g[0] === "'") ? String(g[1]).replace(/\\(.)/g, '$1') : String(g[0]));
      return ' '.repeat(m.length);
    });
  }
  if (runs.length) {
    // What made those calls possible is no longer a capability of its own.
    rest = rest.replace(/\bimport\s+(os|subprocess)\b|\bfrom\s+(os|subprocess)\s+import\s+[\w, ]+|(?:const|let|var)?\s*(?:\{[^}]*\}|\w+)?\s*=?\s*require\s*\(\s*['"](?:node:)?child_process['"]\s*\)(?:\.\w+)?/g, (m) => ' '.repeat(m.length));
  }
  return { runs, rest };
}

/** What a one-liner does, as tags the line judge turns into facts. */
export function judgeCode(code0: string, lang: string): CodeVerdict {
  // Calls that run a literal command are judged as that command line, not as "runs programs".
  const { runs, rest: code } = literalRuns(code0);
  const bare = stripStrings(code);
  const tags: string[] = [];
  const notes: string[] = [];
  const flag = (tag: string, note: string) => {
    tags.push(tag);
    notes.push(note);
  };
  // URL-taking file functions (php file_get_contents("https://…")) are network access too.
  const urlFile = /\b(file_get_contents|fopen|readfile|copy|file|urlopen|open-uri)\s*\(\s*["']https?:/.test(code);
  if (MODULES.test(code) || NETWORK.test(bare) || urlFile) flag('interpreter-network', 'the one-liner opens network connections or loads a network/process module');
  // Backticks run commands in perl, ruby and php (in JavaScript they are template strings).
  if (SPAWN.test(bare) || (/^(perl|ruby|php)$/.test(lang) && bare.includes('`'))) flag('interpreter-spawn', 'the one-liner runs programs or evaluates dynamic code');
  if (DELETE.test(bare)) flag('interpreter-delete', 'the one-liner deletes files or trees');
  if (FILE_READ.test(bare) && SECRETISH.test(code)) flag('interpreter-secret', 'the one-liner reads what looks like a secret file');
  return { tags, notes, runs };
}
