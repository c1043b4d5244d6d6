// Prefix commands that run another command (env, sudo, timeout, xargs, find -exec, …): what they
// run, so that `sudo -u x env -i FOO=1 nice curl …` is judged as curl.

import { has, optionTable, scan, values, type OptionTable } from '../options.js';
import { charOfCode } from '../shell/code-point.js';

/** The inner command a wrapper runs, or a shell string it runs, or nothing. */
export interface Unwrapped {
  /** The command that actually runs (argv), when the wrapper runs one directly. */
  argv?: string[];
  /** Environment assignments the wrapper adds (env VAR=x). */
  env?: Record<string, string>;
  /** A command line the wrapper hands to a shell (watch, sh -c via su -c …). */
  shell?: string;
  /** Extra facts for the wrapper itself. */
  deletes?: string[];
  tags?: string[];
  /** The wrapper runs its stdin as shell commands (at, batch). */
  stdinShell?: boolean;
  /** The directory the wrapper runs the command in (env -C, sudo -D, unshare --wd …). */
  cwd?: string;
  /** Files the wrapper itself writes before its command runs (strace -o F, time -o F). */
  writes?: string[];
  /** Names the wrapper takes out of the command's environment (env -u NAME). */
  unset?: string[];
  /** The wrapper starts the command with no inherited environment, only its own assignments (env -i, env -). */
  clears?: boolean;
}

// Tracers' and GNU time's options, read as getopt does (-fo F is -f -o F; --output=F), so that the command they run and the
// file their report goes to are found whatever the spelling.
const TRACER_OPTIONS = {
  strace: optionTable(['a=', 'b,detach-on=', 'e=', 'I=', 'o,output=', 'O=', 'p,attach=', 'P,trace-path=', 's,string-limit=', 'S,summary-sort-by=', 'u,user=', 'E,env=', 'X,const-print-style=', 'U,summary-columns=', 'trace=', 'signal=', 'status=', 'kvm=', 'r,relative-timestamps?=', 'T,syscall-times?=', 'y,decode-fds?=', 'quiet?=', 'silence?=', 'secontext?=', 'D,daemonize?='], { stopAtPositional: true }),
  ltrace: optionTable(['a,align=', 'A=', 'D,debug=', 'e=', 'F,config=', 'l,library=', 'L', 'n,indent=', 'o,output=', 'p=', 's=', 'u=', 'w,where=', 'x='], { stopAtPositional: true }),
  time: optionTable(['o,output=', 'f,format=', 'a,append', 'p,portability', 'v,verbose', 'q,quiet'], { stopAtPositional: true }),
};

// Wrappers' own options, read as getopt does: `nice -n5`, `timeout -vk5 10s`, `stdbuf -oL -eL`, `ionice -tc3`,
// `env -iS '…'`, `xargs -0rI{}`, `flock -xnw 5 F`, `sudo -Eu root` all end where the command they run begins.
const WRAPPER_OPTIONS: Readonly<Record<string, OptionTable>> = {
  env: optionTable(['i,ignore-environment', '0,null', 'u,unset=', 'C,chdir=', 'S,split-string=', 'v,debug', 'a,argv0=', 'P=', 'block-signal?=', 'default-signal?=', 'ignore-signal?=', 'list-signal-handling', 'help', 'version'], { stopAtPositional: true }),
  nice: optionTable(['n,adjustment=', 'help', 'version'], { stopAtPositional: true }),
  timeout: optionTable(['s,signal=', 'k,kill-after=', 'foreground', 'preserve-status', 'v,verbose', 'help', 'version'], { stopAtPositional: true }),
  stdbuf: optionTable(['i,input=', 'o,output=', 'e,error=', 'help', 'version'], { stopAtPositional: true }),
  ionice: optionTable(['c,class=', 'n,classdata=', 'p,pid', 'P,pgid', 'u,uid', 't,ignore', 'h,help', 'V,version'], { stopAtPositional: true }),
  chrt: optionTable(['a,all-tasks', 'b,batch', 'd,deadline', 'e,ext', 'f,fifo', 'i,idle', 'o,other', 'r,rr', 'R,reset-on-fork', 'm,max', 'p,pid', 'T,sched-runtime=', 'P,sched-period=', 'D,sched-deadline=', 'v,verbose', 'h,help', 'V,version'], { stopAtPositional: true }),
  taskset: optionTable(['a,all-tasks', 'c,cpu-list', 'p,pid', 'h,help', 'V,version'], { stopAtPositional: true }),
  setsid: optionTable(['c,ctty', 'f,fork', 'w,wait', 'h,help', 'V,version'], { stopAtPositional: true }),
  doas: optionTable(['a=', 'C=', 'L', 'n', 's', 'u='], { stopAtPositional: true }),
  sudo: optionTable(['A,askpass', 'b,background', 'B,bell', 'C,close-from=', 'D,chdir=', 'E,preserve-env?=', 'e,edit', 'g,group=', 'H,set-home', 'host=', 'i,login', 'K,remove-timestamp', 'k,reset-timestamp', 'l,list', 'N,no-update', 'n,non-interactive', 'P,preserve-groups', 'p,prompt=', 'R,chroot=', 'r,role=', 'S,stdin', 's,shell', 'T,command-timeout=', 't,type=', 'U,other-user=', 'u,user=', 'V,version', 'v,validate', 'h,help'], { stopAtPositional: true }),
  flock: optionTable(['s,shared', 'x,exclusive', 'e', 'u,unlock', 'n,nb,nonblock', 'w,wait,timeout=', 'E,conflict-exit-code=', 'o,close', 'F,no-fork', 'verbose', 'h,help', 'V,version'], { stopAtPositional: true }),
  xargs: optionTable(['0,null', 'a,arg-file=', 'd,delimiter=', 'E=', 'e,eof?=', 'I=', 'i,replace?=', 'L=', 'l,max-lines?=', 'n,max-args=', 'o,open-tty', 'p,interactive', 'P,max-procs=', 'r,no-run-if-empty', 's,max-chars=', 't,verbose', 'x,exit', 'process-slot-var=', 'show-limits', 'help', 'version'], { stopAtPositional: true }),
};

