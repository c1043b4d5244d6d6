// Options (and variables) through which ordinary tools run shell text: tar --to-command, make
// --eval, gdb -ex '!…', sqlite3 '.shell …', vim -c '!…', emacs --eval, less's LESSOPEN, strace
// -o '|…', man -P, psql '\!'. Capabilities as data: one row per tool. What they run is judged as
// a command line; code the judge cannot read is reported as opaque.

import { quote } from './unwrap.js';
import { optionTable, optionWords, type OptionTable } from '../options.js';
import { exShell } from '../analyzers/vim-ex.js';
import { lessArgs, lessStartCommand, lessVariableWords } from '../analyzers/less-args.js';
import { makeRecipes } from './make-text.js';
import { cmakeCommands, cmakeScripts } from './cmake-text.js';
import { charOfCode } from '../shell/code-point.js';

export interface RunsFound {
  /** Shell command lines the tool will run. */
  lines: string[];
  /** Shell command lines run inside a container being built (a Dockerfile's RUN lines). */
  container: string[];
  /** It runs programs (or deletes files) in ways not written as a shell line (vim system(), elisp). */
  spawns: string[];
  /** What it runs comes from somewhere the judge cannot read (a makefile on stdin). */
  unreadable: string[];
}

/** A value that is shell text once a prefix is stripped (`!cmd`, `shell cmd`, `|cmd`). */
const shellAfter = (re: RegExp) => (v: string): string | undefined => re.exec(v)?.[1];
/** An output option given `|CMD`: CMD runs with the tool's output on its stdin (a shell there runs what the tool prints). */
const pipedInto = (tool: string, re: RegExp) => (v: string): string | undefined => {
  const cmd = re.exec(v)?.[1];
  return cmd === undefined ? undefined : `${tool} | ${cmd}`;
};

/** sqlite3 dot-commands that run a program: .shell/.system CMD (any unique prefix: .sh, .sy), and
 *  .once/.output/.read/.log/.import '|CMD'; the SQL edit(text, 'EDITOR') function runs EDITOR. */
