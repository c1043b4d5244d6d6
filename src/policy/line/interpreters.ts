import { hostsInCode } from './code-hosts.js';
import { plainCalls } from './call-spellings.js';
import { listensOnly } from './listen-probes.js';
import { unrollLiteralLoops } from './literal-loops.js';
import { LANGUAGES } from './interpreter-code.js';
import { foldPathExpressions } from './parent-paths.js';
import { HOLE, markHoles, plainPythonLiterals, unquote } from './string-literals.js';
import { callRest, COMPUTED, envChanges, runSetting, settledRun, shellWord, type RunSetting } from './run-options.js';
import { charOfCode } from '../shell/code-point.js';
import { readableCompiles } from './compiled-source.js';
import { literalReadTargets, literalWriteTargets } from './computed-targets.js';

// Interpreter one-liners (python -c, node -e, perl -e, ruby -e, php -r, lua, R, julia, deno …): code that opens sockets,
// spawns processes, deletes trees or reads secrets is refused; code that merely prints such text
// is not. The code is read with its string literals blanked out, so `print('rm -rf /')` is text.

export interface CodeVerdict {
  tags: string[];
  notes: string[];
  /** Command lines the code runs, written as literals (`os.system("date")`): judged as lines. */
  runs: string[];
  /** Paths the code deletes, written as literals (`shutil.rmtree('build')`): judged like `rm -rf`. */
  deletes: string[];
  /** URLs the code fetches, written as literals (`fetch('http://localhost:3000')`): judged by host. */
  urls: string[];
  /** Every URL the code's literals hold (a request may be built from one: 'http://x/?d=' + data). */
  mentions: string[];
  /** The secret file name the code reads, when it reads one (`.env`, `id_rsa`). */
  secretNamed?: string;
  /** The code reads files and sends a request body (what it sends may be what it read). */
  sendsFiles?: boolean;
  /** The code opens a file whose name it computes (a variable, a call), and prints or returns its text. */
  readsComputed?: boolean;
}

/** The language family of an interpreter name (python3.12 → python), if it is one. */
export function languageOf(name: string): string | undefined {
  const base = name.replace(/[\d.]+$/, '');
  if (base === 'python' || base === 'pypy') return 'python';
  if (base === 'nodejs') return 'node';
  if (base === 'luajit') return 'lua';
  return LANGUAGES.includes(base) ? base : undefined;
}