/** xargs's own options in one spelling each (`-0r` → --null --no-run-if-empty, `-d,` → --delimiter=,), for checks that match whole words. */
export function xargsSpelled(args: readonly string[]): string[] {
  return scan(args, WRAPPER_OPTIONS.xargs!).opts.map((o) => (o.name.length === 1 ? `-${o.name}${o.value ?? ''}` : `--${o.name}${o.value === undefined ? '' : `=${o.value}`}`));
}

/** The index of a wrapper's first operand, its options read with its table. */
function firstOperand(args: string[], name: string): number {
  return args.length - scan(args, WRAPPER_OPTIONS[name]!).positionals.length;
}

/** The value of the first of `names` among a wrapper's options (`-C D`, `-CD`, `--chdir=D`, `--chdir D`). */
function optionValue(opts: string[], names: string[]): string | undefined {
  for (let k = 0; k < opts.length; k++) {
    const a = opts[k]!;
    for (const n of names) {
      if (a === n) return opts[k + 1];
      if (n.startsWith('--') && a.startsWith(`${n}=`)) return a.slice(n.length + 1);
      if (!n.startsWith('--') && a.startsWith(n) && a.length > n.length) return a.slice(n.length);
    }
  }
  return undefined;
}

/** Adds the directory a wrapper's options name (`names`) to what it runs. */
function inDir(u: Unwrapped, opts: string[], names: string[]): Unwrapped {
  const cwd = optionValue(opts, names);
  return cwd === undefined ? u : { ...u, cwd };
}

const SHELLS = new Set(['cmd', 'sh', 'bash', 'zsh', 'dash', 'ksh', 'mksh', 'ash', 'fish', 'busybox-sh', 'rbash', 'csh', 'tcsh', 'yash', 'oksh', 'loksh', 'pdksh', 'posh', 'hush', 'sash', ...['nu', 'xonsh', 'elvish', 'pwsh', 'powershell', 'ion', 'murex', 'rc', 'es', 'oil', 'osh', 'ysh']]);
/** Shells whose language is not sh's: their command strings are judged as if they were sh, and asked about. */
export const FOREIGN_SHELLS = new Set(['cmd', 'nu', 'xonsh', 'elvish', 'pwsh', 'powershell', 'ion', 'murex', 'rc', 'es', 'ysh']);
export const isShell = (name: string): boolean => SHELLS.has(name);

/** Skips options, honouring those that take a value; returns the index of the first operand. */
function skipOpts(args: string[], takesValue: RegExp, stopAtDoubleDash = true, clusters = false): number {
  let i = 0;
  while (i < args.length) {
    const a = args[i]!;
    if (a === '--' && stopAtDoubleDash) return i + 1;
    if (!a.startsWith('-') || a === '-') return i;
    if (takesValue.test(a)) i += 2;
    // (Short options clustered as getopt reads them, for a program whose table lists each value-taking letter: screen -dmS
    // NAME ends in one that takes the next word. Tables written for whole words only are not read so: perf -ag is no -g.)
    else if (clusters && /^-[A-Za-z0-9]{2,}$/.test(a)) {
      const at = [...a.slice(1)].findIndex((c) => takesValue.test(`-${c}`));
      i += at === a.length - 2 ? 2 : 1;
    } else i += 1;
  }
  return i;
}

/** Programs that run the project's own scripts, builds and installs, which start further programs (install scripts, recipes,
 *  tasks): package managers, builds, and the runtimes and installers of pip, gem, cpan, node, deno and php. */
const RUNS_PROJECT_CODE = /^(npm|npx|pnpm|pnpx|yarn|yarnpkg|bun|bunx|make|gmake|just|task|cargo|go|uv|uvx|poetry|pdm|hatch|tox|nox|rake|bundle|composer|gradle|gradlew|mvn|mvnw|ant|sbt|mix|dotnet|cmake|ninja|meson|bazel|bazelisk|pytest|turbo|nx|lerna|pip[\d.]*|pipx|gem|cpanm|node|deno|php)$/;

/**
 * Whether argv (what sudo runs) is, past wrappers and assignments, a package manager, a build, an installer of the
 * project's code (pip install ., setup.py, a script by path) or a shell whose -c text starts one.
 */
