// An interpreter in a command line: find its code (interpreter-code.ts), judge what the code does
// (interpreters.ts), judge the literal commands it runs and the paths it names like any command's.
// Code that cannot be read is tagged, never waved through.
import { posix } from 'node:path';
import { hostClasses, judgeFacts } from '../evaluate.js';
import { addUrl } from '../analyzers/common.js';
import { newFacts } from '../facts.js';
import type { FlatCommand } from '../shell/index.js';
import type { Context } from '../types.js';
import { actsByName, ACTING_NODE_MODULES } from './acting-names.js';
import { hostsInCode } from './code-hosts.js';
import { homeSpelled } from './home-spelled.js';
import { codeSource } from './interpreter-code.js';
import { argvWrites } from './argv-writes.js';
import { codePaths, foldLiterals, homeTemplates, judgeCode, movedPaths, REACHES, replacedPaths, SECRETISH, unknownModules } from './interpreters.js';
import { computedWrites, unmodeledRead } from './computed-targets.js';
import { isPublisher } from './publish.js';
import { isShell } from './unwrap.js';
import { OTHER_HOME_LOOKUPS } from './unread-languages.js';
import { judgeLaterRuns, rememberWritten, replacedConfig, runsLater } from './written-files.js';
import { jsonEdits } from './json-edits.js';
import { plantedProgram } from './planted-programs.js';
import { ENVIRON, envCredentialOf, fileExists, firstSecret, isSecretPath, processSubText, realOf, rootIgnoreFile, SECRET, secretOfVar, UNKNOWN_CWD, type Info, type State } from './state.js';
import { askUnplacedDeletes } from './container-deletes.js';
import { feedsStdin } from './computed-scripts.js';
import { staysInteractive } from './interactive-after.js';