// API names, checked in code with string literals removed.
const NETWORK = /\b(Deno\.(connect|listen|connectTls)|socket\.http|LuaSocket|download\.file|HTTP\.request|Downloads\.download|socket\.(socket|create_connection|create_server|socketpair|fromfd)|create_connection|urllib\d?\.request|urlretrieve|requests\.(get|post|put|patch|delete|head|options|request|Session|session)|httpx\.(get|post|put|patch|delete|head|request|stream|Client|AsyncClient)|aiohttp\.(ClientSession|request|get|post|TCPConnector)|http\.client|HTTPConnection|urlopen|ftplib|smtplib|telnetlib|(?<![.\w])fetch(?=\s*\()|(globalThis|window|self)\.fetch|XMLHttpRequest|WebSocket|net\.(connect|createConnection|Socket)|https?\.(get|request)|dgram|tls\.connect|IO::Socket|use\s+Socket|socket\s*\(\s*AF_|LWP|HTTP::Tiny|Net::HTTP|TCPSocket|UDPSocket|TCPServer|UDPServer|WEBrick|Socket\.(new|tcp|udp|unix|getaddrinfo)|socket_create|socket_connect|stream_socket_server|open-uri|URI\.open|fsockopen|curl_exec|curl_init|stream_socket_client|dns_get_record|gethostbyname\w*|mail\s*(?=\()|dns\.(lookup|resolve\w*)|HTTPHandler|SocketHandler|DatagramHandler|SysLogHandler|SMTPHandler|xmlrpc|imaplib|poplib|nntplib|socketserver|file_get_contents\s*\(\s*\$?[^)]*https?|Mojo::UserAgent)\b|\buse\s+ojo\b[\s\S]*(?<![\w$>:-])[gpudho]\s*\(/;
const SPAWN = /\brun\s*\(\s*(Cmd|pipeline|`)|\b(Deno\.(Command|run)|Command::new|std::process|CORE::(system|exec|readpipe)|create_subprocess_(shell|exec)|multiprocessing\.(Process|Pool|get_context)|Bun\.spawn\w*|(?<![\w.$@%])\$`(?=[^`]*\$\{)|process\.dlopen|worker_threads|vm\.run\w*|os\.execute|io\.popen|system2|run\s*\(\s*`|os\.(system|popen|exec\w*|spawn\w*|fork)|subprocess|pty\.spawn|commands\.getoutput|child_process|execSync|spawnSync|execFileSync|execFile|shell_exec|passthru|proc_open|Process\.(?:spawn|exec)|Kernel\.exec|IO\.popen|Open3|do shell script|(?:__import__|import_module)\s*\(\s*(?!'[^'\n]*'\s*[,)]|"[^"\n]*"\s*[,)])|getattr\s*\([^,()]+,\s*(?!'[^'\n]*'\s*[,)]|"[^"\n]*"\s*[,)])|(?:methodcaller|attrgetter)\s*\(\s*(?!'[^'\n]*'\s*[,)]|"[^"\n]*"\s*[,)])|Function\s*\(|ctypes|readpipe|ReflectionFunction|posix_spawn\w*|pcntl_\w+|instance_eval|class_eval|call_user_func\w*|create_function|loadstring|process\.binding|process\.mainModule|module\.require|_load)\b|(?<![.\w])(spawn|exec|execv\w*|execl\w*|system|popen|eval)\s*[("'`$@]|(?<![.\w$@%])(?:system|exec)\s*\{|(?<![.\w])(system|exec|spawn)\s+(%[qQwW]?[({\[<|!]|(?:qw|qq|q)\s*[({\[<|!/])|(?<![.\w'"$@%:-])eval(?:\s+[\w\[$@%]|\s*(?:;|\}|$))|\b(?:send|public_send|__send__|\w*method)\s*\(?\s*:(?:eval|system|exec|spawn|syscall|open|`)|%x[{(\[<|!]|[&*]\s*\{\s*["']|[(,]\s*(?:eval|exec|Function|execSync)\s*[,)]|Bun\.\$|__dict__\s*\[(?!\s*(?:'[\w\s]*'|"[\w\s]*")\s*\])|\bvars\s*\([^)]*\)\s*\[\s*[^\s'"]|\b(globals|locals)\s*\(\s*\)\s*\[\s*[^\s'"]|\b(globalThis|global|window|_G|_ENV|Kernel|builtins|__builtins__)\s*\[\s*[^\s'"\]]/;
const DELETE = /(?<![.\w$])rm\s*\(|\b(Deno\.remove\w*|Deno\.truncate\w*|truncateSync|ftruncateSync|os\.truncate|File\.truncate|file\.remove|os\.remove|delete-directory|shutil\.rmtree|rmtree|remove_tree|rmSync|rmdirSync|rm_rf|remove_dir\w*|unlinkSync|os\.(remove|unlink|rmdir|removedirs)|FileUtils\.(rm\w*|remove\w*)|File\.delete|unlink|rmdir|file\s+delete)\b|\.rm\s*\(/;
const SIGNAL = /\b(process\.kill|os\.kill|os\.killpg|signal\.pthread_kill|Process\.kill|posix_kill|Deno\.kill)\b|\bkill\s*\(?\s*['"]?-?\w+['"]?\s*,/;
// (…in each language's spelling: PHP's readfile()/file(), Lua's io.lines/io.open, Python's fileinput, node's openSync, Perl's
// do FILE, Swift's contentsOfFile:, .NET's File.ReadAll*, Bun.file.)
const FILE_READ = /\b(shutil\.copy\w*|copyfile|copytree|os\.rename|renameSync|cpSync|copyFileSync|Deno\.readTextFile\w*|readLines|open|read_text|read_bytes|readFileSync|readFile|createReadStream|File\.read|IO\.read|file_get_contents|fopen|slurp|Path|read_csv|loadtxt|load_workbook|readfp|read_file|parse_ini_file|YAML\.load_file|dotenv_values|readfile|file|io\.lines|io\.open|fileinput|openSync|contentsOfFile|File\.ReadAll\w*|Bun\.file)\b|\bdo\s*\(?\s*["']|<\s*\$?\w*\s*>|\.read\s*\(\s*(os\.path\.expanduser|["'`])/;
/** A secret's name in code (also what makes a program file sensitive). */
export const SECRETISH = /(^|[/'"\s@])(\.env(?!\.(example|sample|template|dist)\b)(\.[\w-]+)?|id_rsa|id_ed25519|id_ecdsa|\.ssh|\.aws|credentials|\.netrc|\.npmrc|\.pypirc|\.git-credentials|\.kube|\.docker|gcloud|[\w-]+\.pem|[\w-]+\.key|environ)(['"\s/\])};,]|$)/i;
// Modules whose import alone means network or process access.
const MODULES = /\b(?:(?:require|import)\s*\(\s*['"](?:node:)?(child_process|net|http|https|dgram|tls|http2)['"]|import\s+(subprocess|pty|ctypes|ftplib|smtplib)\b|from\s+(subprocess|pty|ctypes)\b|from\s+['"](?:node:)?(child_process|net|http|https|dgram|tls)['"])/;

// (A redirection into a quoted name — print > "f" — not an arrow: "->", => ' in JS, PHP, Perl.)
// (A mode that writes, wherever it is given: 'w', 'a', 'x', 'r+', 'rb+', by keyword — mode="a", mode: 'w' — too; a mode the
// code computes — open(p, m) — may be one.)
const WRITE_MODE = String.raw`\b(?:File\.new|SplFileObject|fopen|openSync|open)\s*\((?:[^()]|\([^()]*\))*?,\s*(?:(?:mode|flags?)\s*[=:]\s*)?["'][rbtU]*[wax+]|\bmode\s*[=:]\s*["'][rbtU]*[wax+]|\bopen\s*\(\s*(?:["'][^"']*["']|[\w.]+)\s*,\s*(?!encoding|errors|newline|buffering|closefd|opener|mode|None)[A-Za-z_]\w*\s*[,)]`;
const WRITE_API = new RegExp(`${WRITE_MODE}|${String.raw`\bBun\.write\b|(?<![.\w$])rename\s*[("']|\b(extractall|extract|unpack_archive|extractTo|os\.(chmod|lchmod|chown|lchown)|chmodSync|chownSync|chmod|FileUtils\.(chmod\w*|chown\w*)|File\.(chmod|chown))\b|\bshutil\.(copy\w*|move)|\bos\.(rename|replace|symlink|link)|renameSync|cpSync|copyFileSync|symlinkSync|linkSync|Deno\.writeTextFile\w*|writeLines|\bopen\s*\([^)]*,\s*['"][wax+]|\.open\(\s*['"][wax+]|\bos\.open\s*\(.{0,200}?\bO_(WRONLY|RDWR|APPEND|CREAT|TRUNC)|openSync\s*\(.{0,200}?,\s*['"][wax+]|\bopen\s*\((?:[^()]|\([^()]*(?:\([^()]*\))?[^()]*\))*,\s*['"][wax+]|writeFileSync|appendFileSync|writeFile|appendFile|createWriteStream|write_text|write_bytes|\bPath\(\s*["'][^"']*["']\s*\)\s*\)?\s*\.\s*(?:write|binwrite)\s*\(|File\.(write|binwrite|symlink|link|rename)|IO\.(bin)?write|FileUtils\.(cp|mv|ln|install)\w*|File::Copy|\b(copy|move)\s*\(|file_put_contents|symlink\s*\(|open\s*\(?\s*\w*\s*,\s*['"](>|\+<|\+>)|(?<![-=])>>?\s*\$?\w*\s*['"]`}`);
const READ_API = /\bZipFile\b|\btarfile\.open|make_archive|\bopen\s*\(|read_text|read_bytes|readFileSync|readFile|createReadStream|File\.read|IO\.read|file_get_contents|fopen|slurp|\breadfile\s*\(|\bio\.(lines|open)\s*\(|\bfileinput\b|\bopenSync\s*\(|contentsOfFile|File\.ReadAll\w*|Bun\.file\s*\(/;

/**
 * Paths formatted from the home directory, read as `~/…`: f"{Path.home()}/x", "%s/x" % os.environ["HOME"],
 * "{}/x".format(expanduser("~")), `${os.homedir()}/x`, `${env.HOME}/x` (node); other template
 * holes read as `*`.
 */
export function homeTemplates(code: string): string {
  const HOME = String.raw`(home|HOME|expanduser|homedir|USERPROFILE)`;
  // join(<the home directory>, 'a', 'b') → "~/a/b"
  const HOMEEXPR = String.raw`(?:os\.path\.expanduser\(\s*["']~["']\s*\)|(?:pathlib\.)?Path\.home\(\s*\)|(?:require\(\s*["']os["']\s*\)|os)\.homedir\(\s*\)|homedir\(\s*\)|Dir\.home|ENV\[\s*["']HOME["']\s*\]|os\.environ\[\s*["']HOME["']\s*\]|os\.getenv\(\s*["']HOME["']\s*\)|process\.env\.HOME|getenv\(\s*["']HOME["']\s*\))`;
  const joined = (rest: string) => `"~/${[...rest.matchAll(/"([^"]*)"|'([^']*)'/g)].map((x) => x[1] ?? x[2]).join('/')}"`;
  code = code.replace(new RegExp(String.raw`\b(?:os\.path\.join|path\.join|path\.resolve|File\.join)\(\s*${HOMEEXPR}\s*((?:,\s*(?:"[^"]*"|'[^']*'))+)\s*\)`, 'g'), (_m, rest: string) => joined(rest));
  // Path.home() / 'a' / 'b', Path.home().joinpath('a', 'b'), homedir() + '/a' → "~/a/b"
  code = code.replace(new RegExp(String.raw`${HOMEEXPR}((?:\s*/\s*(?:"[^"]*"|'[^']*'))+)`, 'g'), (_m, rest: string) => joined(rest))
    .replace(new RegExp(String.raw`${HOMEEXPR}\.joinpath\(\s*((?:"[^"]*"|'[^']*')(?:\s*,\s*(?:"[^"]*"|'[^']*'))*)\s*\)`, 'g'), (_m, rest: string) => joined(rest))
    .replace(new RegExp(String.raw`${HOMEEXPR}\s*\+\s*(["'])/([^"']*)\1`, 'g'), (_m, _q: string, rest: string) => `"~/${rest}"`);
  // (…and paths built from the working directory or joined from literals are one literal: Path.cwd().parent / ".bashrc" is "../.bashrc".)
  return foldPathExpressions(code)
    .replace(new RegExp(String.raw`\bf(["'])\{[^}]*${HOME}[^}]*\}`, 'g'), '$1~')
    .replace(new RegExp(String.raw`(["'])%s(/[^"']*)\1\s*%\s*\(?[^;,)]*${HOME}`, 'g'), '$1~$2$1')
    .replace(new RegExp(String.raw`(["'])\{\}(/[^"']*)\1\s*\.format\(\s*[^;()]*${HOME}[^;()]*(?:\([^()]*\))?[^;()]*\)`, 'g'), '$1~$2$1')
    .replace(/`([^`]*)`/g, (_m, body: string) => `"${body.replace(new RegExp(String.raw`^\$\{[^}]*${HOME}[^}]*\}`), '~').replace(/\$\{[^}]*\}/g, '*').replace(/"/g, '')}"`);
}

/** Calls that write a file anew, with the literal path they open: open(P, 'w'), writeFileSync(P, …), Path(P).write_text(…),
 *  File.write(P, …), file_put_contents(P, …), Perl's open(F, '>', P); copies onto P. */
const REPLACE_CALLS = [
  /\bopen\s*\(\s*(?:(?:os\.path\.)?expanduser\(\s*)?(["'])([^"'\s]+)\1\s*\)?\s*,\s*["']wb?\+?["']/g,
  /\b(?:writeFileSync|writeFile|truncateSync|File\.write|IO\.write|Bun\.write|Deno\.writeTextFile(?:Sync)?|file_put_contents)\s*\(\s*(["'])([^"'\s]+)\1(?![^()]*FILE_APPEND)/g,
  /(["'])([^"'\s]+)\1\s*\)?\s*\.\s*write_(?:text|bytes)\b/g,
  /\bopen\s*\(?\s*(?:my\s+)?[\w$]+\s*,\s*["']>["']\s*,\s*(["'])([^"'\s]+)\1/g,
  /\b(?:copyfile|copyFileSync|copy2?)\s*\(\s*(?:"[^"]*"|'[^']*'|[\w.]+)\s*,\s*(["'])([^"'\s]+)\1/g,
];
/** The literal paths code writes anew (their old content gone), not appends to or edits. */
export function replacedPaths(code0: string): string[] {
  const code = homeTemplates(code0);
  return [...new Set(REPLACE_CALLS.flatMap((re) => [...code.matchAll(re)].map((m) => m[2]!.replace(/^(\$\{HOME\}|\$ENV\{HOME\}|\$HOME)(?=\/)/, '~'))))];
}

/** Calls that move a file or tree away from a literal path: shutil.move(P, …), os.rename(P, …), renameSync(P, …), Path(P).rename(…). */
const MOVE_CALLS = [
  /\b(?:shutil\.move|os\.(?:rename|renames|replace)|(?:fs\.)?renameSync|fs\.rename|File\.rename|FileUtils\.(?:mv|move)|Deno\.rename(?:Sync)?)\s*\(\s*(["'])([^"'\s]+)\1/g,
  /\bPath\(\s*(["'])([^"'\s]+)\1\s*\)\s*\.\s*(?:rename|replace)\s*\(/g,
];
/** The literal paths code moves away (judged as `mv` away is: like a delete of the source). */
export function movedPaths(code0: string): string[] {
  const code = homeTemplates(code0);
  return [...new Set(MOVE_CALLS.flatMap((re) => [...code.matchAll(re)].map((m) => m[2]!)))];
}

/** Whether code has a call that writes or moves files (open for writing, writeFileSync, rename …). */
export const writesFiles = (code: string): boolean => WRITE_API.test(code);

/** Path-like string literals in code, as written or read depending on the APIs it uses. */
export function codePaths(code0: string): { writes: string[]; reads: string[] } {
  const code = homeTemplates(code0);
  // Perl's open modes (">>$ENV{HOME}/.bashrc") and home spellings ($ENV{HOME}, ${HOME}) included.
  const lits = [...code.matchAll(/(["'])(?:\+?[<>]{1,2}\s*)?((?:~|\.{0,2}\/|\/|\$HOME|\$\{HOME\}|\$ENV\{HOME\}|\.[\w-]+)[^"'\s]*)\1/g)].map((m) => m[2]!.replace(/^(\$\{HOME\}|\$ENV\{HOME\})/, '~'));
  let paths = lits.filter((p) => p.length > 1 && !/^https?:/.test(p));
  // Code that builds paths from the home directory: its literals are home-relative too
  // (Path.home() / '.bashrc', homedir() + '/.zshrc').
  if (/\b(homedir|Path\.home|expanduser|getenv\(\s*['"]HOME|environ\[\s*['"]HOME|env\.HOME|ENV\[\s*['"]HOME|env\.get\(\s*['"]HOME|Dir\.home)\b|\$ENV\{HOME\}/.test(code)) {
    paths = [...paths, ...paths.filter((p) => !p.startsWith('~')).map((p) => `~/${p.replace(/^\.?\//, '')}`)];
  }
  // Files opened for writing by a bare name (open('Makefile', 'w'), writeFileSync('package.json', …)).
  const named = [...code.matchAll(/\b(?:open|fopen|File\.open|File\.new)\s*\(\s*(["'])([^"'\s]+)\1\s*,\s*(?:mode\s*[=:]\s*)?["'][rbtU]*[wax+]|\b(?:writeFileSync|appendFileSync|writeFile|appendFile|file_put_contents|Deno\.writeTextFile(?:Sync)?|Bun\.write)\s*\(\s*(["'])([^"'\s]+)\3|\bPath\(\s*(["'])([^"'\s]+)\5\s*\)\s*\.\s*write_(?:text|bytes)/g)].map((m) => m[2] ?? m[4] ?? m[6]!);
  // (…and the destination of a copy, move or link by a bare relative name: shutil.copy(src, 'node_modules/.bin/jest').)
  const dests = [...code.matchAll(/\b(?:shutil\.(?:copy\w*|move)|os\.(?:rename|replace|symlink|link)|(?:copyFile|cp|rename|symlink|link)(?:Sync)?)\s*\(\s*(?:"[^"]*"|'[^']*'|[\w.]+)\s*,\s*(["'])([^"'\s]+)\1/g)].map((m) => m[2]!);
  // (Where every write names its target — a literal, or the program's argument judged on the line — the other literals are
  // values it sets, not places: j.compilerOptions.paths = {"@acme/*": ["../*/src"]} before fs.writeFileSync(f, …).)
  const only = WRITE_API.test(code) ? literalWriteTargets(code, WRITE_API) : undefined;
  const writes = [...new Set([...(WRITE_API.test(code) ? paths.filter((p) => only === undefined || only.includes(p)) : []), ...named, ...dests])];
  const read = READ_API.test(code) ? literalReadTargets(code, READ_API) : undefined;
  return { writes, reads: READ_API.test(code) ? paths.filter((p) => read === undefined || read.includes(p)) : [] };
}

/** Blanks string literals (quotes kept), so only code is searched for API names. */
export function stripStrings(code: string): string {
  return code.replace(/("""[\s\S]*?"""|'''[\s\S]*?'''|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')/g, (m) => m[0] + ' '.repeat(Math.max(0, m.length - 2)) + m[m.length - 1]);
}

const Q = `(["'])((?:(?!\\1)[^\\\\]|\\\\.)*)\\1`; // a quoted literal: group quote, group body
const LIT = `(?:"(?:[^"\\\\]|\\\\.)*"|'(?:[^'\\\\]|\\\\.)*')`;
/** Calls that run one literal command line, or one literal argv (the whole call is matched). */
const LIST = `(${LIT}(?:\\s*,\\s*${LIT})*)`;
/**
 * `argv`: the groups hold literal words; `program`: the first group is the program and the list after it
 * starts with argv[0] (only a name: os.execlp, os.spawnvp, Perl's `system { PROG } LIST`); `runner`: the
 * program the words are given to (node's fork(script)); `langs`: the languages the form is one of.
 */
const LITERAL_RUNS: { re: RegExp; argv?: boolean; program?: boolean; runner?: string; ruby?: boolean; js?: boolean; langs?: RegExp }[] = [
  // python: os.system("…"), os.popen("…"), subprocess.X("…", shell=True), subprocess.X(["git", "status"])
  { re: new RegExp(`\\b(?:os\\.(?:system|popen)|subprocess\\.(?:getoutput|getstatusoutput)|commands\\.getoutput)\\(\\s*${Q}\\s*(?:,\\s*${LIT}\\s*)?\\)`, 'g') },
  // python: os.execlp("git", "git", "status"), os.execvp("git", ["git", "status"]), os.spawnlp(os.P_WAIT, "git", "git", "status"), pty.spawn([…])
  { re: new RegExp(`\\bos\\.(?:execl|execlp|spawnl|spawnlp)\\(\\s*(?:(?:os\\.)?P_(?:WAIT|NOWAIT|NOWAITO|DETACH)\\s*,\\s*)?(${LIT})\\s*,\\s*${LIST}\\s*\\)`, 'g'), argv: true, program: true, langs: /^python$/ },
  { re: new RegExp(`\\bos\\.(?:execv|execvp|spawnv|spawnvp)\\(\\s*(?:(?:os\\.)?P_(?:WAIT|NOWAIT|NOWAITO|DETACH)\\s*,\\s*)?(${LIT})\\s*,\\s*[\\[(]\\s*${LIST}\\s*,?\\s*[\\])]\\s*\\)`, 'g'), argv: true, program: true, langs: /^python$/ },
  { re: new RegExp(`\\bpty\\.spawn\\(\\s*(?:(${LIT})|[\\[(]\\s*${LIST}\\s*,?\\s*[\\])])\\s*\\)`, 'g'), argv: true, langs: /^python$/ },
  // node: fork("scripts/build.js", [args]) runs node; Bun.spawn(["git", "status"]); new Deno.Command("git", {args: […]})
  { re: new RegExp(`\\bfork\\(\\s*(${LIT}(?:\\s*,\\s*\\[\\s*(?:${LIT}(?:\\s*,\\s*${LIT})*)?\\s*,?\\])?)\\s*(?:,\\s*\\{[^()]*\\})?\\)`, 'g'), argv: true, runner: 'node', js: true },
  { re: new RegExp(`\\bBun\\.spawn(?:Sync)?\\(\\s*\\[\\s*${LIST}\\s*,?\\s*\\]\\s*(?:,\\s*\\{[^()]*\\})?\\)`, 'g'), argv: true, js: true },
  { re: new RegExp(`\\bnew\\s+Deno\\.Command\\(\\s*(${LIT})(?:\\s*,\\s*\\{\\s*args\\s*:\\s*\\[\\s*((?:${LIT}(?:\\s*,\\s*${LIT})*)?)\\s*,?\\](?:\\s*,[^()]*)?\\})?\\s*\\)`, 'g'), argv: true, js: true },
  // ruby: %x(cmd), IO.popen("cmd" | [argv]), Open3.capture2("cmd …"); perl: qx(cmd), open(F, "-|", …), open(F, "cmd |")
  { re: /%x\(([^()]*)\)|%x\{([^{}]*)\}|%x\[([^[\]]*)\]/g, langs: /^ruby$/ },
  { re: new RegExp(`\\bIO\\.popen\\(\\s*${Q}\\s*(?:,\\s*${LIT}\\s*)?\\)`, 'g'), langs: /^ruby$/ },
  { re: new RegExp(`\\bIO\\.popen\\(\\s*\\[\\s*${LIST}\\s*\\]\\s*(?:,\\s*${LIT}\\s*)?\\)`, 'g'), argv: true, langs: /^ruby$/ },
  { re: new RegExp(`\\bOpen3\\.(?:capture2e?|capture3|popen3|popen2e?)\\(\\s*${Q}\\s*\\)`, 'g'), langs: /^ruby$/ },
  { re: /\bqx\s*(?:\(([^()]*)\)|\{([^{}]*)\}|\[([^[\]]*)\]|\/([^/]*)\/)/g, langs: /^perl$/ },
  { re: new RegExp(`\\bopen\\s*\\(?\\s*(?:my\\s+)?[$\\w]+\\s*,\\s*["']-\\|["']\\s*,\\s*${LIST}\\s*\\)?`, 'g'), argv: true, langs: /^perl$/ },
  // ruby: system({"CI" => "1"}, "make test") / spawn(env, "git", "status", chdir: "x"): the leading hash is the environment
  { re: new RegExp(`\\b(?:system|spawn|exec)\\(\\s*\\{[^{}()]*\\}\\s*,\\s*${LIST}\\s*(?:,\\s*\\w+:\\s*[^(),]+)*\\)`, 'g'), argv: true, langs: /^ruby$/ },
  // perl: system { "curl" } "ls", … runs curl (the list only names argv[0]); system "cmd" without brackets
  { re: new RegExp(`\\b(?:system|exec)\\s*\\{\\s*(${LIT})\\s*\\}\\s*\\(?\\s*${LIST}\\s*\\)?`, 'g'), argv: true, program: true, langs: /^perl$/ },
  { re: new RegExp(`(?<![.\\w$>])(?:system|exec)\\s+${Q}(?=\\s*(?:;|$|\\bor\\b|\\band\\b|\\|\\||&&|==|!=))`, 'gm'), langs: /^(perl|ruby)$/ },
  // php: system("…", $rc), shell_exec("…"), passthru("…"), popen("…", "r"), proc_open("…", […], $pipes)
  { re: new RegExp(`\\bsystem\\(\\s*${Q}\\s*,\\s*\\$\\w+\\s*\\)`, 'g'), langs: /^php$/ },
  { re: new RegExp(`\\b(?:shell_exec|passthru|popen|proc_open)\\(\\s*${Q}\\s*(?:,[^()]*)?\\)`, 'g'), langs: /^php$/ },
  { re: new RegExp(`\\bsubprocess\\.(?:run|call|check_call|check_output|Popen)\\(\\s*${Q}\\s*,\\s*shell\\s*=\\s*True\\s*(?:,[^()]*)?\\)`, 'g') },
  { re: new RegExp(`\\bsubprocess\\.(?:run|call|check_call|check_output|Popen)\\(\\s*\\[(\\s*${LIT}(?:\\s*,\\s*${LIT})*\\s*,?)\\]\\s*(?:,[^()]*)?\\)`, 'g'), argv: true },
  // node: execSync("…"), exec("…"), execSync(`…`) without ${}
  // (Not Ruby's or Perl's exec: there the words after the first are its argv, not options — exec("rm", "-rf", dir).)
  // (Nor Python's: exec("print(1)") runs Python, read as that literal's code in judgeCode.)
  { re: new RegExp(`\\b(?:execSync|exec)\\(\\s*${Q}\\s*(?:,[^()]*)?\\)`, 'g'), langs: /^(?!(?:ruby|perl|python)$)/ },
  { re: /\b(?:execSync|exec)\(\s*`((?:[^`$\\]|\\.)*)`\s*(?:,[^()]*)?\)/g },
  // node: spawnSync("git", ["status"]) / execFileSync(…)
  { re: new RegExp(`\\b(?:spawnSync|spawn|execFileSync|execFile)\\(\\s*(${LIT}(?:\\s*,\\s*\\[\\s*(?:${LIT}(?:\\s*,\\s*${LIT})*)?\\s*,?\\])?)\\s*(?:,\\s*\\{[^()]*\\})?\\)`, 'g'), argv: true },
  // Bun's shell: Bun.$`cmd` (no ${} holes)
  { re: /\bBun\.\$`([^`$\\]*)`/g },
  // zx and execa: $`cmd` (no ${} holes) runs cmd (JavaScript only: in Perl $` is a variable)
  { re: /(?<![\w.$@%])\$`([^`$\\]*)`/g, js: true },
  // Ruby Process.spawn("cmd …") with one string runs it through the shell
  { re: new RegExp(`\\bProcess\\.spawn\\(\\s*${Q}\\s*\\)`, 'g') },
  // rake: sh "cmd" / sh("cmd") (Ruby only: elsewhere 'sh' is a string)
  { re: new RegExp(`(?<![.\\w'"])sh\\s*\\(?\\s*${Q}\\s*\\)?`, 'g'), ruby: true },
  // Ruby %q(…)/%Q(…)/%(…) strings and Perl qw(…)/q(…) lists given to system/exec: the same command
  // (…only where the list ends there: `system qw(rm -rf), $ENV{HOME}` has more words, left to the capability checks.)
  { re: /\b(?:system|exec|spawn)\s*\(?\s*%[qQ]?\(([^()$#`]*)\)\s*\)?(?!\s*(?:,|\+|\.|=>))/g },
  { re: /\b(?:system|exec)\s*\(?\s*(?:qw|q|qq)\s*\(([^()$@`]*)\)\s*\)?(?!\s*(?:,|\+|\.|=>))/g },
  // perl, ruby, php: system("…"), and system("make", "test") (an argv); Ruby's and Perl's exec (Kernel.exec,
  // Process.exec) the same, replacing the process instead of waiting for it
  { re: new RegExp(`\\bsystem\\(\\s*${Q}\\s*\\)`, 'g') },
  { re: new RegExp(`\\bsystem\\(\\s*(${LIT}(?:\\s*,\\s*${LIT})+)\\s*\\)`, 'g'), argv: true },
  { re: new RegExp(`\\bexec\\(\\s*${Q}\\s*\\)`, 'g'), langs: /^(ruby|perl)$/ },
  { re: new RegExp(`\\bexec\\(\\s*(${LIT}(?:\\s*,\\s*${LIT})+)\\s*\\)`, 'g'), argv: true, langs: /^(ruby|perl)$/ },
];

/** Delete calls whose path is one literal: the path, judged like `rm -rf PATH` (the call is removed). */
const LITERAL_DELETE = new RegExp(`\\b(?:fs\\.)?(?:rmSync|rmdirSync|unlinkSync|truncateSync|shutil\\.rmtree|os\\.(?:remove|unlink|rmdir|removedirs)|FileUtils\\.rm\\w*|File\\.delete|Deno\\.remove(?:Sync)?)\\(\\s*${Q}\\s*(?:,\\s*(?:\\{[^()]*\\}|[\\w=.\\s]+))?\\)`, 'g');
/** Perl's and PHP's unlink of one literal path or glob: unlink "/tmp/a.lock", unlink glob "build/*.o", unlink('x'). */
const LITERAL_UNLINK = new RegExp(`(?<![.\\w$>'"])unlink(?:\\s*\\(\\s*|\\s+)(?:glob(?:\\s*\\(\\s*|\\s+))?${Q}(?:\\s*\\))?(?:\\s*\\))?(?=\\s*(?:;|$|\\}|\\b(?:or|and|if|unless|for|foreach)\\b))`, 'gm');
/** Fetch calls whose URL is one literal: the URL, judged by its host (the call is removed). */
const LITERAL_FETCH = new RegExp(`(?:(?<![.\\w])fetch|\\b(?:globalThis|window|self)\\.fetch|\\b(?:dns\\.(?:lookup|resolve\\w*)|(?:urllib\\.request\\.)?urlopen|requests\\.(?:get|post|put|head|delete|patch)|httpx\\.(?:get|post|put|head|delete|patch)|https?\\.(?:get|request)))\\(\\s*${Q}\\s*(?:,[^()]*)?\\)`, 'g');
const literalBody = (g: string[]): string => String(g[1]).replace(/\\(.)/g, '$1');
/** Fetch calls whose URL starts with a literal scheme and host, the rest computed ('https://host/' + x). */
const PREFIX_FETCH = new RegExp(`(?:(?<![.\\w])fetch|\\b(?:globalThis|window|self)\\.fetch|\\b(?:(?:urllib\\.request\\.)?urlopen|requests\\.(?:get|post|put|head|delete|patch)|httpx\\.(?:get|post|put|head|delete|patch)|https?\\.(?:get|request)))\\(\\s*(["'\`])((?:https?|wss?):\\/\\/[^/"'\`:$\\s]+)(?=[:/]|\\1)`, 'g');


/** Splits off the calls that run literal commands: the command lines, and the code without them. */
export function literalRuns(code: string, lang = ''): { runs: string[]; rest: string } {
  const runs: string[] = [];
  let rest = code;
  // (What the code sets in its own environment — os.environ["PATH"] = …, $ENV{LD_PRELOAD} = … — every program it runs gets.)
  const own = envChanges(code, lang);
  const setting = (call: string): RunSetting | undefined => {
    const s = runSetting(call, code, lang);
    if (s.unknown || own === undefined) return undefined;
    s.env.unshift(...own);
    return s;
  };
  for (const { re, argv, program, runner, ruby, js, langs } of LITERAL_RUNS) {
    if (ruby && lang !== 'ruby' && lang !== '') continue;
    if (js && !/^(node|bun|deno)$/.test(lang) && lang !== '') continue;
    if (langs && !langs.test(lang)) continue;
    rest = rest.replace(re, (m, ...g: string[]) => {
      // (A call that also feeds the program its stdin — input=…, {input: …}, stdin=PIPE — runs more than its words.)
      if (/\b(input|stdin)\s*[=:]/.test(m)) return m;
      // (…nor is one whose options name another program, shell or environment computed when it runs.)
      const set = setting(m);
      if (set === undefined) return m;
      // (The groups a form's alternative matched.)
      const groups = g.slice(0, -2).filter((x): x is string => typeof x === 'string');
      if (argv) {
        const words = [...groups.join(',').matchAll(new RegExp(LIT, 'g'))].map((x) => unquote(x[0], lang));
        // (A word whose escapes are not read is no literal: the call is left to the capability checks.)
        if (!words.every((w): w is string => w !== undefined)) return m;
        if (program) words.splice(1, 1);
        if (runner) words.unshift(runner);
        // One string with spaces (Process.spawn("curl …"), spawn("a b", {shell: true})): a shell line.
        runs.push(settledRun(set, words.length === 1 && /\s/.test(words[0]!) ? { line: words[0]! } : { words }, lang));
      } else {
        const [q, body] = groups;
        const quoted = (q === '"' || q === "'") && body !== undefined;
        // (Ruby, Perl and PHP fill #{…}, $x and @x of an interpolating literal before the shell sees it: values only known then.)
        const holed = q === "'" ? body! : markHoles(quoted ? body! : q!, lang === '' ? 'ruby' : lang);
        const text = unquote(quoted ? `${q}${holed}${q}` : `\`${holed}\``, lang);
        // (…and a command whose name is one of them is no literal command.)
        if (text === undefined || text.trimStart().startsWith(HOLE)) return m;
        runs.push(settledRun(set, { line: text }, lang));
      }
      return ' '.repeat(m.length);
    });
  }
  // Calls that name their program literally and compute some arguments (subprocess.run(["git",
  // "diff", base]), spawn('npm', ['test', ...args]), exec.Command("git", "rev-parse", ref),
  // Command::new("git").args([...]), Ruby `git log #{x}`): the program is known; each computed
  // argument is a value only known at run time ("$__computed").
  // Lists joined in place are one list: [a] + [b], [a].concat([b]).
  rest = rest.replace(/\]\s*\+\s*\[/g, (m) => ','.padEnd(m.length)).replace(/\]\s*\.concat\(\s*\[([^\[\]]*)\]\s*\)/g, (m, inner: string) => `, ${inner}]`.padEnd(m.length));
  for (const { re, parts } of PROGRAM_RUNS) {
    rest = rest.replace(re, (m, ...g: unknown[]) => {
      // (A list continued after it — + [...], .concat(...), * — or a call that feeds the program
      // its stdin is not the whole command: left computed.)
      const at = g.at(-2) as number;
      const whole = g.at(-1) as string;
      const after = whole.slice(at + m.length, at + m.length + 400);
      if (/^\s*(\+|\.concat|\*|\))?\s*(\+|\.concat)/.test(after) || /^[^)]*\b(input|stdin)\s*[=:]/.test(after) || /\.(communicate|stdin)\b/.test(whole)) return m;
      const set = setting(callRest(whole, at + m.length));
      if (set === undefined) return m;
      const words = parts(g as string[]).map((w) => w.trim()).filter((w) => w !== '');
      // (A prefixed literal without holes — r'…', b'…', an f-string without {…} — is a literal too.)
      const literalWord = (w0: string) => {
        if (w0 === COMPUTED) return undefined;
        const w = /^[rbuRBU]{1,2}["']/.test(w0) || (/^[fF]["']/.test(w0) && !/[{}]/.test(w0)) ? w0.replace(/^[a-zA-Z]+/, '') : w0;
        return new RegExp(`^${LIT}$`).test(w) ? unquote(w, lang) : undefined;
      };
      const program = literalWord(words[0] ?? '') ?? (/^sys\.executable$/.test(words[0] ?? '') ? 'python3' : /^process\.execPath$/.test(words[0] ?? '') ? 'node' : undefined);
      if (program === undefined || !/^[\w.+\/-]+$/.test(program)) return m;
      const args = words.slice(1).map((w) => literalWord(w) ?? holedWord(w) ?? COMPUTED);
      // (A shell or interpreter given computed words runs code nobody can read: left computed.)
      // (Arguments after a literal script are the script's: `node dist/server.js ...args` is understood.)
      const codeAt = args.findIndex((a, k) => a === COMPUTED && (k === args.findIndex((x) => !x.startsWith('-')) || /^(-c|-e|-p|-E|--eval|--print|-m|-r|-x)$/.test(args[k - 1] ?? '')));
      if (codeAt >= 0 && /^(\S*\/)?(sh|bash|dash|zsh|ksh|fish|python[\d.]*|node|perl|ruby|php|deno|bun|env|xargs|sudo)$/.test(program)) return m;
      // (Nor is a computed value given as configuration or code — git -c, --config, --exec — or as
      // what a package manager installs.)
      if (args.some((a, k) => a === COMPUTED && /^(-c|--config|-e|--exec|--eval|-x|--upload-pack|--receive-pack|-o|--output|-T|--upload-file|-K)$/.test(args[k - 1] ?? ''))) return m;
      if (args.includes(COMPUTED) && /^(npm|pnpm|yarn|bun|pip[\d.]*|uv|poetry|gem|cargo|go|composer|brew|apt|apt-get)$/.test(program) && args.some((a) => /^(i|install|add|get|require)$/.test(a))) return m;
      runs.push(settledRun(set, { words: [program, ...args] }, lang, (w) => (w === COMPUTED || HOLED.test(w) ? w : shellWord(w))));
      return ' '.repeat(m.length);
    });
  }
  // Perl, Ruby and PHP run `cmd …` (#{x} and $x holes computed).
  for (const m of rest.matchAll(/`([^`]*)`/g)) if (/^(perl|ruby|php)$/.test(lang) && /^\s*[\w.\/-]+(\s|$)/.test(m[1]!)) {
    // (Escapes read as the language reads them: `echo ok\nrm -rf ~` is two commands.)
    const text = unquote(`\`${markHoles(m[1]!, lang)}\``, lang);
    if (text === undefined) continue;
    runs.push(text);
    rest = rest.replace(m[0], ' '.repeat(m[0].length));
  }
  if (runs.length) {
    // What made those calls possible is no longer a capability of its own.
    // (…in an import list too: import os, subprocess, json keeps json.)
    rest = rest.replace(/\bimport\s+([\w.]+(?:\s*,\s*[\w.]+)+)/g, (m, list: string) => { const kept = list.split(',').map((x) => x.trim()).filter((x) => !/^(os|subprocess|pty)$/.test(x)); return kept.length ? `import ${kept.join(', ')}`.padEnd(m.length) : ' '.repeat(m.length); });
    rest = rest.replace(/\bimport\s+(os|subprocess|pty)\b|\bfrom\s+(os|subprocess|pty)\s+import\s+[\w, ]+|(?:const|let|var)?\s*(?:\{[^}]*\}|\w+)?\s*=?\s*require\s*\(\s*['"](?:node:)?child_process['"]\s*\)(?:\.\w+)?|\bimport\s+(?:\{[^}]*\}|\*\s+as\s+\w+|\w+)\s+from\s+['"](?:node:)?child_process['"]|(?:await\s+)?\bimport\s*\(\s*['"](?:node:)?child_process['"]\s*\)|\b(?:child_process|subprocess)\s*\.(?=\s)|\buse\s+std::process::Command\s*;|\brequire\s+['"]open3['"]/g, (m) => ' '.repeat(m.length));
  }
  return { runs, rest };
}

/** A word with literal parts and computed holes, as the shell would see it: "/tmp/app_${__computed}.sql". */
const HOLED = /^"(?:[^"$`\\]|\$\{__computed\})*\$\{__computed\}(?:[^"$`\\]|\$\{__computed\})*"$/;

/**
 * An f-string or template literal with holes (f"/tmp/app_{stamp}.sql", `/tmp/${x}.log`): its
 * literal parts are known, each hole is computed. Undefined for any other word.
 */
function holedWord(w: string): string | undefined {
  const m = /^[fF](["'])(.*)\1$/.exec(w) ?? /^(`)(.*)`$/.exec(w);
  if (!m) return undefined;
  const text = m[1] === '`' ? m[2]!.replace(/\$\{[^{}]*\}/g, '\u0000') : m[2]!.replace(/\{\{|\}\}/g, '').replace(/\{[^{}]*\}/g, '\u0000');
  if (!text.includes('\u0000') || /["$`\\{}]/.test(text)) return undefined;
  return `"${text.replace(/\u0000/g, '${__computed}')}"`;
}
/** Splits a list's text at its top-level commas. */
export function topLevel(list: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  let quote = '';
  for (let i = 0; i < list.length; i++) {
    const c = list[i]!;
    if (quote) {
      cur += c;
      if (c === '\\') cur += list[++i] ?? '';
      else if (c === quote) quote = '';
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    if ('([{'.includes(c)) depth++;
    if (')]}'.includes(c)) depth--;
    if (c === ',' && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  if (cur.trim()) out.push(cur);
  return out;
}
const PROGRAM_RUNS: { re: RegExp; parts: (g: string[]) => string[] }[] = [
  // python: subprocess.run(["git", "diff", base], …) — a list whose first element is literal
  { re: new RegExp(`\\bsubprocess\\.(?:run|call|check_call|check_output|Popen)\\(\\s*\\[((?:[^\\[\\]]|\\[[^\\[\\]]*\\])*)\\]`, 'g'), parts: (g) => topLevel(g[0]!).map((w) => (/^\s*\*/.test(w) ? COMPUTED : w)) },
  // node: spawn('npm', ['test', ...args]) / execFile / execa
  { re: new RegExp(`\\b(?:spawnSync|spawn|execFileSync|execFile|execa|execaSync)\\(\\s*(${LIT})\\s*,\\s*\\[((?:[^\\[\\]]|\\[[^\\[\\]]*\\])*)\\]`, 'g'), parts: (g) => [g[0]!, ...topLevel(g[1]!).map((w) => (/^\s*\.\.\./.test(w) ? COMPUTED : w))] },
  // go: exec.Command("git", "rev-parse", ref) / exec.CommandContext(ctx, "git", …)
  { re: new RegExp(`\\bexec\\.Command(?:Context)?\\(((?:[^()]|\\([^()]*\\))*)\\)`, 'g'), parts: (g) => topLevel(g[0]!).filter((w, k) => !(k === 0 && /^\s*ctx\b|Context\(/.test(w))) },
  // rust: Command::new("git").arg(x).args([…])
  { re: new RegExp(`\\bCommand::new\\(\\s*(${LIT})\\s*\\)((?:\\s*\\.\\s*(?:arg|args)\\s*\\((?:[^()]|\\([^()]*\\))*\\))*)`, 'g'), parts: (g) => [g[0]!, ...[...String(g[1] ?? '').matchAll(/\.\s*(arg|args)\s*\(((?:[^()]|\([^()]*\))*)\)/g)].flatMap((a) => (a[1] === 'args' ? topLevel(a[2]!.replace(/^\s*&?\s*\[|\]\s*$/g, '')) : [a[2]!]))] },
  // java: new ProcessBuilder("git", "status") / C#: Process.Start("git", "status")
  { re: new RegExp(`\\bnew\\s+ProcessBuilder\\(((?:[^()]|\\([^()]*\\))*)\\)`, 'g'), parts: (g) => topLevel(g[0]!) },
  { re: new RegExp(`\\bProcess\\.Start\\(\\s*(${LIT})\\s*,\\s*(${LIT})\\s*\\)`, 'g'), parts: (g) => [g[0]!, ...(unquote(g[1]!, '') ?? '').split(/\s+/).map((w) => JSON.stringify(w))] },
  // ruby: Open3.capture2("git", "log", x) / system("git", x)
  { re: new RegExp(`\\b(?:Open3\\.(?:capture2e?|capture3|popen3|popen2e?)|system)\\(((?:[^()]|\\([^()]*\\))*)\\)`, 'g'), parts: (g) => topLevel(g[0]!) },
];

/** Modules a one-liner may use without asking: pure ones, and ones whose dangerous APIs the patterns above read. */
// Widely used libraries a one-liner imports to print a version or look at data (numpy, pandas, django,
// typescript): what the code then does with a literal path, URL or command is judged like any code's.
const PY_COMMON = ['numpy', 'pandas', 'scipy', 'matplotlib', 'sklearn', 'polars', 'pyarrow', 'PIL', 'django', 'flask', 'fastapi', 'pydantic', 'pytest',
  'setuptools', 'pkg_resources', 'importlib_metadata', 'packaging', 'jinja2', 'click', 'typer', 'rich', 'attr', 'attrs', 'dateutil', 'pytz', 'tqdm',
  'markdown', 'bs4', 'lxml', 'tomli', 'tomli_w', 'jsonschema', 'sympy', 'networkx', 'seaborn', 'plotly', 'sqlalchemy', 'alembic', 'starlette', 'uvicorn',
  'black', 'mypy', 'ruff', 'isort', 'coverage', 'hypothesis', 'pygments', 'docutils', 'sphinx', 'mkdocs', 'orjson', 'ujson', 'msgpack', 'regex', 'chardet',
  'charset_normalizer', 'idna', 'certifi', 'six', 'typing_extensions', 'wheel', 'pip', 'numba', 'h5py', 'xarray', 'openpyxl', 'tabulate', 'cv2', 'skimage',
  'torch', 'torchvision', 'tensorflow', 'keras', 'jax', 'jaxlib', 'flax', 'transformers', 'datasets', 'tokenizers', 'accelerate', 'sentencepiece',
  'onnx', 'onnxruntime', 'lightgbm', 'xgboost', 'catboost', 'statsmodels', 'nltk', 'spacy', 'gensim', 'sklearn_pandas', 'polars', 'duckdb'];
const NODE_COMMON = ['typescript', 'semver', 'yaml', 'js-yaml', 'lodash', 'glob', 'fast-glob', 'minimatch', 'zod', 'ajv', 'dayjs', 'date-fns', 'uuid', 'marked',
  'ms', 'chalk', 'commander', 'yargs', 'minimist', 'prettier', 'esbuild', 'vite', 'react', 'react-dom', 'vue', 'next/package.json', 'typescript/package.json',
  'picocolors', 'json5', 'toml', '@iarna/toml', 'smol-toml', 'ini', 'diff', 'cheerio', 'luxon', 'moment', 'immer', 'rxjs', 'tslib',
  'express', 'express/package.json', 'fastify', 'koa', 'hono', 'next', 'vue/package.json', 'react/package.json', 'svelte', 'webpack', 'rollup', 'eslint',
  'jest', 'vitest', 'mocha', 'ts-node', 'tsx', 'zod/package.json', 'prisma/package.json', '@prisma/client', 'handlebars', 'mustache', 'path-to-regexp'];
const PY_BASE = new Set(['pstats', 'signal', 'resource', 'dotenv', 'py_compile', 'compileall', 'zoneinfo', 'ssl', 'importlib', 'this', 'asyncio', 'concurrent', 'queue', 'threading', 'select', 'selectors', 'timeit', 'unittest', 'doctest', 'pkgutil', 'venv', 'dis', 'token', 'symtable', 'graphlib', 'ipaddress', 'getopt', 'optparse', 'gettext', 'colorsys', 'filecmp', 'stat', 'fileinput', 'netrc', 'quopri', 'uu', 'wave', 'zipimport', 'json', 'sys', 're', 'math', 'cmath', 'datetime', 'time', 'calendar', 'collections', 'itertools', 'functools', 'operator', 'base64', 'binascii', 'hashlib', 'hmac', 'random', 'secrets', 'string', 'textwrap', 'pprint', 'reprlib', 'csv', 'typing', 'dataclasses', 'enum', 'decimal', 'fractions', 'statistics', 'uuid', 'platform', 'locale', 'glob', 'fnmatch', 'shlex', 'argparse', 'struct', 'zlib', 'gzip', 'bz2', 'lzma', 'io', 'contextlib', 'copy', 'heapq', 'bisect', 'array', 'tomllib', 'configparser', 'unicodedata', 'difflib', 'ast', 'tokenize', 'keyword', 'codecs', 'html', 'xml', 'email', 'mimetypes', 'getpass', 'tempfile', 'zipfile', 'tarfile', 'sqlite3', 'traceback', 'warnings', 'logging', 'inspect', 'types', 'abc', 'numbers', 'weakref', 'gc', 'sysconfig', 'site', 'os', 'subprocess', 'shutil', 'pathlib', 'socket', 'urllib', 'http', 'requests', 'httpx', 'yaml', 'toml']);
const NODE_BASE = new Set(['dotenv', 'dotenv/config', 'test', 'assert/strict', 'path/posix', 'path/win32', 'async_hooks', 'diagnostics_channel', 'tty', 'sqlite', 'fs', 'path', 'os', 'util', 'crypto', 'url', 'querystring', 'assert', 'events', 'stream', 'buffer', 'zlib', 'readline', 'string_decoder', 'timers', 'perf_hooks', 'process', 'child_process', 'net', 'http', 'https', 'http2', 'dgram', 'tls', 'dns', 'module', 'v8', 'console', 'fs/promises', 'timers/promises', 'stream/promises', 'util/types']);

// A literal URL to another machine, an absolute, home or parent path, a home lookup, or a secret's name.
// (sqlite:/// is a local file; a string opening a JSDoc comment, "/** @type …", is no path.) Also the libraries' own ways to fetch and run code or upload:
// hub loads, trust_remote_code, push_to_hub, a database URL built from parts, a static folder above the project.
const COMMON_SENSITIVE = /["'`](?:(?!sqlite:)[a-z][\w+.-]*:\/\/(?!(localhost|127\.0\.0\.1|\[::1\])[:/"'`])|\/(?!tmp(?:\/|["'`])|\*\*\s)|~(?=[\/"'`]|\w+\/)|\.\.)|expanduser|Path\.home|homedir\(|os\.environ|process\.env|getenv|pardir|\.env\b(?!\s*\()|\.ssh|\.aws|\.kube|\.docker|gcloud|\.netrc|\.npmrc|id_rsa|id_ed25519|\.pem\b|\.key\b|credentials|trust_remote_code|trust_repo|hub\.load|push_to_hub|upload_\w+|URL\.create|host\s*=|static_folder\s*=\s*(os\.pardir|["'](\.\.|\/|~))|\.static\s*\(\s*(os\.homedir|["'](\.\.|\/|~))|dotenv_values|load_dotenv/;
/** What code in a language Rampart does not fully read may reach: COMMON_SENSITIVE, and the home directory, the environment or Rampart by any spelling. */
export const REACHES = new RegExp(`${COMMON_SENSITIVE.source}|\\b(HOME|ENV|homedir|home-dir|user-home|getenv|Getenv|environ)\\b|user\\.home|System[./]getenv|os\\/getenv|rampart|\\.claude`);
// (…and, in those languages, calls by a computed name, code evaluated or sourced from a file, and paths
// built from where it runs: get(paste0("sys","tem")), source(f), file.path(dirname(getwd()), …), do shell script.)
const PARTLY_READ_DYNAMIC = /\b(get|mget|do\.call|match\.fun|getFromNamespace|eval|evalq|parse|str2lang|source|sys\.source|include|include_string|invokelatest|getfield|Meta\.parse|uplevel|subst|interp|run|success|readchomp|pipeline)\s*\((?!\s*(["'])[^"'$]*\2\s*[,)])|\bdirname\s*\(\s*(getwd|pwd)\s*\(|normalizePath\s*\(\s*["']\.\.|\bdo (shell )?script\b|\brun script\b|`[^`]+`|\ball\.files\s*=\s*TRUE|\[\.\]|%s:\/\/|:\/\/%s|paste0?\s*\([^)]*:\/\//;
const PY_KNOWNS = new Set([...PY_BASE, ...PY_COMMON]);
const NODE_KNOWNS = new Set([...NODE_BASE, ...NODE_COMMON]);

/** Modules imported that are neither pure nor read by the patterns (a third-party client, say);
 *  with `base`, the widely used libraries count as unknown too. */
export function unknownModules(code: string, lang: string, base = false): string[] {
  const PY_KNOWN = base ? PY_BASE : PY_KNOWNS;
  const NODE_KNOWN = base ? NODE_BASE : NODE_KNOWNS;
  const out: string[] = [];
  if (lang === 'python') {
    for (const m of code.matchAll(/(?:^|[;\n]\s*)(?:import\s+([\w.]+(?:\s*,\s*[\w.]+)*)|from\s+([\w.]+)\s+import)/g)) {
      for (const name of (m[1] ?? m[2] ?? '').split(',')) {
        const root = name.trim().split('.')[0]!;
        if (root && !PY_KNOWN.has(root)) out.push(root);
      }
    }
    for (const m of code.matchAll(/__import__\s*\(\s*['"]([\w.]+)['"]/g)) if (!PY_KNOWN.has(m[1]!.split('.')[0]!)) out.push(m[1]!);
    if (/\b(?:__import__|import_module)\s*\(\s*(?!\)|'[^'\n]*'\s*[,)]|"[^"\n]*"\s*[,)])/.test(code)) out.push('(a module named at run time)');
  }
  if (lang === 'node' || lang === 'bun' || lang === 'deno') {
    // A module name computed at run time can be any module.
    if (/\b(?:require|import|getBuiltinModule)\s*\(\s*[^'"\s)]/.test(code)) out.push('(a module named at run time)');
    for (const m of code.matchAll(/(?:require\s*\(|import\s*\(|getBuiltinModule\s*\(|from\s+)\s*['"]([^'"]+)['"]/g)) {
      const spec = m[1]!.replace(/^node:/, '');
      if (spec.startsWith('.') || spec.startsWith('/') || /^https?:/.test(spec)) continue; // project code runs like `node file.js`; URLs are judged below
      if (!NODE_KNOWN.has(spec)) out.push(spec);
    }
  }
  return out;
}

/**
 * The directories a one-liner's computed deletes are confined to, when the only paths it has are
 * relative literals it lists (no absolute or parent path, no home, environment, argument or input,
 * no file or network read that could supply names): each such directory's entries.
 */
function scopedDeletes(code: string): string[] | undefined {
  if (/expanduser|Path\.home|homedir|environ|getenv|process\.env|\bENV\b|argv|ARGV|\binput\s*\(|\.\.|~|chdir|symlink|realpath|["'`]\s*\/|\.parent\b|pardir|dirname|abspath|absolute\s*\(|\bresolve\s*\(|expand_path|normpath|parents\s*\[/.test(code)) return undefined;
  if (READ_API.test(code.replace(/\bPath\s*\(/g, '')) || NETWORK.test(code) || SPAWN.test(code)) return undefined;
  const roots: string[] = [];
  for (const m of code.matchAll(/\b(?:glob\.i?glob|iglob|globSync|glob|Path|listdir|scandir|walk|readdirSync|readdir|opendirSync|Dir\.glob|Dir\.children|Dir\.entries|Dir\.each_child)\s*\(\s*(["'])([^"']*)\1/g)) {
    const lit = m[2]!;
    const dir = lit.split('/').filter((seg, k, all) => !/[*?[{]/.test(seg) && (k < all.length - 1 || !/[*?[{]/.test(lit))).join('/');
    roots.push(dir === '' ? '.' : dir);
  }
  // A loop over a literal list of relative names deletes those names.
  const named: string[] = [];
  for (const m of code.matchAll(/\bfor\s*\(?\s*(?:const|let|var)?\s*\w+\s+(?:in|of)\s*[[(]((?:\s*["'][^"'/]*(?:\/[^"'/]+)*["']\s*,?)+)\s*[\])]/g)) {
    for (const n of m[1]!.matchAll(/["']([^"']*)["']/g)) named.push(n[1]!);
  }
  const all = [...roots.map((r) => `${r.replace(/\/+$/, '')}/__listed__`), ...named.filter((n) => n && !n.startsWith('/'))];
  return all.length ? [...new Set(all)] : undefined;
}

const L = String.raw`(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)')`;
const lit = (s: string): string => JSON.stringify(s);
const body = (m: string[], at: number): string => (m[at] ?? m[at + 1] ?? '').replace(/\\(.)/g, '$1');

/**
 * Literals the code encodes or takes apart, read as the text they make: base64 (b64decode, atob,
 * base64_decode, Buffer.from(…, 'base64')), hex (bytes.fromhex, Buffer.from(…, 'hex')),
 * String.fromCharCode(99, …), chr(99)+…, reversed strings ('…'[::-1], string.reverse, strrev),
 * joined lists ('_'.join(['a', 'b']), ['a', 'b'].join('_')).
 */
/** Character codes that are all printable, as a double-quoted literal. */
function printable(ns: string): string | undefined {
  const cs = ns.split(',').map((n) => Number(n.trim()));
  return cs.length > 1 && cs.every((c) => c >= 32 && c < 127 && c !== 34 && c !== 92) ? `"${String.fromCharCode(...cs)}"` : undefined;
}

export function decodeLiterals(code0: string): string {
  const b64 = (s: string) => { try { return Buffer.from(s, 'base64').toString('utf8'); } catch { return s; } };
  const hex = (s: string) => { try { return Buffer.from(s, 'hex').toString('utf8'); } catch { return s; } };
  // Escapes spelling ordinary characters (\x2e, \u002e, \056, \u{2e}) read as the characters.
  const code = code0.replace(/\\(?:x([0-9a-fA-F]{2})|u\{([0-9a-fA-F]{1,6})\}|u([0-9a-fA-F]{4})|([0-7]{1,3}))/g, (m, x?: string, ub?: string, u?: string, o?: string) => {
    const c = charOfCode(parseInt(x ?? ub ?? u ?? o!, x || ub || u ? 16 : 8));
    return /["'`\\\n$]/.test(c) || c < ' ' ? m : c;
  });
  return code
    .replace(new RegExp(String.raw`\b(?:base64\.)?(?:b64decode|b64decodestring|standard_b64decode|urlsafe_b64decode|decodebytes|base64_decode|atob|decode64|Base64\.decode64|Base64\.strict_decode64)\s*\(\s*b?${L}\s*\)(?:\s*\.decode\(\s*(?:["'][\w-]*["'])?\s*\))?`, 'g'), (...m: string[]) => lit(b64(body(m, 1))))
    .replace(new RegExp(String.raw`\bBuffer\.from\(\s*${L}\s*,\s*["']base64["']\s*\)(?:\.toString\(\s*(?:["'][\w-]*["'])?\s*\))?`, 'g'), (...m: string[]) => lit(b64(body(m, 1))))
    .replace(new RegExp(String.raw`\b(?:bytes\.fromhex|binascii\.unhexlify|unhexlify|hex2bin)\s*\(\s*b?${L}\s*\)(?:\s*\.decode\(\s*(?:["'][\w-]*["'])?\s*\))?`, 'g'), (...m: string[]) => lit(hex(body(m, 1))))
    .replace(new RegExp(String.raw`\bBuffer\.from\(\s*${L}\s*,\s*["']hex["']\s*\)(?:\.toString\(\s*(?:["'][\w-]*["'])?\s*\))?`, 'g'), (...m: string[]) => lit(hex(body(m, 1))))
    // (fromCharCode takes each number modulo 2^16 — String.fromCharCode(65662) is '~' — and fromCodePoint refuses one
    // past Unicode's last.)
    .replace(/\bString\.from(CharCode|CodePoint)\(\s*(\d+(?:\s*,\s*\d+)*)\s*\)/g, (_m, how: string, ns: string) => lit(ns.split(',').map((n) => (how === 'CharCode' ? String.fromCharCode(Number(n)) : charOfCode(Number(n)))).join('')))
    .replace(/\b(?:bytes|bytearray)\(\s*\[\s*(\d+(?:\s*,\s*\d+)*)\s*\]\s*\)(?:\s*\.decode\(\s*(?:["'][\w-]*["'])?\s*\))?/g, (_m, ns: string) => lit(String.fromCharCode(...ns.split(',').map((n) => Number(n)))))
    // (Go's string([]byte{46,101,110,118}) and C's char s[]={47,104,…,0}: printable character codes spell a string.)
    .replace(/\bstring\(\s*\[\]byte\s*\{\s*(\d+(?:\s*,\s*\d+)*)\s*,?\s*\}\s*\)/g, (m, ns: string) => printable(ns) ?? m)
    .replace(/(\[\s*\d*\s*\]\s*=\s*)\{\s*(\d+(?:\s*,\s*\d+)+)\s*\}/g, (m, pre: string, ns: string) => ((t) => (t === undefined ? m : `${pre}${t}`))(printable(ns.replace(/,\s*0\s*$/, ''))))
    // 'x'.lower()/.upper()/.toLowerCase(), Perl lc("x"): case changes.
    .replace(new RegExp(String.raw`${L}\s*\.\s*(lower|upper|toLowerCase|toUpperCase|downcase|upcase|casefold)\s*\(\s*\)`, 'g'), (...m: string[]) => lit(/^(lower|toLowerCase|downcase|casefold)$/.test(m[3]!) ? body(m, 1).toLowerCase() : body(m, 1).toUpperCase()))
    .replace(new RegExp(String.raw`\b(lc|uc|strtolower|strtoupper)\s*\(?\s*${L}\s*\)?`, 'g'), (...m: string[]) => lit(/^(lc|strtolower)$/.test(m[1]!) ? body(m, 2).toLowerCase() : body(m, 2).toUpperCase()))
    // 'x'.split('').reverse().join(''), "x".reverse (Ruby), codecs rot13.
    .replace(new RegExp(String.raw`${L}\s*\.\s*split\(\s*(?:""|'')\s*\)\s*\.\s*reverse\(\s*\)\s*\.\s*join\(\s*(?:""|'')\s*\)`, 'g'), (...m: string[]) => lit([...body(m, 1)].reverse().join('')))
    .replace(new RegExp(String.raw`${L}\s*\.\s*reverse\b(?!\s*\()`, 'g'), (...m: string[]) => lit([...body(m, 1)].reverse().join('')))
    .replace(new RegExp(String.raw`\bcodecs\.(?:decode|encode)\(\s*${L}\s*,\s*["']rot[_-]?13["']\s*\)`, 'g'), (...m: string[]) => lit(body(m, 1).replace(/[a-zA-Z]/g, (c) => String.fromCharCode(((c.toLowerCase().charCodeAt(0) - 97 + 13) % 26) + (c <= 'Z' ? 65 : 97)))))
    // '%s…' % 'x' / ('a', 'b'), '{}…'.format('x', …), path joins of literals.
    .replace(new RegExp(String.raw`${L}\s*%\s*\(?\s*(${L}(?:\s*,\s*${L})*)\s*,?\s*\)?`, 'g'), (...m: string[]) => {
      const args = [...String(m[3]).matchAll(new RegExp(L, 'g'))].map((x) => (x[1] ?? x[2] ?? '').replace(/\\(.)/g, '$1'));
      let k = 0;
      return lit(body(m, 1).replace(/%[sdr]/g, () => args[k++] ?? ''));
    })
    .replace(new RegExp(String.raw`${L}\s*\.\s*format\(\s*(${L}(?:\s*,\s*${L})*)\s*\)`, 'g'), (...m: string[]) => {
      const args = [...String(m[3]).matchAll(new RegExp(L, 'g'))].map((x) => (x[1] ?? x[2] ?? '').replace(/\\(.)/g, '$1'));
      let k = 0;
      return lit(body(m, 1).replace(/\{(\d*)\}/g, (_x, n: string) => args[n ? Number(n) : k++] ?? ''));
    })
    .replace(new RegExp(String.raw`\b(?:os\.path\.join|path\.join|path\.resolve|File\.join|join_paths|Path\.Combine)\(\s*(${L}(?:\s*,\s*${L})*)\s*\)`, 'g'), (...m: string[]) => lit([...String(m[1]).matchAll(new RegExp(L, 'g'))].map((x) => (x[1] ?? x[2] ?? '').replace(/\\(.)/g, '$1')).join('/')))
    .replace(new RegExp(String.raw`\b(?:Path|PurePath|PosixPath)\(\s*${L}\s*\)((?:\s*/\s*${L})+)`, 'g'), (...m: string[]) => lit([body(m, 1), ...[...String(m[3]).matchAll(new RegExp(L, 'g'))].map((x) => (x[1] ?? x[2] ?? '').replace(/\\(.)/g, '$1'))].join('/')))
    .replace(/(?:\bchr\(\s*\d+\s*\)\s*\+?\s*)+/g, (m) => `${lit([...m.matchAll(/\d+/g)].map((d) => String.fromCharCode(Number(d[0]))).join(''))} `)
    .replace(new RegExp(String.raw`${L}\s*\[\s*::\s*-1\s*\]`, 'g'), (...m: string[]) => lit([...body(m, 1)].reverse().join('')))
    .replace(new RegExp(String.raw`\b(?:string\.reverse|strrev)\s*\(\s*${L}\s*\)|${L}\s*:\s*reverse\s*\(\s*\)`, 'g'), (...m: string[]) => lit([...(m[1] ?? m[2] ?? m[3] ?? m[4] ?? '').replace(/\\(.)/g, '$1')].reverse().join('')))
    .replace(new RegExp(String.raw`${L}\s*\.\s*join\s*\(\s*\[\s*(${L}(?:\s*,\s*${L})*)\s*,?\s*\]\s*\)`, 'g'), (...m: string[]) => {
      const sep = body(m, 1);
      const items = [...String(m[3]).matchAll(new RegExp(L, 'g'))].map((x) => (x[1] ?? x[2] ?? '').replace(/\\(.)/g, '$1'));
      return lit(items.join(sep));
    })
    .replace(new RegExp(String.raw`\[\s*(${L}(?:\s*,\s*${L})*)\s*,?\s*\]\s*\.\s*join\s*\(\s*(?:${L})?\s*\)`, 'g'), (...m: string[]) => {
      const items = [...String(m[1]).matchAll(new RegExp(L, 'g'))].map((x) => (x[1] ?? x[2] ?? '').replace(/\\(.)/g, '$1'));
      const sep = m[6] ?? m[7];
      return lit(items.join(sep === undefined ? ',' : sep.replace(/\\(.)/g, '$1')));
    });
}

/**
 * Joins string literals the code concatenates ('.e' + 'nv', "sys"."tem", "exe".."cute",
 * python's 'sy' 'stem'), so a name split in pieces is read as the name it makes. A small scanner
 * (not a regex over the whole code) keeps a quote inside another literal from pairing wrongly.
 */
export function foldLiterals(code0: string): string {
  // A literal sliced in place ('.envx'[:-1], 'x.env'[1:], 'ab'.slice(0, -1)) is the slice.
  const sliced = code0.replace(/(["'])([^"'\\\n]*)\1\s*\[\s*(-?\d*)\s*:\s*(-?\d*)\s*\]/g, (m, q: string, body: string, a: string, b: string) => {
    const start = a === '' ? 0 : Number(a);
    const end = b === '' ? body.length : Number(b);
    return `${q}${body.slice(start < 0 ? body.length + start : start, end < 0 ? body.length + end : end)}${q}`;
  }).replace(/(["'])([^"'\\\n]*)\1\.(slice|substring)\(\s*(-?\d+)\s*(?:,\s*(-?\d+)\s*)?\)/g, (m, q: string, body: string, _f: string, a: string, b?: string) => `${q}${body.slice(Number(a), b === undefined ? undefined : Number(b))}${q}`);
  const code = decodeLiterals(sliced);
  const toks: { start: number; end: number; quote: string; body: string }[] = [];
  for (let i = 0; i < code.length; i++) {
    const q = code[i]!;
    if (q !== '"' && q !== "'") continue;
    let j = i + 1;
    let body = '';
    for (; j < code.length && code[j] !== q; j++) {
      if (code[j] === '\\' && j + 1 < code.length) body += code[j++]! + code[j]!;
      else body += code[j]!;
    }
    if (j >= code.length) break;
    toks.push({ start: i, end: j + 1, quote: q, body });
    i = j;
  }
  let out = '';
  let at = 0;
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k]!;
    let body = t.body;
    let end = t.end;
    while (k + 1 < toks.length && /^\s*(\+|\.\.?|)\s*$/.test(code.slice(end, toks[k + 1]!.start))) {
      const n = toks[++k]!;
      body += n.quote === t.quote ? n.body : n.body.replace(new RegExp(t.quote, 'g'), `\\${t.quote}`);
      end = n.end;
    }
    out += code.slice(at, t.start) + t.quote + body + t.quote;
    at = end;
  }
  return out + code.slice(at);
}

// An API named by a string (os.__dict__['system'], globalThis['fetch'], Kernel.send("system"),
// PHP's $f = "system"; $f(…), array_map('unlink', …), _load('child_process')): the capability is
// the name's, whatever expression reaches it.
// Only names distinctive enough not to be a dictionary key of everyday data ('run', 'get' are).
const NAMED_SPAWN = /^(system|exec|execSync|execFile\w*|execv\w*|execl\w*|execute|spawn\w*|popen\d?|fork|eval|passthru|shell_exec|proc_open|pcntl_exec|posix_spawnp?|__import__|import_module|child_process|subprocess|ctypes|check_output|check_call|Popen|getoutput|loadstring|dofile)$/;
const NAMED_NETWORK = /^(fetch|socket|create_connection|urlopen|urllib(\.request)?|requests|XMLHttpRequest|WebSocket|fsockopen|curl_exec|dns_get_record|gethostbyname)$/;
const NAMED_DELETE = /^(unlink\w*|rmtree|rmSync|rmdir\w*|rm_rf|remove_tree|remove_dir\w*)$/;

/**
 * Names in lookup positions only: a literal subscript that is called (`X['system'](…)`) or taken
 * from a namespace (`os.__dict__['popen']`, `globalThis['fetch']`, `_G['os']`), the name argument
 * of a lookup function (getattr, __import__, _load, require, send, call_user_func, array_map …),
 * a Ruby symbol sent, a PHP string stored and then called as a function. A dictionary key of
 * everyday data (`d['eval']['batch_size']`) is none of these.
 */
function namedApis(code: string): { spawn?: string; network?: string; remove?: string } {
  const names: string[] = [];
  const NS = String.raw`(?:__dict__|vars\s*\([^()]*\)|globals\s*\(\s*\)|locals\s*\(\s*\)|globalThis|\bglobal|\bwindow|\bself|_G|_ENV|\bos|\bio|\bKernel|\bbuiltins|__builtins__|\bprocess|\bmodule|require\s*\([^()]*\)|_load\s*\([^()]*\))`;
  for (const m of code.matchAll(/\[\s*(["'])([^"'\\]*)\1\s*\]\s*\(/g)) names.push(m[2]!);
  for (const m of code.matchAll(new RegExp(`${NS}\\s*(?:\\[|\\.\\s*get\\s*\\()\\s*(["'])([^"'\\\\]*)\\1`, 'g'))) names.push(m[2]!);
  // ("system")(…): a string called as a function (PHP).
  for (const m of code.matchAll(/\(\s*(["'])([^"'\\]*)\1\s*\)\s*\(/g)) names.push(m[2]!);
  for (const m of code.matchAll(/\b(?:getattr|hasattr|__import__|import_module|_load|require|import|send|__send__|public_send|method|const_get|instance_variable_get|call_user_func(?:_array)?|array_map|array_walk|array_filter|usort|function_exists|is_callable|dlsym|load|loadstring|ReflectionFunction|getBuiltinModule|methodcaller|attrgetter)\s*\(\s*(?:[^,()'"]*(?:\([^()]*\))?[^,()'"]*,\s*)?(["'])([^"'\\]*)\1/g)) names.push(m[2]!);
  for (const m of code.matchAll(/\b(?:send|__send__|public_send|method)\s*\(?\s*:["']?(\w+)/g)) names.push(m[1]!);
  // PHP: $f = 'system'; … $f(…)
  for (const m of code.matchAll(/\$(\w+)\s*=\s*(["'])([^"'\\]*)\2/g)) if (new RegExp(`\\$${m[1]}\\s*\\(`).test(code)) names.push(m[3]!);
  const out: { spawn?: string; network?: string; remove?: string } = {};
  for (const n0 of names) {
    const name = n0.replace(/^node:/, '');
    if (NAMED_SPAWN.test(name)) out.spawn ??= name;
    if (NAMED_NETWORK.test(name)) out.network ??= name;
    if (NAMED_DELETE.test(name)) out.remove ??= name;
  }
  return out;
}

/**
 * Module aliases read as the module (`import os as o; o.system(…)` → `os.system(…)`,
 * `const cp = require('child_process')` → `child_process.`), so the API patterns see the name.
 */
function unalias(code: string): string {
  // __import__('os').system(…) and importlib.import_module('os').system(…) are os.system(…).
  let out = code.replace(/\b(?:__import__|(?:importlib\.)?import_module)\s*\(\s*(['"])(?:node:)?([\w.]+)\1\s*\)\s*\./g, '$2.');
  // from os import system as r, popen → r(…) is os.system(…), popen(…) is os.popen(…)
  for (const m of code.matchAll(/\bfrom\s+([\w.]+)\s+import\s+\(?([\w\s,]+?)\)?(?=\s*(?:;|\n|$))/g)) {
    for (const part of m[2]!.split(',')) {
      const a = /^\s*(\w+)(?:\s+as\s+(\w+))?\s*$/.exec(part);
      if (a) out = out.replace(new RegExp(`(?<![.\\w])${a[2] ?? a[1]}(?=\\s*\\()`, 'g'), `${m[1]}.${a[1]}`);
    }
  }
  // import a as b, c as d
  for (const m of code.matchAll(/\bimport\s+([\w.]+(?:\s+as\s+\w+)?(?:\s*,\s*[\w.]+(?:\s+as\s+\w+)?)*)/g)) {
    for (const part of m[1]!.split(',')) {
      const a = /^\s*([\w.]+)\s+as\s+(\w+)\s*$/.exec(part);
      if (a && a[2] !== a[1]) out = out.replace(new RegExp(`(?<![.\\w])${a[2]}\\.`, 'g'), `${a[1]}.`);
    }
  }
  // m = __import__('os'), m = importlib.import_module('os'): m. is os. (Process, file and network modules only.)
  for (const m of code.matchAll(/(?:^|[;\n]|\b(?:const|let|var)\s)\s*(\w+)\s*=\s*(?:__import__|(?:importlib\.)?import_module)\s*\(\s*(['"])(?:node:)?(os|posix|subprocess|socket|shutil|pty|ctypes|builtins|importlib|pathlib|urllib(?:\.\w+)?|http(?:\.\w+)?|requests|httpx|child_process|net|https?|dgram|tls|fs)\2\s*\)/g)) out = out.replace(new RegExp(`(?<![.\\w])${m[1]}\\.`, 'g'), `${m[3]}.`);
  // (Only the module itself bound: `const r = require('child_process').spawnSync(…)` binds the call's result, not the module.)
  // (…and the module awaited or handed on — a dynamic import() of it awaited into a name or given to .then(cp => …) — or
  // imported whole as a namespace: import * as cp.)
  const MOD = String.raw`['"](?:node:)?(child_process|net|http|https|dgram|tls|fs|os|path)['"]`;
  for (const m of code.matchAll(new RegExp(String.raw`\b(?:(?:const|let|var)\s+(\w+)\s*=\s*(?:await\s+)?(?:require|import)\s*\(\s*${MOD}\s*\)(?!\s*\.(?!then\b))|import\s*\*\s*as\s+(\w+)\s+from\s+${MOD}|import\s*\(\s*${MOD}\s*\)\s*\.then\s*\(\s*(?:async\s+)?\(?\s*(\w+)\s*\)?\s*=>)`, 'g'))) {
    // (A subscript of it too — cp[name](…) — so a member looked up at run time still names the module.)
    out = out.replace(new RegExp(`(?<![.\\w$])${m[1] ?? m[3] ?? m[6]}(?=\\s*[.[])`, 'g'), m[2] ?? m[4] ?? m[5]!);
  }
  // const {execSync, spawnSync: s} = require(…) of child_process, import {execSync as x} of it: each name called is the module's.
  for (const m of code.matchAll(new RegExp(String.raw`\b(?:(?:const|let|var)\s*\{([^{}]*)\}\s*=\s*(?:await\s+)?(?:require|import)\s*\(\s*${MOD}\s*\)(?!\s*\.)|import\s*\{([^{}]*)\}\s*from\s+${MOD})`, 'g'))) {
    for (const part of (m[1] ?? m[3])!.split(',')) {
      const a = /^\s*(\w+)\s*(?:(?::|\bas\b)\s*(\w+)\s*)?$/.exec(part);
      if (a) out = out.replace(new RegExp(`(?<![.\\w$])${a[2] ?? a[1]}(?=\\s*\\()`, 'g'), `${m[2] ?? m[4]}.${a[1]}`);
    }
  }
  return out;
}

/** Python's "git status".split() and shlex.split("…") of a literal are the list of its words. */
function splitLists(code: string): string {
  return code.replace(new RegExp(`(?:\\bshlex\\.split\\(\\s*(${LIT})\\s*\\)|(${LIT})\\.split\\(\\s*\\))`, 'g'), (m, a?: string, b?: string) => {
    const text = unquote(a ?? b!, 'python');
    return text === undefined || /["'\\]/.test(text) && a !== undefined ? m : `[${text.split(/\s+/).filter(Boolean).map((w) => JSON.stringify(w)).join(', ')}]`;
  });
}

/** What a one-liner does, as tags the line judge turns into facts. (`spell` shows the word lists HOME as what it is
 *  wherever it lives: home-spelled.ts.) */
export function judgeCode(code0: string, lang: string, spell: (code: string) => string = (c) => c): CodeVerdict {
  // (Spellings read before and after the aliases: `from subprocess import Popen as launch; launch(('a', 'b'))`.)
  code0 = plainCalls(unalias(foldLiterals(unalias(lang === 'python' ? splitLists(plainPythonLiterals(plainCalls(code0, lang))) : plainCalls(code0, lang)))), lang);
  // Python's eval/exec of a literal is that literal's code (read before the literal commands it runs are found:
  // exec('import os; os.system("date")') runs date).
  // (…given namespaces too: eval("False", {}, M()) runs False looked up through M, whose code is in the one-liner and read
  // with it; the namespaces stay, as values.)
  // (Only eval's: exec("from os import system as s", g) binds names in g that g["s"](…) calls unseen; an eval binds one only
  // through :=.)
  if (lang === 'python') code0 = code0.replace(new RegExp(`\\b(?:eval|exec)\\(\\s*${Q}\\s*\\)`, 'g'), (_m, ...g: string[]) => `(${literalBody(g)})`)
    .replace(new RegExp(`\\beval\\(\\s*${Q}\\s*(?=,)`, 'g'), (m, ...g: string[]) => (literalBody(g).includes(':=') ? m : `((${literalBody(g)})`));
  // Calls that run a literal command are judged as that command line, not as "runs programs".
  // (…read once per element of a literal list a loop runs: literal-loops.ts.)
  const unrolled = unrollLiteralLoops(code0, lang)?.map((v) => foldLiterals(lang === 'python' ? splitLists(plainPythonLiterals(v)) : v));
  const split = (unrolled ?? [code0]).map((v) => literalRuns(v, lang));
  const runs = [...new Set(split.flatMap((s) => s.runs))];
  const afterRuns = [...new Map(split.map((s) => [stripStrings(s.rest), s.rest])).values()].join('\n');
  // A literal path deleted, a literal URL fetched: judged like rm of that path, a request to that
  // host. Only calls with computed arguments are left for the capability checks below.
  const deletes: string[] = [];
  const urls: string[] = [];
  let code = afterRuns.replace(LITERAL_DELETE, (m, ...g: string[]) => {
    deletes.push(literalBody(g));
    return ' '.repeat(m.length);
  }).replace(/^(perl|php)$/.test(lang) ? LITERAL_UNLINK : /(?!)/g, (m, ...g: string[]) => {
    deletes.push(literalBody(g));
    return ' '.repeat(m.length);
  }).replace(LITERAL_FETCH, (m, ...g: string[]) => {
    urls.push(literalBody(g));
    return ' '.repeat(m.length);
  }).replace(PREFIX_FETCH, (m, ...g: string[]) => {
    // ('http://localhost:' + port + '/health': the host is written out, the rest computed.)
    urls.push(`${g[1]}/`);
    return ' '.repeat(m.length);
  });
  // Lua's load("…")() and loadstring("…")() of a literal is that literal's code.
  if (lang === 'lua') code = code.replace(new RegExp(`\\b(?:load|loadstring)\\s*\\(\\s*${Q}\\s*\\)\\s*\\(\\s*\\)`, 'g'), (_m, ...g: string[]) => `(${literalBody(g)})`);
  // The modules those calls needed are no longer capabilities of their own.
  if (deletes.length || urls.length) {
    const NET_ONLY = urls.length && !/\b(socket|Socket|connect|createConnection|dgram|tls)\b/.test(stripStrings(code));
    // (Each name of an import list on its own: `import time, urllib.request` keeps time and drops the request module.)
    const used = (x: string) => /^(json|sys|os|shutil|pathlib|urllib(\.\w+)*|requests|httpx|http(\.\w+)?)$/.test(x.trim()) && (NET_ONLY || !/urllib|requests|httpx|http/.test(x));
    code = code.replace(/\bimport\s+([\w.]+(?:\s*,\s*[\w.]+)*)/g, (m, list: string) => { const names = list.split(','); const kept = names.filter((x) => !used(x)); return kept.length === 0 ? ' '.repeat(m.length) : kept.length === names.length ? m : `import ${kept.map((x) => x.trim()).join(', ')}`.padEnd(m.length); })
      .replace(/\bfrom\s+(urllib(\.\w+)*|http(\.\w+)?)\s+import\s+[\w, ]+/g, (m) => (NET_ONLY ? ' '.repeat(m.length) : m))
      .replace(/require\s*\(\s*['"](?:node:)?(https?|fs)['"]\s*\)/g, (m, mod: string) => (mod === 'fs' || NET_ONLY ? `require('fs')`.padEnd(m.length) : m));
  }
  const bare = stripStrings(code);
  const tags: string[] = [];
  const notes: string[] = [];
  const flag = (tag: string, note: string) => {
    tags.push(tag);
    notes.push(note);
  };
  // URL-taking file functions (php file_get_contents("https://…")) are network access too.
  const urlFile = /\b(file_get_contents|fopen|readfile|copy|file|urlopen|open-uri)\s*\(\s*["']https?:/.test(code);
  // A DNS lookup of a name computed at run time can carry data out (a literal name is judged as a host above).
  const dnsComputed = /\b(dns|require\s*\(\s*['"](?:node:)?dns['"]\s*\))\s*\.\s*(lookup|resolve\w*)\s*\(\s*(?!['"][^'"]*['"]\s*[,)])/.test(code);
  // Sockets and requests whose every host literal is this machine (connect(('localhost', 5432)),
  // (0.0.0.0 is not: in code it is usually a listen address on every interface.)
  // http.get('http://localhost:3000', cb)) are local: a dev server, a database.
  // (A string is a host where code-hosts.ts says it is one: "main.rs" given to open() is a file.)
  const hostLits = hostsInCode(code, true).map((h) => h.replace(/^\[|\]$/g, ''));
  // (Every connecting call must name its destination as a literal, or a port first as node's net.connect(5432, 'localhost'):
  // a host held in a variable could be anything.)
  // (…or a variable the code set from a request to a literal loopback URL: r = Request('http://127.0.0.1:8080/x', data=…); urlopen(r).)
  // (…assigned once, never changed after — no second `r =`, no `r.full_url =` — and passed bare: urlopen(r) or urlopen(r, …).)
  const onceOnly = (v: string) => [...code.matchAll(new RegExp(`(^|[^\\w.])${v}\\s*(\\.\\w+\\s*)?(=(?!=)|\\+=)`, 'gm'))].length === 1;
  const localVar = (v: string) => onceOnly(v) && new RegExp(`(^|[^\\w.])${v}\\s*=\\s*[^;\\n=]*?\\(\\s*["'\`]https?://(localhost|127\\.\\d+\\.\\d+\\.\\d+|\\[::1\\])[:/"'\`]`).test(code);
  const literalCalls = [...code.matchAll(/\b(connect|connect_ex|create_connection|createConnection|get|request|urlopen|fetch|open)\s*\(\s*(\(\s*)?(.)(\w*)(\s*.)?/g)].every((m) => /["'`\d)]/.test(m[3]!) || (/^[A-Za-z_]$/.test(m[3]!) && /^\s*[,)]$/.test(m[5] ?? '') && localVar(m[3]! + m[4]!)) || !/^(connect|connect_ex|create_connection|createConnection)$/.test(m[1]!) && !NETWORK.test(m[0]));
  const localOnly = literalCalls && hostLits.length > 0 && hostLits.every((h) => /^(localhost|127\.\d+\.\d+\.\d+|\[?::1\]?)$/.test(h)) && !/\b(sys\.argv|process\.argv|ARGV|input\s*\(|getenv|environ)\b/.test(code);
  // (A socket that only binds or listens — a free-port probe — reaches no one: listen-probes.ts.)
  // Network primitives of the languages read only in part that name a bare host, not a URL: Tcl's socket command and http
  // package, R's socketConnection/make.socket, Julia's Sockets connect, LuaSocket's socket.connect/tcp/udp.
  const langNet = (/^(tclsh|wish|expect)$/.test(lang) && /(^|[;[{\n]\s*)socket\s+\S|\bhttp::geturl\b|\bpackage\s+require\s+(http|tls|websocket)\b/.test(bare))
    || (/^R(script)?$/.test(lang) && /\b(socketConnection|make\.socket|socketAccept|serverSocket)\s*\(/.test(bare))
    || (lang === 'julia' && /\bSockets\b/.test(bare) && /\b(connect|listen|UDPSocket|TCPSocket|send)\s*\(/.test(bare))
    || (lang === 'lua' && /\bsocket\s*\.\s*(connect[46]?|tcp[46]?|udp[46]?|bind)\s*\(/.test(bare));
  if (!localOnly && !listensOnly(code0, lang) && (MODULES.test(code) || NETWORK.test(bare) || urlFile || dnsComputed || langNet)) flag('interpreter-network', 'the one-liner opens network connections or loads a network/process module');
  // Backticks run commands in perl, ruby and php (in JavaScript they are template strings).
  // Language-specific forms: backticks (perl, ruby, php), R's pipe(), Ruby's obj.send(NAME …) with a
  // computed name, PHP's call of a function held in a variable ($f(…)).
  // (Python's compile() makes code exec runs, and a bare `system` is os.system handed on; JavaScript's compile() is a
  // template's or a schema's, and `system` a plain name there. Perl's qx runs a command; elsewhere qx is a name.)
  const langSpawn = (lang === 'python' && ((/(?<![.\w])compile\s*\(/.test(bare) && !readableCompiles(code)) || /[(,]\s*system\s*[,)]/.test(bare))) || (lang === 'perl' && /\bqx\b/.test(bare)) || (lang === 'lua' && /\b(load|loadstring|dofile|loadfile)\s*\(/.test(bare)) || (/^(tclsh|wish|expect)$/.test(lang) && /(^|[;\[{\n]\s*)(exec|spawn|system|open\s+["{]?\|)\s*\S/.test(bare)) || (/^(perl|ruby|php)$/.test(lang) && bare.includes('`')) || (/^R(script)?$/.test(lang) && /\bpipe\s*\(/.test(bare)) || (lang === 'ruby' && /\.(send|__send__|public_send)\s*\(\s*[^:\s'")]/.test(bare)) || (lang === 'php' && /(^|[^\w>:])\$\w+\s*\(/.test(bare));
  // Library calls that run code they are given: config factories, pickles, unsafe YAML, template
  // engines reaching Python's internals, pip's own entry point.
  // (A config naming a process API as a factory; a pickle or unsafe YAML of a file from outside the
  // project, a download in /tmp; pip's entry point; a template or expression reaching Python's internals.)
  const sink = (/\b(dictConfig|fileConfig)\b/.test(bare) && /os\.(system|popen|exec\w*|spawn\w*)|subprocess|getoutput|\beval\b|\bexec\b/.test(code0))
    || (/\b(read_pickle|pickle\.loads?|cPickle|dill\.loads?|joblib\.load|torch\.load|unsafe_load|full_load|yaml\.load\s*\((?![^)]*SafeLoader))\b/.test(bare) && /["'`](\/|~|\.\.\/)|urlopen|requests\.|BytesIO|sys\.stdin|argv/.test(code0))
    || /\b(pip\.main|_internal\.main)\b/.test(bare) || /__(globals|subclasses|builtins|mro|bases|closure|code)__/.test(code0);
  if (SPAWN.test(bare) || langSpawn || sink) flag('interpreter-spawn', sink ? 'the one-liner hands code to a library that runs it (a config factory, a pickle, unsafe YAML, a template reaching Python internals)' : 'the one-liner runs programs or evaluates dynamic code');
  // Deletes of what a listing of literal project directories found (Path('tests/snap').glob('*.old'),
  // glob.glob('tmp/*.json'), readdirSync('dist')) stay below those directories: judged as deleting there.
  const scoped = DELETE.test(bare) ? scopedDeletes(code0) : undefined;
  if (scoped) deletes.push(...scoped);
  else if (DELETE.test(bare)) flag('interpreter-delete', 'the one-liner deletes files or trees');
  // Signals: aimed at Rampart's own state (its pid file), or at processes picked at run time.
  if (SIGNAL.test(bare)) {
    if (/rampart|server\.pid/i.test(code) || /\b(kill|killpg)\s*\(\s*-1\b|\bkill\s*\(\s*0\s*,|\bkill\s+-\w+\s*,\s*-1\b/.test(code)) flag('rampart-tamper', 'the one-liner signals a process named in Rampart\'s state (the server), or every process');
    else if (!/\b(process\.kill|os\.kill|Process\.kill|kill)\s*\(\s*(process\.pid|os\.getpid\(\)|\$\$|\$\$\$|Process\.pid)\s*[,)]/.test(bare)) flag('signal-unknown', 'the one-liner signals processes picked at run time');
  }
  // Dotenv loaders read .env themselves; a dump of the whole environment prints whatever is in it.
  const loadsDotenv = (/\b(loadEnvFile|load_dotenv|dotenv_values|find_dotenv|Dotenv\.load|Dotenv\.parse)\b|require\(\s*['"]dotenv(\/config)?['"]\s*\)(\.config)?|from\s+['"]dotenv/.test(code))
    // (given an example file by name, it loads no secret)
    && !/\b(loadEnvFile|load_dotenv|dotenv_values|config)\s*\(\s*(?:path\s*[:=]\s*)?\{?\s*(?:path\s*:\s*)?["'][^"']*\.(example|sample|template|dist)["']/.test(code);
  const printsDotenv = /\bdotenv_values\s*\(|\.config\s*\([^)]*\)\s*\.parsed\b|\bdotenv\.parse\s*\(/.test(code) && /\b(print|dumps|console\.(log|dir|info)|write|puts)\b/.test(code);
  const dumpsEnv = printsDotenv || /\bos\.environ\b(?!\s*(\[|\.get\b|\.setdefault\b|\.pop\b))|\b(process\.env|Bun\.env)\b(?!\s*(\.|\[))|Deno\.env\.toObject|%ENV\b|\bENV\.(to_h|to_a|each|inspect|keys|values)|\$_ENV\b(?!\s*\[)|\bgetenv\(\s*\)|\/proc\/self\/environ/.test(code);
  // (netrc's readers find ~/.netrc by themselves: Python's netrc.netrc(), Ruby's Netrc.read.)
  const secretRead = FILE_READ.test(bare) ? SECRETISH.exec(code)?.[2] : /\bnetrc\.netrc\s*\(\s*\)|\bNetrc\.read\b/.test(code) ? '.netrc' : undefined;
  // (bun loads .env by itself: its process environment holds the project's secrets.)
  const secretNamed = secretRead ?? (dumpsEnv && (loadsDotenv || lang === 'bun') ? '.env' : dumpsEnv ? 'environ' : loadsDotenv ? '.env' : undefined);
  // (Loading .env into the process shows nothing by itself; what the code then sends or prints is judged.)
  if (secretRead !== undefined || dumpsEnv) flag('interpreter-secret', 'the one-liner reads what looks like a secret file');
  // Code loaded from a URL runs downloaded code.
  if (/\b(import|require|load)\s*\(\s*['"]https?:/.test(code)) flag('download-exec', 'the one-liner imports code from a URL');
  // A name given as a string only matters where the code can look a name up at run time.
  const named = namedApis(code);
  if (named.spawn && !tags.includes('interpreter-spawn')) flag('interpreter-spawn', `the one-liner reaches ${named.spawn} through a name it builds or looks up`);
  if (named.network && !tags.includes('interpreter-network')) flag('interpreter-network', `the one-liner reaches ${named.network} through a name it builds or looks up`);
  if (named.remove && !tags.includes('interpreter-delete')) flag('interpreter-delete', `the one-liner reaches ${named.remove} through a name it builds or looks up`);
  // Perl and Ruby open a pipe to a command with open("|cmd"), open(F, "-|"), open(F, "cmd |").
  const pipeOpen = /\b(open|popen|readpipe|read|readlines|foreach|binread)\s*\(?\s*(["'])\s*\|/.test(code) // open("|cmd"), IO.read("|cmd")
    || /\bopen\s*\(?\s*(my\s+)?[$\w]+\s*,\s*(["'])\s*(-\||\|-|\|)/.test(code) // open(F, "-|", …), open(F, "|cmd")
    || /\bopen\s*\(?\s*(my\s+)?[$\w]+\s*,\s*(["'])[^"']*\|\s*\2/.test(code); // open(F, "cmd |")
  if (pipeOpen) {
    if (!tags.includes('interpreter-spawn')) flag('interpreter-spawn', 'the one-liner opens a pipe to a command');
  }
  const unknown = unknownModules(code, lang);
  if (unknown.length) flag('interpreter-unknown-module', `the one-liner loads ${unknown.join(', ')}, which Rampart cannot judge`);
  // Languages read only in part (R, Julia, Tcl, AppleScript): code that names a URL, a path outside the
  // project, the home directory, the environment or a secret may do anything there.
  if (/^(R|Rscript|julia|expect|tclsh|wish|osascript)$/.test(lang) && (REACHES.test(spell(code0)) || PARTLY_READ_DYNAMIC.test(code0))) flag('interpreter-unknown-module', `the ${lang} one-liner names a URL, a path outside the project, the home directory, the environment or a secret, and Rampart reads ${lang} only in part`);
  // A widely used library is left alone with the project's own data; given a URL, a path outside the
  // project or a secret's name (pd.read_csv('~/.aws/credentials'), df.to_csv('/home/u/.bashrc')), what
  // it does there is not read: ask.
  else {
    const common = unknownModules(code, lang, true);
    if (common.length && COMMON_SENSITIVE.test(spell(code0))) flag('interpreter-unknown-module', `the one-liner gives ${common.join(', ')} a URL, a path outside the project or a secret's name, and Rampart does not follow what the library does with it`);
  }
  const mentions = [...code0.matchAll(/["'](https?:\/\/[^"'\s]+)/g)].map((m) => m[1]!);
  const sendsFiles = FILE_READ.test(bare) && /method\s*:\s*['"](POST|PUT|PATCH)|\bbody\s*:|\b(data|json|files|content)\s*=|\b(requests|httpx)\.(post|put|patch)|\burlopen\([^,()]*,|--data|\.send\(/i.test(code0);
  // (A name that is not one plain literal: a variable, a join, a slice, a call.)
  // (sys.argv / process.argv operands are in the line and judged there.)
  const readsComputed = /\b(open|fopen|readFileSync|readFile|File\.read|IO\.read|file_get_contents|read_text|read_bytes|slurp)\s*\(\s*(?!(["'`])[^"'`]*\2\s*[,)]|\)|0\s*[,)]|sys\.stdin|process\.stdin|["']\/dev\/stdin|sys\.argv|process\.argv|ARGV|\$ARGV)/.test(code) && !/\b(glob|listdir|readdirSync|scandir|iterdir|Dir\.glob)\s*\(\s*["'][^"']*\.(md|json|txt|csv|ya?ml|toml|html|xml|log|py|js|ts)["']/.test(code) || /\bopen\s*\(?\s*(?:my\s+)?[$\w]+\s*,\s*(?:["']<["']\s*,\s*)?(?!["'][^"']*["']\s*[;)])[$\w(]/.test(code) || /getline\s+\w+\s*<\s*[^"\s]/.test(code);
  return { tags, notes, runs, deletes, urls, mentions, secretNamed, sendsFiles, readsComputed };
}
