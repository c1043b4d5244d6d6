// Whole-command analysis for the agent hook: a bash command line becomes the simple commands
// that will run (through pipes, lists, substitutions, wrappers and `sh -c`), each judged by the
// same per-binary engine, plus line-level facts no single argv shows (a download fed to an
// interpreter, /dev/tcp, a secret piped or substituted into a network command, loader variables).
import { posix } from 'node:path';
import { analyzeArgv, judgeFacts, type Judged } from '../evaluate.js';
import { newFacts, type Facts } from '../facts.js';
import type { CompiledPolicy } from '../policy.js';
import { commandsOf, parseShell, resolveVariables, type FlatCommand, type Word } from '../shell/index.js';
import type { Context, GitReader } from '../types.js';
import { codePaths, inlineCode, judgeCode, languageOf } from './interpreters.js';
import { isShell, quote, scriptOperand, shellCommandString, unwrap } from './unwrap.js';

const MAX_DEPTH = 6;
const DOWNLOADERS = new Set(['curl', 'wget', 'aria2c', 'http', 'https', 'xh', 'lwp-request', 'GET', 'fetch']);
const NETWORK_TOOLS = new Set([...DOWNLOADERS, 'nc', 'ncat', 'netcat', 'socat', 'ssh', 'scp', 'sftp', 'rsync', 'git', 'telnet', 'openssl', 'npm', 'npx', 'gh', 'ftp', 'tftp', 'mail', 'sendmail']);
const DNS_TOOLS = new Set(['dig', 'nslookup', 'host', 'getent', 'ping', 'ping6', 'drill', 'resolvectl', 'traceroute', 'tracepath', 'whois']);
// Filters pass their input through: a secret piped into base64 is still a secret coming out.
const FILTERS = new Set(['base64', 'base32', 'gzip', 'bzip2', 'xz', 'zstd', 'xxd', 'od', 'hexdump', 'tr', 'cut', 'head', 'tail', 'sed', 'awk', 'tee', 'cat', 'sort', 'uniq', 'rev', 'tac', 'jq', 'openssl', 'gpg', 'tar', 'zip', 'fold', 'paste', 'column', 'grep', 'rg', 'xargs']);
const TEXT_SOURCES = new Set(['echo', 'printf', 'cat', 'print']);
// Environment variables that load code into every process, or reconfigure Rampart itself.
// (Search paths such as PYTHONPATH, NODE_PATH and LD_LIBRARY_PATH are everyday build settings.)
const LOADER_VARS = /^(LD_PRELOAD|LD_AUDIT|DYLD_INSERT_LIBRARIES|DYLD_LIBRARY_PATH|BASH_ENV|ENV|PROMPT_COMMAND|GIT_EXEC_PATH|GIT_TEMPLATE_DIR|PERL5OPT|RUBYOPT|ZDOTDIR|SHELLOPTS|BASHOPTS|PS4)$/;
const RAMPART_VERBS = /^(approve|deny|trust|stop|setup|serve|start|shims|hook)$/;

interface Info {
  name: string;
  /** Directory a git clone in this command fills. */
  cloneDir?: string;
  /** Its output is (or passes through) downloaded content. */
  downloadOut?: boolean;
  /** Text its output is known to be (echo, printf, base64 -d of known text). */
  textOut?: string;
  argv: string[];
  interpreterReadsStdin: boolean;
  isInterpreter: boolean;
  judged?: Judged;
  /** A secret file this command's output carries (read, or passed through from stdin). */
  secretOut?: string;
  writesFiles: string[];
}

interface State {
  policy: CompiledPolicy;
  ctx: Context;
  depth: number;
  out: Judged[];
  lineTags: Facts;
  aliases: Map<string, string>;
  /** git aliases defined earlier in the line (`git config alias.x …; git x`). */
  gitAliases: Map<string, string>;
  /** Files made from a secret earlier in the line (cp .env x, ln -s .env x, cat .env > x) → the secret. */
  tainted: Map<string, string>;
  /** Some command in the line reads a secret. */
  readsSecret: boolean;
  /** DNS lookups of names computed at run time. */
  dynamicLookups: string[];
  /** Files written earlier in the line with text known statically (echo … > x.sh, cat > x.sh <<EOF). */
  scripts: Map<string, string>;
}

const SECRET = (j: Judged | undefined, k: 'reads' | 'sends') =>
  j !== undefined && (j.pathClasses[k].has('home_credential') || j.pathClasses[k].has('project_secret'));