/** Third-party Python modules whose calls act beyond the project: processes, remote machines, clouds, repositories, keyrings, mail. */
const ACTING_MODULES = /^(sh|plumbum|pexpect|invoke|fabric\d*|fabfile|duct|command_runner|delegator|shellingham|IPython|ipykernel|cmd2|pdb|code|runpy|pydbus|dbus_next|jeepney|sdbus|ghapi|githubkit|kaggle|gradio|streamlit|minio|pymemcache|pylibmc|valkey|aioredis|fsspec|smart_open|azure_storage|oss2|qiniu|b2sdk|envoy|sarge|psutil|paramiko|pysftp|scp|asyncssh|netmiko|telnetlib3|git|pygit2|dulwich|github|gitlab|boto3|botocore|aiobotocore|s3fs|gcsfs|adlfs|google|azure|docker|kubernetes|ansible|pulumi|hvac|keyring|secretstorage|pymongo|psycopg2?|pymysql|MySQLdb|mysql|redis|cassandra|elasticsearch|opensearchpy|kafka|confluent_kafka|pika|nats|zmq|grpc|websocket|websockets|urllib3|pycurl|requests_toolbelt|mechanize|selenium|playwright|pyppeteer|scrapy|tweepy|slack_sdk|slack|twilio|sendgrid|yagmail|dropbox|pastebin|ftputil|smbclient|impacket|pwn|pwntools|scapy|nmap|shodan|pyautogui|pynput|win32api|ctypes|cffi|ptyprocess|dbus|gi|webbrowser|openai|anthropic|huggingface_hub|wandb|mlflow|supabase|firebase_admin|stripe|memcache|bmemcached|pssh|parallel_ssh|ansible_runner|httplib2|fabric2|spur)$/i;
/** True when every call the code makes (strings left out) is one the list names, by its last dotted part. */
const onlyCalls = (code: string, names: RegExp): boolean => [...code.replace(/(["'])(?:\\.|(?!\1).)*\1/g, '""').matchAll(/([\w.]+)\s*\(/g)]
  .every((m) => names.test(m[1]!.replace(/^.*\./, '')));
/** True when every call in the code only shows what it is given (print, len, repr, dir, sorted, inspect's readers). */
const onlyShows = (code: string): boolean => onlyCalls(code, /^(print|pprint|len|repr|str|dir|type|sorted|list|isinstance|hasattr|getsourcefile|getfile|signature|getdoc|version)$/);
/** …or only reads a local service's state: the client made (Redis(), MongoClient(), Repo('.'), docker.from_env()) and getters
 *  (ping, server_info, version, active_branch, iter_commits, cpu_count, virtual_memory). Hosts are checked separately. */
const onlyReadsLocal = (code: string): boolean => /\w\s*\(/.test(code)
  && onlyCalls(code, /^(print|pprint|len|repr|str|dir|type|sorted|list|isinstance|hasattr|version|Redis|StrictRedis|MongoClient|Repo|from_env|ping|server_info|info|dbsize|list_database_names|active_branch|iter_commits|cpu_count|cpu_percent|virtual_memory|disk_usage|boot_time|pids|net_if_addrs|getloadavg)$/);

/** The text a data: URL carries (base64 or percent-encoded). */
function dataUrlText(url: string): string {
  const comma = url.indexOf(',');
  try {
    return /;base64,/i.test(url.slice(0, comma + 1)) ? Buffer.from(url.slice(comma + 1), 'base64').toString('utf8') : decodeURIComponent(url.slice(comma + 1));
  } catch {
    return url.slice(comma + 1);
  }
}

const PRINTS = /\b(print|console\.(log|dir|info)|puts|printf|say|pp)\b|\bprocess\.stdout\.write|\bsys\.stdout\.write/;

/** Judges one piece of code in `lang` in this line's state; returns what it reads of secrets and writes. */
export function judgeCodeIn(st: State, code: string, lang: string, ctx0: Context, env: Context['env'], file = false): { secret?: string; writes: string[]; readsComputed?: boolean } {
  // (Inline code's own directory is the working directory: node -e's __dirname is ".".)
  if (!file && /^(node|bun)$/.test(lang)) code = code.replace(/(?<![.\w$'"`])__dirname(?![\w$'"`])/g, 'process.cwd()');
  const v = judgeCode(code, lang, (c) => homeSpelled(c, ctx0));
  // Code that changes its directory runs, deletes and opens what it names there: os.chdir("/home/user"); os.system("rm -rf .ssh"),
  // Dir.chdir(ENV["HOME"]) { system("rm -rf .ssh") }. One literal or home directory is followed; anything else is unknown.
  // Each change is followed in turn: a literal (relative to the last), the home directory, the temporary directory, a path
  // joined from the current one (path.resolve("apps/web"), os.path.join(os.getcwd(), "build")); anything else is unknown.
  let ctx = ctx0;
  // (A process call's own directory — subprocess.run([…], cwd="/home/user"), execSync(…, {cwd: …}) — is read as a change too.)
  const cds = [...code.matchAll(/\b(?:os\.chdir|process\.chdir|Dir\.chdir|os\.Chdir|chdir|set_current_dir|Set-Location|Push-Location)\b\s*\(?\s*((?:[^()\n;{]|\((?:[^()]|\([^()]*\))*\))*)|\bcwd\s*[:=]\s*((?:[^(),\n;{}]|\((?:[^()]|\([^()]*\))*\))+)/g)].map((m) => Object.assign([m[0], m[1] ?? m[2]], { index: m.index }));
  if (cds.length) {
    let cwd = ctx0.cwd;
    for (const cd of cds) {
      const arg = cd[1]!.trim();
      const lit = /^(["'])([^"']*)\1$/.exec(arg)?.[2] ?? /^(?:path\.(?:resolve|join)|os\.path\.join|File\.join|filepath\.Join)\(\s*(?:__dirname|process\.cwd\(\)|os\.getcwd\(\)|Dir\.pwd|["']\.["'])?\s*,?\s*(["'])([^"']+)\1\s*\)$/.exec(arg)?.[2];
      const home = /^(?:ENV\[["']HOME["']\]|os\.environ\[["']HOME["']\]|os\.(?:environ\.get|getenv)\(["']HOME["']\)|os\.path\.expanduser\(["']~["']\)|(?:require\(["'](?:node:)?os["']\)|os)\.homedir\(\)|process\.env\.HOME|Dir\.home|Path\.home\(\)|\$ENV\{HOME\}|\$HOME)$/.test(arg);
      const TMP = /^(?:(?:require\(["'](?:node:)?os["']\)|os)\.tmpdir\(\)|tempfile\.(?:gettempdir|mkdtemp)\([^)]*\)|Dir\.(?:tmpdir|mktmpdir)|os\.TempDir\(\)|(?:fs\.)?mkdtempSync\([^)]*\))$/;
      const tmp = TMP.test(arg) || (/^[A-Za-z_]\w*$/.test(arg) && new RegExp(`\\b${arg}\\s*=\\s*(?:tempfile\\.mkdtemp|(?:fs\\.)?mkdtempSync|Dir\\.mktmpdir|os\\.MkdirTemp)\\b`).test(code));
      cwd = cwd === UNKNOWN_CWD ? UNKNOWN_CWD : lit !== undefined && lit !== '' ? posix.resolve(cwd, lit.replace(/^~(?=\/|$)/, ctx0.home)) : home ? ctx0.home : tmp ? '/tmp/$TMP' : UNKNOWN_CWD;
    }
    ctx = { ...ctx0, cwd };
  }
  const envDump = v.secretNamed === 'environ';
  // The whole environment printed: a secret only after a secret file was sourced into it (sent
  // anywhere, it carries the agent's own credentials: below).
  if (v.secretNamed === 'environ' && st.sourcedSecret === undefined) {
    const k = v.tags.indexOf('interpreter-secret');
    if (k >= 0) {
      v.tags.splice(k, 1);
      v.notes.splice(k, 1);
    }
    v.secretNamed = undefined;
  }
  // A program file (a test, a config module) imports its project's dependencies: the one-liner
  // module allowlist does not apply to it; what it does still does.
  // So does a one-liner that imports only the project's own modules (import app; from app.config
  // import …), found on disk beside it and not written by this line: it runs as `python app/x.py` would.
  const own = (m: string) => lang === 'python' && /^\w+$/.test(m) && ctx.realpath !== undefined
    && [`${m}.py`, `${m}/__init__.py`, `src/${m}/__init__.py`].map((rel) => posix.join(ctx.cwd, rel)).some((p) => ctx.realpath!(p) !== undefined && !st.written.has(p));
  const unknown = v.tags.includes('interpreter-unknown-module') ? unknownModules(code, lang) : [];
  const drop = (dropped: (t: string) => boolean) => {
    const keep = v.tags.map((t, k) => (dropped(t) ? -1 : k)).filter((k) => k >= 0);
    v.tags = keep.map((k) => v.tags[k]!);
    v.notes = keep.map((k) => v.notes[k]!);
  };
  // A one-liner that only imports and looks at modules Rampart has no list for — the project's package when
  // the disk is not seen (import app; print(app.__version__)), a parser the project depends on
  // (require("acorn").parse(…)) — runs as `python -m app` or `node file.js` does: unless the module is one
  // that acts on other machines, processes or repositories (sh, fabric, boto3, GitPython, execa, axios,
  // simple-git …), or the code names anything sensitive, uses a name that acts (push, delete, send,
  // run …; words in its strings and comments are no names), or the line wrote a file of that name.
  const js = /^(node|bun|deno)$/.test(lang);
  // (…and a module that is a command of its own that publishes or is a shell — twine, poetry, semantic-release, xonsh — does what the command does.)
  const pkg = (m: string) => (js ? m.split('/').slice(0, m.startsWith('@') ? 2 : 1).join('/') : m.split('.')[0]!);
  const acting = (m: string) => (js ? ACTING_NODE_MODULES.test(pkg(m)) : ACTING_MODULES.test(m)) || isPublisher(pkg(m)) || isShell(pkg(m));
  // (A module that acts may still be looked at — print(boto3.__version__), require("axios").VERSION — where the only calls are ones that show.)
  const looked = (m: string) => !acting(m) || (js ? onlyCalls(code, /^(require|log|dir|info|stringify|keys)$/) && /\.(version|VERSION)\b/.test(code) : (onlyShows(code) && /\b__(version|file|path|name|doc)__\b/.test(code)) || onlyReadsLocal(code));
  const wrote = (m: string) => [...st.written.keys()].some((w) => (js ? new RegExp(`/(node_modules/)?${escapeRe(m)}(\\.[cm]?js|/|$)`) : new RegExp(`/${m}(\\.py|/|$)`)).test(w));
  const looksOnly = (lang === 'python' || js) && unknown.length > 0 && v.tags.every((t) => t === 'interpreter-unknown-module')
    && unknown.every((m) => (js ? /^(@[\w.-]+\/)?[\w.-]+(\/[\w.-]+)*$/ : /^\w+$/).test(m) && looked(m) && !wrote(m))
    && !REACHES.test(homeSpelled(code, ctx0)) && !actsByName(code, lang)
    // (…and no string in it names another machine: minio.Minio('evil.example:9000'), Client("evil.sh"), a memcached host.)
    && hostsInCode(code).length === 0;
  if (file || (unknown.length > 0 && unknown.every(own)) || looksOnly) drop((t) => t === 'interpreter-unknown-module');
  // A program file of the project's own (a test that runs the CLI, a task module, a server helper)
  // starts processes and opens connections with values it computes, as programs do. Unless it also
  // names something sensitive — a secret, a path in HOME or the system, a host off the allowlist —
  // or builds its code at run time, that is asked about rather than refused; the commands and URLs
  // it names literally are judged as such (and a file whose every call is literal passes).
  // (What stays computed — a command, a destination, a path — is still not understood: it asks.)
  if (file && !fileRisk(st, code) && v.tags.some((t) => t === 'interpreter-spawn' || t === 'interpreter-network' || t === 'interpreter-delete')) {
    drop((t) => t === 'interpreter-spawn' || t === 'interpreter-network' || t === 'interpreter-delete');
    v.tags.push('interpreter-opaque');
    v.notes.push('the program file starts processes, connects or deletes with values it computes when it runs');
  }
  for (const t of v.tags) st.lineTags.tags.add(t);
  st.lineTags.notes.push(...v.notes);
  for (const r of v.runs) st.sub(r, ctx.cwd, env);
  // A shell or REPL the code starts with no code of its own (os.system("sh"), exec "bash -i", pty.spawn("/bin/bash")) reads
  // what is typed into the terminal later, as a bare `sh` in the line does: never judged.
  // (…not one asked only for its version or usage — node -v, python3 -V, perl -v, bash --version — which prints and exits.)
  const repl = v.runs.find((r) => /^\s*(?:export [^;]*;\s*)?(?:\S*\/)?(?:sh|bash|dash|zsh|ksh|mksh|fish|csh|tcsh|python[\d.]*|node|perl|ruby|irb|php|lua|psql|mysql|sqlite3)(?:\s+-[-\w]+)*\s*$/.test(r)
    && !/\s--(?:version|help)\s*$/.test(r) && !/^\s*(?:\S*\/)?(?:python[\d.]*|node|perl|ruby|php|lua)\s+-[vVh]\s*$/.test(r));
  if (st.depth === 0 && repl !== undefined) {
    st.lineTags.tags.add('interactive-session');
    st.lineTags.notes.push(`the ${lang} code starts ${repl.trim()}: what is typed into it later is never judged`);
  }
  // Literal deletes are judged like `rm -rf` of those paths; literal URLs by their hosts (an
  // interpreter reaching a host off the allowlist is refused, as any network use of one was).
  // A listing's deletes reach through links this line made inside the listed directory (ln -s ~ build/h).
  const linkedUnder = (dir: string) => [...st.links.keys()].some((l) => l === dir || l.startsWith(`${dir}/`) || dir.startsWith(`${l}/`));
  if (v.deletes.some((d) => d.endsWith('/__listed__') && linkedUnder(posix.resolve(ctx.cwd, d.slice(0, -'/__listed__'.length))))) {
    st.lineTags.tags.add('interpreter-delete');
    st.lineTags.notes.push('the one-liner deletes what it lists in a directory where this line made a link');
  }
  // (A literal path the code moves away is gone from where it was, as `mv PATH …` is: shutil.move(os.getcwd(), "/tmp/x").)
  const gone = [...v.deletes, ...movedPaths(foldLiterals(code))];
  if (gone.length) {
    const df = newFacts('rm');
    df.deletes.push(...gone);
    df.tags.add('recursive').add('force');
    st.out.push(judgeFacts(st.policy, df, ['rm', '-rf', ...gone], { ...ctx, env, stdin: undefined, stdout: undefined }));
    // (…and inside a container whose mounts are unseen, against what may be mounted there.)
    askUnplacedDeletes(st, `${lang} code`, gone, ctx);
  }
  if (v.urls.length) {
    const nf = newFacts(`<${lang} code>`);
    for (const u of v.urls) addUrl(nf, u, 'target');
    if (hostClasses(st.policy, nf).has('disallowed') || nf.hosts.length === 0) {
      st.lineTags.tags.add('interpreter-network');
      st.lineTags.notes.push(`the one-liner fetches ${v.urls.join(', ')}`);
    }
  }
  // Paths the code names, read or written, are judged like any command's.
  const io0 = codePaths(foldLiterals(code));
  // (A file the line made from a secret — a copy, a link, an archive of the project — is read as that secret.)
  const made = (p: string) => { const a = posix.resolve(ctx.cwd, p.replace(/^~(?=\/|$)/, ctx.home)); return realOf(st, a) ?? st.archived.get(a) ?? p; };
  // (…and a file written through a link this line made is written where it points: ln -s ~/.bashrc notes.txt, then
  // open('notes.txt', 'a') appends to ~/.bashrc — as a shell redirection there does.)
  const through = (p: string) => { const a = posix.resolve(ctx.cwd, p.replace(/^~(?=\/|$)/, ctx.home)); return [...st.links].filter(([l]) => !/^\/dev\/fd\//.test(l) && (a === l || a.startsWith(`${l}/`))).map(([l, to]) => to + a.slice(l.length)); };
  const io = { ...io0, reads: io0.reads.map(made), writes: [...io0.writes, ...io0.writes.flatMap(through)] };
  let secret: string | undefined;
  if (io.writes.length || io.reads.length) {
    const cf = newFacts(`<${lang} code>`);
    cf.writes.push(...io.writes);
    const anew = replacedPaths(foldLiterals(code));
    if (anew.length) cf.truncates = io.writes.filter((w) => anew.includes(w));
    cf.reads.push(...io.reads);
    const j = judgeFacts(st.policy, cf, [], { ...ctx, env, stdin: undefined, stdout: undefined });
    st.out.push(j);
    if (SECRET(j, 'reads')) secret = firstSecret(st, io.reads, ctx);
  }
  // Code that writes where it computes — not one literal the path checks above read — while it names the project's parent
  // or HOME in any spelling, or builds the target with a call the judge has no model of: not understood, a person decides
  // (computed-targets.ts). A startup file, credential or dotfile it names is where such a write lands (~/.bashrc,
  // ~/.ssh/authorized_keys, a .pth start-up hook): judged as a write there.
  // (A program file of the project's own builds its paths from where it lives — path.join(__dirname, '..', 'dist') — as programs do.)
  if (!file) {
    const folded = homeTemplates(foldLiterals(code));
    const cw = computedWrites(folded, code);
    const unread = PRINTS.test(code) || v.sendsFiles ? unmodeledRead(folded) : undefined;
    if (cw.outward || cw.unmodeled !== undefined || unread !== undefined) {
      st.lineTags.tags.add('interpreter-opaque');
      st.lineTags.notes.push(cw.unmodeled !== undefined ? `the one-liner writes to a path it builds with ${cw.unmodeled}(), which Rampart does not model`
        : cw.outward ? 'the one-liner writes to a path it computes while naming the working directory\'s parent, the home directory or the environment'
          : `the one-liner prints a file whose name it builds with ${unread}(), which Rampart does not model`);
      const guesses = cw.outward || cw.unmodeled !== undefined ? homeGuesses(folded) : [];
      if (guesses.length) {
        const gf = newFacts(`<${lang} code>`);
        gf.writes.push(...guesses);
        st.out.push(judgeFacts(st.policy, gf, [], { ...ctx, env, stdin: undefined, stdout: undefined }));
      }
    }
  }
  // (A tool's configuration it writes from a file outside the project or a URL — shutil.copy('/tmp/y', '.yarnrc.yml'),
  // urlretrieve(URL, '.npmrc') — is configuration nobody read.)
  const written = io.writes.map((w) => posix.resolve(ctx.cwd, w.replace(/^~(?=\/|$)/, ctx.home)));
  written.forEach((w, k) => replacedConfig(st, w, [...io.reads, ...io.writes.filter((_, j) => j !== k), ...v.urls], ctx.cwd));
  // (…and a program or package file it copies, moves or links where tools run them from — shutil.copy('/tmp/x',
  // 'node_modules/.bin/jest'), fs.symlinkSync — is a planted program unless every file it reads is the project's.)
  const fromProject = io.reads.length > 0 && v.urls.length === 0 && io.reads.every((r) => posix.resolve(ctx.cwd, r.replace(/^~(?=\/|$)/, ctx.home)).startsWith(`${ctx.projectRoot}/`));
  for (const w of written) plantedProgram(st, w, fromProject);
  // Code that writes a file whose commands run later (package.json's scripts, a Makefile, a shell
  // script): the literals it holds are what it may put there.
  const later = written.find(runsLater);
  if (later !== undefined) judgeLaterRuns(st, later, '', ctx.cwd, [...code.matchAll(/"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|`((?:[^`\\]|\\.)*)`/g)].map((m) => (m[1] ?? m[2] ?? m[3] ?? '').replace(/\\([nt])/g, (_m, c: string) => (c === 'n' ? '\n' : '\t')).replace(/\\(.)/g, '$1')));
  if (secret === undefined && v.secretNamed === 'environ') secret = st.sourcedSecret;
  // (Handed to a child process or a local server — a spawn given the environment, localhost — it stays on this machine.)
  if (secret === undefined && envDump && [...v.urls, ...v.mentions].some((u) => !/^[a-z]+:\/\/(localhost|127\.\d+\.\d+\.\d+|\[::1\]|0\.0\.0\.0)([:/]|$)/i.test(u))) secret = ENVIRON;
  // (…and printed, it is what the line's next command gets: print(dict(os.environ)) | gh gist create -, as env | … is.)
  if (secret === undefined && envDump && PRINTS.test(code)) secret = ENVIRON;
  // (…or written to a file: json.dump(dict(os.environ), open("/tmp/e", "w")) — the file holds it.)
  if (secret === undefined && envDump && io.writes.length > 0) secret = ENVIRON;
  if (secret === undefined && v.secretNamed !== undefined) {
    // A secret named in pieces or beside a home lookup: the file that name points at.
    const n = v.secretNamed;
    const guess = /^\.env/.test(n) ? posix.resolve(ctx.cwd, n) : /^(id_|\.ssh$)/.test(n) ? `${ctx.home}/.ssh/${n === '.ssh' ? 'id_rsa' : n}` : `${ctx.home}/${n}`;
    secret = firstSecret(st, [guess], ctx) ?? posix.resolve(ctx.cwd, '.env');
  }
  // A variable the line set to a secret's path (F=.env python3 -c "open(os.environ['F'])"): the code reads that secret.
  if (secret === undefined) {
    for (const m of code.matchAll(/\b(?:process\.env\.|os\.environ(?:\.get)?\s*[[(]\s*["']|(?:os\.)?getenv\s*\(\s*["']|ENV\s*(?:\[|\.fetch\s*\()\s*["']|\$ENV\{|Deno\.env\.get\s*\(\s*["'])(\w+)/g)) {
      const v = env[m[1]!];
      if (v && /[/.]/.test(v) && isSecretPath(st, posix.resolve(ctx.cwd, v.replace(/^~(?=\/|$)/, ctx.home)), ctx)) secret = posix.resolve(ctx.cwd, v.replace(/^~(?=\/|$)/, ctx.home));
    }
  }
  // After a secret file was sourced, a credential read from the environment (node's env.API_KEY,
  // os.environ["TOKEN"], getenv("SECRET")) is that secret.
  if (secret === undefined && st.sourcedSecret !== undefined) {
    for (const m of code.matchAll(/\b(?:process\.env\.|os\.environ(?:\.get)?\s*[[(]\s*["']|(?:os\.)?getenv\s*\(\s*["']|ENV(?:\.fetch\s*\(\s*|\s*\[\s*)["']|\$ENV\{|Deno\.env\.get\s*\(\s*["']|Bun\.env\.)(\w+)/g)) {
      if (secretOfVar(st, m[1]!, env) !== undefined) secret = st.sourcedSecret;
    }
  }
  // A secret file's values the process holds (loaded from .env before it ran) printed to the screen
  // are read into the agent's context, as `cat .env` is.
  if (secret !== undefined && secret !== ENVIRON && /^\//.test(secret) && !io.reads.length && PRINTS.test(code) && printsValues(code)) {
    const pf = newFacts(`<${lang} code>`);
    pf.reads.push(secret);
    st.out.push(judgeFacts(st.policy, pf, [], { ...ctx, env, stdin: undefined, stdout: undefined }));
  }
  // A credential of the agent's environment printed by name (print(os.environ["GITHUB_TOKEN"]),
  // node -p of the NPM_TOKEN variable) is read into the agent's context, as echo "$GITHUB_TOKEN" is.
  if (secret === undefined && (PRINTS.test(code) || /^\s*process\.env(\.\w+|\s*\[\s*["']\w+["']\s*\])\s*$/.test(code)) && credentialVarsRead(code, st.namerefs).some((n) => envCredentialOf(n, env) !== undefined || st.namerefs.has(n))) {
    const pf = newFacts(`<${lang} code>`);
    pf.reads.push(ENVIRON);
    st.out.push(judgeFacts(st.policy, pf, [], { ...ctx, env, stdin: undefined, stdout: undefined }));
    // (…and piped or written on, it carries the credential: node -p of GITHUB_TOKEN's variable piped to gh gist create -. Code that
    // talks to a host itself uses it there — an Authorization header — and is judged as it was.)
    if (!v.urls.length && !v.mentions.length) secret = ENVIRON;
  }
  // Code that reads files and posts a body to a host other than this machine: which file it sends
  // may be computed (a name built any way the judge cannot read), so a person decides.
  if (secret === undefined && v.sendsFiles && (v.urls.length || v.mentions.length)) {
    const sf = newFacts(`<${lang} code>`);
    for (const u of [...v.urls, ...v.mentions]) addUrl(sf, u, 'target');
    if (sf.hosts.some((h) => !/^(localhost|127\.\d+\.\d+\.\d+|::1|0\.0\.0\.0)$/.test(h.host))) {
      st.lineTags.tags.add('interpreter-opaque');
      st.lineTags.notes.push(`the one-liner reads files and sends a request body to ${[...v.urls, ...v.mentions].join(', ')}`);
    }
  }
  // Code that reads a secret and talks to any host (an allowed one too: a gist is an exfiltration
  // channel) or names one: a request built from the secret.
  if (secret !== undefined && (v.mentions.length || v.urls.length)) {
    st.lineTags.tags.add('interpreter-network');
    st.lineTags.notes.push(`the one-liner reads ${secret} and sends to ${[...v.urls, ...v.mentions].join(', ')}`);
  }
  return { secret, writes: written, readsComputed: v.readsComputed };
}

/**
 * Where a write the judge cannot place lands when it is in the home directory: each dotfile or secret name among the
 * code's literals, alone and joined with the literals listed after it (".ssh", "authorized_keys"), as ~/NAME — the
 * leading ./, ../ and format holes ("%s/../.bashrc", "{}/.profile") left out.
 */
function homeGuesses(code: string): string[] {
  const LIT = String.raw`(?:"[^"\\\n]*"|'[^'\\\n]*'|\`[^\`\\]*\`)`;
  const name = (lit: string) => lit.slice(1, -1).replace(/%[sd]|\{[^{}]*\}|#\{[^{}]*\}|\$\{[^{}]*\}|\$ENV\{\w+\}|\$\w+/g, '/').split('/').filter((x) => x !== '' && x !== '.' && x !== '..').join('/');
  const out = new Set<string>();
  for (const m of code.matchAll(new RegExp(`${LIT}(?:\\s*,\\s*${LIT})*`, 'g'))) {
    const parts = [...m[0].matchAll(new RegExp(LIT, 'g'))].map((x) => name(x[0]));
    parts.forEach((_, k) => {
      const joined = parts.slice(k).filter(Boolean).join('/');
      for (const n of new Set([parts[k]!, joined])) if (/^[\w.@+-]+(\/[\w.@+-]+)*$/.test(n) && n.length < 120 && (/(^|\/)\.[\w-]/.test(n) || /\.pth$/.test(n) || SECRETISH.test(`/${n}`))) out.add(`~/${n}`);
    });
  }
  return [...out];
}

/**
 * Whether code prints values from its environment: a whole dump (node's env object, os.environ, a
 * dotenv parse), or a credential-named variable — not a test of one (bool(…), !!, len, `? :`,
 * `is None`, `in os.environ`) nor a variable such as PORT.
 */
function printsValues(code: string): boolean {
  if (/\bprocess\.env\b(?!\s*[.[])|\bos\.environ\b(?!\s*(\[|\.get\b))|\.parsed\b|\bdotenv_values\b|\b(Deno|Bun)\.env\.toObject|%ENV\b/.test(code) && !/\b(Object\.keys|keys\(\))/.test(code)) return true;
  return credentialVarsRead(code).length > 0;
}

/** Credential-named environment variables the code reads for their value (not a test of one). */
function credentialVarsRead(code: string, copies: ReadonlyMap<string, string> = new Map()): string[] {
  const out: string[] = [];
  const reads = /(?:process\.env\.|process\.env\s*\[\s*["']|os\.environ(?:\.get)?\s*[[(]\s*["']|getenv\s*\(\s*["']|ENV(?:\.fetch\s*\(\s*|\s*\[\s*)["']|\$ENV\{|(?:Deno|Bun)\.env(?:\.get\s*\(\s*["']|\.))(\w+)(?:["']\s*[\])}]|\b)/g;
  for (const m of code.matchAll(reads)) {
    // (Or a copy of a credential the line made under another name: t=$GITHUB_TOKEN, then node reads env.t.)
    if (!/KEY|TOKEN|SECRET|PASS|PWD|CRED|AUTH|DSN|DATABASE_URL|_URL$|PRIVATE|SESSION|COOKIE|SIGNING|CERT/i.test(m[1]!) && !copies.has(m[1]!)) continue;
    const before = code.slice(Math.max(0, m.index! - 12), m.index!);
    const after = code.slice(m.index! + m[0].length, m.index! + m[0].length + 40);
    if (/((bool|Boolean|len|length|defined|isset)\s*\(|!!|\bnot\s)\s*(os\.)?$/.test(before) || /^["']?\s*(?:,\s*(?:"[^"]*"|'[^']*'|\w+)\s*\))?\s*(\?|is\s+(not\s+)?None|!==?|===?|\.length|\)\s*\?|\s+in\b)/.test(after)) continue;
    out.push(m[1]!);
  }
  return out;
}

/** The library directories put first by -I DIR / -IDIR (ruby, perl). */
const includeDirs = (args: readonly string[]): string[] => args.flatMap((a, k) => (a === '-I' ? [args[k + 1] ?? ''] : /^-I./.test(a) ? [a.slice(2)] : []));

export function judgeInterpreter(st: State, lang: string, args: string[], ctx: Context, env: Context['env'], stdinText: string | undefined, fc: FlatCommand, flat: FlatCommand[], info: Info[], rec: Info): void {
  rec.isInterpreter = true;
  // (bun run FILE / deno run FILE: the file after the verb, as bun FILE would take it.)
  const args0 = args;
  // (…after the runtime's own options: deno -A run FILE, bun --bun run FILE.)
  const verb = args.findIndex((a) => !a.startsWith('-'));
  if ((lang === 'bun' || lang === 'deno') && verb >= 0 && args[verb] === 'run') args = [...args.slice(0, verb), ...args.slice(verb + 1)];
  const src = codeSource(lang, args, {
    stdinText,
    // `python3 <(echo '…')`: the text of that process substitution, when the line makes it known.
    processText: (word) => processSubText(fc, flat, info, (raw) => raw === word),
    staticWord: (value) => fc.argv.find((w) => w.value === value)?.static ?? true,
  });
  if (src.unreadable) {
    st.lineTags.tags.add('interpreter-opaque');
    st.lineTags.notes.push(`${lang}: ${src.unreadable}`);
  }
  if (src.fromStdin) rec.interpreterReadsStdin = true;
  // Operands the code writes through its argument vector (open(sys.argv[1], 'w') ~/.bashrc): judged as writes there.
  const argvTargets = argvWrites(lang, args, src.code, src.fromStdin === true);
  if (argvTargets.length) {
    const wf = newFacts(`<${lang} code>`);
    wf.writes.push(...argvTargets);
    st.out.push(judgeFacts(st.policy, wf, [], { ...ctx, env, stdin: undefined, stdout: undefined }));
  }
  // IPython runs `!cmd`, `x = !cmd`, `%sx cmd`, `%system cmd` and `%%bash` cells as shell lines.
  if (lang === 'python' && /^(ipython|ptipython|jupyter)/.test(posix.basename(fc.argv[0]?.value ?? '')) && src.code !== undefined) {
    const cell = /^\s*%%(?:bash|sh|script\s+(?:ba|z|da)?sh|system)\b[^\n]*\n([\s\S]*)$/m.exec(src.code);
    if (cell) st.sub(cell[1]!, ctx.cwd, env);
    for (const m of src.code.matchAll(/^(?:\s*\w+\s*=)?\s*(?:!!?|%(?:sx|system|sc)\s)(.+)$/gm)) st.sub(m[1]!, ctx.cwd, env);
    // Other magics run programs, write files or load code (%rm, %%writefile, %run, %load URL, %%script P): only a few
    // that time, plot or show the session are understood.
    // (%run FILE runs a Python file, as python FILE does; %load_ext loads a module, as an import does.)
    for (const m of src.code.matchAll(/^\s*%run\s+(?!-m\b)(.+)$/gm)) st.sub(`python3 ${m[1]!}`, ctx.cwd, env);
    const magics = [...src.code.matchAll(/^\s*%%?([\w.]+)(?!\s+-m\b)/gm)].map((m) => m[1]!).filter((m) => !/^(run|load_ext|reload_ext|time|timeit|matplotlib|pylab|autoreload|who|whos|who_ls|lsmagic|magic|precision|pprint|xmode|doctest_mode|history|hist|pwd|quickref|page|pinfo|pinfo2|pdef|pdoc|psource|sx|system|sc|bash|sh|capture|prun)$/.test(m));
    if (magics.length) {
      st.lineTags.tags.add('interpreter-opaque');
      st.lineTags.notes.push(`IPython's %${magics[0]} runs programs, writes files or loads code Rampart does not read`);
    }
  }
  // A REPL fed nothing in this line reads what is typed later (Codex's write_stdin), unjudged.
  // (`--` ends the options; a program named `-` is read from stdin, which is the same terminal.)
  const rest = args.filter((a) => !/^(-i|--interactive|-q|-u|-B|-E|-s|-I|-S)$/.test(a));
  // (bun alone prints its usage and exits; its REPL is `bun repl`, and `bun run -` reads its program from stdin, the terminal.)
  const fromStdin = rest[0] === '--' ? rest[1] === '-' : rest[0] === '-';
  const bare = lang === 'bun' ? (rest.length === 1 && rest[0] === 'repl') || (rest[0] === 'run' && rest[1] === '-' && rest.length === 2) || fromStdin || (rest.length === 1 && rest[0] === '--')
    : rest.length === 0 || (rest[0] === '--' ? rest.length === 1 || rest[1] === '-' : rest[0] === '-');
  if (st.depth === 0 && bare && src.code === undefined && stdinText === undefined && !ctx.stdin && fc.stdinFrom.length === 0 && !fc.redirects.some(feedsStdin)) {
    st.lineTags.tags.add('interactive-session');
    st.lineTags.notes.push(`${lang} starts an interactive session: what is typed into it later is never judged`);
  }
  // …and so does one told to stay in its REPL after the code it runs (python3 -i -c CODE, PYTHONINSPECT=1, lua -i FILE).
  else if (st.depth === 0 && staysInteractive(lang, args, env) && stdinText === undefined && !ctx.stdin && fc.stdinFrom.length === 0 && !fc.redirects.some(feedsStdin)) {
    st.lineTags.tags.add('interactive-session');
    st.lineTags.notes.push(`${lang} stays in an interactive session after its code: what is typed into it later is never judged`);
  }
  // A script written earlier in the same line is judged when it runs.
  const known = src.script ? st.scripts.get(posix.resolve(ctx.cwd, src.script)) : undefined;
  // Modules node preloads (--import/--require/-r/--loader): a data: URL is code, a file this line wrote is too.
  const preloads: string[] = [];
  // (A module or directory the code loads before its own, from outside the project: code nobody here has read.)
  const fromOutside = (v: string) => !posix.resolve(ctx.cwd, v.replace(/^~(?=\/|$)/, ctx.home)).startsWith(`${ctx.projectRoot}/`);
  if (lang === 'node' || lang === 'bun' || lang === 'deno') {
    for (let k = 0; k < args.length; k++) {
      const m = /^(--import|--require|-r|--loader|--experimental-loader|--preload|--eval-file)(?:=(.*))?$/s.exec(args[k]!);
      if (!m) continue;
      // (deno repl --eval-file=A,B runs each file, local or a URL, before the prompt.)
      if (m[1] === '--eval-file') {
        for (const f of (m[2] ?? args[k + 1] ?? '').split(',')) if (/^[a-z]+:\/\//i.test(f) || fromOutside(f) || /[$`]/.test(f)) {
          st.lineTags.tags.add('interpreter-opaque');
          st.lineTags.notes.push(`${lang} repl runs ${f} first, code from outside the project`);
        } else { const text = st.scripts.get(posix.resolve(ctx.cwd, f)); if (text !== undefined) preloads.push(text); }
        continue;
      }
      const v = m[2] ?? args[k + 1] ?? '';
      if (/^data:/i.test(v)) preloads.push(dataUrlText(v));
      else {
        const text = st.scripts.get(posix.resolve(ctx.cwd, v));
        if (text !== undefined) preloads.push(text);
        // (A module preloaded from outside the project — /tmp/x.js, a URL — is code nobody here has read.)
        else if (/^[a-z]+:\/\//i.test(v) || (/^[./~]/.test(v) && fromOutside(v))) {
          st.lineTags.tags.add('interpreter-opaque');
          st.lineTags.notes.push(`${lang} preloads ${v}, code from outside the project`);
        }
      }
    }
    // The script itself given as a data: URL (deno run 'data:…;base64,…') is that code; an import map from a URL
    // decides what every import loads.
    const dataScript = args.find((a) => /^data:/i.test(a));
    if (dataScript) preloads.push(dataUrlText(dataScript));
    // (…and a module the code itself imports from a data: URL — import "data:…;base64,…", export * from "data:…",
    // import("data:…") — is code given inline, encoded.)
    for (const m of (src.code ?? '').matchAll(/\b(?:import|from)\s*\(?\s*(["'`])(data:[^"'`]*)\1/g)) preloads.push(dataUrlText(m[2]!));
    for (const a of args0) {
      const map = /^--import-map=(.+)$/.exec(a)?.[1] ?? (a === '--import-map' ? args0[args0.indexOf(a) + 1] : undefined);
      if (map && /^[a-z]+:\/\//i.test(map)) {
        st.lineTags.tags.add('interpreter-opaque');
        st.lineTags.notes.push(`${lang} resolves its imports through ${map}, downloaded when it runs`);
      }
    }
  }
  // Other runtimes' preloads from outside the project: php -d auto_prepend_file=F, ruby -rF, perl -I DIR with -M, python's sitecustomize by -X? (not one).
  {
    // (…and php's configuration file -c/--php-ini, which may set any of them.)
    const vals = lang === 'php' ? args.flatMap((a, k) => { const d = /^(-d|--define)$/.test(a) ? args[k + 1] : /^-d./.test(a) ? a.slice(2) : /^--define=/.test(a) ? a.slice(9) : undefined; const m = d ? /^auto_(?:prepend|append)_file\s*=\s*(.+)$/.exec(d) : null; return m ? [m[1]!] : []; })
      .concat(args.flatMap((a, k) => (/^(-c|--php-ini)$/.test(a) ? [args[k + 1] ?? ''] : /^-c./.test(a) ? [a.slice(2)] : /^--php-ini=/.test(a) ? [a.slice(10)] : [])).filter((v) => v !== ''))
      // (A library required by name is looked up first in the -I directories: ruby -I/tmp -rsocket loads /tmp/socket.rb,
      // perl -I/tmp -mx /tmp/x.pm, -m as -M.)
      : lang === 'ruby' ? ((req) => [...req.filter((v) => v.includes('/')), ...(req.length ? includeDirs(args) : [])])(args.flatMap((a, k) => (a === '-r' ? [args[k + 1] ?? ''] : /^-r./.test(a) ? [a.slice(2)] : [])))
      : lang === 'perl' && args.some((a) => /^-[Mm]/.test(a)) ? includeDirs(args)
      : [];
    const away = vals.find((v) => /^[a-z]+:\/\//i.test(v) || fromOutside(v));
    if (away !== undefined && !st.scripts.has(posix.resolve(ctx.cwd, away))) {
      st.lineTags.tags.add('interpreter-opaque');
      st.lineTags.notes.push(`${lang} loads ${away} before its code, from outside the project`);
    }
  }
  for (const [k, code] of [src.code, known, ...preloads].entries()) {
    if (code === undefined) continue;
    // What the code reads of a secret comes out on its output and in the files it writes. (A
    // script file imports its project's dependencies: only one-liners are held to the module allowlist.)
    const r = judgeCodeIn(st, code, lang, ctx, env, k > 0);
    if (r.readsComputed) rec.maybeSecretOut = true;
    // A one-liner that lists the working directory (every name, dot-files too) and reads what it lists prints .env
    // among the rest when its output reaches the agent.
    // (The working directory by any name: '/home/user/project', '../project', Path.cwd(), Dir.pwd.)
    const here = code.replace(new RegExp(`(["'\`])(?:${escapeRe(ctx.cwd)}|\\.\\./${escapeRe(posix.basename(ctx.cwd))})/?\\1`, 'g'), "'.'");
    // (…narrowed to one kind only when that is the sole test: not `or startswith('.')`, not `not endswith(…)`.)
    const oneKind = ONE_KIND.test(here) && !/\bor\b|\|\||\bnot\s+\w+\.endswith|!\s*\w+\.endsWith|\bunless\b|startswith\s*\(\s*["']\./i.test(here);
    if (k === 0 && (r.readsComputed || /\.(read_text|read_bytes)\s*\(\s*\)/.test(code)) && LISTS_HERE.test(here) && !oneKind && fc.stdoutTo.length === 0 && !fc.redirects.some((x) => /^(>>?|>\||&>>?)$/.test(x.op) && (x.fd ?? 1) === 1)) {
      st.out.push(judgeFacts(st.policy, { ...newFacts(lang), reads: [`${ctx.cwd}/.env`], notes: [`the ${lang} code reads each file a listing of the working directory names, .env among them`] }, [], { ...ctx, env, stdin: undefined, stdout: undefined }));
    }
    for (const w of r.writes) if (rootIgnoreFile(w, ctx.projectRoot) && fileExists(ctx, w)) st.ignoreRewrites.add(w);
    // (A script that only edits JSON files — sets literal values at literal keys of the project's own package.json — writes
    // text the judge can read: what it set. Any other write is text nobody read.)
    const edits = r.secret === undefined && readAsWritten(st, lang, args, ctx, env, k, src.script) ? editedFiles(st, code, lang, ctx) : undefined;
    for (const w of r.writes) {
      const text = edits?.get(w);
      if (text !== undefined) rememberWritten(st, w, text, ctx.cwd);
      else st.opaqueWritten.set(w, rec);
    }
    if (r.secret !== undefined) {
      rec.secretOut ??= r.secret;
      st.readsSecret = true;
      for (const w of r.writes) st.tainted.set(w, r.secret);
    }
  }
}

/** Whether code runs as json-edits.ts reads it: its own text, inline or a script written in the working directory
 *  (node's require('./x.json') and python's imports look first beside the script), with no module loaded before it
 *  (-r, --import, --loader) and no stdlib module it imports (json, pathlib, os) replaced by a file this line wrote
 *  in the working directory (python looks there first) or by a search path. */
function readAsWritten(st: State, lang: string, args: string[], ctx: Context, env: Context['env'], k: number, script: string | undefined): boolean {
  if (k > 1 || (k === 1 && posix.dirname(posix.resolve(ctx.cwd, script ?? '')) !== ctx.cwd)) return false;
  if (lang === 'node') return !args.some((a) => /^(--import|--require|-r|--loader|--experimental-loader|--preload)(=|$)/.test(a));
  const shadow = new RegExp(`^${escapeRe(ctx.cwd)}/(json|pathlib|os|posixpath|sitecustomize|usercustomize)(\\.py|/)`);
  return ![...st.written, ...st.scripts.keys(), ...st.opaqueWritten.keys()].some((p) => shadow.test(p)) && !Object.keys(env ?? {}).some((n) => /^PYTHON(PATH|HOME|STARTUP|USERBASE)$/.test(n));
}

/** The files a JSON-editing script writes (json-edits.ts), by absolute path, with the text to judge for each —
 *  when every file it copies from is the project's own and not one this line wrote. */
function editedFiles(st: State, code: string, lang: string, ctx: Context): Map<string, string> | undefined {
  const e = jsonEdits(code, lang);
  if (e === undefined) return undefined;
  const abs = (p: string) => posix.resolve(ctx.cwd, p);
  const own = (p: string) => p.startsWith(`${ctx.projectRoot}/`) && !st.written.has(p) && !st.scripts.has(p) && !st.opaqueWritten.has(p);
  if (!e.reads.map(abs).every(own)) return undefined;
  // (A value naming a file outside the project — jest's setupFiles: ['/tmp/evil.js'], main: '/tmp/x.js', preset: '../../x' —
  // is code the tool loads that nobody read: the file stays unread, as the script was.)
  if ([...e.writes.values()].some((text) => outsideValue(text, ctx.projectRoot))) return undefined;
  return new Map([...e.writes].map(([p, text]) => [abs(p), text]));
}

/** Whether a JSON text holds a string value that names a path outside the project: absolute elsewhere, from HOME, or climbing out. */
function outsideValue(text: string, root: string): boolean {
  const strings: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') strings.push(v);
    else if (v && typeof v === 'object') for (const x of Object.values(v)) walk(x);
  };
  // (A file that is no JSON document — module.exports = {…} — is judged by the strings in it.)
  try { walk(JSON.parse(text)); } catch { for (const m of text.matchAll(/"((?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)*)'/g)) strings.push(m[1] ?? m[2]!); }
  // (A route or base path — basePath: '/docs', '/api' — is one segment and no file: not a place.)
  return strings.some((s) => (/^\/[^/\s]+\/|^\/[^/\s]*\.\w+$/.test(s) && s !== root && !s.startsWith(`${root}/`)) || /^~\//.test(s) || /(^|[/\\])\.\.([/\\]|$)/.test(s));
}

// Listings of the working directory in each language: os.listdir(), scandir('.'), Path('.').iterdir(), glob('.*'),
// readdirSync('.'), Dir.children('.'), Dir.glob('*', FNM_DOTMATCH), readdir on opendir ".", PHP scandir('.').
const escapeRe = (t: string): string => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const LISTS_HERE = /Path\.cwd\(\)(?:\.(?:absolute|resolve)\(\))?\.(?:iterdir|glob|rglob)\s*\(|Path\(\s*(?:["']\.\/?["'])?\s*\)\.(?:absolute|resolve)\(\)\.(?:iterdir|glob|rglob)\s*\(|\bi?glob(?:\.i?glob)?\s*\([^)]*include_hidden\s*=\s*True|\b(?:glob\.)?iglob\s*\(\s*["']\.?\*["']|\bglob\s*\(?\s*["']\.\*["']|\b(?:readdir|opendir|readdirSync|opendirSync)\s*\(\s*(?:["']\.\/?["']|process\.cwd\(\)|__dirname)\s*[,)]|globSync\s*\(\s*["']\.?\*|Dir\.(?:children|entries|each_child|foreach)\s*\(\s*Dir\.pwd|opendir\s*\(?\s*(?:my\s+)?[$\w]+\s*,\s*["']\.["']|(?:Recursive)?(?:Directory|Filesystem)Iterator\s*\(\s*["']\.["']|\b(?:os\.)?(?:listdir|scandir|walk)\s*\(\s*(?:["']\.\/?["']|os\.getcwd\(\)|os\.curdir)?\s*\)|Path\(\s*(?:["']\.\/?["'])?\s*\)\.(?:iterdir|glob|rglob)\s*\(|\bglob(?:\.glob)?\s*\(\s*["']\.?\*["']|readdirSync\s*\(\s*(?:["']\.\/?["']|process\.cwd\(\)|__dirname)\s*\)|Dir\.(?:children|entries|each_child|foreach)\s*\(\s*["']\.["']|Dir\.glob\s*\([^)]*FNM_DOTMATCH|Dir\[\s*["']\{?\.?\*|opendir\s*\(?\s*\w+\s*,\s*["']\.["']|\bscandir\s*\(\s*["']\.["']/;

// (…narrowed to one kind of file by its extension — f.endswith('.json'), p.suffix == '.md' — it reads no .env.)
// (…a kind that is no secret's ending: .env.local, .env.production and keys' stores end in theirs.)
const NOT_SECRET_END = String.raw`(?!(?:env|pem|key|local|production|prod|development|dev|staging|test|p12|pfx|netrc|npmrc|pgpass|gpg|asc|keystore|jks|kdbx)\b)`;
const ONE_KIND = new RegExp(String.raw`\b(?:endswith|endsWith|end_with\?)\s*\(\s*["']\.${NOT_SECRET_END}\w+["']\s*\)|\.suffix\s*==\s*["']\.${NOT_SECRET_END}\w+["']|extname\([^)]*\)\s*===?\s*["']\.${NOT_SECRET_END}\w+["']`);

// (Besides a secret's name, SECRETISH:) a path in HOME or the system, or code built and run from text.
const FILE_RISK = /\b(os\.environ|process\.env|ENV|getenv)\b[^\n]{0,40}(KEY|TOKEN|SECRET|PASS|CRED|AUTH|DSN)|JSON\.stringify\s*\(\s*process\.env|dict\s*\(\s*os\.environ|getpwuid|userInfo\s*\(|(^|[/'"`\s])\.gnupg(['"`\s/\])};,]|$)|`[^`]*(\.env(?!\.(example|sample|template|dist)\b)|\.ssh|\.aws|id_rsa|id_ed25519|credentials|\.pem|\.key)\b[^`]*`|["'`](\/home\/|\/root\/|\/etc\/|\/usr\/|\/var\/|\/bin\/|\/sbin\/|\/boot\/|\/dev\/|\/proc\/|\/sys\/|~\/?["'`/])|expanduser|Path\.home|homedir\s*\(|\bHOME\b|\.\.\/\.\.|\b(eval|exec|compile|Function|__import__|importlib|getattr|setattr|globals|locals|vars|b64decode|atob|fromCharCode|chr|unhexlify|fromhex|decode|marshal|pickle|rot13|codecs|ctypes|dlopen|Reflect|instance_eval|send|public_send|constantize)\s*\(/;

// What a compiled program reads from outside its text: arguments, environment, stdin, the network.
const COMPILED_INPUT = /\bProcessInfo\b|\bCommandLine\.arguments|\bgetenv\b|\bsecure_getenv\b|\bGetenv\b|\bLookupEnv\b|os\.Args|std::env::(?:args|var)|System\.getenv|\bargv\s*\[\s*(?:[1-9]|\w+\s*\+)|\b(?:args|a|v)\s*\[\s*\d|\bstdin\b|System\.in\b|std::cin|\bscanf\s*\(|readLine|read_line|\brecv\s*\(|\bStdin\b|os\.ReadFile|fopen\s*\(\s*(?!"[\w.-]+")|ifstream|Files\.read/;

/** Whether compiled code a line wrote names something sensitive: a secret's file, the home directory or system paths, a
 *  host off the allowlist. (Its process calls and dynamic loading are ordinary in C and Java; literal commands in it are
 *  judged as command lines elsewhere.) */
export function compiledRisk(st: State, code0: string): boolean {
  // (Literals joined at run time — ".e" + "nv" — are read joined.)
  let code = foldLiterals(homeSpelled(code0, st.ctx));
  // (Swift's Process takes its words as a property: p.arguments = ["-c", …] read as a call of them.)
  code = code.replace(/\.arguments\s*=\s*\[([^\]]*)\]/g, '.arguments($1)');
  // (A name given a literal once — bin := "go", const script = "make build", const char*cmd="git describe" — is that literal where used.)
  const consts = [...code.matchAll(/(?:\b(?:const|var|let|final|static|auto)\s+)?(?:\b(?:String|string|char\s*\*|const\s+char\s*\*|std::string|&str)\s*)?\b([A-Za-z_]\w*)\s*(?::=|=)\s*("(?:[^"\\\n]|\\.)*")\s*[;\n]/g)];
  for (const [, n, lit] of consts) if (consts.filter((c) => c[1] === n).length === 1 && !new RegExp(`\\b${n}\\s*(?:\\+=|=(?!=))`).test(code.replace(new RegExp(`\\b${n}\\s*(?::=|=)\\s*"(?:[^"\\\\\\n]|\\\\.)*"`), ''))) code = code.replace(new RegExp(`(?<![\\w."])${n}\\b(?!\\s*(?::=|=(?!=)))`, 'g'), lit!);
  // (A shell started with text only known when it runs — exec.Command("sh", "-c", os.Args[1]), system(getenv("C")),
  // ProcessBuilder("sh", "-c", a[0]), Command::new("sh").arg("-c").arg(…) — runs anything.)
  if (/"(?:\/bin\/)?(?:sh|bash|zsh)"\s*,\s*"-c"\s*,\s*(?!")|\.arg\(\s*"-c"\s*\)\s*\.arg\(\s*(?!")|\b(?:system|popen|exec\w*)\s*\(\s*(?:getenv|argv|std::env|os\.Args|a\[|args\[)/.test(code)) return true;
  // (…and any call that starts a program with words it computes: system(strcat(c, h)), exec.Command(name, args...), execlp(…, v[1], …).)
  for (const m of code.matchAll(/\b(?:exec\.Command(?:Context)?|syscall\.(?:Exec|ForkExec|StartProcess)|unix\.Exec|os\.StartProcess|system|_?popen|exec[lv]p?e?|posix_spawnp?|ProcessBuilder|getRuntime\(\)\.exec|Command::new|Process\.(?:run|start)|spawn\w*|\.arguments)\s*\(/g)) {
    let depth = 0;
    let end = m.index! + m[0].length;
    for (; end < code.length; end++) {
      const ch = code[end]!;
      if (ch === '"' || ch === "'") { const close = code.indexOf(ch, end + 1); end = close < 0 ? code.length : close; continue; }
      if (ch === '(') depth++;
      if (ch === ')') { if (depth === 0) break; depth--; }
    }
    // (String literals, and arrays of them — new String[]{"ls", "-l"}, []string{…} — are literal words.)
    const inner = code.slice(m.index! + m[0].length, end).replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, 'S')
      .replace(/(?:new\s+String\s*\[\s*\]\s*|\[\]string\s*|List\.of\s*\(|Arrays\.asList\s*\()?[{(]\s*S(?:\s*,\s*(?:S|NULL|nullptr|nil))*\s*[})]/g, 'S');
    // (A plain variable — popen(cmd, "r") in a helper, posix_spawnp(&pid, "make", NULL, NULL, argv, environ) — is computed only
    // where the program reads input it could come from: its arguments, environment or stdin.)
    const plainOk = !COMPILED_INPUT.test(code);
    if (inner.split(',').some((a) => !/^\s*(S|\d+|NULL|nullptr|nil|None|\(\s*char\s*\*\s*\)\s*(?:0|NULL)|ctx|context\.\w+\(\)|&\w+|environ|envp|)\s*$/.test(a) && !(plainOk && /^\s*[A-Za-z_]\w*(?:\.(?:c_str|data|as_str)\(\)|\.\.\.|\[\d+\])?\s*$/.test(a)))) return true;
  }
  if (SECRETISH.test(code.replace(/\b(extern\s+char\s*\*\*\s*)?environ\b/g, '')) || /\bHOME\b|homedir|UserHomeDir|user\.home|home_dir|Path\.home|expanduser|getpwuid|["'](\/home\/|\/root\/|\/etc\/|~\/)/.test(code) || OTHER_HOME_LOOKUPS.test(code)) return true;
  const f = newFacts('<code>');
  for (const m of code.matchAll(/\b((?:https?|wss?|ftp):\/\/[^"'`\s$]+)/gi)) addUrl(f, m[1]!, 'target');
  for (const m of code.matchAll(/["']((?:\d{1,3}\.){3}\d{1,3})(?::\d+)?["']/g)) addUrl(f, `tcp://${m[1]}/`, 'target');
  return hostClasses(st.policy, f).has('disallowed');
}

/** Whether a program file names something sensitive or builds its code at run time (then its capabilities count as for one-liners). */
export function fileRisk(st: State, code0: string): boolean {
  const code = homeSpelled(code0, st.ctx);
  if (SECRETISH.test(code) || FILE_RISK.test(code)) return true;
  const f = newFacts('<code>');
  for (const m of code.matchAll(/\b((?:https?|wss?|ftp):\/\/[^"'`\s$]+)/gi)) addUrl(f, m[1]!, 'target');
  return hostClasses(st.policy, f).has('disallowed');
}
