// Programs the judge has no model of are judged by the words they are given: a wrapper the judge
// has never heard of (setarch, prlimit, chronic, pnpm exec, docker run IMAGE …) still runs the
// guarded tool, shell or interpreter that follows it, and a program that takes a command string
// (`sg users -c '…'`, `nodemon --exec '…'`, `nix-shell --run '…'`) still runs that string. Only
// programs known to treat their operands as data (grep, echo, man, which …) are waved through.
import { posix } from 'node:path';
import { ANALYZERS } from '../analyzers/index.js';
import { AGENT_TOOLS } from '../analyzers/agents.js';
import { languageOf } from './interpreters.js';
import { NETWORK_TOOLS } from './state.js';
import { isShell, quote, unwrap } from './unwrap.js';
import { parseShell } from '../shell/index.js';

/** Programs whose operands are text, patterns or names: never a command they run. */
export const DATA_PROGRAMS: Set<string> = new Set([
  'echo', 'printf', 'grep', 'egrep', 'fgrep', 'rg', 'ag', 'ack', 'git-grep', 'man', 'info', 'apropos', 'whatis', 'help', 'which', 'whereis', 'type',
  'command', 'hash', 'alias', 'unalias', 'complete', 'compgen', 'cat', 'tac', 'less', 'more', 'head', 'tail', 'wc', 'sort', 'uniq', 'cut', 'tr', 'jq', 'yq',
  'test', '[', '[[', 'true', 'false', ':', 'ls', 'stat', 'file', 'basename', 'dirname', 'realpath', 'readlink', 'date', 'sleep', 'seq', 'mkdir', 'diff',
  'cmp', 'comm', 'du', 'df', 'id', 'whoami', 'uname', 'hostname', 'export', 'declare', 'local', 'readonly', 'set', 'unset', 'shift', 'read', 'return',
  'exit', 'cd', 'pushd', 'popd', 'dirs', 'history', 'printenv', 'locale', 'tput', 'clear', 'column', 'fold', 'paste', 'nl', 'rev', 'expand', 'unexpand',
  'md5sum', 'sha1sum', 'sha256sum', 'sha512sum', 'cksum', 'b2sum', 'wait', 'jobs', 'fg', 'bg', 'disown', 'umask', 'ulimit', 'getopts', 'let',
  'pgrep', 'pidof', 'pkill', 'killall',
  // rampart itself: its verdict commands print; `rampart run -- CMD` is unwrapped by the judge.
  'rampart',
]);
/** Of those, the ones that only show, search or compare text and names: they build and run nothing. */
export const TEXT_PROGRAMS: ReadonlySet<string> = new Set(DATA_PROGRAMS);
// Tools Rampart models (their analyzers read their operands).
for (const k of Object.keys(ANALYZERS)) if (!['npx', 'pnpm', 'yarn', 'uv', 'uvx', 'poetry', 'pipx', 'bun', 'deno', 'gh', 'fab'].includes(k)) DATA_PROGRAMS.add(k);

const OTHERS = new Set(['rm', 'shred', 'dd', 'crontab', 'systemctl', 'chmod', 'chown', 'mv', 'cp', 'ln', 'tee', 'truncate', 'find', 'xargs', 'kill', 'pkill', 'killall', 'rampart', 'eval', 'exec', 'source', '.']);

/** True for a word that names a program the judge should judge when something runs it. */
export function isCommandWord(word: string): boolean {
  if (!/^[\w./+-]+$/.test(word) || /^-/.test(word)) return false;
  const name = posix.basename(word);
  if (word.includes('/') && !word.startsWith('/') && !word.startsWith('./')) return false; // a relative path with a dir: data
  return NETWORK_TOOLS.has(name) || OTHERS.has(name) || isShell(name) || languageOf(name) !== undefined || AGENT_TOOLS.includes(name) || unwrap(name, []) !== undefined;
}