/** Every judged unit of a command line: one per simple command, plus one for line-level facts. */
export function judgeLine(policy: CompiledPolicy, line: string, ctx: Context, depth = 0): Judged[] {
  const lineTags = newFacts('<line>');
  const st: State = { policy, ctx, depth, out: [], lineTags, aliases: new Map(), gitAliases: new Map(), tainted: new Map(), readsSecret: false, dynamicLookups: [], scripts: new Map() };
  if (depth > MAX_DEPTH) lineTags.tags.add('shell-too-deep');
  else runLine(st, line, ctx.cwd);
  st.out.push(judgeFacts(policy, lineTags, ['<line>'], { ...ctx, stdin: undefined, stdout: undefined }));
  return st.out;
}

function sub(st: State, line: string, cwd: string, env: Context['env']): void {
  for (const j of judgeLine(st.policy, line, { ...st.ctx, cwd, env }, st.depth + 1)) st.out.push(j);
}

const wordText = (w: Word): string => w.value;

function runLine(st: State, line: string, cwd0: string): void {
  const parsed = parseShell(line);
  if (!parsed.ok) {
    st.lineTags.tags.add('unparsed-line');
    st.lineTags.notes.push(`cannot parse: ${parsed.error}`);
    return;
  }
  const flat = commandsOf(resolveVariables(parsed.script));
  const info: Info[] = [];
  let cwd = cwd0;
  let env: Record<string, string | undefined> = { ...st.ctx.env };
  for (const fc of flat) {
    const i = judgeSimple(st, fc, flat, info, cwd, env);
    info[fc.index] = i.info;
    cwd = i.cwd;
    env = i.env;
  }
  lineChecks(st, flat, info, cwd0);
}