function sqliteShell(text: string): string | undefined {
  const lines: string[] = [];
  for (const m of text.matchAll(/\bedit\s*\(\s*'[^']*'\s*,\s*'((?:[^']|'')*)'/gi)) lines.push(m[1]!.replace(/''/g, "'"));
  for (const l of text.split('\n')) {
    const direct = /^\s*\.(?:sh|she|shel|shell|sy|sys|syst|syste|system)\s+(.*)$/s.exec(l);
    if (direct) lines.push(direct[1]!);
    // (.import FILE TABLE: only the FILE word is the command, the TABLE after it is a name.)
    const imported = /^\s*\.(?:imp|impo|impor|import)\s+(?:-\S+\s+)*(['"]?)\|(.*?)\1(\s+\S+)?\s*$/s.exec(l);
    if (imported) lines.push(imported[2]!.replace(/\\"/g, '"'));
    // (.once/.output/.log/.read '|CMD': sqlite3 joins every word after the pipe into the command, so
    // the whole rest of the line runs, quoted or not: `.once |curl -d @- HOST` keeps its HOST.)
    const rest = /^\s*\.(?:on|onc|once|o|ou|out|outp|outpu|output|rea|read|log)\s+(?:-\S+\s+)*(['"]?)\|(.*?)\s*$/s.exec(l);
    if (rest) lines.push((rest[1] ? rest[2]!.replace(rest[1], '') : rest[2]!).replace(/\\"/g, '"'));
  }
  return lines.length ? lines.join('\n') : undefined;
}

/** The shell lines of a Dockerfile's RUN instructions (continuations joined; exec form quoted; --mount/--network options dropped). */
export function dockerfileRuns(text: string): string[] {
  const out: string[] = [];
  for (const line of text.replace(/\\\r?\n/g, ' ').split('\n')) {
    const m = /^\s*RUN\s+((?:--[\w-]+=\S+\s+)*)(.*)$/i.exec(line);
    if (!m) continue;
    const body = m[2]!.trim();
    if (body.startsWith('[')) {
      try {
        const argv = JSON.parse(body) as unknown;
        if (Array.isArray(argv)) out.push(argv.map((w) => `'${String(w).replace(/'/g, `'\\''`)}'`).join(' '));
        continue;
      } catch {
        // (Not JSON: Docker runs it as a shell line.)
      }
    }
    out.push(body);
  }
  return out;
}

interface Row {
  /** Option names (exact, or `--name=`) whose value is inspected. */
  opts: RegExp;
  /** Turns the value into a shell line (the tool's words at hand), or undefined when it runs none. */
  shell?: (v: string, args: readonly string[]) => string | undefined;
  /** The value does something the judge does not model (when `when` holds): asked. */
  ask?: string;
  when?: (v: string) => boolean;
  /** The value is code in a language the judge does not read: anything there is opaque. */
  opaque?: string;
}

/** A Miller DSL string literal. */
const MLR_STRING = String.raw`"(?:[^"\\]|\\.)*"`;
/** The shell lines a Miller DSL expression runs or writes: system("CMD"), exec("CMD", ["ARG", …]), a redirect's `| "CMD"`, and
 *  `: > F` for each literal file a print, tee, emit or dump redirects into. */
function mlrLines(v: string): string[] {
  const lit = (x: string) => x.slice(1, -1).replace(/\\(["\\])/g, '$1');
  const out: string[] = [];
  for (const m of v.matchAll(new RegExp(String.raw`\bsystem\s*\(\s*(${MLR_STRING})`, 'g'))) out.push(lit(m[1]!));
  for (const m of v.matchAll(new RegExp(String.raw`\bexec\s*\(\s*(${MLR_STRING})(?:\s*,\s*\[((?:\s*${MLR_STRING}\s*,?)*)\])?`, 'g'))) out.push([lit(m[1]!), ...[...(m[2] ?? '').matchAll(new RegExp(MLR_STRING, 'g'))].map((a) => quote(lit(a[0])))].join(' '));
  for (const m of v.matchAll(new RegExp(String.raw`\b(?:tee|emit[1pf]?|print|printn|eprint|dump|edump)\s*(>>?|\|)\s*(${MLR_STRING})`, 'g'))) out.push(m[1] === '|' ? lit(m[2]!) : `: ${m[1]} ${quote(lit(m[2]!))}`);
  return out;
}

// make --eval TEXT; a variable given on the command line (X='$(shell …)'); .SHELLFLAGS, the options
// make hands its SHELL before each recipe line (.SHELLFLAGS='-c curl …;' runs that text first).
const MAKE_ROWS: Row[] = [
  { opts: /^(--eval|-E)$/, shell: (v) => makeRecipes(v).join('\n') },
  // (load FILE.so loads a native extension into make.)
  { opts: /^(--eval|-E)$/, opaque: 'make loads a native extension' },
  { opts: /^[^-]/, shell: (v) => (/^(?:override\s+|export\s+)?[\w.-]+\s*(?::::?|[:+?!])?=/.test(v) ? makeRecipes(v.slice(v.indexOf('=') + 1)).join('\n') : undefined) },
  // (X != TEXT runs TEXT in a shell as make reads it.)
  { opts: /^[^-]/, shell: (v) => /^(?:override\s+|export\s+)?[\w.-]+\s*!=\s*(.*)$/s.exec(v)?.[1] },
  // (make splits .SHELLFLAGS into words itself, a backslash keeping a blank inside one: `-c curl\ -d@.env\ host;` hands sh the text `curl -d@.env host;`.)
  { opts: /^[^-]/, shell: (v) => /^\.SHELLFLAGS\s*[:+?!]?=\s*(?:.*?\s)?-\w*c\s+(.*)$/s.exec(v)?.[1]?.replace(/\\(\s)/g, '$1') },
];

// less +CMD / ++CMD runs CMD as if typed at start: `!cmd` (after any moves and a count) is a shell command; `|mCMD` pipes
// the file from mark m into CMD (a bare shell there runs the file's text: judged below as such); any other command not
// plain (v, s FILE, :e FILE) is not modelled.
const lessStart = (v: string) => lessStartCommand(v.replace(/^\+/, ''));
const PAGER_ROWS: Row[] = [
  { opts: /^\+/, shell: (v, args) => {
    const s = lessStart(v);
    if (s.piped === undefined || /^\s*(\S*\/)?(sh|bash|dash|zsh|ksh|python[\d.]*|perl|ruby|node|php)\s*$/.test(s.piped)) return s.shell ?? s.piped;
    const files = lessArgs(args).files;
    return files.length ? `cat ${files.map(quote).join(' ')} | ${s.piped}` : s.piped;
  } },
  { opts: /^\+/, ask: 'less runs a start-up command Rampart does not model', when: (v) => lessStart(v).other },
];

/** The subcommand of a tool with verbs (cargo watch, cargo +nightly watch): its first word that is no option. */
const verb = (args: readonly string[]) => args.find((a) => !a.startsWith('-') && !a.startsWith('+'));

/** tox -x/--override KEY=VALUE (and TOX_OVERRIDE): a commands key's value is the commands tox runs, its substitutions filled in
 *  as tox does — {homedir} is HOME, {toxinidir} the project, {env:X} the variable, {posargs} what follows `--`. */
function toxOverride(kv: string): string | undefined {
  const m = /^\s*([\w:.\-]*?)(?:^|[.:])(commands(?:_pre|_post)?|install_command|list_dependencies_command)\s*\+?=(.*)$/s.exec(kv);
  if (!m) return undefined;
  return m[3]!.replace(/\{(?:homedir)\}/g, '~').replace(/\{(?:toxinidir|tox_root)\}/g, '.').replace(/\{env:(\w+)(?::[^}]*)?\}/g, '"${$1}"')
    .replace(/\{posargs(?::([^}]*))?\}/g, (_m, d?: string) => d ?? '').replace(/\{[^}\s]*\}/g, '"${__tox_value}"');
}

// apt -o Acquire::http::Proxy=URL (and -c FILE, a configuration that may set anything): every download goes through that host,
// judged as a connection to it. (The hooks and programs apt's options name are read in program-options.)
const APT_ROWS: Row[] = [
  { opts: /^(-o|--option)$/, shell: (v) => ((p) => (p === undefined || /^(direct|false|)$/i.test(p) ? undefined : `curl -sI ${quote(/^\w+:\/\//.test(p) ? p : `http://${p}`)}`))(/^\s*acquire::[\w-]+::proxy(?:::[\w.-]+)?\s*=\s*"?([^"]*)"?\s*$/i.exec(v)?.[1]) },
  { opts: /^(-c|--config-file)$/, ask: 'apt reads a configuration file Rampart has not read', when: (v) => !/^\/etc\/apt\//.test(v) },
];

const ROWS: Record<string, Row[]> = {
  // cargo watch -s/--shell CMD runs CMD through the shell, -x/--exec CMD runs `cargo CMD`, and what follows `--` is the command itself.
  cargo: [
    { opts: /^(-s|--shell)$/, shell: (v, args) => (verb(args) === 'watch' ? v : undefined) },
    { opts: /^(-x|--exec)$/, shell: (v, args) => (verb(args) === 'watch' ? `cargo ${v}` : undefined) },
    { opts: /^--$/, shell: (_v, args) => (verb(args) === 'watch' ? args.slice(args.indexOf('--') + 1).map(quote).join(' ') : undefined) },
  ],
  tox: [{ opts: /^(-x|--override)$/, shell: toxOverride }],
  // rpm's macro %(CMD) expands to CMD's output, run through the shell, wherever a macro is expanded: --eval, a --define'd value.
  rpm: [{ opts: /^(--eval|-E|--define|-D)$/, shell: (v) => [...v.matchAll(/%\(((?:[^()]|\([^()]*\))*)\)/g)].map((m) => m[1]!).join('\n') || undefined },
    { opts: /^(--eval|-E|--define|-D)$/, ask: 'rpm runs Lua code in a macro', when: (v) => /%\{lua:/.test(v) }],
  apt: APT_ROWS,
  less: PAGER_ROWS,
  more: PAGER_ROWS,
  tar: [
    { opts: /^--(to-command|use-compress-program|info-script|new-volume-script|rsh-command)$|^-[IF]$/, shell: (v) => v },
    { opts: /^--checkpoint-action$/, shell: shellAfter(/^(?:exec|sleep)?=?(.*)$/s) },
    // (what it runs at checkpoints is usually a file the archive itself just wrote)
    { opts: /^--checkpoint-action$/, opaque: 'tar runs a command at checkpoints, often one the archive just extracted' },
  ],
  // (cpio's remote shell for HOST:PATH archives, as tar's --rsh-command.)
  cpio: [{ opts: /^--rsh-command$/, shell: (v) => v }],
  zip: [{ opts: /^(-TT|--unzip-command)$/, shell: (v) => v }],
  install: [{ opts: /^--strip-program$/, shell: (v) => v }],
  // (python -m imaplib -s CMD talks IMAP to a command it starts through the shell.)
  imaplib: [{ opts: /^-s$/, shell: (v) => v }],
  make: MAKE_ROWS,
  gmake: MAKE_ROWS,
  gdb: [
    { opts: /^(-ex|--ex|-iex|--eval-command|--init-eval-command)$/, shell: shellAfter(/^\s*(?:!|she(?:l(?:l)?)?\s+|set\s+exec-wrapper\s+)(.*)$/s) },
    // (A call in the debugged process of anything that runs, loads or deletes — popen, execl, $_shell, dlopen, unlink — with literal text.)
    { opts: /^(-ex|--ex|-iex|--eval-command|--init-eval-command)$/, shell: debuggerCall },
    // (call/print of system("CMD") in the debugged process runs CMD there; set environment LD_PRELOAD loads a library into it.)
    { opts: /^(-ex|--ex|-iex|--eval-command|--init-eval-command)$/, shell: (v) => /^\s*(?:call|print|p|output)\b.*?\bsystem\s*\(\s*"((?:[^"\\]|\\.)*)"/s.exec(v)?.[1] ?? (((e) => (e ? `${e[1]}=${e[2]} env` : undefined))(/^\s*set\s+env(?:ironment)?\s+(LD_PRELOAD|LD_AUDIT|LD_LIBRARY_PATH)\s*=?\s*(\S+)/.exec(v))) },
    { opts: /^(-ex|--ex|-iex|--eval-command|--init-eval-command)$/, opaque: 'gdb calls a function in the process it debugs' },
    { opts: /^(-ex|--ex|-iex|--eval-command|--init-eval-command)$/, opaque: 'gdb runs python or pipe commands' },
    // (dump/append [binary|ihex|srec|tekhex|verilog] memory|value FILE …, and set logging file F, write FILE.)
    { opts: /^(-ex|--ex|-iex|--eval-command|--init-eval-command)$/, shell: (v) => ((m) => (m ? `: >> '${m[1]!.replace(/'/g, `'\\''`)}'` : undefined))(/^\s*(?:(?:dump|append)\s+(?:(?:binary|ihex|srec|tekhex|verilog)\s+)?(?:memory|value)|set\s+logging\s+file)\s+(\S+)/.exec(v)) },
    // (python CODE / py CODE is a Python one-liner; pipe GDBCMD | SHELLCMD and | … run SHELLCMD.)
    { opts: /^(-ex|--ex|-iex|--eval-command|--init-eval-command)$/, shell: (v) => ((m) => (m ? `python3 -c '${m[1]!.replace(/'/g, `'\\''`)}'` : undefined))(/^\s*py(?:t(?:h(?:o(?:n)?)?)?)?\s+(\S[\s\S]*)$/.exec(v)) ?? /^\s*(?:pipe|\|)\s+[^|]*\|\s*([\s\S]+)$/.exec(v)?.[1] },
  ],
  sqlite3: [{ opts: /^[^-]/, shell: sqliteShell }],
  // (duckdb's shell is sqlite's: the same dot-commands, operands and -c SQL.)
  duckdb: [{ opts: /^[^-]/, shell: sqliteShell }, { opts: /^(-c|-s|-cmd)$/, shell: sqliteShell }],
  psql: [
    { opts: /^(-c|--command)$/, shell: shellAfter(/^\s*\\(?:!|o\s*\|)\s*(.*)$/s) },
    // \copy … to/from program 'CMD', COPY … TO/FROM PROGRAM 'CMD'
    { opts: /^(-c|--command)$/, shell: (v) => /\bprogram\s+'((?:[^']|'')*)'/i.exec(v)?.[1]?.replace(/''/g, "'") },
    // -o '|cmd' / -L '|cmd': query output piped into a command.
    { opts: /^(-o|--output|-L|--log-file)$/, shell: pipedInto('psql', /^\s*\|(.*)$/s) },
  ],
  lldb: [{ opts: /^(-o|--one-line|-O|--one-line-before-file|-k|--one-line-on-crash|-K|--source-on-crash)$/, shell: debuggerCall },
    { opts: /^(-o|--one-line|-O|--one-line-before-file|-k|--one-line-on-crash|-K|--source-on-crash)$/, opaque: 'lldb imports a script' },
    { opts: /^(-o|--one-line|-O|--one-line-before-file|-k|--one-line-on-crash|-K|--source-on-crash)$/, shell: shellAfter(/^\s*(?:pl(?:a(?:t(?:f(?:o(?:r(?:m)?)?)?)?)?)?\s+sh(?:e(?:l(?:l)?)?)?|shell)\s+(.*)$/s) },
    { opts: /^(-o|--one-line|-O|--one-line-before-file|-k|--one-line-on-crash)$/, opaque: 'lldb runs script or shell commands' }],
  mysql: [{ opts: /^(-e|--execute)$/, shell: shellAfter(/^\s*(?:system|\\!|\\P|pager)\s+(.*)$/s) }],
  // :!cmd, :r !cmd, :w !cmd, :%!cmd (a filter): each runs cmd (a filter or w ! feeds it the buffer), whatever range leads it.
  vim: [{ opts: /^(-[a-zA-Z]*c|--cmd|\+.*)$/, shell: (v) => exShell(v).join('\n') || undefined }],
  man: [{ opts: /^(-P|--pager|-H|--html)$/, shell: (v) => v }],
  ag: [{ opts: /^--pager$/, shell: (v) => v }],
  ack: [{ opts: /^--pager$/, shell: (v) => v }],
  strace: [{ opts: /^(-o|--output)$/, shell: pipedInto('strace', /^\s*[|!](.*)$/s) }],
  ltrace: [{ opts: /^(-o|--output)$/, shell: pipedInto('ltrace', /^\s*[|!](.*)$/s) }],
  rsync: [{ opts: /^--rsync-path$/, shell: (v) => v }],
  emacs: [{ opts: /^(--eval|-eval|--exec|--execute|-execute)$/, shell: (v) => [...v.matchAll(ELISP_SHELL)].map((m) => elispString(m[1]!)).join('\n') || undefined }],
  // gcc -wrapper PROG,ARG…: every compiler pass runs under PROG ARG… (commas for spaces).
  gcc: [{ opts: /^-wrapper$/, shell: (v) => v.split(',').map((w) => `'${w.replace(/'/g, `'\\''`)}'`).join(' ') }],
  // svn --config-option config:tunnels:NAME=CMD: svn+NAME:// URLs run CMD.
  svn: [{ opts: /^--config-option$/, shell: (v) => /^config:tunnels:[^=]+=(.*)$/s.exec(v)?.[1] }],
  // openvpn's scripts run on connect, route and auth events (as root, where openvpn runs so).
  openvpn: [{ opts: /^--(up|down|route-up|route-pre-down|ipchange|tls-verify|auth-user-pass-verify|client-connect|client-disconnect|learn-address)$/, shell: (v) => v }],
  // sqlcmd's !! CMD (at a line's start, :!! in scripts) runs CMD through the shell.
  sqlcmd: [{ opts: /^(-Q|-q|--query|--initial-query)$/, shell: (v) => [...v.matchAll(/(?:^|\n)\s*:?!!\s*([^\n]+)/g)].map((m) => m[1]!).join('\n') || undefined }],
  // valgrind --db-command=CMD runs CMD (through the shell, %f and %p filled in) when --db-attach starts a debugger.
  valgrind: [{ opts: /^--db-command$/, shell: (v) => v.replace(/%[fp]/g, '1') }],
  // fastlane run sh command:"CMD" (or command:CMD) runs CMD through the shell, as its Fastfile's sh("CMD") does.
  fastlane: [{ opts: /^[^-]/, shell: (v, args) => (verb(args) === 'run' && args[args.indexOf('run') + 1] === 'sh' && /^command:/.test(v) ? v.slice(8).replace(/^"([\s\S]*)"$/, '$1') : undefined) }],
  // Miller's DSL (mlr put/filter 'EXPR'): system("CMD") and exec("CMD", [ARGS]) run CMD; tee > "F" and emit > "F" write F.
  // (exec's list of arguments is its command's too; print, tee, emit and dump > "F" write F, and | "CMD" pipes into CMD.)
  mlr: [{ opts: /^[^-]/, shell: (v) => mlrLines(v).join('\n') || undefined },
    { opts: /^[^-]/, ask: 'mlr runs a command its expression computes', when: (v) => new RegExp(String.raw`\b(?:system|exec)\s*\((?!\s*${MLR_STRING}\s*[,)])|\b(?:tee|emit[1pf]?|print|printn|eprint|dump|edump)\s*\|(?!\s*${MLR_STRING}\s*,)`).test(v) }],
  // bpftrace -e 'PROGRAM': system("CMD") runs CMD (with --unsafe), as root when run so.
  bpftrace: [{ opts: /^-e$/, shell: (v) => [...v.matchAll(/\bsystem\s*\(\s*"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]!).join('\n') || undefined }],
};
for (const v of ['g++', 'cc', 'c++', 'clang', 'clang++', 'gfortran']) ROWS[v] = ROWS.gcc!;
for (const v of ['apt-get', 'apt-cache', 'aptitude', 'apt-mark']) ROWS[v] = APT_ROWS;
for (const v of ['rpmbuild', 'rpmspec']) ROWS[v] = ROWS.rpm!;

// The options of the tools above whose rows name short options, as their getopt reads them (which letters take a value),
// so a row sees its option in every spelling: clustered (strace -fo F, psql -qo F, lldb -bo CMD), attached (-o'|cmd'), --opt=F.
const OPTION_TABLES: Record<string, OptionTable> = {
  strace: optionTable(['a,columns=', 'b,detach-on=', 'e,trace=', 'E,env=', 'I,interruptible=', 'o,output=', 'O,summary-syscall-overhead=', 'p,attach=',
    'P,trace-path=', 's,string-limit=', 'S,summary-sort-by=', 'u,user=', 'U,summary-columns=', 'X,const-print-style=', 'signal=', 'status=', 'quiet?=',
    'decode-fds?=', 'kvm=', 'inject=', 'fault=', 'output-separately', 'seccomp-bpf', 'argv0='], { stopAtPositional: true }),
  ltrace: optionTable(['a,align=', 'A=', 'D,debug=', 'e=', 'F,config=', 'l,library=', 'n,indent=', 'o,output=', 'p=', 's=', 'u=', 'w,where=', 'x='], { stopAtPositional: true }),
  psql: optionTable(['c,command=', 'd,dbname=', 'f,file=', 'v,set,variable=', 'L,log-file=', 'o,output=', 'F,field-separator=', 'P,pset=', 'R,record-separator=',
    'T,table-attr=', 'h,host=', 'p,port=', 'U,username=']),
  lldb: optionTable(['o,one-line=', 'O,one-line-before-file=', 'k,one-line-on-crash=', 'K,source-on-crash=', 's,source=', 'S,source-before-file=', 'a,arch=',
    'c,core=', 'f,file=', 'l,script-language=', 'n,attach-name=', 'p,attach-pid=', 'R,repl-language=', 'r,repl?=']),
  man: optionTable(['C,config-file=', 'L,locale=', 'm,systems=', 'M,manpath=', 'S,s,sections=', 'e,extension=', 'P,pager=', 'r,prompt=', 'E,encoding=',
    'p,preprocessor=', 'T,troff-device?=', 'H,html?=', 'X,gxditview?=', 'R,recode=']),
  apt: optionTable(['o,option=', 'c,config-file=', 't,target-release=', 'a,host-architecture=', 'P,build-profiles=']),
  mysql: optionTable(['e,execute=', 'h,host=', 'u,user=', 'p,password?=', 'P,port=', 'D,database=', 'S,socket=', 'pager?=', 'tee=']),
};
for (const v of ['vi', 'nvim', 'ex', 'view', 'vimdiff', 'rvim']) ROWS[v] = ROWS.vim!;
// emacsclient -e/--eval evaluates in the running Emacs (outside this shell and its shims).
ROWS.emacsclient = [{ opts: /^(-e|--eval)$/, shell: ROWS.emacs![0]!.shell }];
for (const v of ['apt-get', 'apt-cache', 'aptitude', 'apt-mark']) OPTION_TABLES[v] = OPTION_TABLES.apt!;

/** An elisp string literal's text (\\x7e is ~, \\176 is ~, \\" is "). */
export const elispString = (t: string) => t.replace(/\\x([0-9a-fA-F]{1,2})|\\([0-7]{1,3})|\\\n|\\(.)/gs, (_m, h?: string, o?: string, c?: string) => (h ? String.fromCharCode(parseInt(h, 16)) : o ? String.fromCharCode(parseInt(o, 8)) : c === undefined ? '' : ({ n: '\n', t: '\t', e: '\x1b', s: ' ' } as Record<string, string>)[c] ?? c));
/** elisp calls that run a literal shell command line: its text, judged as the line it is. */
const ELISP_SHELL = /\((?:shell-command|shell-command-to-string|async-shell-command|compile|call-process-shell-command|process-lines-shell|dired-do-shell-command|start-process-shell-command\s+(?:"(?:[^"\\]|\\.)*"|\S+)\s+(?:"(?:[^"\\]|\\.)*"|\S+))\s+"((?:[^"\\]|\\.)*)"/g;
/** elisp that runs programs or deletes files without a readable shell string. */
const ELISP_EXEC = /\((call-process\S*|start-process\S*|start-file-process\S*|make-process|make-pipe-process|process-file|process-lines\S*|shell-command|async-shell-command|delete-directory|delete-file|dired-delete-file|move-file-to-trash|eshell-command|rename-file|make-symbolic-link|org-babel-execute\S*|org-babel-load-file|compile|call-process-shell-command|dired-do-shell-command)\b/;

/** vim commands that run programs without a leading `!`. (Lua, Python, Perl or Ruby code counts when it can: see EMBEDDED_RISK.) */
const VIM_EXEC = /\b(system|systemlist|jobstart|termopen|libcall\w*|rename|feedkeys|job_start|term_start|ch_open)\s*\(|\bterminal\b|\bshell\b|\bcall\s+delete\s*\(|\b(keywordprg|kp|shellcmdflag|shellpipe|shellredir|equalprg|formatprg)\s*=/;
/** What code embedded in an editor command can do beyond editing: run programs, open sockets, delete, rename or open files, load code. */
export const EMBEDDED_RISK = /os\.execute|io\.popen|io\.open|os\.remove|os\.rename|os\.exit|vim\.fn\.(system|systemlist|jobstart|termopen|delete|writefile|rename|readfile)|vim\.(loop|uv)\.|vim\.system|vim\.cmd|\bloadstring\b|\bload\s*\(|\bdofile\b|\brequire\b|\bffi\b|subprocess|\bos\.|popen|shutil|socket|urllib|requests|__import__|\bexec\s*\(|\beval\s*\(|\bopen\s*\(|`|\bqx\b|\bsystem\b|\bFile\.|\bIO\.|Kernel|\bunlink\b|\bpty\b|http\.client|\bspawn\b|%x|\bexec\b|\bfork\b|\bDir\.|Net::|\bsocket\b/;
const EMBEDDED = /(^|[|:\s])(lua|luado|luafile|py3?|python3?|pydo|py3do|pyx|pyxdo|pyxfile|perl|pe|perldo|rub(?:y)?|rubydo|rubyfile|py3file|pyfile)\b(.*)$/s;
/** Neovim's Lua beyond editing: programs, sockets, deletes and renames, code loaded from a string or file, an Ex `!`. (Its plugins —
 *  require("lazy") — are the ones nvim loads at start anyway; vim.cmd("edit F") edits.) */
const LUA_EXTRA = /vim\.api\.(?!(nvim_buf_get_lines|nvim_buf_set_lines|nvim_buf_line_count|nvim_buf_get_name|nvim_get_current_buf|nvim_buf_get_text|nvim_buf_set_text|nvim_get_current_line|nvim_win_get_cursor|nvim_win_set_cursor|nvim_get_option_value|nvim_list_bufs|nvim_buf_is_loaded|nvim_get_mode|nvim_list_runtime_paths|nvim_get_runtime_file)\s*\()|vim\.net\.|win_execute|\blocal\s+\w+\s*=\s*(os|io|vim\.fn|vim\.uv|vim\.loop|require)\b|vim\.env\b|\bpackage\.|vim\.fn\s*\[|\b(os|io|vim\.fn|vim\.cmd)\s*\[|vim\.fs\.rm|sockconnect|serverstart|vim\.cmd\.(?!(edit|e|write|w|wq|update|set|setlocal|colorscheme|syntax|filetype)\s*\()\w+|vim\.fn\.(call|execute|feedkeys|libcall\w*)/;
/** What the caller knows of the files and modules editor code names: `module` — a require() may load the plugin (Lua searches
 *  ./?.lua too: only where nothing else in the line writes files); `read` — a file read is the project's own and no secret. */
export type EditorCodeOk = (what: 'module' | 'read', name: string) => boolean;
/** The parts of Neovim Lua that only edit or load the plugins nvim loads at start anyway: removed before the risk check. */
function luaBenign(code: string, ok: EditorCodeOk): string {
  return code
    .replace(/\b(?:pcall\s*\(\s*require\s*,\s*|require\s*\(?\s*)["'](?!(?:os|io|ffi|socket|posix|luv|jit|package|debug|vim\.uv|vim\.loop)["'])([\w.-]+)["']\s*\)?/g, (m, mod: string) => (ok('module', mod) ? 'PLUGIN' : m))
    .replace(/\bos\.(date|time|clock|difftime)\s*\(/g, 'CLOCK(')
    .replace(/vim\.fn\.readfile\s*\(\s*["']([\w./-]+)["']\s*\)/g, (m, f: string) => (ok('read', f) ? 'TEXT' : m))
    .replace(/vim\.fn\.writefile\s*\(([^;]*?),\s*["'](?:\/tmp\/|(?![/~.]))[\w./-]+["']\s*\)/g, 'WROTE($1)');
}
const LUA_RISK = /os\.execute|io\.popen|os\.remove|os\.rename|vim\.fn\.(system|systemlist|jobstart|termopen|delete|rename|libcall\w*|feedkeys)|vim\.(loop|uv)\.(spawn|new_tcp|new_udp|new_pipe|fs_unlink|fs_rmdir|fs_rename|getaddrinfo)|vim\.system|\bloadstring\b|\bload\s*\(|\bdofile\b|\bffi\b|socket|vim\.cmd\s*\(?\s*(?:["']|\[=*\[)\s*(?:[%.$\d,]*\s*(?:r|read|w|write|sil|silent)?\s*)!|vim\.cmd\s*\(\s*[^"'\[\s)]|vim\.cmd\.terminal|io\.open\s*\([^)]*,\s*["'][wa+]/;
/** Vim functions that only compute or look at the buffer. */
const VIM_FN_PURE = /^(expand|getcwd|fnamemodify|stdpath|has|exists|line|col|getline|setline|append|bufnr|bufname|strftime|localtime|len|empty|json_encode|json_decode|isdirectory|filereadable|executable|tolower|toupper|trim|split|join|getpos|setpos|search|searchpos|indent|shiftwidth|winwidth|winheight|mode|strlen|glob|globpath|mkdir|strpart|getbufline|type|string|keys|values|range|reverse|sort|uniq|index|match|matchstr|escape|shellescape|fnameescape|nvim_buf_get_name)$/;
/** The Lua string literal at `i` — "…" or '…' with its escapes, a long bracket [[…]] or [==[…]==] — and where it ends. */
function luaLiteral(s: string, i: number): { text: string; end: number } | undefined {
  const long = /^\[(=*)\[([\s\S]*?)\]\1\]/.exec(s.slice(i));
  if (long) return { text: long[2]!.replace(/^\n/, ''), end: i + long[0].length };
  const q = s[i];
  if (q !== '"' && q !== "'") return undefined;
  let text = '';
  for (let j = i + 1; j < s.length; j++) {
    const c = s[j]!;
    if (c === q) return { text, end: j + 1 };
    if (c === '\n') return undefined;
    if (c !== '\\') { text += c; continue; }
    const e = /^(?:x([0-9a-fA-F]{2})|(\d{1,3})|z\s*|u\{([0-9a-fA-F]+)\}|([\s\S]))/.exec(s.slice(j + 1));
    if (!e) return undefined;
    text += e[1] ? String.fromCharCode(parseInt(e[1], 16)) : e[2] ? String.fromCharCode(parseInt(e[2], 10)) : e[3] ? charOfCode(parseInt(e[3], 16))
      : e[4] === undefined ? '' : ({ n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v' } as Record<string, string>)[e[4]] ?? e[4];
    j += e[0].length;
  }
  return undefined;
}

/** Neovim's Lua that runs Ex commands from literal text — vim.cmd("…"), vim.cmd [[…]], vim.cmd.edit("F"), vim.api.nvim_command("…"),
 *  nvim_exec2("…", {}) — as those Ex commands, so the editor's own reading judges them (`vim.cmd("e ~/.bashrc")` then `vim.cmd.write()`
 *  writes it). Each `-c`/`--cmd`/`+` value `lua …` becomes the Ex commands it spells, in order, then the Lua left with them taken out;
 *  a call of anything but literals stays in the Lua (and is judged there as code that runs what it computes). */
export function vimLuaArgs(args: readonly string[]): string[] {
  const out: string[] = [];
  for (let k = 0; k < args.length; k++) {
    const a = args[k]!;
    const flag = /^-[a-zA-Z]*c$|^--cmd$/.test(a) ? a : undefined;
    const value = flag !== undefined ? args[k + 1] : a.startsWith('+') && !/^-[a-zA-Z]*c$|^--cmd$/.test(args[k - 1] ?? '') ? a.slice(1) : undefined;
    const lua = value === undefined ? null : /^\s*:*\s*lua\s([\s\S]*)$/.exec(value);
    if (!lua) { out.push(a); continue; }
    const code = lua[1]!;
    const ex: string[] = [];
    let rest = '';
    let from = 0;
    for (const m of code.matchAll(/\bvim\s*\.\s*(?:cmd(?:\s*\.\s*(\w+))?|api\s*\.\s*(nvim_command|nvim_exec2?))\s*/g)) {
      if (m.index! < from) continue;
      let i = m.index! + m[0].length;
      const parens = code[i] === '(';
      if (parens) i = /^\(\s*/.exec(code.slice(i))![0].length + i;
      const lits: string[] = [];
      for (;;) {
        const l = luaLiteral(code, i);
        if (!l) break;
        lits.push(l.text);
        i = l.end + /^\s*,?\s*/.exec(code.slice(l.end))![0].length;
        if (!parens) break;
      }
      // (nvim_exec2's second argument is its options table.)
      if (parens && m[2]?.startsWith('nvim_exec') && lits.length === 1) { const o = /^\{[^{}()]*\}\s*|^(?:true|false)\s*/.exec(code.slice(i)); if (o) i += o[0].length; }
      if (parens ? code[i] !== ')' : lits.length !== 1) continue;
      if (m[1] === undefined && lits.length !== 1) continue;
      ex.push(...(m[1] !== undefined ? [[m[1], ...lits].join(' ')] : lits[0]!.split('\n').filter((l) => l.trim() !== '')));
      rest += code.slice(from, m.index) + 'EX';
      from = i + (parens ? 1 : 0);
    }
    rest += code.slice(from);
    // (Options set from Lua are :set — vim.o.shell = "…", vim.opt.rtp:prepend("…"), vim.opt.makeprg = "…"; a value it computes is
    // a value Rampart does not know.)
    rest = rest.replace(/\bvim\s*\.\s*(?:o|go|bo|wo|opt|opt_local|opt_global)\s*\.\s*(\w+)\s*(?::\s*(append|prepend|remove)\s*\(?\s*|(=)(?!=)\s*)/g, (m0, opt: string, method?: string, _eq?: string, at?: number) => {
      const i = at! + m0.length;
      const l = luaLiteral(rest, i);
      const lit = l?.text ?? /^(-?\d+(?:\.\d+)?|true|false)\b/.exec(rest.slice(i))?.[1];
      const value = lit === undefined ? '$LUA_VALUE' : lit.replace(/[\s\\|"]/g, '\\$&');
      ex.push(lit === 'true' ? `set ${opt}` : lit === 'false' ? `set no${opt}` : `set ${opt}${method === 'append' ? '+' : method === 'prepend' ? '^' : method === 'remove' ? '-' : ''}=${value}`);
      return 'OPT=';
    });
    if (ex.length === 0) { out.push(a); continue; }
    for (const e of ex) out.push(flag ?? '-c', e);
    if (flag !== undefined) { out.push(flag, `lua ${rest}`); k++; } else out.push(`+lua ${rest}`);
  }
  return [...out, ...registerRuns(out)];
}

/** A register set with text (let @a = "…", setreg('a', "…")) and run (:@a as Ex, @a or :normal @a as keys, whose `:` lines are Ex
 *  commands) is those commands: -c 'let @a=":!rm -rf ~\n"' -c 'norm @a'. */
function registerRuns(args: readonly string[]): string[] {
  const values = args.flatMap((a, k) => (/^-[a-zA-Z]*c$|^--cmd$/.test(args[k - 1] ?? '') ? [a] : a.startsWith('+') ? [a.slice(1)] : []));
  const regs = new Map<string, string>();
  const unq = (q: string) => (q.startsWith('"') ? q.slice(1, -1).replace(/\\(n|r|e|<CR>|.)/g, (_m, c: string) => (c === 'n' || c === 'r' ? '\n' : c === 'e' ? '\x1b' : c)) : q.slice(1, -1).replace(/''/g, "'"));
  for (const v of values) for (const m of v.matchAll(/\b(?:let\s+@([a-z0-9"])\s*=\s*|call\s+setreg\(\s*['"]([a-z0-9])['"]\s*,\s*)("(?:[^"\\]|\\.)*"|'(?:[^']|'')*')/gi)) regs.set((m[1] ?? m[2]!).toLowerCase(), unq(m[3]!));
  const out: string[] = [];
  for (const v of values) for (const m of v.matchAll(/(^|[\s|:!])(norm(?:al)?!?\s+)?@([a-z0-9"])/gi)) {
    const text = regs.get(m[3]!.toLowerCase());
    if (text === undefined) continue;
    const ex = m[2] !== undefined || !/^\s*:?\s*@/.test(v) ? [...text.matchAll(/:([^\n\r]+)/g)].map((x) => x[1]!) : text.split(/[\n\r]+/);
    for (const e of ex) if (e.trim() !== '') out.push('-c', e.replace(/^:+/, ''));
  }
  return out;
}

/** A debugger command that calls into the process (call/print/p/output/expr/e/po): the command lines its string literals
 *  spell (system, popen, execl, $_shell), `rm -f` of what unlink/remove name, and a library dlopen loads as a preload. */
function debuggerCall(v: string): string | undefined {
  if (!/^\s*(call|print|p|output|expr|expression|e|po)\b/.test(v)) return undefined;
  const lines: string[] = [];
  for (const m of v.matchAll(/(?<![\w$])(system|popen|\$_shell|execl\w*|execv\w*|unlink|remove|rename|dlopen)\s*\(([^)]*)\)/g)) {
    const lits = [...m[2]!.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((x) => x[1]!);
    const sq = (x: string) => `'${x.replace(/'/g, `'\\''`)}'`;
    if (/^(unlink|remove)$/.test(m[1]!) && lits[0]) lines.push(`rm -f '${lits[0].replace(/'/g, `'\\''`)}'`);
    // (execl/execlp("rm", "rm", "-rf", "/home/u", 0): the program and the words it is given; rename(A, B) is mv.)
    else if (/^exec/.test(m[1]!) && lits.length >= 2) lines.push(lits.slice(1).map(sq).join(' '));
    else if (m[1] === 'rename' && lits.length === 2) lines.push(`mv ${sq(lits[0]!)} ${sq(lits[1]!)}`);
    else if (m[1] === 'dlopen' && lits[0]) lines.push(`LD_PRELOAD='${lits[0].replace(/'/g, `'\\''`)}' env`);
    // (system("CMD"), popen("CMD", "r"), $_shell("CMD"): the command is the first literal.)
    else if (lits.length) lines.push(lits[0]!);
  }
  return lines.length ? lines.join('\n') : undefined;
}

/** The top-level arguments of a call whose text starts after its `(`: brackets, braces and quotes kept together. */
function callArgs(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '"' || ch === "'") {
      const end = text.indexOf(ch, i + 1);
      const stop = end < 0 ? text.length : end;
      cur += text.slice(i, stop + 1);
      i = stop;
      continue;
    }
    if (/[([{]/.test(ch)) depth++;
    if (/[)\]}]/.test(ch)) {
      if (depth === 0) break;
      depth--;
    }
    if (ch === ',' && depth === 0) { out.push(cur); cur = ''; continue; }
    cur += ch;
  }
  out.push(cur);
  return out;
}

/** Database clients' options that carry their commands (and, for psql, pgcli and mysql, stdin): the meta-commands read below. */
/** The short letters of those options, for clusters and attached values. */
const DB_LETTERS: Record<string, string> = { psql: 'ce', pgcli: 'e', mysql: 'e', mariadb: 'e', clickhouse: 'q', 'clickhouse-client': 'q', 'clickhouse-local': 'q', cqlsh: 'e' };
const DB_CLIENT: Record<string, RegExp> = {
  // (pgcli and usql are judged as psql: pgcli's command option is -e/--execute, which psql spends on a flag — a word after it is read either way.)
  psql: /^(-c|--command|-e|--execute)$/, pgcli: /^(-e|--execute)$/, mysql: /^(-e|--execute)$/, mariadb: /^(-e|--execute)$/, clickhouse: /^(-q|--query)$/, 'clickhouse-client': /^(-q|--query)$/,
  'clickhouse-local': /^(-q|--query)$/, mongo: /^--eval$/, mongosh: /^--eval$/, cqlsh: /^(-e|--execute)$/,
};
/** What a database client's own commands do on this machine, as shell lines: psql's \\cd then \\! CMD, \\setenv PAGER, \\g |CMD (a
 *  query's literal text piped to a shell is that text run), \\lo_import/\\copy … from/\\i F (reads F), \\o/\\w/\\copy … to F (writes F);
 *  mysql's tee/\\T F, source/\\. F, LOAD DATA LOCAL INFILE, --pager/--tee; clickhouse's INTO OUTFILE and executable('CMD');
 *  the mongo shell's run("prog", "arg"…); cqlsh's SOURCE and COPY … FROM. */
function dbClientLines(tool: string, args: readonly string[], stdinText: string | undefined, fileText: (p: string) => string | undefined): string[] {
  const q = (w: string) => `'${w.replace(/'/g, `'\\''`)}'`;
  // (The command option by any spelling: -c TEXT, a cluster ending in it — psql -qc, -Atc, mysql -Be, clickhouse -nq — or its
  // value attached, -c"\! …", -e'system …'; and files of commands the line wrote, cqlsh -f F.)
  const letters = DB_LETTERS[tool] ?? '';
  const optValue = (a: string, k: number): string | undefined => {
    if (DB_CLIENT[tool]!.test(args[k - 1] ?? '')) return a;
    const prev = args[k - 1] ?? '';
    if (/^-[a-zA-Z]{2,}$/.test(prev) && letters.includes(prev.at(-1)!)) return a;
    const at = letters ? new RegExp(`^-[a-zA-Z]*?[${letters}]([^a-zA-Z][\\s\\S]*|[a-zA-Z]*[^a-zA-Z][\\s\\S]*)$`).exec(a) : null;
    if (at && /[\s\\'";]/.test(at[1]!)) return at[1];
    return /^--(command|execute|query|eval)=/.test(a) ? a.slice(a.indexOf('=') + 1) : undefined;
  };
  const files = tool === 'cqlsh' ? args.flatMap((a, k) => (/^(-f|--file)$/.test(args[k - 1] ?? '') ? [fileText(a)] : [])).filter((t): t is string => t !== undefined) : [];
  const values = [...args.flatMap((a, k) => { const v = optValue(a, k); return v === undefined ? [] : [v]; }), ...files,
    ...(stdinText !== undefined && /^(psql|pgcli|mysql|mariadb)$/.test(tool) ? [stdinText] : [])];
  // (A command file the line wrote, run by \i, source or SOURCE, is read as more of the client's commands.)
  for (let i = 0; i < values.length && i < 8; i++) for (const m of values[i]!.matchAll(/(?:^|[\n;]|(?=\\))\s*(?:\\(?:i|include|ir|include_relative)|source|\\\.)\s+('[^']*'|"[^"]*"|[^\s;]+)/gi)) { const t = fileText(m[1]!.replace(/^['"]|['"]$/g, '')); if (t !== undefined && !values.includes(t)) values.push(t); }
  const out: string[] = [];
  let dir: string | undefined;
  const inDir = (l: string) => (dir !== undefined ? `cd ${q(dir)} && ${l}` : l);
  const unq = (w: string) => w.trim().replace(/^'((?:[^']|'')*)'$/, (_m, x: string) => x.replace(/''/g, "'")).replace(/^"(.*)"$/s, '$1');
  for (const [k, a] of args.entries()) {
    const v = /^--(pager|tee)=(.*)$/s.exec(a) ?? (/^--(pager|tee)$/.test(a) && args[k + 1] !== undefined ? [a, a.slice(2), args[k + 1]!] : null);
    if (v && /^(mysql|mariadb)$/.test(tool)) out.push(v[1] === 'pager' ? v[2]! : `: >> ${q(v[2]!)}`);
  }
  for (const text of values) {
    for (const part of text.split(/\n|(?<=;)\s*|(?=\\[a-zA-Z!.])/)) {
      const p = part.trim();
      let m: RegExpExecArray | null;
      // (psql runs the text between backquotes in a meta-command's arguments: \set x `curl … | sh`.)
      if (tool === 'psql' && p.startsWith('\\')) for (const b of p.matchAll(/`([^`]+)`/g)) out.push(inDir(b[1]!));
      if ((m = /^\\cd\s+(.+)$/s.exec(p))) dir = unq(m[1]!);
      else if ((m = /^\\!\s*(.+)$/s.exec(p))) out.push(inDir(m[1]!));
      else if ((m = /^\\setenv\s+(PAGER|PSQL_PAGER|PSQL_EDITOR|EDITOR|VISUAL|PSQL_WATCH_PAGER)\s+(.+)$/s.exec(p))) out.push(unq(m[2]!));
      else if ((m = /^\\(?:lo_import|i|include|ir|include_relative)\s+('[^']*'|"[^"]*"|\S+)/.exec(p)) || (m = /^\\copy\b.*\bfrom\s+('[^']*'|"[^"]*"|[^\s;]+)/is.exec(p))) { if (!/^(stdin|pstdin|program)$/i.test(m[1]!)) out.push(inDir(`cat ${q(unq(m[1]!))}`)); }
      else if ((m = /^\\(?:o|out|w|write|s)\s+([^|\s][^\s]*)/.exec(p)) || (m = /^\\copy\b.*\bto\s+('[^']*'|"[^"]*"|[^\s;]+)/is.exec(p)) || (m = /^\\lo_export\s+\S+\s+('[^']*'|"[^"]*"|\S+)/.exec(p))) { if (!/^(stdout|pstdout|program)$/i.test(m[1]!)) out.push(inDir(`: > ${q(unq(m[1]!))}`)); }
      if ((m = /\\(?:g|gx|o|out)\s*\|\s*(.+)$/s.exec(p))) {
        const cmd = m[1]!.trim();
        out.push(inDir(cmd));
        // (…and the literal text the query selects, when what it is piped to is a shell.)
        if (/^(\S*\/)?(sh|bash|dash|zsh|ksh)\b/.test(cmd)) for (const s of text.matchAll(/\bselect\s+'((?:[^']|'')*)'/gi)) out.push(inDir(s[1]!.replace(/''/g, "'")));
      }
      if (/^(mysql|mariadb)$/.test(tool)) {
        if ((m = /^(?:tee|\\T)\s*(\S+)/i.exec(p))) out.push(`: >> ${q(unq(m[1]!))}`);
        if ((m = /^system\s+(.+)$/is.exec(p))) out.push(m[1]!.replace(/;\s*$/, ''));
        if ((m = /^(?:source|\\\.)\s*(\S+)/i.exec(p))) out.push(`cat ${q(unq(m[1]!))}`);
      }
      for (const f of p.matchAll(/\bload\s+data\s+local\s+infile\s+('[^']*'|"[^"]*")/gi)) out.push(`cat ${q(unq(f[1]!))}`);
      for (const f of p.matchAll(/\binto\s+(?:outfile|dumpfile)\s+('[^']*'|"[^"]*")/gi)) out.push(`: > ${q(unq(f[1]!))}`);
      if (/^clickhouse/.test(tool)) for (const f of p.matchAll(/\bexecutable\s*\(\s*'((?:[^'\\]|\\.)*)'/gi)) out.push(f[1]!);
      if (/^clickhouse/.test(tool)) for (const f of p.matchAll(/\bfile\s*\(\s*'([^']*)'/gi)) out.push(`cat ${q(f[1]!)}`);
      if (tool === 'cqlsh') for (const f of p.matchAll(/^(?:source\s+|copy\b.*\bfrom\s+)('[^']*'|"[^"]*")/gis)) out.push(`cat ${q(unq(f[1]!))}`);
      if (tool === 'cqlsh') for (const f of p.matchAll(/^copy\b.*?\bto\s+('[^']*'|"[^"]*")/gis)) out.push(`: > ${q(unq(f[1]!))}`);
      // (INSERT INTO FUNCTION file('F') writes F; the server's own COPY … FROM 'F', pg_read_file('F') and LOAD_FILE('F') read F —
      // a development server runs as this user, on this machine.)
      if (/^clickhouse/.test(tool)) for (const f of p.matchAll(/\binsert\s+into\s+function\s+file\s*\(\s*'([^']*)'/gi)) out.push(`: > ${q(f[1]!)}`);
      if (/^(psql|pgcli)$/.test(tool)) for (const f of p.matchAll(/\bcopy\s+[\w.]+(?:\s*\([^)]*\))?\s+from\s+'([^']+)'|\bpg_read_(?:binary_)?file\s*\(\s*'([^']+)'/gi)) out.push(`cat ${q(f[1] ?? f[2]!)}`);
      if (/^(mysql|mariadb)$/.test(tool)) for (const f of p.matchAll(/\bload_file\s*\(\s*'([^']+)'/gi)) out.push(`cat ${q(f[1]!)}`);
      // (The server connects out where the text says: dblink('host=H …'), a foreign server's OPTIONS (host 'H'), a FEDERATED
      // table's CONNECTION='mysql://…@H/…' — judged as the client connecting there, as psql -h H is.)
      // (…in any of the call's strings — dblink_connect('name', 'host=H') — and as a URI: 'postgresql://u@H/db'; an option's
      // name may be quoted, OPTIONS ("host" 'H'); a FEDERATED CONNECTION in either quotes; MySQL's CREATE SERVER … OPTIONS (HOST 'H').)
      if (/^(psql|pgcli)$/.test(tool)) {
        for (const f of p.matchAll(/\bdblink\w*\s*\(((?:[^()']|'[^']*')*)\)/gi)) for (const str of f[1]!.matchAll(/'([^']*)'/g)) {
          for (const h of str[1]!.matchAll(/\bhost(?:addr)?\s*=\s*([^\s']+)/gi)) out.push(`psql -h ${q(h[1]!)}`);
          for (const h of str[1]!.matchAll(/\bpostgres(?:ql)?:\/\/(?:[^@/\s]*@)?(\[[^\]]+\]|[^:/\s,?]+)/gi)) out.push(`psql -h ${q(h[1]!)}`);
        }
      }
      if (/^(psql|pgcli|mysql|mariadb)$/.test(tool)) for (const f of p.matchAll(/\boptions\s*\(([^)]*)\)/gi)) for (const h of f[1]!.matchAll(/(?:\b|")host(?:addr)?"?\s+'([^']+)'/gi)) out.push(`${/^(mysql|mariadb)$/.test(tool) ? 'mysql' : 'psql'} -h ${q(h[1]!)}`);
      if (/^(mysql|mariadb)$/.test(tool)) for (const f of p.matchAll(/\bconnection\s*=?\s*['"]mysql:\/\/(?:[^@'"/]*@)?([^:/'"]+)/gi)) out.push(`mysql -h ${q(f[1]!)}`);
      // (The server's COPY … TO 'F' and lo_export(…, 'F') write F; EXECUTE of a string built by concatenation or format()
      // is SQL the text does not show — COPY … TO PROG' || 'RAM … — a command Rampart cannot read.)
      if (/^(psql|pgcli)$/.test(tool)) for (const f of p.matchAll(/\bcopy\s+(?:[\w.]+(?:\s*\([^)]*\))?|\((?:[^()]|\([^()]*\))*\))\s+to\s+'([^']+)'|\blo_export\s*\((?:[^()]|\([^()]*\))*,\s*'([^']+)'\s*\)/gi)) out.push(`: > ${q(f[1] ?? f[2]!)}`);
      if (/^(psql|pgcli)$/.test(tool) && /\bexecute\s+(?:format\s*\(|'[^']*'\s*\|\||[\w$]+\s*(?:;|\|\|))/i.test(p)) out.push('"$__computed_sql"');
    }
    if (/^mongo(sh)?$/.test(tool)) for (const f of text.matchAll(/\b(?:run|runProgram|_runMongoProgram|runNonMongoProgram)\s*\(([^)]*)\)/g)) {
      const words = [...f[1]!.matchAll(/"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'/g)].map((x) => x[1] ?? x[2]!);
      out.push(words.length && words.length === f[1]!.split(',').length ? words.map(q).join(' ') : 'eval "$MONGO_COMPUTED"');
    }
  }
  return out;
}

/** Whether code embedded in an editor command (`:lua …`, `:py3 …`, `:luafile F`) does more than edit. A script file named
 *  literally inside the project (not written by this line) is the project's, as `nvim -u NONE -c 'luafile scripts/x.lua'` runs it. */
export function embeddedRisk(kind: string, code: string, projectFile: (p: string) => boolean = () => false, ok: EditorCodeOk = () => false): boolean {
  if (/file$/.test(kind)) return !projectFile(code.trim());
  // (Lua: what is left once the editing and plugin forms are taken out is judged as any embedded code is.)
  if (/^lua/.test(kind)) {
    const rest = luaBenign(code, ok);
    // (vim.fn reaches every Vim function — map() and substitute() evaluate expressions, execute() runs commands: only a few that compute.)
    return LUA_RISK.test(rest) || LUA_EXTRA.test(rest) || EMBEDDED_RISK.test(rest) || [...rest.matchAll(/vim\s*\.\s*fn\s*\.\s*(\w+)/g)].some((m) => !VIM_FN_PURE.test(m[1]!));
  }
  return EMBEDDED_RISK.test(code);
}

/** Variables that make a tool run shell text (LESSOPEN='|cmd %s', PAGER, MANPAGER, MAKEFLAGS, GNUMAKEFLAGS). */
const ENV_ROWS: [RegExp, string, (v: string) => string | undefined][] = [
  [/^(less|more|man|git|view|bat|batcat)$/, 'LESSOPEN', (v) => v.replace(/^\|\|?-?/, '').replace(/%s/g, 'FILE')],
  [/^(less|more|man|git|view|bat|batcat)$/, 'LESSCLOSE', (v) => v.replace(/%s/g, 'FILE')],
  [/^(man|git|psql|mysql|systemctl|journalctl)$/, 'PAGER', (v) => v],
  [/^man$/, 'MANPAGER', (v) => v],
  // (TOX_OVERRIDE holds -x overrides separated by `;`.)
  [/^tox$/, 'TOX_OVERRIDE', (v) => v.split(/;(?=\s*[\w:.-]+\s*\+?=)/).map(toxOverride).filter((l) => l !== undefined).join('\n') || undefined],
  // (LESS holds options as if typed on less's command line: `+!CMD` and `+|CMD` run CMD through the shell when less starts.)
  [/^(less|more|man|git|view|bat|batcat|journalctl|systemctl|psql)$/, 'LESS', (v) => /(?:^|\s)\+[^!|\s]*[!|]\s*(.*)$/.exec(v)?.[1] ?? (/(?:^|\s)\+/.test(v) && /[!|]/.test(v) ? '"$__computed"' : undefined)],
  // (…and -o/-O/--log-file F there makes every less the tool starts copy what it shows into F: judged as the shell's `>> F`.)
  [/^(less|man|git|bat|batcat|journalctl|systemctl|psql)$/, 'LESS', (v) => lessArgs(lessVariableWords(v)).logFiles.map((f) => `: >> '${f.replace(/'/g, `'\\''`)}'`).join('\n') || undefined],
];

/** What a tool will run through its options, its stdin script or its environment. */
export function commandOptions(tool: string, args: readonly string[], env: Readonly<Record<string, string | undefined>>, stdinText?: string, fileText: (p: string) => string | undefined = () => undefined, editorOk: EditorCodeOk = () => false): RunsFound {
  const out: RunsFound = { lines: [], container: [], spawns: [], unreadable: [] };
  const q = (w: string) => `'${w.replace(/'/g, `'\\''`)}'`;
  // Command files given by option (sqlite3 -init/.read, psql -f, gdb -x, lldb -s/-S, ex/vim -S):
  // when this line wrote them, their text is read like stdin.
  const fileOpt = { make: /^(-f|--file|--makefile)$/, gmake: /^(-f|--file|--makefile)$/, sqlite3: /^-init$/, psql: /^(-f|--file)$/, gdb: /^(-x|--command|-ix|--init-command)$/, lldb: /^(-s|--source|-S|--source-before-file|-source-quietly)$/ }[tool];
  // (A makefile this line wrote is judged with its variables where it is built; here only one from a process substitution.)
  const given = fileOpt ? args.map((a, k) => (fileOpt.test(args[k - 1] ?? '') && (!/make$/.test(tool) || !/^[\w.~/-]+$/.test(a) || /^\/dev\/fd\//.test(a)) ? fileText(a) : undefined)).filter((t): t is string => t !== undefined) : [];
  if (tool === 'sqlite3' || tool === 'duckdb') for (const a of args) for (const m of a.matchAll(/^\s*\.rea?d?\s+(\S+)/gm)) { const t = fileText(m[1]!.replace(/^['"]|['"]$/g, '')); if (t !== undefined) given.push(t); }
  for (const t of given) {
    if (tool === 'sqlite3' || tool === 'duckdb') { const l = sqliteShell(t); if (l) out.lines.push(l); }
    if (tool === 'make' || tool === 'gmake') out.lines.push(...makeRecipes(t));
    for (const l of t.split('\n')) {
      const m = (tool === 'psql' ? /^\s*\\!\s*(.*)$/ : tool === 'gdb' ? /^\s*(?:!|shell\s+)(.*)$/ : tool === 'lldb' ? /^\s*(?:pl(?:a(?:t(?:f(?:o(?:r(?:m)?)?)?)?)?)?\s+sh(?:e(?:l(?:l)?)?)?|shell)\s+(.*)$/ : /^$/).exec(l);
      if (m && m[1]) out.lines.push(m[1]);
    }
  }
  // docker/podman build with a Dockerfile this line gives (-f - from a heredoc, or a file it wrote):
  // its RUN instructions are shell lines, judged as this machine's (they run with the network).
  if (/^(docker|podman|nerdctl|buildah)$/.test(tool) && args.some((a) => /^(build|buildx|bud|build-using-dockerfile)$/.test(a))) {
    const file = args.map((a, k) => (/^(-f|--file)$/.test(args[k - 1] ?? '') ? a : /^--file=/.test(a) ? a.slice(7) : /^-f./.test(a) ? a.slice(2) : undefined)).find((x) => x !== undefined);
    const text = file === '-' || (file === undefined && args.at(-1) === '-') ? stdinText : file !== undefined ? fileText(file) : undefined;
    if (text !== undefined) out.container.push(...dockerfileRuns(text));
  }
  // tmux pipe-pane CMD runs CMD on the pane's output; save-buffer / screen's hardcopy and log write a file.
  // (Each tmux command of a `\;` list; the write is judged as the shell's `>> FILE` would be.)
  if (tool === 'tmux') {
    // (tmux -c SHELL-COMMAND runs it in the default shell, as sh -c does.)
    const c = args.findIndex((a) => a === '-c');
    if (c >= 0 && args[c + 1] !== undefined && args.slice(0, c).every((a) => a.startsWith('-'))) out.lines.push(args[c + 1]!);
    // (tmux -f FILE reads FILE as its configuration when the server starts: its commands run as source-file's do.)
    const conf = args.findIndex((a, k) => a === '-f' && args.slice(0, k).every((x) => x.startsWith('-')));
    const confText = conf >= 0 ? fileText(args[conf + 1] ?? '') : undefined;
    if (confText !== undefined) out.lines.push(...confText.split('\n').filter((l) => l.trim() !== '' && !/^\s*#/.test(l)).map((l) => `tmux ${l}`));
    const cmds: string[][] = [[]];
    for (const a of args) if (a === ';' || a === '\\;') cmds.push([]); else cmds.at(-1)!.push(a);
    for (const c of cmds) {
      // (load-buffer F fills a buffer that is pasted — typed — into a pane: F's lines run there, as set-buffer's text does;
      // source-file F runs F's tmux commands.)
      const loader = c.findIndex((a) => /^(load-buffer|loadb|source-file|source)$/.test(a));
      if (loader >= 0) {
        const f = c.slice(loader + 1).filter((a, k, all) => (!a.startsWith('-') || a === '-') && !/^(-b|-t)$/.test(all[k - 1] ?? '')).at(-1);
        const text = f === '-' || f === '/dev/stdin' ? stdinText : f !== undefined ? fileText(f) : undefined;
        const ls = (text ?? '').split('\n').filter((l) => l.trim() !== '' && !/^\s*#/.test(l));
        out.lines.push(...(/^(load-buffer|loadb)$/.test(c[loader]!) ? ls : ls.map((l) => `tmux ${l}`)));
        continue;
      }
      const verb = c.findIndex((a) => /^(pipe-pane|pipep|save-buffer|saveb|run-shell|run|display-popup|popup|set-hook|if-shell|if)$/.test(a));
      if (verb < 0) continue;
      const ops = c.slice(verb + 1).filter((a, k, all) => !a.startsWith('-') && !/^(-b|-t|-d)$/.test(all[k - 1] ?? ''));
      if (/^(save-buffer|saveb)$/.test(c[verb]!) && ops.length) out.lines.push(`: >> ${q(ops.at(-1)!)}`);
      // (set-hook NAME 'run-shell CMD': CMD runs on the event; if-shell TEST A B runs TEST, then tmux commands.)
      else if (/^(set-hook|if-shell|if)$/.test(c[verb]!)) { for (const o of ops.slice(1)) out.lines.push(o.replace(/^\s*(run-shell|run)\s+(-b\s+)?/, '').replace(/^\s*(["'])([\s\S]*)\1\s*$/, '$2')); }
      else if (ops.length) out.lines.push(ops.at(-1)!);
    }
  }
  if (tool === 'screen') {
    // (-Logfile FILE with -L logs the window's output there, as `>> FILE`.)
    const logfile = args.find((a, k) => args[k - 1] === '-Logfile');
    if (logfile !== undefined) out.lines.push(`: >> ${q(logfile)}`);
    const x = args.indexOf('-X');
    const cmd = x >= 0 ? args.slice(x + 1) : [];
    if (/^(hardcopy|log|logfile|writebuf|bufferfile)$/.test(cmd[0] ?? '')) { const f = cmd.slice(1).filter((a) => !a.startsWith('-') && !/^(on|off)$/.test(a)).at(-1); if (f) out.lines.push(`: >> ${q(f)}`); }
    if (/^(exec|screen)$/.test(cmd[0] ?? '') && cmd.length > 1) out.lines.push(cmd.slice(1).map(q).join(' '));
    // (readbuf F fills the paste buffer — typed by a later paste; source F runs F's screen commands.)
    if (/^(readbuf|source)$/.test(cmd[0] ?? '') && cmd[1] !== undefined) {
      const ls = (fileText(cmd.at(-1)!) ?? '').split('\n').filter((l) => l.trim() !== '' && !/^\s*#/.test(l));
      out.lines.push(...(cmd[0] === 'readbuf' ? ls : ls.map((l) => `screen -X ${l}`)));
    }
    // screen -X stuff TEXT types TEXT into the window's shell: each line of it runs there.
    if (cmd[0] === 'stuff' && cmd[1] !== undefined) out.lines.push(...cmd[1].replace(/\^M|\\r|\\n|\r/g, '\n').split('\n').filter((l) => l.trim() !== ''));
  }
  // lldb launching a shell as its target with arguments: that shell runs them.
  if (tool === 'lldb' && args.some((a) => /\bprocess\s+launch\b|^r(un)?\b/.test(a)) && args.some((a) => /^(\S*\/)?(sh|bash|dash|zsh)$/.test(a))) out.spawns.push('lldb launches a shell as its target');
  const rows = ROWS[tool] ?? [];
  // (Read as the tool's getopt reads them, where its options are known: -fo'|cmd', -qo '|cmd', --out=F are -o VALUE.)
  const words = OPTION_TABLES[tool] ? optionWords(args, OPTION_TABLES[tool]) : args;
  for (let i = 0; i < words.length; i++) {
    const a = words[i]!;
    for (const row of rows) {
      let value: string | undefined;
      if (row.opts.source === '^[^-]') value = a.startsWith('-') ? undefined : a; // operands
      else if (row.opts.test(a)) value = a.startsWith('+') ? a.slice(1) : words[i + 1];
      else {
        const eq = a.indexOf('=');
        if (eq > 0 && row.opts.test(a.slice(0, eq))) value = a.slice(eq + 1);
        else if (/^-[A-Z]$/.test(a.slice(0, 2)) && row.opts.test(a.slice(0, 2)) && a.length > 2) value = a.slice(2);
      }
      if (value === undefined) continue;
      if (row.ask !== undefined) {
        if (row.when?.(value) ?? true) out.unreadable.push(row.ask);
        continue;
      }
      if (row.opaque) {
        if ((tool !== 'lldb' || (row.opaque.startsWith('lldb imports') ? /^\s*com(?:m(?:a(?:n(?:d)?)?)?)?\s+scr(?:i(?:p(?:t)?)?)?\s+i(?:m(?:p(?:o(?:r(?:t)?)?)?)?)?\b/.test(value) && !/^\s*com(?:m(?:a(?:n(?:d)?)?)?)?\s+scr(?:i(?:p(?:t)?)?)?\s+i(?:m(?:p(?:o(?:r(?:t)?)?)?)?)?\s+(?:-\S+\s+)*["']?(\.\/)?(?!\.\.|\/|~)[\w./-]+["']?\s*$/.test(value) : /^\s*scr(?:i(?:p(?:t)?)?)?\b/.test(value))) && (tool !== 'gdb' || (row.opaque.startsWith('gdb calls') ? /^\s*(call|print|p|output)\b.*\b(system|popen|exec\w*|dlopen|unlink|remove)\s*\(\s*[^"\s]/.test(value) : /^\s*(pi|python-interactive|compile|expression|gu|guile|source|py(?:t(?:h(?:o(?:n)?)?)?)?\s*$|(?:pipe|\|)(?![^|]*\|))\b/.test(value))) && (tool !== 'tar' || /^exec/.test(value)) && (!/make$/.test(tool) || /^\s*-?load\s/m.test(value))) out.spawns.push(row.opaque);
        continue;
      }
      const line = row.shell?.(value, args);
      if (line !== undefined && line.trim() !== '') out.lines.push(line);
      if (ROWS.vim === rows && (VIM_EXEC.test(value) || ((e) => e !== null && e[2] !== undefined && !/file$/.test(e[2]) && embeddedRisk(e[2], e[3] ?? '', undefined, editorOk))(EMBEDDED.exec(value)))) out.spawns.push(`${tool} runs a program or deletes files through its commands`);
      // Files the editor's own functions write (vim writefile(…, "F"), emacs write-region/append-to-file/write-file/copy-file … "F"):
      // judged as the shell's `>> F`; one whose name is computed is not understood.
      const fileWrites: (string | undefined)[] = ROWS.vim === rows
        ? [...value.matchAll(/\bwritefile\s*\(/g)].map((m) => {
          // (The second argument names the file, whatever the first computes: writefile(getline(1, 20), "/tmp/h.txt").)
          const second = callArgs(value.slice(m.index! + m[0].length))[1] ?? '';
          const w = /^\s*(?:"([^"]*)"|'([^']*)'|expand\s*\(\s*["']([^"']*)["']\s*\))\s*$/.exec(second);
          return w ? w[1] ?? w[2] ?? w[3] : undefined;
        })
        // (elisp that writes — with-temp-file, find-file then save-buffer, url-copy-file, add-name-to-file … — may write to any
        // file its strings name: each path-like string is judged as a write, and so is each file the command line visits;
        // a writer given a computed name is not understood.)
        : /^emacs(client)?$/.test(tool) && /\((with-temp-file|find-file\S*|save-buffer|save-some-buffers|write-region|append-to-file|write-file|copy-file|rename-file|add-name-to-file|url-copy-file|make-symbolic-link|copy-directory|basic-save-buffer)\b/.test(value)
          ? [...[...value.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => elispString(m[1]!)).filter((t) => /^(~|\.{1,2}\/|\/)|\//.test(t) && !/^https?:|\s/.test(t)),
            ...(/save-buffer|save-some-buffers/.test(value) ? args.filter((x) => !x.startsWith('-') && x !== value) : []),
            ...(/\((with-temp-file|write-region|append-to-file|write-file|copy-file|rename-file|add-name-to-file|url-copy-file)\s+[^"\s]/.test(value) || /\((getenv|expand-file-name|concat|format)\b/.test(value) ? [undefined] : [])]
          : [];
      for (const path of fileWrites) {
        if (path) out.lines.push(`: >> ${q(path)}`);
        else out.spawns.push(`${tool} writes a file whose name it computes`);
      }
      // (…a (shell-command "…") of a literal is judged as that line; one given a computed string runs anything.)
      // (…and deletes, moves and copies of literal names are the rm -rf, mv and cp they are: read as those lines.)
      // (Escapes decoded — "\x7e" and "\176" are ~ — and names resolved from the working directory, so only when the code
      // changes no directory: (cd …), default-directory.)
      // (A change of directory — cd, cd-absolute, default-directory, dired, a directory visited — moves where relative names resolve.)
      const movesDir = /\((cd|cd-absolute|dired\S*|ediff-directories)\s|default-directory|\(find-file\S*\s+"[^"]*\/"|\(find-file\S*\s+"(?:\/|~\/?)"/.test(args.join('\n'));
      if (/^emacs(client)?$/.test(tool)) for (const m of value.matchAll(/\((delete-file|delete-directory|dired-delete-file|move-file-to-trash)\s+"((?:[^"\\]|\\.)*)"/g)) out.lines.push(`rm -rf ${q(elispString(m[2]!))}`);
      const literalCalls = /\((?:shell-command|shell-command-to-string|async-shell-command|compile|call-process-shell-command|delete-file|delete-directory|dired-delete-file|move-file-to-trash)\s+"(?:[^"\\]|\\.)*"[^()]*\)|\((?:rename-file|copy-file|f-copy|f-move)\s+"(?:[^"\\]|\\.)*"\s+"(?:[^"\\]|\\.)*"[^()]*\)/g;
      if (/^emacs(client)?$/.test(tool) && (ELISP_EXEC.test(movesDir ? value : value.replace(literalCalls, '')) || /\b(funcall|apply|intern|eval)\b/.test(value) && /shell-command|call-process|start-process|delete-|process-/.test(value))) out.spawns.push('emacs elisp runs programs or deletes files');
      // elisp that visits files (find-file, insert-file-contents …) reads them — printed with princ/message — and its
      // network calls (url-retrieve, url-copy-file, eww, open-network-stream, make-network-process) reach their host,
      // with what it read: judged as cat F and curl -d @F URL; a host it computes is not understood.
      if (/^emacs(client)?$/.test(tool)) {
        // (f.el's f-read/f-read-text/f-read-bytes and insert-file read a file as insert-file-contents does; copy-file and
        // rename-file are cp and mv, so what the line does with the copy later is followed.)
        const visited = [...value.matchAll(/\((?:find-file(?:-noselect|-literally|-other-window|-other-frame)?|insert-file(?:-contents(?:-literally)?|-literally)?|view-file|find-file-read-only|f-read(?:-text|-bytes)?|file-to-string)\s+"((?:[^"\\]|\\.)*)"/g)].map((m) => elispString(m[1]!));
        for (const f of visited) out.lines.push(`cat ${q(f)}`);
        for (const m of value.matchAll(/\((copy-file|rename-file|f-copy|f-move)\s+"((?:[^"\\]|\\.)*)"\s+"((?:[^"\\]|\\.)*)"/g)) out.lines.push(`${/copy/.test(m[1]!) ? 'cp' : 'mv'} ${q(elispString(m[2]!))} ${q(elispString(m[3]!))}`);
        // (Every URL its strings name is a request to that host — url-retrieve, plz, request, eww, websocket-open … — carrying what it read.)
        // (…when it calls anything that fetches: (message "https://…") only prints.)
        const fetches = /\((url-\w+|mm-url-\S+|plz|request|eww\S*|browse-url\S*|open-network-stream|network-stream-open\S*|make-network-process|websocket-open|package-install\S*|package-vc-install|quelpa|straight-use-package|el-get\S*|ffap\S*|w3m\S*|restclient\S*|request-deferred)\b/.test(value);
        const urls = fetches ? [...value.matchAll(/"((?:https?|wss?|ftp):\/\/(?:[^"\\]|\\.)*)"/g)].map((m) => m[1]!) : [];
        const NET_FN = /\((?:open-network-stream|network-stream-open[\w-]*|make-network-process|open-gnutls-stream|gnutls-open-stream|open-protocol-stream)\s+/g;
        const hosts = [...value.matchAll(/\((?:(?:open-network-stream|network-stream-open[\w-]*|open-gnutls-stream|gnutls-open-stream|open-protocol-stream)\s+(?:"[^"]*"|\S+)\s+(?:"[^"]*"|\S+)\s+"([^"]+)"\s+(\d+|"[^"]*"|'\w+)|make-network-process\b[^)]*?:host\s+"([^"]+)"(?:[^)]*?:service\s+(\d+))?)/g)].map((m) => [m[1] ?? m[3]!, (m[2] ?? m[4] ?? '80').replace(/\D/g, '') || '80'] as const);
        for (const u of urls) out.lines.push(visited.length ? visited.map((f) => `curl -d @${q(f)} ${q(u)}`).join('\n') : `curl ${q(u)}`);
        for (const [h, p] of hosts) out.lines.push(visited.length ? `nc ${q(h)} ${p} < ${q(visited[0]!)}` : `nc ${q(h)} ${p}`);
        // (Code fetched and then evaluated — eval-buffer, eval-region, load, (eval (read …)) — is download-then-run.)
        if (urls.length && /\((eval-buffer|eval-region|load|load-file|eval\s+\(read|package-install-file)\b/.test(value)) out.lines.push(`curl ${q(urls[0]!)} | sh`);
        if (/\((url-retrieve(?:-synchronously)?|url-copy-file|eww|open-network-stream|make-network-process|request|plz|websocket-open)\s+[^"\s']/.test(value) || [...value.matchAll(NET_FN)].length > hosts.length) out.spawns.push('emacs elisp opens a network connection to a computed address');
      }
    }
  }
  // sqlite3 and friends read their commands from stdin too; ed's `!cmd`, `r !cmd`, `w !cmd` run commands.
  if (DB_CLIENT[tool]) out.lines.push(...dbClientLines(tool, args, stdinText, fileText));
  if (stdinText !== undefined && (tool === 'sqlite3' || tool === 'duckdb' || tool === 'psql' || tool === 'mysql')) {
    for (const l of stdinText.split('\n')) {
      const m = /^\s*(?:\.(?:shell|system)|\\!|\\o\s*\||system)\s+(.*)$/.exec(l);
      if (m) out.lines.push(m[1]!);
    }
    const piped = tool === 'sqlite3' || tool === 'duckdb' ? sqliteShell(stdinText) : undefined;
    if (piped) out.lines.push(piped);
  }
  if (stdinText !== undefined && (tool === 'ed' || tool === 'red')) {
    // (Text after a, i or c up to a lone `.` is what goes into the buffer, not commands.)
    let text = false;
    for (const l of stdinText.split('\n')) {
      if (text) { text = l !== '.'; continue; }
      // ('c after a quote is mark c's address, not the c command: 1kc then 'c prints a line, and what follows is commands.)
      if (new RegExp(`^${ED_ADDRESS}[aic]\\s*$`).test(l)) { text = true; continue; }
      const m = /^\s*[0-9,.$;'a-z+-]*\s*[erwEW]?\s*!(.*)$/.exec(l);
      if (m) out.lines.push(m[1]!);
      // (`w FILE`, `W FILE`, `wq FILE` write the buffer to FILE: judged as a write there.)
      // (…after any address — a mark 'a, a pattern /re/ — and in a g/re/ command list.)
      const w = new RegExp(`^${ED_ADDRESS}(?:[gGvV]/(?:[^/\\\\]|\\\\.)*/)?\\s*(?:wq?|W)\\s+([^\\s!].*?)\\s*$`).exec(l);
      if (w && !m) out.lines.push(`: >> ${quote(w[1]!)}`);
    }
  }
  // Maven's exec plugin runs -Dexec.executable with -Dexec.args (exec:exec): no shell — the args are split into words
  // and Maven fills in its own ${…} properties.
  if (/^mvnw?$/.test(tool)) {
    const prop = (k: string) => args.map((a, j) => (a === '-D' ? args[j + 1] ?? '' : a.replace(/^-D/, ''))).find((a) => a.startsWith(`${k}=`))?.slice(k.length + 1);
    const exe = prop('exec.executable');
    if (exe !== undefined) out.lines.push([mavenWord(exe), ...mavenArgs(prop('exec.args') ?? '').map(mavenWord)].join(' '));
  }
  // fd -x/-X CMD: runs CMD on what it finds under its search paths (like find -exec).
  if (tool === 'fd' || tool === 'fdfind') {
    const k = args.findIndex((a) => /^(-x|--exec|-X|--exec-batch)(=|$)/.test(a));
    if (k >= 0) {
      const inline = /^--exec(-batch)?=(.*)$/s.exec(args[k]!)?.[2];
      const cmd = inline !== undefined ? [inline, ...args.slice(k + 1)] : args.slice(k + 1);
      const end = cmd.indexOf(';');
      const words = end >= 0 ? cmd.slice(0, end) : cmd;
      const valued = /^(-e|--extension|-t|--type|-d|--max-depth|--min-depth|--exact-depth|-E|--exclude|-S|--size|--changed-within|--changed-before|--newer|--older|-o|--owner|-j|--threads|--base-directory|--search-path|-c|--color|--ignore-file|--max-results|--format|--batch-size|--path-separator)$/;
      const before = args.slice(0, k);
      const ops = before.filter((a, j) => !a.startsWith('-') && !valued.test(before[j - 1] ?? ''));
      const optDirs = before.flatMap((a, j) => (/^(--search-path|--base-directory)$/.test(before[j - 1] ?? '') ? [a] : /^--(search-path|base-directory)=/.test(a) ? [a.slice(a.indexOf('=') + 1)] : []));
      const dirs = optDirs.length ? optDirs : ops.slice(1).length ? ops.slice(1) : ['.'];
      // A pattern that is one literal name (^\.env$, id_rsa) names what is found.
      const pat = ops[0];
      const literal = pat && /^\^?[\w\\.-]+\$?$/.test(pat) ? pat.replace(/^\^|\$$/g, '').replace(/\\(.)/g, '$1') : undefined;
      const q = (w: string) => (/^[\w@%+=:,./~-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`);
      for (const d of dirs) {
        const found = `${d.replace(/\/+$/, '')}/${literal && literal !== '.' ? literal : 'FOUND'}`;
        out.lines.push(words.some((w) => w.includes('{}')) ? words.map((w) => q(w.replace(/\{\}/g, found))).join(' ') : [...words.map(q), found].join(' '));
      }
    }
  }
  if (stdinText !== undefined && ROWS.vim === rows && /(^|\n)\s*:?\s*!|\bsystem\s*\(/.test(stdinText)) out.spawns.push(`${tool} runs commands it reads from stdin`);
  // (GNU make reads GNUMAKEFLAGS as it reads MAKEFLAGS, before it: both carry --eval text.)
  if (tool === 'make' || tool === 'gmake') for (const flags of [env.GNUMAKEFLAGS, env.MAKEFLAGS]) {
    const ev = flags ? /(?:--eval=|-E\s*)(.*)$/s.exec(flags) : null;
    if (ev) out.lines.push(...makeRecipes(ev[1]!));
  }
  // cmake -P/-C/--toolchain SCRIPT, ctest -S SCRIPT: the script's file and process commands (from stdin, a process
  // substitution, a file this line wrote).
  if (tool === 'cmake' || tool === 'ctest') for (const file of cmakeScripts(tool, args)) {
    const script = /^(-|\/dev\/stdin|\/dev\/fd\/0)$/.test(file) ? stdinText : fileText(file);
    // (As one script: a file downloaded and then included is download-then-run.)
    if (script !== undefined) { if (cmakeCommands(script).length) out.lines.push(cmakeCommands(script).join('\n')); }
    else if (/^(-|\/dev\/stdin|\/dev\/fd\/\d+)$|^<\(/.test(file)) out.unreadable.push(`${tool} reads a script Rampart cannot read`);
  }
  if ((tool === 'make' || tool === 'gmake') && args.some((a, k) => (a === '-f' || a === '--file') && /^(-|\/dev\/stdin|\/dev\/fd\/\d+)$/.test(args[k + 1] ?? ''))) {
    if (stdinText !== undefined) out.lines.push(...makeRecipes(stdinText));
    else out.unreadable.push('make reads its makefile from stdin');
  }
  // (make -f <(gzip -dc mk.gz): a makefile from a process substitution whose output is not known runs recipes nobody read.)
  if ((tool === 'make' || tool === 'gmake') && args.some((a, k) => /^(-f|--file|--makefile)$/.test(args[k - 1] ?? '') && /^<\(/.test(a) && fileText(a) === undefined)) out.unreadable.push('make reads its makefile from a process substitution Rampart cannot read');
  // A bare shell or interpreter given text (vim's :w !sh, :%!sh, a pager of sh) runs that text as code.
  out.lines = out.lines.filter((l) => {
    if (!/^\s*(\S*\/)?(sh|bash|dash|zsh|ksh|python[\d.]*|perl|ruby|node|php)\s*$/.test(l)) return true;
    out.spawns.push(`${tool} feeds text to ${l.trim()} as code`);
    return false;
  });
  for (const [tools, name, toLine] of ENV_ROWS) {
    const v = env[name];
    if (v && tools.test(tool)) {
      const line = toLine(v);
      if (line && line.trim()) out.lines.push(line);
    }
  }
  return out;
}

/** Maven's split of exec.args (plexus CommandLineUtils): words at blanks, '…' and "…" group, no escapes. */
function mavenArgs(text: string): string[] {
  const words: string[] = [];
  let cur: string | undefined;
  let q: string | undefined;
  for (const c of text) {
    if (q !== undefined) {
      if (c === q) q = undefined;
      else cur += c;
    } else if (c === "'" || c === '"') {
      q = c;
      cur ??= '';
    } else if (/\s/.test(c)) {
      if (cur !== undefined) words.push(cur);
      cur = undefined;
    } else cur = (cur ?? '') + c;
  }
  if (cur !== undefined) words.push(cur);
  return words;
}

/** One word Maven hands the program, as shell text: literal, but for the properties Maven fills in — ${env.NAME} is that
 *  environment variable, ${user.home} is HOME, any other (the pom's, settings', -D's) a value only known when it runs. */
function mavenWord(word: string): string {
  const lit = (t: string) => t.replace(/["\\$`]/g, '\\$&');
  let out = '';
  let at = 0;
  for (const m of word.matchAll(/\$\{([^}]*)\}/g)) {
    out += lit(word.slice(at, m.index));
    const env = /^env\.([A-Za-z_]\w*)$/.exec(m[1]!);
    out += env ? `\${${env[1]}}` : m[1] === 'user.home' ? '${HOME}' : '${__maven_property}';
    at = m.index! + m[0].length;
  }
  return `"${out}${lit(word.slice(at))}"`;
}

/** An ed address or range: line numbers, . $ ; , + -, a mark ('a), a pattern (/re/ or ?re?), with blanks between. */
const ED_ADDRESS = String.raw`(?:[0-9,.$;+\s-]|'[a-z]|/(?:[^/\\]|\\.)*/|\?(?:[^?\\]|\\.)*\?)*`;