function runsProjectCode(argv: readonly string[], depth = 0): boolean {
  let k = 0;
  // (env, nice -n 5, time, timeout 600, taskset -c 0, stdbuf -oL, ionice -c3, nohup, xargs -a F and NAME=value go first.)
  for (;;) {
    const w = (argv[k] ?? '').replace(/^.*\//, '');
    if (/^[A-Za-z_]\w*=/.test(argv[k] ?? '')) k++;
    else if (/^(env|nice|time|timeout|taskset|stdbuf|ionice|nohup|xargs|command|chrt)$/.test(w)) {
      k++;
      while (k < argv.length && (argv[k]!.startsWith('-') || /^[\d.]+[smhd]?$/.test(argv[k]!) || /^(-n|-c|-a|--arg-file|-p)$/.test(argv[k - 1] ?? '') || /^[A-Za-z_]\w*=/.test(argv[k]!))) k++;
    } else break;
  }
  const prog = argv[k];
  if (prog === undefined) return false;
  const name = prog.replace(/^.*\//, '');
  const rest = argv.slice(k + 1);
  if (isShell(name)) {
    const c = rest.findIndex((a) => /^-[a-zA-Z]*c[a-zA-Z]*$/.test(a));
    if (c < 0) return rest.some((a) => !a.startsWith('-'));
    return depth < 2 && (rest[c + 1] ?? '').split(/\s*(?:&&|\|\||;|\||\n)\s*/).some((seg) => runsProjectCode(seg.split(/\s+/).filter(Boolean), depth + 1));
  }
  if (RUNS_PROJECT_CODE.test(name)) return true;
  // (python -m pip; setup.py; a script by path.)
  if (/^python[\d.]*$/.test(name)) return rest.some((a) => a === 'pip' || /(^|\/)setup\.py$/.test(a));
  return /^\.{0,2}\//.test(prog) && !/^\/(usr|bin|sbin|opt|etc|lib)/.test(prog);
}

const after = (args: string[], i: number): Unwrapped => (i < args.length ? { argv: args.slice(i) } : {});

/** Unwraps one level; undefined when the name is not a wrapper. */
export function unwrap(name: string, args: string[]): Unwrapped | undefined {
  switch (name) {
    case 'env': {
      const env: Record<string, string> = {};
      const sc = scan(args, WRAPPER_OPTIONS.env!);
      // -i / - / -u PATH / -P DIR: the command runs without PATH (or with none of ours), so without the shims.
      let dropsPath = has(sc, 'ignore-environment', 'P') || values(sc, 'unset').includes('PATH');
      let i = args.length - sc.positionals.length;
      for (; i < args.length; i++) {
        const a = args[i]!;
        if (a === '-') dropsPath = true;
        else if (/^([A-Za-z_][A-Za-z0-9_]*|BASH_FUNC_[^=/]+)=/.test(a)) env[a.slice(0, a.indexOf('='))] = a.slice(a.indexOf('=') + 1);
        else break;
      }
      const cwd = values(sc, 'chdir').at(-1);
      // -S "cmd args" (alone, attached or in a cluster: -iS '…'): the string split into words, the rest after it.
      const split = values(sc, 'split-string');
      if (split.length) return { env, shell: [split.at(-1)!, ...sc.positionals].join(' '), ...(cwd !== undefined ? { cwd } : {}), ...(dropsPath && !/^\s*(\w+=\S*\s+)*PATH=/.test(split.at(-1)!) ? { tags: ['path-strip'] } : {}) };
      const clears = has(sc, 'ignore-environment') || args.slice(args.length - sc.positionals.length, i).includes('-');
      return { ...after(args, i), env, unset: values(sc, 'unset'), ...(clears ? { clears } : {}), ...(cwd !== undefined ? { cwd } : {}), ...(dropsPath && !('PATH' in env) ? { tags: ['path-strip'] } : {}) };
    }
    case 'setpriv': {
      const i = skipOpts(args, /^--(reuid|regid|ruid|rgid|euid|egid|groups|inh-caps|ambient-caps|bounding-set|securebits|pdeathsig|selinux-label|apparmor-profile|landlock-access|landlock-rule)$/);
      return { ...after(args, i), ...(args.slice(0, i).includes('--reset-env') ? { tags: ['path-strip'] } : {}) };
    }
    case 'runuser':
    case 'machinectl': {
      const c = args.findIndex((a) => a === '-c' || a === '--command');
      const login = args.some((a) => a === '-' || a === '-l' || a === '--login');
      return { ...(c >= 0 ? { shell: args[c + 1] ?? '' } : {}), tags: login ? ['path-strip'] : c >= 0 ? [] : ['interactive-shell'] };
    }
    case 'command':
      // `command -v x` / `-V` (also in a cluster: -pv, -pvV) only look a name up.
      if (args.slice(0, Math.max(0, args.findIndex((a) => !a.startsWith('-') || a === '--'))).some((a) => /^-[pvV]*[vV][pvV]*$/.test(a))) return {};
      return after(args, skipOpts(args, /^$/));
    case 'builtin':
    case 'nohup':
    case 'time': {
      const sc = scan(args, TRACER_OPTIONS.time);
      return { ...after(args, args.length - sc.positionals.length), writes: values(sc, 'output') };
    }
    case 'caffeinate':
    case 'unbuffer':
      return after(args, skipOpts(args, /^$/));
    case 'exec': {
      // exec -c runs the command with an empty environment: no PATH, so none of the shims.
      const i = skipOpts(args, /^-a$/);
      return { ...after(args, i), ...(args.slice(0, i).some((a) => /^-[a-z]*c/.test(a)) ? { tags: ['path-strip'] } : {}) };
    }
    case 'nice':
      // (The old spelling of the adjustment, -5 or --5, first.)
      return /^--?[-+]?\d+$/.test(args[0] ?? '') ? after(args, 1 + firstOperand(args.slice(1), 'nice')) : after(args, firstOperand(args, 'nice'));
    // Proxy wrappers: the command's connections go through proxies their configuration names.
    case 'proxychains':
    case 'proxychains4':
    case 'torsocks':
    case 'tsocks':
    case 'graftcp':
    case 'proxify':
    case 'socksify': {
      const inner = after(args, skipOpts(args, /^-[fpsPaui]$|^--(config|port|socks5|http_proxy|select_proxy_mode|user|pass|address)$/));
      return inner.argv ? { ...inner, tags: ['config-relocated'] } : inner;
    }
    case 'ionice':
    case 'chrt':
    case 'taskset': {
      // (With -p, -P or -u they change running processes: their operands are ids, no command.)
      const sc = scan(args, WRAPPER_OPTIONS[name]!);
      if (has(sc, 'pid', 'pgid', 'uid')) return {};
      // chrt PRIORITY COMMAND, taskset MASK COMMAND (chrt's priority may be left out for -o, -b, -i).
      const i = args.length - sc.positionals.length;
      return after(args, name === 'ionice' || (name === 'chrt' && !/^\d+$/.test(args[i] ?? '')) ? i : i + 1);
    }
    case 'timeout':
      return after(args, firstOperand(args, 'timeout') + 1);
    case 'stdbuf':
    case 'setsid':
      return after(args, firstOperand(args, name));
    case 'sudo':
    case 'doas': {
      const i = firstOperand(args, name);
      if (name === 'sudo' && args.slice(0, i).some((a) => /^-[a-zA-Z]*[is]/.test(a)) && i >= args.length) return { tags: ['interactive-shell'] };
      // sudo -i runs the command through root's login shell, with root's PATH: no shims.
      const login = name === 'sudo' && args.slice(0, i).some((a) => /^-[a-zA-Z]*i/.test(a) || a === '--login');
      // (Plain sudo runs it with its own secure_path, doas with root's: the shims are not on it. A program judged by its
      // name is still judged; what a package manager's scripts or a build's recipes start is not seen.)
      const root = !login && runsProjectCode(args.slice(i)) ? ['root-runs-code'] : [];
      const tags = [...(login ? ['path-strip'] : []), ...root];
      return inDir({ ...after(args, i), ...(tags.length ? { tags } : {}) }, args.slice(0, i), ['-D', '--chdir']);
    }
    case 'flock': {
      let i = firstOperand(args, 'flock');
      i += 1; // the lock file
      if (args[i] === '-c' || args[i] === '--command') return { shell: args[i + 1] ?? '' };
      return after(args, i);
    }
    case 'su': {
      const c = args.findIndex((a) => a === '-c' || a === '--command');
      const login = args.some((a) => a === '-' || a === '-l' || a === '--login');
      return c >= 0 ? { shell: args[c + 1] ?? '', ...(login ? { tags: ['path-strip'] } : {}) } : { tags: ['interactive-shell'] };
    }
    case 'script': {
      const c = args.findIndex((a) => /^-[a-zA-Z]*c$/.test(a) || a === '--command');
      return c >= 0 ? { shell: args[c + 1] ?? '' } : {};
    }
    case 'trap':
      // trap 'COMMANDS' SIGNALS: the commands run later in this shell.
      return args[0] && !args[0].startsWith('-') ? { shell: args[0] } : {};
    case 'tmux': {
      // A `;`-joined chain of tmux commands: the global environment (set-environment NAME VALUE), default-command and
      // default-shell, a format's #(COMMAND) and a hook's run-shell reach every pane made later; new-session, new-window,
      // split-window, respawn-pane, run-shell and send-keys run their SHELL-COMMAND now.
      const env: Record<string, string> = {};
      const shells: string[] = [];
      let tags: string[] = [];
      const chain = args.join('\0').split(/\0\\?;\0/).map((c) => c.split('\0'));
      // (Text typed into a pane runs there: send-keys by key names and hex codes, a buffer set and pasted.)
      const KEYS: Record<string, string> = { Space: ' ', Enter: '\n', 'C-m': '\n', 'C-j': '\n', KPEnter: '\n', Tab: '\t', 'C-i': '\t' };
      const pasted = args.some((a) => /^(paste-buffer|pasteb)$/.test(a));
      for (const c of chain) {
        const typed = c.findIndex((a) => /^(send-keys|send)$/.test(a));
        if (typed >= 0) {
          const rest = c.slice(typed + 1);
          const i = skipOpts(rest, /^-[tNc]$/);
          const hex = rest.slice(0, i).some((a) => /^-[a-zA-Z]*H/.test(a));
          const literal = rest.slice(0, i).some((a) => /^-[a-zA-Z]*l/.test(a));
          // (Each argument is a key when it names one — Enter, C-c, Home, BSpace, ^M, a single character — else literal text. A
          // key that ends a line (Enter, C-m, C-c) separates lines; one that edits it (Home, C-a, BSpace, C-u, Escape) makes the
          // line typed unknown.)
          const KEY_NAME = /^(((C|M|S)-)+.|\^.|Enter|Escape|Space|Tab|BTab|BSpace|DC|Delete|End|Home|IC|Insert|NPage|PageDown|PgDn|PPage|PageUp|PgUp|Up|Down|Left|Right|F\d{1,2}|KP\w+|0x[0-9a-f]{1,6})$/i;
          let text = '';
          let edited = false;
          // (A key typed by its code — -H 6c, 0x0d — is the character it is: 10 and 13 end the line, 9 is a tab, 3 (C-c) drops it,
          // and any other control character edits it.)
          const byCode = (n: number) => {
            if (n === 10 || n === 13 || n === 3) text += '\n';
            else if (n === 9) text += '\t';
            else if (n < 0x20 || n === 0x7f || Number.isNaN(n)) { edited = true; text += '\n'; }
            else text += charOfCode(n);
          };
          const keys = rest.slice(i);
          keys.forEach((k, j) => {
            if (hex) return byCode(parseInt(k, 16));
            if (literal || !KEY_NAME.test(k)) { text += k; return; }
            const code = /^0x([0-9a-f]+)$/i.exec(k);
            const named = Object.keys(KEYS).find((n) => n.toLowerCase() === k.toLowerCase());
            if (code) byCode(parseInt(code[1]!, 16));
            else if (named !== undefined) text += KEYS[named]!;
            else if (/^(C-[mjc]|\^[MJC]|Enter|KPEnter)$/i.test(k)) text += '\n';
            // (Before anything is typed on the line, C-u — which clears it — and an Escape that leaves an editor for its `:` command
            // change nothing: send-keys C-u 'make test' Enter, send-keys Escape ':wq' Enter.)
            else if (/(^|\n)$/.test(text) && (/^(C-u|\^U)$/i.test(k) || (/^Escape$/i.test(k) && /^:/.test(keys[j + 1] ?? '')))) return;
            else { edited = true; text += '\n'; }
          });
          shells.push(text);
          if (edited && /\S/.test(text)) tags = [...tags, 'dynamic-command'];
          continue;
        }
        // (A buffer set now is pasted later, by this tmux or another: its text is typed then.)
        const buffer = c.findIndex((a) => /^(set-buffer|setb)$/.test(a));
        if (buffer >= 0) { const rest = c.slice(buffer + 1); shells.push(rest.slice(skipOpts(rest, /^-[bt]$/)).join(' ')); continue; }
        // (pipe-pane -I: what CMD prints is typed into the pane, as `CMD | sh`.)
        const piped = c.findIndex((a) => /^(pipe-pane|pipep)$/.test(a));
        if (piped >= 0 && c.slice(piped + 1).some((a) => /^-[a-zA-Z]*I/.test(a))) { const rest = c.slice(piped + 1); const cmd = rest.slice(skipOpts(rest, /^-[t]$/)).join(' '); if (cmd) shells.push(`{ ${cmd}\n} | sh`); continue; }
        const verb = c.findIndex((a) => /^(new|new-session|new-window|neww|split-window|splitw|respawn-pane|respawnp|respawn-window|respawnw|run-shell|run|if-shell|if)$/.test(a));
        if (verb >= 0) {
          const rest = c.slice(verb + 1);
          const i = skipOpts(rest, /^-[cFnstxyelpPSeRwTt]$/);
          // (-e PATH=… sets the new pane's PATH: one without the shims runs its command without them.)
          const path = rest.slice(0, i).map((a, k, all) => (all[k - 1] === '-e' && a.startsWith('PATH=') ? a : a.startsWith('-ePATH=') ? a.slice(2) : undefined)).find((x) => x !== undefined);
          if (path !== undefined && !/rampart\/shims/.test(path) && !/\$\{?PATH\b/.test(path)) tags = ['path-strip'];
          // (-c DIR starts it in DIR: tmux new -c ~ 'rm -rf .ssh'.)
          const dir = rest.slice(0, i).map((a, k, all) => (all[k - 1] === '-c' ? a : /^-c./.test(a) ? a.slice(2) : undefined)).filter((x) => x !== undefined).at(-1);
          // (if-shell SHELL-COMMAND COMMAND [COMMAND]: the first is shell text, the others tmux commands — new-window "…".)
          if (/^(if-shell|if)$/.test(c[verb]!)) { if (rest[i] !== undefined) shells.push(rest[i]!); for (const t of rest.slice(i + 1, i + 3)) shells.push(`tmux ${t}`); continue; }
          if (i < rest.length) shells.push(`${dir !== undefined ? `cd ${quote(dir).replace(/^'~(\/[^']*)?'$/, '~$1')} && ` : ''}${rest.slice(i).join(' ')}`);
          continue;
        }
        const set = c.findIndex((a) => /^(set-environment|setenv|set-option|set|set-window-option|setw|set-hook)$/.test(a));
        const ops = set < 0 ? [] : c.slice(set + 1).filter((a, k, xs) => !a.startsWith('-') && !/^-[a-zA-Z]*t$/.test(xs[k - 1] ?? ''));
        if (/^(set-environment|setenv)$/.test(c[set] ?? '') && ops[0] !== undefined && ops[1] !== undefined) env[ops[0]] = ops[1];
        // (The user's own shell — "${SHELL}", as tmux's FAQ has it — is no new program.)
        if (/^(default-command|default-shell)$/.test(ops[0] ?? '') && ops[1] !== undefined && !/^\$\{?SHELL\}?(\s+-l)?$/.test(ops[1])) shells.push(ops[1]);
        // (Any option's format runs #(COMMAND) in a shell each time it is drawn: status-right '#(curl … | sh)';
        // a hook runs its tmux command: set-hook -g pane-focus-in 'run-shell "…"'.)
        const value = /^(set-option|set|set-window-option|setw|set-hook)$/.test(c[set] ?? '') ? ops.slice(1).join(' ') : '';
        shells.push(...[...value.matchAll(/#\(((?:[^()]|\([^()]*\))*)\)/g)].map((m) => m[1]!));
        if (c[set] === 'set-hook') shells.push(...[...value.matchAll(/\b(?:run-shell|run)\s+(?:-b\s+)?(?:"([^"]*)"|'([^']*)'|(\S+))/g)].map((m) => m[1] ?? m[2] ?? m[3]!));
      }
      // (A format given to any command — display-message -p '#(…)' — runs its #(COMMAND) too.)
      for (const a of args) for (const m of a.matchAll(/#\(((?:[^()]|\([^()]*\))*)\)/g)) if (!shells.includes(m[1]!)) shells.push(m[1]!);
      return { ...(Object.keys(env).length ? { env } : {}), ...(shells.length ? { shell: shells.join('\n') } : {}), ...(tags.length ? { tags } : {}) };
    }
    case 'screen': {
      // screen [-S NAME] -X CMD … sends a command to a running session: setenv reaches the windows opened later,
      // stuff types its text into the window's shell, exec and screen run a program there.
      const x = args.indexOf('-X');
      if (x >= 0) {
        // (-p WINDOW and -S NAME may come after -X too: screen -S x -X -p 0 stuff …; register R TEXT then paste R types TEXT.)
        const afterX = args.slice(x + 1);
        let [cmd = '', ...rest] = afterX.slice(skipOpts(afterX, /^-[pS]$/));
        // (at WINDOW CMD sends CMD to that window; eval 'CMD' … runs each string as a screen command.)
        if (cmd === 'at' && rest.length > 1) [cmd = '', ...rest] = rest.slice(1);
        // (…and `screen …`/`exec …` inside it run their command.)
        if (cmd === 'eval') return { shell: rest.map((c) => /^\s*(?:at\s+\S+\s+)?(?:stuff|register\s+\S+)\s+(["']?)([\s\S]*)\1\s*$/.exec(c)?.[2] ?? /^\s*(?:screen|exec)\s+(?:-\S+\s+)*([\s\S]+)$/.exec(c)?.[1] ?? '').join('\n').replace(/\\n|\\r|\^M|\^J/g, '\n') };
        if (cmd === 'register' && rest[1] !== undefined) return { shell: rest[1].replace(/\\n|\\r|\^M|\^J/g, '\n') };
        if (cmd === 'setenv' && rest[0] !== undefined && rest[1] !== undefined) return { env: { [rest[0]]: rest[1] } };
        if (cmd === 'stuff') return { shell: (rest[0] ?? '').replace(/\\n|\\r|\^M|\^J/g, '\n') };
        if (/^(exec|screen)$/.test(cmd)) return after(rest, skipOpts(rest, /^-[tT]$/));
        return {};
      }
      // (-c FILE: the start-up file it runs instead of ~/.screenrc, read as SCREENRC=FILE.)
      // (…-c ending a cluster too, screen -dmc FILE: the first letter of a cluster that takes a value is c, and it is last.)
      const end = skipOpts(args, /^-[Spceth]$|^-Logfile$/, true, true);
      const takesC = (w: string) => /^-[A-Za-z]+$/.test(w) && /^[^Speth]*c$/.test(w.slice(1));
      const rc = args.findIndex((a, k) => k <= end && takesC(args[k - 1] ?? ''));
      const run = after(args, end);
      // (-c /dev/null: no start-up file at all.)
      return rc >= 0 && args[rc] !== '/dev/null' ? { ...run, env: { ...run.env, SCREENRC: args[rc]! } } : run;
    }
    case 'at':
    case 'batch':
      // at -l/-c/-r/-d list, print and remove jobs (atq, atrm); otherwise it reads the commands it
      // schedules from stdin (or -f FILE): judged like a shell, and it is persistence.
      if (name === 'at' && args.some((a) => /^-[lcrd]$/.test(a))) return {};
      return { tags: ['persistence'], stdinShell: true };
    case 'unshare':
    case 'nsenter':
    case 'firejail':
    case 'chroot':
    case 'proot':
    {
      // (Each with the options that take the next word: unshare's and nsenter's -n/-m/-r/-w take theirs only attached,
      // --net=FILE, so `unshare -r -n sh -c …` runs sh.)
      const VALUED: Record<string, RegExp> = {
        unshare: /^-[SGRw]$|^--(setuid|setgid|root|wd|propagation|setgroups|map-user|map-group|map-users|map-groups|load-interp|monotonic|boottime)$/,
        nsenter: /^-[tSG]$|^--(target|setuid|setgid)$/,
        proot: /^-[rbwqkm]$|^--(rootfs|bind|mount|cwd|pwd|qemu|kernel-release)$/,
        firejail: /(?!)/,
      };
      const i = name === 'chroot' ? skipOpts(args, /^--(userspec|groups)$/) + 1 : skipOpts(args, VALUED[name]!);
      return inDir(after(args, i), args.slice(0, i), name === 'nsenter' ? ['--wd', '-w'] : name === 'unshare' ? ['--wd'] : name === 'firejail' ? ['--chdir'] : []);
    }
    case 'coproc':
      return after(args, 0);
    case 'podman':
    case 'buildah':
      // podman/buildah unshare CMD runs CMD on this machine, in a user namespace where it is root over the user's files.
    {
      // (…after the global options: podman --log-level=error unshare CMD.)
      const at = args.findIndex((a) => !a.startsWith('-'));
      return args[at] === 'unshare' ? after(args.slice(at + 1), skipOpts(args.slice(at + 1), /(?!)/)) : undefined;
    }
    case 'launchctl':
      // launchctl asuser UID CMD … / bsexec PID CMD … run CMD on this machine, in another user's or process's
      // bootstrap context. (Its other verbs manage jobs and are the analyzer's: submit … -- CMD is persistence there.)
      return /^(asuser|bsexec)$/.test(args[0] ?? '') ? after(args, 2) : undefined;
    case 'perf': {
      // perf script -s FILE (--script=FILE) runs FILE in perf's Python or Perl: judged as that interpreter given it.
      if (args[0] === 'script') {
        const file = args.map((a, k) => (/^(-s|--script)$/.test(args[k - 1] ?? '') ? a : a.startsWith('--script=') ? a.slice(9) : undefined)).find((x) => x !== undefined);
        const lang = file === undefined ? undefined : /^(perl|pl):/.test(file) || /\.(pl|pm)$/.test(file) ? 'perl' : 'python3';
        return file === undefined || lang === undefined ? {} : { argv: [lang, file.replace(/^(python|py|perl|pl):/, '')] };
      }
      // perf trace|record|stat|top … CMD runs CMD.
      if (!/^(trace|record|stat|top|mem|sched|lock|kmem|c2c|ftrace)$/.test(args[0] ?? '')) return {};
      const rest = args.slice(1);
      return after(rest, skipOpts(rest, /^-[eopcFCmtgG]$|^--(event|output|pid|cpu|freq|call-graph|mmap-pages|tid|cgroup|duration|expr)$/));
    }
    case 'strace':
    case 'ltrace': {
      const sc = scan(args, TRACER_OPTIONS[name]);
      return { ...after(args, args.length - sc.positionals.length), writes: values(sc, 'output') };
    }
    case 'valgrind':
    case 'perf':
      return after(args, name === 'perf' ? (args[0] === 'record' || args[0] === 'stat' ? 1 + skipOpts(args.slice(1), /^-[eopFc]$/) : args.length) : skipOpts(args, /^-[eopsaEuIPS]$|^--(tool|log-file)$/));
    case 'systemd-run': {
      const i = skipOpts(args, /^-[pEM]$|^--(unit|property|setenv|on-calendar|on-active|description|working-directory|uid|gid)$/);
      // (Outside --scope the command runs as a unit of the service manager, with its environment: not this
      // session's PATH, so without the shims — and the hook never sees what it starts.)
      const opts = args.slice(0, i);
      const later = args.some((a) => /^--on-(calendar|active|boot|startup|unit-active|unit-inactive)/.test(a));
      return inDir({ ...after(args, i), tags: later ? ['persistence'] : opts.includes('--scope') || i >= args.length ? [] : ['path-strip'] }, opts, ['--working-directory']);
    }
    case 'watch': {
      const i = skipOpts(args, /^-[nd]$|^--(interval|differences)$/);
      // watch runs its arguments through `sh -c` joined by spaces.
      return i < args.length ? { shell: args.slice(i).join(' ') } : {};
    }
    case 'busybox':
      return after(args, 0);
    case 'xargs': {
      // (-e, -i, -l and --eof, --replace, --max-lines take a value only attached: `--replace bash` is -I{} then bash.)
      const rest = args.slice(firstOperand(args, 'xargs'));
      // With no command xargs runs echo.
      return rest.length ? { argv: rest } : {};
    }
    case 'parallel': {
      // (`:::: FILE` takes the arguments from FILE: not known here.)
      const fromFile = args.indexOf('::::');
      const sep = fromFile >= 0 && (args.indexOf(':::') < 0 || fromFile < args.indexOf(':::')) ? fromFile : args.indexOf(':::');
      const cmdEnd = sep >= 0 ? sep : args.length;
      // (Options that take a value — `--header :`, `--tagstring '{#}'` — are not the command: `parallel --header : rm -rf / ::: x` runs rm.)
      const i = skipOpts(args.slice(0, cmdEnd), /^-[jSIadCEnNLs]$|^--(jobs|sshlogin|slf|sshloginfile|ssh|delay|timeout|arg-file|colsep|delimiter|eof|joblog|results|res|tmpdir|workdir|wd|env|limit|load|memfree|memsuspend|retries|halt|tag-string|tagstring|header|basefile|bf|return|transferfile|tf|block|block-size|recend|recstart|rpl|nice|max-args|max-replace-args|max-lines|max-chars|arg-sep|arg-file-sep|termseq)$/);
      const cmd = args.slice(i, cmdEnd);
      // Option values that are themselves run: --ssh's program (given the host and the job: --ssh 'sh -c "…"' runs here), and
      // Perl code — every --rpl definition, a {= … =} replacement string in any word — which parallel evaluates for each job.
      const opts = args.slice(0, i);
      const runs = [
        ...opts.flatMap((a, k) => (opts[k - 1] === '--ssh' ? [`${a} github.com`] : a.startsWith("--ssh=") ? [`${a.slice(6)} github.com`] : [])),
        ...opts.flatMap((a, k) => (opts[k - 1] === '--rpl' ? [`perl -e ${quote(a.replace(/^\S+\s*/, ''))}`] : [])),
        ...args.slice(0, cmdEnd).flatMap((a) => [...a.matchAll(/\{=([\s\S]*?)=\}/g)].map((m) => `perl -e ${quote(m[1]!)}`)),
      ];
      // Files it copies to each remote host before the jobs (--basefile, --transferfile): sent as scp sends them; and the
      // files it writes here — --joblog's lines end in each job's command text, --results makes files below its directory.
      const valuesOf = (re: RegExp): string[] => opts.flatMap((a, k) => {
        const eq = /^(--[\w-]+)=([\s\S]*)$/.exec(a);
        return re.test(opts[k - 1] ?? '') ? [a] : eq && re.test(eq[1]!) ? [eq[2]!] : [];
      });
      const remotes = valuesOf(/^(-S|--sshlogin)$/).flatMap((v) => v.split(',')).map((h) => h.replace(/^\d+\//, '')).filter((h) => h !== ':' && /^[\w.@-]+$/.test(h));
      for (const f of valuesOf(/^(--basefile|--bf|--transferfile|--tf)$/)) runs.push(...remotes.map((h) => `scp ${quote(f)} ${quote(`${h}:`)}`));
      for (const f of valuesOf(/^--joblog$/)) runs.push(`echo job >> ${quote(f)}`);
      for (const d of valuesOf(/^(--results|--res)$/)) runs.push(`echo job > ${quote(`${d.replace(/\/+$/, '')}/1`)}`);
      const inputs = sep === fromFile && sep >= 0 ? [PARALLEL_FILE] : sep >= 0 ? args.slice(sep + 1).filter((a) => a !== ':::') : [];
      // No command: each input is a command line (`parallel ::: 'make a' 'make b'`), or each line of stdin is.
      // (…and each line of `:::: FILE` is one, chosen only when it runs: parallel :::: /tmp/cmds.txt.)
      if (cmd.length === 0) return inputs.length ? { shell: [...inputs.map((x) => (x === PARALLEL_FILE ? '"$PARALLEL_INPUT"' : x)), ...runs].join('\n') } : { argv: ['sh'] };
      // GNU parallel joins the command's words with spaces and runs that through a shell (`parallel
      // 'cat {} | curl …'` is a pipeline), with each replacement string ({}, {.}, {/} …) replaced by
      // the input, shell-quoted (or the input appended). With -q the words are quoted one by one.
      // (Without -q both readings are judged: the words joined, and the words as given — what a
      // reader, or another version, may take `parallel bash -c 'rm -rf {}'` to mean.)
      const quoted = args.slice(0, i).some((a) => a === '-q' || a === '--quote');
      const texts = quoted || cmd.length === 1 ? [cmd.map(quoted ? quote : (w: string) => w).join(' ')] : [cmd.join(' '), cmd.map(quote).join(' ')];
      const slot = /\{[./#%]*\d*[./]*\}/;
      const jobs = texts.flatMap((text) => (inputs.length ? inputs : [PARALLEL_STDIN]).map((x) => {
        const v = x === PARALLEL_STDIN ? x : x === PARALLEL_FILE ? '"$PARALLEL_INPUT"' : quote(x);
        return slot.test(text) ? text.replace(new RegExp(slot.source, 'g'), v) : `${text} ${v}`;
      }));
      return { shell: [...jobs, ...runs].join('\n') };
    }
    default:
      return undefined;
  }
}

/** Where parallel's input comes from its stdin: filled in by the judge from what feeds it. */
export const PARALLEL_STDIN = '__rampart_parallel_input__';
const PARALLEL_FILE = '__rampart_parallel_file__';

/** Shell-quotes a word so a joined command line parses back to the same words. */
export function quote(w: string): string {
  return /^[A-Za-z0-9_@%+=:,./~-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`;
}

/** For `bash -c STR`, `sh -lc STR`: the command string; undefined when not a -c call. */
export function shellCommandString(args: string[], name = 'sh'): string | undefined {
  // cmd.exe /c STRING; PowerShell -Command STRING, -EncodedCommand BASE64 (UTF-16LE), -File F.
  if (name === 'cmd') {
    // (/R is /C's other name.)
    const i = args.findIndex((a) => /^\/[ckrCKR]$/.test(a));
    return i >= 0 ? args.slice(i + 1).join(' ') : undefined;
  }
  if (name === 'powershell' || name === 'pwsh') {
    // Parameters by any unambiguous prefix, after - or (Windows PowerShell) /: -Comm, -encodedc.
    const is = (a: string, full: string, min: number) => a.length >= min && full.startsWith(a);
    for (let i = 0; i < args.length; i++) {
      const raw = args[i]!.toLowerCase();
      const a = /^[-/]/.test(raw) ? raw.slice(1).replace(/^-/, '') : undefined;
      // (A bare script path is -File's: pwsh's default, and what -Command does with it too.)
      if (a === undefined) return /\.ps1$/i.test(args[i]!) ? undefined : args.slice(i).join(' ');
      if (a === 'c' || is(a, 'command', 3) || a === 'cwa' || is(a, 'commandwithargs', 8)) return args.slice(i + 1).join(' ');
      if (a === 'e' || a === 'ec' || is(a, 'encodedcommand', 2)) return Buffer.from(args[i + 1] ?? '', 'base64').toString('utf16le');
      if (a === 'f' || is(a, 'file', 2)) return undefined;
      if (['executionpolicy', 'windowstyle', 'configurationname', 'workingdirectory', 'outputformat', 'inputformat', 'settingsfile', 'psconsolefile', 'version', 'custompipename', 'encodedarguments'].some((n) => is(a, n, 2)) || /^(ex|ep|w|wd|of|if|ea|v)$/.test(a)) i++;
    }
    return undefined;
  }
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') return undefined;
    if (/^-[a-zA-Z]*c[a-zA-Z]*$/.test(a)) return args[i + 1] ?? '';
    if (a === '-o' || a === '+o' || a === '-O' || a === '+O' || a === '--rcfile' || a === '--init-file') i++;
    else if (!a.startsWith('-') && !a.startsWith('+')) return undefined;
  }
  return undefined;
}

/**
 * Whether a POSIX-style shell only reads its commands: -n (noexec, or -o noexec) before the -c string, not turned
 * off again by +n, and no -i (an interactive shell ignores -n). bash -n -c 'rm -rf /' checks the text's syntax.
 */
export function shellNoexec(args: readonly string[]): boolean {
  let noexec = false;
  let interactive = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') break;
    if ((a === '-o' || a === '+o') && args[i + 1] === 'noexec') noexec = a === '-o';
    if (/^[-+][a-zA-Z]+$/.test(a) && a.includes('n')) noexec = a.startsWith('-');
    if (/^-[a-zA-Z]*i/.test(a)) interactive = true;
    if (/^-[a-zA-Z]*c[a-zA-Z]*$/.test(a)) break;
    if (a === '-o' || a === '+o' || a === '-O' || a === '+O' || a === '--rcfile' || a === '--init-file') i++;
  }
  return noexec && !interactive;
}

/** `sh -c CMD ARG0 ARGS…`: CMD with $0, $1 … $9, $@ and $* replaced by those operands (when there are any). */
export function withPositionals(cmd: string, operands: readonly string[]): string {
  if (operands.length === 0) return cmd;
  const [arg0, ...rest] = operands;
  // (No arguments: "$@" is no word at all — kept as an empty one, so a line like `"$@" && …` still reads.)
  const all = rest.length ? rest.map(quote).join(' ') : "''";
  const nth = (d: string) => (d === '0' ? (arg0 ?? '') : (rest[Number(d) - 1] ?? ''));
  // Raw text inside double quotes or unquoted: escape what would still expand.
  const raw = (v: string) => v.replace(/["$`\\]/g, '\\$&');
  // `${1%.tsx}.jsx`, `${1:-x}`: an operator on a positional works on a variable set to it first.
  const ops = new Set([...cmd.matchAll(/\$\{([0-9])(?=[^}])/g)].map((m) => m[1]!));
  const pre = [...ops].map((d) => `__rampart_arg${d}=${quote(nth(d))}; `).join('');
  // (`for f; do` and `for f do` loop over "$@", as `for f in "$@"; do` does.)
  // (Not where the script sets its own positionals — set -- ~ — which the operands no longer are.)
  const own = /(^|[;&|({\s])set\s+(--|[^-+\s])/.test(cmd);
  const loops = own ? cmd : cmd.replace(/(^|[;&|({\n]\s*|\b(?:do|then|else)\s+)for\s+([A-Za-z_]\w*)(\s*;|\s*\n|\s+(?=do\b))/g, (_m, pre: string, name: string, end: string) => `${pre}for ${name} in "$@"${/[;\n]/.test(end) ? end : `;${end}`}`);
  return pre + loops
    .replace(/\$\{([0-9])(?=[^}])/g, (_m, d: string) => `\${__rampart_arg${d}`)
    .replace(/"\$[@*]"|"\$\{[@*]\}"/g, all)
    .replace(/"\$([0-9])"|"\$\{([0-9])\}"/g, (_m, a?: string, b?: string) => quote(nth((a ?? b)!)))
    .replace(/\$[@*]|\$\{[@*]\}/g, rest.map(raw).join(' '))
    .replace(/\$([0-9])|\$\{([0-9])\}/g, (_m, a?: string, b?: string) => raw(nth((a ?? b)!)));
}

/** The script file a shell or interpreter runs (first operand), if any. */
export function scriptOperand(args: string[], valueOpts: RegExp = /^-[oO]$|^--(rcfile|init-file)$/): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') return args[i + 1];
    if (valueOpts.test(a)) i++;
    else if (!a.startsWith('-') && !a.startsWith('+')) return a;
  }
  return undefined;
}