/** A string that reads as a command line starting with a program worth judging (`curl -d @.env …`). */
function commandString(s: string): boolean {
  const first = s.trim().split(/\s+/)[0] ?? '';
  // A command line by its first word, or by its shape: a pipeline, a list, a redirection, a substitution.
  return /\s/.test(s.trim()) && isCommandWord(first.replace(/^['"]|['"]$/g, ''));
}

/** A string shaped like a command line: a pipeline, a list or a redirection. */
const shellShaped = (s: string): boolean => /\S\s*(\|\|?|&&|;|>>?|<)\s*\S/.test(s);
/** Options whose value is a command line (nodemon --exec, sg -c, nix-shell --run, entr -s, chokidar -c). */
const COMMAND_FLAG = /^(-c|-x|-s|--command|--exec|--run|--cmd|--shell|--eval|--on-change|--command-string)$/;
/** Programs whose operands are command lines (concurrently 'a' 'b', watchexec -- 'cmd'). */
const COMMAND_RUNNERS = new Set(['concurrently', 'npm-run-all', 'run-p', 'run-s', 'watchexec', 'onchange', 'nodemon', 'chokidar', 'entr', 'sg', 'nix-shell', 'direnv', 'flock', 'hyperfine', 'retry', 'until', 'ts-node-dev']);

/**
 * A string only guessed to be a command line (it follows -c or `--`, and has a pipe, a list or a
 * redirection) is one when the shell can read it and each command in it starts with a program's
 * name: SQL (`select count(*) … > now()`), a test filter (`-t "renders (a|b)"`, `test[a>b]`) is not.
 */
function guessedShell(v: string): boolean {
  // (A program worth judging named anywhere in it — after an assignment, behind a `(` that stops
  // the parse — keeps it a command line: only text that names none is let go.)
  if (v.split(/[\s;&|()<>`"']+/).some((w) => w !== '' && isCommandWord(w))) return true;
  const parsed = parseShell(v);
  if (!parsed.ok) return false;
  return v.split(/\|\|?|&&|;|\n/).every((seg) => {
    const first = seg.trim().split(/\s+/).find((w) => !/^[A-Za-z_]\w*=/.test(w)) ?? '';
    return first === '' || /^[\w.+/~-]+$/.test(first.replace(/^["']|["']$/g, '')) && !/^(select|insert|update|delete|with|create|drop|alter|copy|show|explain|from|where)$/i.test(first);
  });
}

export interface OperandCommands {
  /** The argv from the first word that names a program onwards, if any. */
  suffix?: string[];
  /** The suffix surely is the command run, not an option's value that names a program
   *  (pdm run python, pnpm exec bash, conda run -n x python; not shellcheck -s bash). */
  runs?: boolean;
  /** The directory the suffix runs in, when the runner is told one. */
  cwd?: string;
  /** Operand strings (or --opt=string values) that read as command lines. */
  strings: string[];
}

/** The values inside a deploy tool's variable: JSON string leaves, quoted strings (HCL, ansible's a="…"), and a=b,c=d parts. */
function deployValues(a: string): string[] {
  const out: string[] = [];
  const text = a.replace(/^-{1,2}[\w-]+=/, '');
  const leaves = (v: unknown): void => { if (typeof v === 'string') out.push(v); else if (v && typeof v === 'object') for (const x of Object.values(v)) leaves(x); };
  try { leaves(JSON.parse(text.replace(/^[\w.-]+\s*=\s*/, ''))); } catch { /* not JSON */ }
  for (const m of text.matchAll(/"((?:[^"\\]|\\.)*)"|'([^']*)'/g)) out.push((m[1] ?? m[2] ?? '').replace(/\\(["\\])/g, '$1'));
  for (const part of text.split(/,(?=[\w.-]+=)/)) { const m = /^[\w.-]+=(.*)$/s.exec(part.trim()); if (m) out.push(m[1]!); }
  return out;
}

/** Deploy tools whose variables and context values are handed to what they run: terraform -var, cdk -c, serverless --param. */
const DEPLOY_TOOLS = /^(terraform|tofu|terragrunt|ansible|ansible-playbook|helm|pulumi|packer|nomad|waypoint|cdk|cdktf|serverless|sls|sst|amplify)$/;

/** What an unmodelled program may run, read from its operands. */
export function operandCommands(name: string, args0: readonly string[], env: Readonly<Record<string, string | undefined>> = {}): OperandCommands {
  const out: OperandCommands = { strings: [] };
  // (A debugger's -ex/-o values are its own commands, read in command-options: python CODE is no shell line. What it runs — gdb --args
  // PROG, lldb -- PROG — is still found below.)
  const DEBUGGER_CMD = name === 'gdb' ? /^(-ex|--ex|-iex|--eval-command|--init-eval-command)$/ : name === 'lldb' ? /^(-o|--one-line|-O|--one-line-before-file|-k|--one-line-on-crash|-K|--source-on-crash)$/ : undefined;
  const args = DEBUGGER_CMD ? args0.filter((a, k) => !DEBUGGER_CMD.test(a) && !DEBUGGER_CMD.test(args0[k - 1] ?? '')) : args0;
  // (bash's `jobs -x CMD ARGS` runs CMD, its job specs replaced by process groups.)
  if (name === 'jobs' && args[0] === '-x' && args.length > 1) return { strings: [], suffix: args.slice(1), runs: true };
  // A deploy tool's variable whose value is a command line (terraform -var 'cmd=curl … | sh', ansible -e 'cmd="…"',
  // helm --set hook=…, pulumi config set) is there to be run by what reads it: a local-exec, a shell task.
  if (DEPLOY_TOOLS.test(name)) {
    // (Every value in it counts: TF_VAR_x / PKR_VAR_x variables, JSON and HCL lists and maps, helm's a=b,c=d, ansible's
    // a=1 b="…", and ansible lookups — lookup('pipe', CMD) runs CMD, lookup('file', F) reads F.)
    const fromEnv = Object.entries(env).filter(([k]) => /^(TF_VAR_|PKR_VAR_|NOMAD_VAR_)\w+$/.test(k)).map(([k, v]) => `${k}=${v ?? ''}`);
    for (const a of [...args, ...fromEnv]) {
      for (const m of a.matchAll(/\b(?:lookup|query|q)\s*\(\s*['"](pipe|file|template|fileglob|first_found)['"]\s*,\s*['"]([^'"]+)['"]/g)) out.strings.push(m[1] === 'pipe' ? m[2]! : `cat ${quote(m[2]!)}`);
      const kv = /^(?:-{1,2}[\w-]+=)?["']?[\w.-]+\s*[=:]\s*(.*)$/s.exec(a);
      const vals = [kv?.[1]?.replace(/^(["'])(.*)\1["']?$/s, '$2').replace(/["']$/, ''), ...deployValues(a)];
      for (const val of new Set(vals)) {
        // (…a file reader too: what a local-exec prints comes back to the agent — -var 'cmd=cat .env'.)
        const reads = val !== undefined && /^\s*(cat|head|tail|tac|nl|less|more|base64|xxd|od|hexdump|strings|grep|awk|sed|cp|tar|zip|printenv|env|sort|uniq|rev|tr|cut|jq|yq|perl|python3?|node|ruby|dd|tee|paste|fold|column|gzip|openssl)\s+\S/.test(val) && /[~/]|\.env\b|\$\{?HOME/.test(val);
        if (val !== undefined && ((commandString(val) && /[~/]|\.env\b/.test(val)) || reads || (shellShaped(val) && guessedShell(val)))) out.strings.push(val);
      }
      // (helm --set-file KEY=PATH puts PATH's text in the release — and in what helm template prints.)
      if (name === 'helm') for (const f of [a.startsWith('--set-file=') ? a.slice(11) : args[args.indexOf(a) - 1] === '--set-file' ? a : undefined]) if (f !== undefined) for (const kv of f.split(',')) { const v = kv.slice(kv.indexOf('=') + 1); if (v) out.strings.push(`cat ${quote(v)}`); }
      // (…and a bare value shaped like a command line: pulumi config set hook 'cat ~/.ssh/id_rsa | nc …'.)
      if (!a.startsWith('-') && shellShaped(a) && guessedShell(a) && !out.strings.includes(a)) out.strings.push(a);
    }
  }
  // (…and their operands are read for command lines as any unmodelled program's are: pulumi config set cmd 'rm -rf ~'.)
  if (DATA_PROGRAMS.has(name) && !DEPLOY_TOOLS.test(name)) return out;
  // (Editors' -c/--cmd/--eval values are their own commands, read where they are judged — judge-argv, command-options.)
  if (/^(n?vim?|ex|view|vimdiff|rvim|gvim|emacs|emacsclient)$/.test(name)) return out;
  // cmake -E chdir DIR CMD … runs CMD in DIR; a terminal told its working directory runs its command there.
  if (name === 'cmake' && args[0] === '-E' && args[1] === 'chdir' && args[2] !== undefined && args.length > 3) return { strings: [], suffix: args.slice(3), runs: true, cwd: args[2] };
  if (/^(gnome-terminal|konsole|kitty|alacritty|wezterm|xterm|tilix|terminator|foot|xfce4-terminal|mate-terminal|urxvt)$/.test(name)) {
    const at = args.findIndex((a) => a === '--' || a === '-e' || a === '-x' || a === '--command' || a === '--execute');
    const cwd = args.slice(0, at < 0 ? args.length : at).map((a, k, xs) => (/^(--working-directory|--workdir|--directory|--cwd|-d|--working-dir)$/.test(xs[k - 1] ?? '') ? a : /^--(working-directory|workdir|directory|cwd|working-dir)=/.test(a) ? a.slice(a.indexOf('=') + 1) : undefined)).filter((x) => x !== undefined).at(-1);
    // (Terminals differ: gnome-terminal's -e takes one command line and `--` the rest of the words; xterm's -e takes every word after
    // it. Each reading is judged — every -e/--command value as a command line, and the words after the first -e/-x and after `--` as
    // the program they run: xterm -e sh -c 'rm -rf ~' -e x, gnome-terminal -e ls -- sh -c '…'.)
    const given = args.flatMap((a, k) => (/^(-e|-x|--command|--execute)$/.test(args[k - 1] ?? '') ? [a] : /^--(command|execute)=/.test(a) ? [a.slice(a.indexOf('=') + 1)] : []));
    const dash = args.indexOf('--');
    const rests = [...(at >= 0 && args[at] !== '--' ? [args.slice(at + 1)] : []), ...(dash >= 0 ? [args.slice(dash + 1)] : [])].filter((r) => r.length > 0).map((r) => r.map(quote).join(' '));
    const lines = [...new Set([...given, ...rests])];
    if (lines.length) return { strings: lines.map((g) => (cwd !== undefined ? `cd ${quote(cwd)} && ${g}` : g)) };
  }
  // (bun exec SCRIPT runs SCRIPT with Bun's shell, whatever it starts with: bun exec 'cat .env'.)
  if (name === 'bun' && args[0] === 'exec' && args[1] !== undefined && !args[1].startsWith('-')) return { strings: [args.slice(1).join(' ')] };
  // (`gh run watch|view|rerun ID` manages workflow runs on GitHub; nothing runs here.)
  if (name === 'gh' && args[0] === 'run') return out;
  // kubectl exec POD -- CMD: the command is what follows `--` (the pod's name is no program).
  if (/^(kubectl|oc)$/.test(name) && args.find((a, i) => !a.startsWith('-') && !/^(-n|--namespace|--context|--kubeconfig|-c|--container|--cluster|--user|-s|--server)$/.test(args[i - 1] ?? '')) === 'exec' && args.includes('--')) {
    return { strings: [], suffix: args.slice(args.indexOf('--') + 1), runs: true };
  }
  // ast-grep's `sg` searches code with a pattern or rule; the other sg, `sg GROUP [-c] CMD`, runs CMD
  // — and a group may be named `run`: only a pattern or rule option, and no -c, makes it ast-grep.
  if (name === 'sg' && args.some((a) => /^(-p|--pattern|-r|--rewrite|--rule|--inline-rules)(=|$)/.test(a)) && !args.some((a) => a === '-c' || a === '--command')) return out;
  // An environment manager's run verb (uv run, poetry run, pdm run, pnpm exec …) runs its first operand as a program,
  // whatever it is called: `uv run pytest --basetemp D` is pytest's command line. (A script file — uv run x.py — is not a name.)
  const runAt = /^(uv|poetry|pdm|pipenv|hatch|rye|pixi|conda|mamba|micromamba)$/.test(name) ? args.indexOf('run') : /^(pnpm|yarn|bun|npm)$/.test(name) ? args.findIndex((a, k) => a === 'exec' && args.slice(0, k).every((b, i) => b.startsWith('-') || /^(-C|--dir|--cwd|--prefix|--filter|-F|-w|--workspace)$/.test(args[i - 1] ?? ''))) : -1;
  if (runAt >= 0) {
    let j = runAt + 1;
    while (j < args.length && args[j]!.startsWith('-') && args[j] !== '--') j += /^(-n|--name|-p|--prefix|--python|--with|--with-requirements|--env|-e|--directory|--project|--package|--group|--extra|--env-file|--index|-C|--cwd|--dir)$/.test(args[j]!) ? 2 : 1;
    if (args[j] === '--') j++;
    const prog = args[j];
    // (--directory/-C/--cwd/--prefix/--project move where it runs: uv run --directory ~ rm -rf .ssh.)
    // (pdm's -p is its project directory; conda's and mamba's -p a prefix, not where it runs.)
    const DIR_OPT = name === 'pdm' ? /^(--directory|-C|--cwd|--project|--dir|-p)$/ : /^(--directory|-C|--cwd|--prefix|--project|--dir)$/;
    const dir = args.slice(0, j).map((a, k, xs) => (DIR_OPT.test(xs[k - 1] ?? '') ? a : /^--(directory|cwd|prefix|project|dir)=/.test(a) ? a.slice(a.indexOf('=') + 1) : undefined)).filter((x) => x !== undefined).at(-1);
    if (prog !== undefined && /^[\w.+-]+$/.test(prog) && !/\.(py|js|ts|mjs|cjs|rb|sh)$/.test(prog) && (!isCommandWord(prog) || dir !== undefined)) return { strings: [], suffix: args.slice(j), runs: true, ...(dir !== undefined ? { cwd: dir } : {}) };
    // (A Python script — uv run manage.py shell -c CODE — is python's operand, and a program by its path — pipenv run
    // ./manage.py — that program: their words are judged as that command line, framework consoles included.)
    if (prog !== undefined && /^[\w./+-]+$/.test(prog) && !/\.\.|^\//.test(prog) && (/\.py$/.test(prog) || prog.includes('/'))) return { strings: [], suffix: /\.py$/.test(prog) ? ['python3', ...args.slice(j)] : args.slice(j), runs: true, ...(dir !== undefined ? { cwd: dir } : {}) };
  }
  // (A runner's verb — yarn exec, lerna exec, nx exec — is no program: `exec` the builtin is one, `yarn exec 'rm -rf ~'` runs the string.)
  // (…nor is a task that shares a builtin's name, given the task's own options: gradle exec -PcommandLine='…'.)
  // (nix-shell -p curl jq --run '…': the words after -p/--packages are the packages it makes available, not what it runs.)
  const packages = name === 'nix-shell' ? packageWords(args) : new Set<number>();
  const k = args.findIndex((a, i) => !packages.has(i) && isCommandWord(a) && !(/^(exec|eval|source|\.)$/.test(a) && /^-[\w.-]+=/.test(args[i + 1] ?? '')) && !(/^(run|exec|x|dlx)$/.test(a) && /\s/.test(args.slice(i + 1).find((b) => b !== '--' && !b.startsWith('-')) ?? '') && !args.slice(0, i).some((b) => isCommandWord(b))));
  if (k >= 0) out.suffix = args.slice(k);
  if (k >= 0) out.runs = k === 0 || args[k - 1] === '--' || args.slice(0, k).some((a) => /^(run|exec|x|dlx)$/.test(a));
  const dashdash = args.indexOf('--');
  args.forEach((a, i) => {
    // (--opt=VALUE, -Dkey=VALUE, and a variable handed to a build — make CMD='…', just cmd='…' — whose recipe may run it.)
    // (…not the value a command-line option is given: runner -c 'X=1 curl …' is that command line.)
    const eq = (COMMAND_FLAG.test(args[i - 1] ?? '') ? /^(--?[\w.-]+)=(.*)$/s : /^(--?[\w.-]+|[A-Za-z_][\w.]*)=(.*)$/s).exec(a);
    const v = eq?.[2] ?? a;
    // (An interpreter's -c/-e is code in its own language, judged elsewhere.)
    // (…but `bun exec STRING` runs STRING with Bun's shell.)
    const code = (isShell(name) || languageOf(name) !== undefined) && !(name === 'bun' && args[0] === 'exec');
    // (…and a string after a runner's verb is a command line: yarn exec 'tsc -b && curl …'.)
    const afterVerb = args.slice(0, i).some((b) => /^(exec|run|x|dlx)$/.test(b)) && /\s/.test(v);
    const flagged = !code && (COMMAND_FLAG.test(eq?.[1] ?? args[i - 1] ?? '') || (dashdash >= 0 && i > dashdash) || (COMMAND_RUNNERS.has(name) && !a.startsWith('-')) || afterVerb);
    if ((commandString(v) || (flagged && shellShaped(v) && guessedShell(v))) && !(out.suffix && i >= k)) out.strings.push(v);

  });
  return out;
}

/** The indices of nix-shell's package names: every word after -p/--packages up to the next option. */
function packageWords(args: readonly string[]): Set<number> {
  const out = new Set<number>();
  let listing = false;
  args.forEach((a, i) => {
    if (a.startsWith('-')) listing = a === '-p' || a === '--packages';
    else if (listing) out.add(i);
  });
  return out;
}