/** Judges one simple command; returns its record and the cwd/env for the commands after it. */
function judgeSimple(st: State, fc: FlatCommand, flat: FlatCommand[], info: Info[], cwd: string, env: Record<string, string | undefined>) {
  const argvWords = fc.argv;
  let argv = argvWords.map(wordText);
  const rec: Info = { name: '', argv, interpreterReadsStdin: false, isInterpreter: false, writesFiles: [] };
  const cmdEnv: Record<string, string | undefined> = { ...env };
  let nextEnv = env;
  for (const a of fc.assignments) {
    const v = a.value.value;
    assignmentTags(st, a.name, v, a.value.static);
    if (a.name === 'IFS' && a.scope !== 'prefix' && /\S/.test(v)) {
      st.lineTags.tags.add('dynamic-command');
      st.lineTags.notes.push('IFS is changed: later words split in ways a static reading cannot follow');
    }
    if (a.scope === 'prefix') cmdEnv[a.name] = v;
    else {
      nextEnv = { ...nextEnv, [a.name]: v };
      cmdEnv[a.name] = v;
    }
  }
  // Redirections: files written, the file fed to stdin, /dev/tcp.
  const writes: string[] = [];
  let stdin: string | undefined;
  let stdinText: string | undefined;
  for (const r of fc.redirects) {
    const target = r.target.value;
    if (/^\/dev\/(tcp|udp)\//.test(target)) {
      st.lineTags.tags.add('dev-tcp');
      st.lineTags.notes.push(`redirection to ${target} opens a network connection`);
      continue;
    }
    if (r.op === '<<' || r.op === '<<-') stdinText = r.heredoc?.body ?? '';
    else if (r.op === '<<<') stdinText = target;
    else if (r.op === '<' || r.op === '<>') stdin = target;
    else if ((r.op === '>&' || r.op === '<&') && /^\d+$|^-$/.test(target)) continue;
    else if (!/^\/dev\/(null|stdout|stderr|fd\/\d+)$/.test(target)) writes.push(target);
  }
  const resolve = (p: string) => (p.startsWith('~') || p.startsWith('$HOME') || p.startsWith('/') ? p : posix.resolve(cwd, p));
  rec.writesFiles = writes.map((w) => posix.resolve(cwd, w.replace(/^~(?=\/|$)/, st.ctx.home)));
  // Secret on stdin: a file redirect, or a pipe from a command whose output carries a secret.
  let stdinSecret: string | undefined;
  for (const up of fc.stdinFrom) if (info[up]?.secretOut) stdinSecret = info[up]!.secretOut;
  const cmdCtx: Context = { ...st.ctx, cwd, env: cmdEnv, stdin: stdin ? resolve(stdin) : stdinSecret, stdout: undefined };

  if (argv.length === 0) {
    const f = newFacts('<redirect>');
    f.writes.push(...writes.map(resolve));
    // `$(< file)` prints the file, like cat.
    if (stdin) {
      f.reads.push(resolve(stdin));
      if (isSecretPath(st, resolve(stdin), cmdCtx)) {
        rec.secretOut = posix.resolve(cwd, stdin.replace(/^~(?=\/|$)/, st.ctx.home));
        st.readsSecret = true;
      }
    }
    rec.judged = judgeFacts(st.policy, f, [], cmdCtx);
    st.out.push(rec.judged);
    return { info: rec, cwd, env: nextEnv };
  }
  // Shell aliases defined earlier in the line expand here.
  const alias = st.aliases.get(argv[0]!);
  if (alias !== undefined && argvWords[0]!.static) {
    sub(st, [alias, ...argv.slice(1).map(quote)].join(' '), cwd, cmdEnv);
    return { info: rec, cwd, env: nextEnv };
  }
  if (!argvWords[0]!.static) {
    st.lineTags.tags.add('dynamic-command');
    st.lineTags.notes.push(`the command name ${argvWords[0]!.raw} is only known when the line runs`);
    // Judge the arguments as if each tool the expression mentions were the command.
    for (const tool of NETWORK_TOOLS) if (new RegExp(`\\b${tool}\\b`).test(argvWords[0]!.raw)) judgeArgv(st, [tool, ...argv.slice(1)], cmdCtx, writes, stdinText, fc, flat, info, rec);
    for (const tool of ['rm', 'sh', 'bash']) if (new RegExp(`\\b${tool}\\b`).test(argvWords[0]!.raw)) judgeArgv(st, [tool, ...argv.slice(1)], cmdCtx, writes, stdinText, fc, flat, info, rec);
    if (/\$\{?(SHELL|BASH)\b/.test(argvWords[0]!.raw)) judgeArgv(st, ['bash', ...argv.slice(1)], cmdCtx, writes, stdinText, fc, flat, info, rec);
    return { info: rec, cwd, env: nextEnv };
  }
  // Secrets substituted into arguments: `curl -d "$(cat .env)"`.
  const substitutedSecret = flat.find((c) => c.origin?.parent === fc.index && c.origin.location === 'argv' && info[c.index]?.secretOut);
  judgeArgv(st, argv, cmdCtx, writes, stdinText, fc, flat, info, rec, substitutedSecret ? info[substitutedSecret.index]!.secretOut : undefined);
  // State that later commands in the same line see.
  const name = rec.name;
  const text = rec.textOut ?? (name === 'cat' && stdinText !== undefined ? stdinText : undefined);
  if (text !== undefined) for (const w of writes) st.scripts.set(posix.resolve(cwd, w.replace(/^~(?=\/|$)/, st.ctx.home)), text);
  // A redirected secret read by a non-network command prints it (while read … < .env, mapfile < f).
  if (stdin && !NETWORK_TOOLS.has(name) && rec.judged && isSecretPath(st, resolve(stdin), cmdCtx)) {
    const f = newFacts('<stdin>');
    f.reads.push(resolve(stdin));
    st.out.push(judgeFacts(st.policy, f, [], cmdCtx));
  }

  if (name === 'cd' && fc.depth === 0) {
    const to = rec.argv[1];
    const home = /^(~|\$HOME|\$\{HOME\})(?=\/|$)/;
    if (to === undefined || to === '~') cwd = st.ctx.home;
    else if (to !== '-' && (argvWords[argvWords.length - 1]!.static || home.test(to))) cwd = posix.resolve(cwd, to.replace(home, st.ctx.home));
  }
  if (name === 'git') {
    const k = rec.argv.indexOf('config');
    const key = rec.argv.slice(k + 1).find((a) => !a.startsWith('-'));
    const m = key && /^alias\.(.+)$/i.exec(key);
    if (k > 0 && m) st.gitAliases.set(m[1]!.toLowerCase(), rec.argv[rec.argv.indexOf(key!) + 1] ?? '');
  }
  if (name === 'alias') {
    for (const a of rec.argv.slice(1)) {
      const m = /^([^=]+)=(.*)$/s.exec(a);
      if (m) st.aliases.set(m[1]!, m[2]!);
    }
  }
  if (name === 'export' || name === 'declare' || name === 'typeset' || name === 'local' || name === 'readonly') {
    for (const a of rec.argv.slice(1)) {
      const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(a);
      if (m) nextEnv = { ...nextEnv, [m[1]!]: m[2] };
    }
  }
  return { info: rec, cwd, env: nextEnv };
}

function assignmentTags(st: State, name: string, value: string, isStatic: boolean): void {
  if (LOADER_VARS.test(name) || (name === 'NODE_OPTIONS' && /(^|\s)(-r|--require|--import|--loader|--experimental-loader)\b/.test(value))) {
    st.lineTags.tags.add('loader-env');
    st.lineTags.notes.push(`${name}= changes what code every program loads`);
  }
  if (/^RAMPART_/.test(name)) st.lineTags.tags.add('rampart-tamper');
  if (/^(GIT_ASKPASS|SSH_ASKPASS|GIT_SSH_COMMAND|GIT_SSH|GIT_PROXY_COMMAND|npm_config_script_shell|NPM_CONFIG_SCRIPT_SHELL)$/.test(name)) {
    st.lineTags.tags.add('loader-env');
    st.lineTags.notes.push(`${name}= makes a tool run another program`);
  }
  if (name === 'PATH') {
    const keeps = /\$\{?PATH\}?/.test(value) || (st.ctx.shimsDir !== undefined && value.split(':').includes(st.ctx.shimsDir));
    if (!keeps || !isStatic && !/\$\{?PATH\}?/.test(value)) {
      st.lineTags.tags.add('path-strip');
      st.lineTags.notes.push('PATH is replaced without the Rampart shims directory');
    }
  }
}

/** Judges one argv after unwrapping prefixes and shells; records facts for line-level checks. */
function judgeArgv(st: State, argv0: string[], ctx: Context, writes: string[], stdinText: string | undefined, fc: FlatCommand, flat: FlatCommand[], info: Info[], rec: Info, substitutedSecret?: string): void {
  let argv = argv0;
  let env = { ...ctx.env };
  const tag = (t: string, note?: string) => {
    st.lineTags.tags.add(t);
    if (note) st.lineTags.notes.push(note);
  };
  for (let hops = 0; hops < 12 && argv.length > 0; hops++) {
    const name = posix.basename(argv[0]!);
    // The dynamic loader runs its first operand: /lib64/ld-linux-x86-64.so.2 /usr/bin/curl …
    if (/^ld(-linux[\w.-]*)?\.so(\.\d+)?$|^ld-musl/.test(name)) {
      let k = 1;
      while (k < argv.length && argv[k]!.startsWith('--')) k += argv[k] === '--library-path' || argv[k] === '--preload' || argv[k] === '--argv0' ? 2 : 1;
      argv = argv.slice(k);
      continue;
    }
    if (argv.some((a) => /(^|=)\/dev\/(tcp|udp)\//.test(a)) && name !== 'echo' && name !== 'printf' && name !== 'grep' && name !== 'rg') {
      tag('dev-tcp', `${name} opens a /dev/tcp or /dev/udp connection`);
    }
    const u = unwrap(name, argv.slice(1));
    if (u && name === 'xargs' && u.argv) {
      // xargs appends what it reads: when that is echo/printf text in the same line, it is known.
      const piped = fc.stdinFrom.flatMap((up) => (info[up] && /^(echo|printf)$/.test(info[up]!.name) ? info[up]!.argv.slice(1).join(' ').split(/\s+/).filter(Boolean) : []));
      if (piped.length) u.argv = [...u.argv, ...piped];
      // xargs -I% CMD … %: a network command fed names from unknown input cannot be judged.
      const xa = argv.slice(1);
      const repl = xa.find((a, k) => /^(-I|--replace)$/.test(xa[k - 1] ?? '')) ?? xa.find((a) => /^-I./.test(a))?.slice(2) ?? xa.find((a) => a.startsWith('--replace='))?.slice(10) ?? (xa.some((a) => a === '-i' || a === '--replace') ? '{}' : undefined);
      if (repl && NETWORK_TOOLS.has(posix.basename(u.argv[0] ?? '')) && u.argv.some((a) => a.includes(repl))) tag('opaque-config', `${u.argv[0]} is fed file names xargs reads at run time`);
    }
    if (u) {
      env = { ...env, ...u.env };
      for (const [k, v] of Object.entries(u.env ?? {})) assignmentTags(st, k, v, true);
      for (const t of u.tags ?? []) tag(t, `${name} ${t === 'persistence' ? 'schedules commands to run later' : 'starts a shell'}`);
      if (u.stdinShell) {
        rec.name = name;
        rec.isInterpreter = true;
        rec.interpreterReadsStdin = true;
        if (stdinText !== undefined) sub(st, stdinText, ctx.cwd, env);
        return;
      }
      if (u.shell !== undefined) {
        sub(st, u.shell, ctx.cwd, env);
        return;
      }
      if (!u.argv) return;
      // What xargs/parallel run gets its code from the input when it is a bare `sh -c`.
      if (name === 'xargs' && isShell(posix.basename(u.argv[0] ?? '')) && (shellCommandString(u.argv.slice(1)) ?? '') === '') {
        rec.name = posix.basename(u.argv[0]!);
        rec.isInterpreter = true;
        rec.interpreterReadsStdin = true;
        return;
      }
      argv = u.argv;
      continue;
    }
    rec.name = name;
    rec.argv = argv;
    const args = argv.slice(1);
    if (isShell(name)) {
      rec.isInterpreter = true;
      const cmd = shellCommandString(args);
      if (cmd !== undefined) {
        // A placeholder (`sh -c '{}'`, `sh -c "$1"`) runs whatever text fills it in.
        if (/^\s*("?\$[@*1-9]"?|\{\}|%s)\s*$/.test(cmd)) tag('pipe-to-shell', `${name} -c runs text supplied at run time`);
        else sub(st, cmd, ctx.cwd, env);
      } else {
        // `sh -s ARGS` reads the script from stdin; ARGS are its parameters.
        const readsStdinFlag = args.some((a) => /^-[a-zA-Z]*s[a-zA-Z]*$/.test(a));
        const script = readsStdinFlag ? undefined : scriptOperand(args);
        if (script === undefined || script === '-' || script === '/dev/stdin') {
          rec.interpreterReadsStdin = true;
          if (stdinText !== undefined) sub(st, stdinText, ctx.cwd, env);
        } else {
          const known = st.scripts.get(posix.resolve(ctx.cwd, script.replace(/^~(?=\/|$)/, ctx.home)));
          if (known !== undefined) sub(st, known, ctx.cwd, env);
        }
      }
    } else if (name === 'eval') {
      rec.isInterpreter = true;
      sub(st, args.join(' '), ctx.cwd, env);
    } else if (name === 'source' || name === '.') {
      rec.isInterpreter = true;
    } else if (name === 'rampart') {
      const verb = args.find((a) => !a.startsWith('-'));
      if ((verb && RAMPART_VERBS.test(verb) && !(verb === 'shims' && !args.includes('uninstall')) && verb !== 'hook') || (verb === 'run' && args.some((a) => a === '--audit' || a.startsWith('--policy')))) {
        tag('rampart-tamper', `rampart ${verb} changes the firewall; only the user may do that, outside the agent`);
      }
      const dashdash = args.indexOf('--');
      if (verb === 'run' && dashdash >= 0) {
        argv = args.slice(dashdash + 1);
        continue;
      }
    } else if (name === 'npx' || name === 'bunx' || (name === 'pnpm' && args[0] === 'dlx') || (name === 'yarn' && args[0] === 'dlx')) {
      // npx PKG ARGS runs PKG's binary: judge that too (npx rampart approve …).
      const rest = name === 'npx' || name === 'bunx' ? args : args.slice(1);
      const i = rest.findIndex((a) => !a.startsWith('-'));
      const pkg = i >= 0 ? rest[i]!.replace(/^(@[^/]+\/)?([^@]+)(@.*)?$/, '$2') : undefined;
      if (pkg && !/[:/]/.test(pkg)) judgeArgv(st, [pkg, ...rest.slice(i + 1)], ctx, [], undefined, fc, flat, info, { ...rec, writesFiles: [] });
    } else if (name === 'kill' || name === 'pkill' || name === 'killall' || name === 'systemctl') {
      const text = fc.argv.map((w) => w.raw).join(' ');
      const stops = name !== 'systemctl' || args.some((a) => /^(stop|kill|disable|mask|restart)$/.test(a));
      if (stops && (/rampart|server\.pid/.test(text) || (name !== 'kill' && name !== 'systemctl' && args.some((a) => /^(node|nodejs)$/.test(a))))) tag('rampart-tamper', `${name} would stop the Rampart server`);
    } else if (DNS_TOOLS.has(name) && fc.argv.slice(1).some((w) => !w.static)) {
      if (fc.argv.slice(1).some((w) => w.substitutions.length > 0)) tag('dns-exfil', `${name} looks up a name built from a command's output`);
      else st.dynamicLookups.push(name);
    } else if (/^(g|m|n)?awk$/.test(name)) {
      // awk runs commands through system(), `| getline` and `print | "cmd"`.
      const prog = args.find((a, k) => !a.startsWith('-') && !/^-[fvF]$/.test(args[k - 1] ?? '')) ?? '';
      for (const m of prog.matchAll(/system\s*\(\s*"((?:[^"\\]|\\.)*)"/g)) sub(st, m[1]!, ctx.cwd, env);
      if (/\/inet\d?\/(tcp|udp)\//.test(prog)) tag('dev-tcp', `${name} opens a network connection (/inet/tcp)`);
      if (/system\s*\(\s*[^"\s]|\|\s*getline|print[^;}]*\|\s*"/.test(prog)) tag('interpreter-spawn', `${name} program runs commands`);
    } else if (name === 'sed') {
      const scripts = args.filter((a, k) => !a.startsWith('-') || args[k - 1] === '-e').slice(0, 1).concat(args.filter((_, k) => args[k - 1] === '-e'));
      // GNU sed's `e` command and the s///e flag run shell commands.
      if (scripts.some((x) => /(^|[;\n{}]|\d|\$|\/)\s*e(\s|$)|s(.).*\2.*\2[gpIiMm0-9]*e[gpIiMm0-9]*$/.test(x))) tag('interpreter-spawn', 'sed runs a shell command (e)');
    } else if (/^(vim?|nvim|ex|view)$/.test(name)) {
      for (let k = 0; k < args.length; k++) {
        const c = args[k] === '-c' ? args[k + 1] ?? '' : args[k]!.startsWith('+') ? args[k]!.slice(1) : '';
        const bang = /^:?\s*!(.*)$/s.exec(c);
        if (bang) sub(st, bang[1]!, ctx.cwd, env);
        // -c wq / +w: the edited files are written.
        if (/^:?\s*(w|wq|x|wall|wqa|xa|up|update|sav|saveas)\b|\|\s*w/.test(c)) for (const op of args.filter((a, j) => !a.startsWith('-') && !a.startsWith('+') && args[j - 1] !== '-c')) writes.push(op);
      }
    } else if (/^python[\d.]*$/.test(name) && args[0] === '-m' && /^(pip|pip3|uv|poetry|pipx)$/.test(args[1] ?? '')) {
      // python -m pip … is pip.
      argv = args.slice(1);
      continue;
    } else if (/^node(js)?$/.test(name) && /rampart(\.js)?$|rampart\/.*cli\/main\.js$/.test(args[0] ?? '')) {
      argv = ['rampart', ...args.slice(1)];
      continue;
    } else if (/^python[\d.]*$/.test(name) && args[0] === '-m' && /^(http\.server|SimpleHTTPServer|smtpd|pydoc)$/.test(args[1] ?? '')) {
      const bind = args.findIndex((a) => a === '-b' || a === '--bind');
      if (bind < 0 || !/^(127\.|localhost|::1)/.test(args[bind + 1] ?? '')) tag('listen-public', `python -m ${args[1]} listens on every interface`);
    } else {
      const lang = languageOf(name);
      if (lang) {
        rec.isInterpreter = true;
        const code = inlineCode(lang, args);
        if (code !== undefined) {
          const v = judgeCode(code, lang);
          for (const t of v.tags) st.lineTags.tags.add(t);
          st.lineTags.notes.push(...v.notes);
          // Paths the code names, read or written, are judged like any command's.
          const io = codePaths(code);
          if (io.writes.length || io.reads.length) {
            const cf = newFacts(`<${lang} code>`);
            cf.writes.push(...io.writes);
            cf.reads.push(...io.reads);
            st.out.push(judgeFacts(st.policy, cf, [], { ...ctx, env, stdin: undefined, stdout: undefined }));
          }
        } else {
          // `python -m MODULE` runs the module: stdin is its data, not code.
          const runsModule = args.some((a) => a === '-m' || /^-m\w/.test(a));
          const script = scriptOperand(args, /^-[WXQ]$/);
          if (!runsModule && (script === undefined || script === '-')) {
            rec.interpreterReadsStdin = true;
            // Code fed on a heredoc is judged like a one-liner.
            if (stdinText !== undefined) {
              const v = judgeCode(stdinText, lang);
              for (const t of v.tags) st.lineTags.tags.add(t);
              st.lineTags.notes.push(...v.notes);
            }
          }
          // A script written earlier in the same line is judged when it runs.
          const known = script ? st.scripts.get(posix.resolve(ctx.cwd, script)) : undefined;
          if (known !== undefined) {
            const v = judgeCode(known, lang);
            for (const t of v.tags) st.lineTags.tags.add(t);
          }
        }
      }
    }
    const git = st.gitAliases.size && ctx.git ? withAliases(ctx.git, st.gitAliases) : st.gitAliases.size ? withAliases(undefined, st.gitAliases) : ctx.git;
    const facts = analyzeArgv(argv, { ...ctx, env, git });
    // Command strings the tool hands to a shell (npx -c, ssh ProxyCommand, nc -e, find -exec, git ! aliases).
    for (const r of facts.runs) sub(st, r, ctx.cwd, env);
    const abs = (w: string) => posix.resolve(ctx.cwd, w.replace(/^~(?=\/|$)/, ctx.home));
    const resolveW = (w: string) => (w.startsWith('~') || w.startsWith('/') ? w : posix.resolve(ctx.cwd, w));
    facts.writes.push(...writes.map(resolveW));
    // A copy of a secret made earlier in the line is the secret.
    facts.sends = facts.sends.map((p) => st.tainted.get(abs(p)) ?? p);
    facts.reads = facts.reads.map((p) => st.tainted.get(abs(p)) ?? p);
    if (substitutedSecret && (NETWORK_TOOLS.has(name) || facts.hosts.length > 0 || DNS_TOOLS.has(name))) facts.sends.push(substitutedSecret);
    const j = judgeFacts(st.policy, facts, argv, { ...ctx, env });
    st.out.push(j);
    rec.judged = j;
    for (const w of facts.writes) rec.writesFiles.push(abs(w));
    // A clone is a download: its directory counts as downloaded (clone then run its script).
    if (name === 'git' && facts.subcommand === 'clone') {
      const ops = argv.slice(argv.indexOf('clone') + 1).filter((a, k, all) => !a.startsWith('-') && !/^(-o|--origin|-b|--branch|--depth|-c|--config|--template|--reference|-j|--jobs|--filter|-u|--upload-pack)$/.test(all[k - 1] ?? ''));
      const dir = ops[1] ?? posix.basename(ops[0] ?? '').replace(/\.git$/, '');
      if (dir) rec.cloneDir = abs(dir);
    }
    // What this command's output carries.
    if (SECRET(j, 'reads')) rec.secretOut = firstSecret(st, facts.reads, ctx);
    else if (ctx.stdin && FILTERS.has(name) && isSecretPath(st, ctx.stdin, ctx)) rec.secretOut = ctx.stdin;
    else if (FILTERS.has(name)) for (const up of fc.stdinFrom) if (info[up]?.secretOut) rec.secretOut = info[up]!.secretOut;
    if (!rec.secretOut && fc.argv.some((w) => w.substitutions.length > 0) && substitutedSecret && FILTERS.has(name)) rec.secretOut = substitutedSecret;
    // Archivers that write an archive of secrets to their output carry them (tar czf - ~/.ssh | curl -T -).
    if (!rec.secretOut && /^(tar|zip|7z|gzip|bzip2|xz|zstd|cpio)$/.test(name)) {
      const operands = args.filter((a) => !a.startsWith('-') && a !== '-');
      const secret = operands.find((o) => {
        const probe = judgeFacts(st.policy, { ...newFacts('<probe>'), sends: [o] }, [], { ...ctx, stdin: undefined, stdout: undefined });
        return SECRET(probe, 'sends');
      });
      if (secret) rec.secretOut = abs(secret);
    }
    if (rec.secretOut) st.readsSecret = true;
    // cp/ln/mv of a secret, or a secret written by redirection, makes its target a secret too.
    if (/^(cp|ln|mv|install|rsync)$/.test(name) || rec.secretOut) {
      const source = rec.secretOut ?? firstSecret(st, facts.deletes.length ? facts.deletes : args.filter((a) => !a.startsWith('-')).slice(0, -1), ctx);
      if (source) for (const w of rec.writesFiles) st.tainted.set(w, source);
    }
    // Downloaded content flows through filters (curl … | tee x | sh).
    if (DOWNLOADERS.has(name) || (FILTERS.has(name) && fc.stdinFrom.some((up) => info[up]?.downloadOut))) rec.downloadOut = true;
    // Text known statically: echo/printf words, and base64 -d of known text.
    if (name === 'echo' || name === 'printf') rec.textOut = args.filter((a) => !/^-[neE]+$/.test(a)).join(' ');
    if ((name === 'base64' || name === 'base32') && args.some((a) => /^(-d|--decode|-D)$/.test(a))) {
      const up = fc.stdinFrom.map((i) => info[i]?.textOut).find((x) => x !== undefined) ?? stdinText;
      if (up !== undefined) {
        try {
          rec.textOut = Buffer.from(up.trim(), 'base64').toString('utf8');
        } catch {
          /* not base64 */
        }
      }
    }
    return;
  }
}

function withAliases(base: GitReader | undefined, extra: Map<string, string>): GitReader {
  return {
    remoteUrl: (n) => base?.remoteUrl(n),
    alias: (n) => extra.get(n.toLowerCase()) ?? base?.alias(n),
    currentBranch: () => base?.currentBranch(),
    upstreamRemote: () => base?.upstreamRemote(),
    at: base?.at ? (d) => base.at!(d) : undefined,
  };
}

function isSecretPath(st: State, p: string, ctx: Context): boolean {
  const j = judgeFacts(st.policy, { ...newFacts('<probe>'), reads: [p] }, [], { ...ctx, stdin: undefined, stdout: undefined });
  return SECRET(j, 'reads');
}

function firstSecret(st: State, paths: string[], ctx: Context): string | undefined {
  for (const p of paths) if (isSecretPath(st, p, ctx)) return posix.resolve(ctx.cwd, p.replace(/^~(?=\/|$)/, ctx.home));
  return undefined;
}

/** Facts that need more than one command: downloads into interpreters, text piped into shells. */
function lineChecks(st: State, flat: FlatCommand[], info: Info[], cwd0: string): void {
  const tag = (t: string, note: string) => {
    st.lineTags.tags.add(t);
    st.lineTags.notes.push(note);
  };
  const downloaded = new Set<string>();
  const clones: string[] = [];
  for (const fc of flat) {
    const me = info[fc.index];
    if (!me) continue;
    const isDownloader = DOWNLOADERS.has(me.name);
    if (isDownloader) {
      const o = fc.origin;
      if (o && o.parent !== null && info[o.parent]?.isInterpreter) tag('download-exec', `${me.name} output becomes code for ${info[o.parent]!.name}`);
      for (const w of me.writesFiles) downloaded.add(w);
    }
    if (!isDownloader && me.downloadOut) for (const w of me.writesFiles) downloaded.add(w);
    if (me.cloneDir) clones.push(me.cloneDir);
    const inClone = (p: string) => clones.some((d) => p.startsWith(d + '/'));
    // Download-then-run: a later command executes (or feeds to an interpreter) a file downloaded earlier.
    if (!isDownloader && (downloaded.size > 0 || clones.length > 0)) {
      const exe = me.argv[0] ? posix.resolve(cwd0, me.argv[0]) : '';
      const operand = me.isInterpreter ? scriptOperand(me.argv.slice(1)) : undefined;
      const opPath = operand ? posix.resolve(cwd0, operand) : '';
      if (downloaded.has(exe) || downloaded.has(opPath)) tag('download-exec', `${me.argv[0]} runs a file downloaded earlier in the same line`);
      else if ((me.argv[0]?.includes('/') && inClone(exe)) || (opPath && inClone(opPath))) tag('download-exec', `${me.argv[0]} runs a script from a repository cloned in the same line`);
    }
    if (!me.interpreterReadsStdin) continue;
    for (const up of fc.stdinFrom) {
      const src = info[up];
      if (!src) continue;
      // A download piped (directly or through filters) into an interpreter runs downloaded code.
      if (src.downloadOut) {
        tag('download-exec', `${src.name} output is piped into ${me.name}`);
        continue;
      }
      // Text known statically is judged as the command line it is.
      if (src.textOut !== undefined) {
        sub(st, src.textOut, cwd0, st.ctx.env);
        for (const w of src.argv.slice(1)) if (src.name === 'echo' || src.name === 'printf') sub(st, w, cwd0, st.ctx.env);
      } else if (src.name === 'cat' && flat[up]!.redirects.some((r) => r.heredoc)) {
        sub(st, flat[up]!.redirects.find((r) => r.heredoc)!.heredoc!.body, cwd0, st.ctx.env);
      } else tag('pipe-to-shell', `${src.name || 'a command'}'s output is run by ${me.name}`);
    }
  }
  // A line that reads a secret and looks up names computed at run time leaks it through DNS.
  if (st.readsSecret && st.dynamicLookups.length > 0) tag('dns-exfil', `${st.dynamicLookups[0]} looks up names computed in a line that reads a secret`);
}
