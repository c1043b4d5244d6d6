// Commands that signal processes (kill, pkill, killall, xargs kill, systemctl stop, launchctl):
// which processes they pick, and whether the pick can include Rampart's own server. Stopping the
// server makes every shim and hook fail closed, so this is tampering, not a bypass; it is still
// the user's call only. The pick is read from the command itself (patterns, -u, -1) and, for
// process ids computed at run time, from the commands that produce them (pgrep, ps | awk, lsof,
// cat of a pid file). What cannot be read asks.
import { posix } from 'node:path';
import { compilePattern } from '../glob.js';
import { has, optionTable, scan, values } from '../options.js';
import type { FlatCommand } from '../shell/index.js';
import type { Context } from '../types.js';
import type { Info } from './state.js';

export type Pick = 'rampart' | 'unknown' | 'ok';

// How Rampart's processes look to pgrep/ps/killall: the command name (node) and the full line.
// (Debian's and some distributions' node is installed as nodejs: the server may run under that name.)
const CANDIDATES = ['node', 'nodejs', 'rampart', 'nodejs /usr/lib/node_modules/rampart/bin/rampart.js serve', 'node /usr/local/lib/node_modules/rampart/bin/rampart.js serve', '/usr/bin/node --max-semi-space-size=2 /opt/rampart/bin/rampart.js contain-host', 'rampart serve'];
// Producers whose output is a list of process ids or names.
const LISTERS = /^(ps|pgrep|pidof|lsof|fuser|jobs|pstree|top|htop|systemctl|launchctl|docker|podman)$/;
// Commands that pass their input through, narrowed by a pattern (or not at all).
const NARROWERS = /^(grep|egrep|fgrep|rg|awk|gawk|mawk|nawk|sed|cut|head|tail|sort|uniq|tr|xargs|column|paste|cat|tac)$/;

// How the server's line looks in what a lister prints (ps -e, ps aux, ps -eo pid,comm, pstree -p): a pattern over that
// output also meets the pid, user and time columns (grep -o '[0-9]\+' keeps every pid).
const LISTED_LINES = ['   4242 ?        00:00:01 node', 'user        4242  0.1  0.5 1234567 45678 ?       Sl   10:00   0:01 node /usr/lib/node_modules/rampart/bin/rampart.js serve', '   4242 node', 'systemd(1)---node(4242)'];

/** A POSIX basic regular expression (grep's default) as a JavaScript one: \( \) \{ \} \| \+ \? are the operators, the bare
 *  characters literal; a bracket expression is copied as it is. */
export function breToJs(bre: string): string {
  let out = '';
  for (let i = 0; i < bre.length; i++) {
    const c = bre[i]!;
    if (c === '[') {
      // (A ] right after [ or [^ is a member, not the end.)
      let j = i + 1;
      if (bre[j] === '^') j++;
      if (bre[j] === ']') j++;
      const end = bre.indexOf(']', j);
      if (end < 0) return bre;
      out += bre.slice(i, end + 1);
      i = end;
    } else if (c === '\\' && i + 1 < bre.length) {
      const n = bre[++i]!;
      out += /[(){}|+?]/.test(n) ? n : `\\${n}`;
    } else out += /[(){}|+?]/.test(c) ? `\\${c}` : c;
  }
  return out;
}

/** The pattern matches one of Rampart's own process names or command lines (or, for a filter of a lister's output, its line there). */
function matchesRampart(pattern: string, opts: { exact?: boolean; regex?: boolean; icase?: boolean; listed?: boolean } = {}): boolean | 'unknown' {
  const same = (a: string) => (opts.icase ? a.toLowerCase() === pattern.toLowerCase() : a === pattern);
  // (A pattern the shell computes — pgrep -f "$1", pkill "$(cat name)" — may be anything where its expansion stands: `$`
  // then a name, a brace or a parenthesis is an expansion left in the word, not an anchor. Unknown when the pattern with
  // any text there could pick the server; a literal part that cannot — pgrep -f "vite --port $PORT" — still narrows.)
  if (/\$[\w{(]|`/.test(pattern)) {
    const any = pattern.replace(/\$\{[^}]*\}|\$\([^)]*\)|\$\w+|`[^`]*`/g, '\0');
    try {
      const re = new RegExp(opts.exact ? `^(${any.split('\0').join('.*')})$` : any.split('\0').join('.*'), 'i');
      return [...CANDIDATES, ...(opts.listed ? LISTED_LINES : [])].some((c) => re.test(c)) ? 'unknown' : false;
    } catch {
      return 'unknown';
    }
  }
  if (opts.exact && !opts.regex) return CANDIDATES.some((c) => same(c) || same(posix.basename(c.split(' ')[0]!)));
  try {
    const re = new RegExp(opts.exact ? `^(${pattern})$` : pattern, opts.icase ? 'i' : '');
    return [...CANDIDATES, ...(opts.listed ? LISTED_LINES : [])].some((c) => re.test(c));
  } catch {
    return 'unknown';
  }
}

const under = (p: string, dir: string | undefined) => dir !== undefined && (p === dir || p.startsWith(dir + '/'));

/** Patterns an awk program selects on (/re/ and "string" literals). */
function awkPatterns(prog: string): string[] {
  return [...prog.matchAll(/\/((?:[^/\\\n]|\\.)+)\/|"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1] ?? m[2] ?? '').filter((p) => p !== '' && !/^\\?[nt ]$/.test(p));
}

/** How a producer of process ids narrows its list; 'all' when it lists everything. */
function producerPick(argv: string[], ctx: Context, state: { lists: boolean }): Pick {
  const name = posix.basename(argv[0] ?? '');
  const args = argv.slice(1);
  const home = ctx.rampartHome;
  const abs = (a: string) => posix.resolve(ctx.cwd, a.replace(/^~(?=\/|$)/, ctx.home));
  if (args.some((a) => /rampart/i.test(a) || (/^[~/.]/.test(a) && under(abs(a), home)))) return 'rampart';
  const operands = args.filter((a) => !a.startsWith('-'));
  if (name === 'pgrep' || name === 'pidof') {
    // (pgrep -v lists every process its pattern does not match: the server's among them.)
    if (name === 'pgrep' && args.some((a) => a === '--inverse' || /^-[a-zA-Z]*v/.test(a))) return 'rampart';
    const pats = name === 'pidof' ? operands : operands.filter((a, k) => !/^-[uUgGPstF]$/.test(args[args.indexOf(a) - 1] ?? '') || k < 0);
    if (pats.length === 0) return args.some((a) => /^-[uUgGPs]/.test(a)) ? 'rampart' : 'unknown';
    const hit = pats.map((p) => matchesRampart(p, { exact: name === 'pidof' || args.includes('-x'), regex: name !== 'pidof', icase: args.includes('-i') }));
    return hit.includes(true) ? 'rampart' : hit.includes('unknown') ? 'unknown' : 'ok';
  }
  if (name === 'lsof' || name === 'fuser') {
    // lsof's process selectors: by command name (-c node: the server is node), user, group — many
    // processes, the server's too; -p by pid, as kill's.
    if (name === 'lsof') {
      for (let k = 0; k < args.length; k++) {
        const m = /^-([cugp])(.*)$/.exec(args[k]!);
        if (!m) continue;
        const v = m[2] || args[k + 1] || '';
        // (-c NAME matches the start of the command name, -c /RE/ a regular expression.)
        if (m[1] === 'c') { if (matchesRampart(/^\/.*\/$/.test(v) ? v.slice(1, -1) : `^${v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, { regex: true }) !== false) return 'rampart'; }
        else if (m[1] === 'p') { if (v.split(',').some((x) => ctx.rampartPids?.includes(Math.abs(Number(x))))) return 'rampart'; }
        else return 'rampart';
      }
    }
    // fuser -m (-km): every process using the file system a path is on — Rampart's, where the path
    // leads to its directory or the file system may be the same one.
    if (name === 'fuser' && args.some((a) => /^-[a-zA-Z]*[mM]/.test(a))) return operands.some((t) => home !== undefined && (home.startsWith(abs(t) + '/') || abs(t) === '/')) ? 'rampart' : 'unknown';
    // Ports (:3000, -i :3000, 8080/tcp) pick their listeners; no operand at all lists everything.
    const targets = operands.filter((a) => !/^[:\d]|\/(tcp|udp)$/.test(a));
    const network = name === 'lsof' && args.some((a) => /^-[a-zA-Z]*i/.test(a));
    if (operands.length === 0 && !network) return 'rampart';
    // (A glob whose fixed part leads into Rampart's directory — "$HOME"/.r*/*.sock — may name its socket.)
    const globInto = (t: string) => {
      const a = abs(t);
      const at = a.search(/[*?[]/);
      return at >= 0 && home !== undefined && (home.startsWith(a.slice(0, at)) || a.slice(0, at).startsWith(`${home}/`));
    };
    if (targets.some((t) => under(abs(t), home) || globInto(t))) return 'rampart';
    // (A target computed at run time — "$(find ~ -name '*.sock')" — may be any file: its users are unknown.)
    return targets.some((t) => /[$`]/.test(t)) ? 'unknown' : 'ok';
  }
  if (name === 'ps' || name === 'jobs' && !args.includes('-p') || name === 'pstree' || name === 'top' || name === 'htop') {
    state.lists = name !== 'jobs';
    return 'ok';
  }
  if (name === 'jobs') return 'ok';
  if (name === 'systemctl' || name === 'launchctl') {
    state.lists = true;
    return 'ok';
  }
  if (name === 'docker' || name === 'podman') return 'ok';
  if (NARROWERS.test(name)) {
    if (!state.lists) return 'ok';
    // (grep -f FILE takes its patterns from a file: which processes it keeps is not known here.)
    if (/^(grep|egrep|fgrep|rg)$/.test(name) && args.some((a) => /^-[a-zA-Z]*f|^--file(=|$)/.test(a))) {
      state.lists = false;
      return 'unknown';
    }
    const prog = /awk$/.test(name) ? awkPatterns(operands[0] ?? '') : /^(grep|egrep|fgrep|rg)$/.test(name) && !args.some((a) => /^-[a-zA-Z]*v/.test(a)) ? operands.slice(0, 1) : [];
    if (prog.length === 0) return 'ok'; // passes the list through unchanged: judged by what lists
    // (grep reads a basic regular expression unless told -E/-P/-F: n\(o\)de and no\?de are node, [0-9]\+ every pid.)
    const basic = name === 'grep' && !args.some((a) => /^-[a-zA-Z]*[EPF]|^--(extended|perl|fixed)-/.test(a));
    const hit = prog.map((p) => matchesRampart(basic ? breToJs(p) : p, { icase: args.includes('-i'), listed: true }));
    state.lists = false;
    return hit.includes(true) ? 'rampart' : hit.includes('unknown') ? 'unknown' : 'ok';
  }
  if (name === 'echo' || name === 'printf' || name === 'read') return 'ok';
  // ($(<FILE) has no words: bash reads FILE, judged by what wrote it, as cat FILE is.)
  if (argv.length === 0) return 'ok';
  return 'unknown';
}

/** The commands (in order) whose output feeds the given ones, through pipes. */
function upstream(start: number[], flat: FlatCommand[]): number[] {
  const seen = new Set<number>();
  const walk = (i: number) => {
    if (seen.has(i)) return;
    seen.add(i);
    for (const u of flat[i]?.stdinFrom ?? []) walk(u);
  };
  for (const s of start) walk(s);
  return [...seen].sort((a, b) => a - b);
}

/** What an earlier command of the line wrote into a file picks (pgrep node > /tmp/p; kill $(cat /tmp/p)); 'ok' when none wrote it. */
function filePick(file: string, before: number, flat: FlatCommand[], info: Info[], ctx: Context): Pick {
  const at = posix.resolve(ctx.cwd, file.replace(/^~(?=\/|$)/, ctx.home));
  const writers = flat.filter((c) => c.index < before && info[c.index]?.writesFiles.includes(at)).map((c) => c.index);
  if (writers.length) return chainPick(upstream(writers, flat), flat, info, ctx);
  // Rampart's own pid file (under RAMPART_HOME, or the run directory a long RAMPART_HOME moves to /tmp).
  const own = [`${ctx.rampartHome}/run/server.pid`, '/tmp/rampart-0/0123456789abcdef/server.pid'];
  if (/[*?[]/.test(at)) {
    const glob = compilePattern(at, { home: '', rampartHome: '', projectRoot: '' }).regex;
    // (A glob of pid files the line did not write picks processes nobody named.)
    return own.some((o) => glob.test(o)) ? 'rampart' : 'unknown';
  }
  return at.startsWith(`${ctx.rampartHome}/`) || /^\/tmp\/rampart-\d+\//.test(at) ? 'rampart' : 'ok';
}

/** Files a command reads its input from: a `<` redirection, xargs -a, cat/head/tail's operands. */
function inputFiles(fc: FlatCommand, argv: string[]): string[] {
  const name = posix.basename(argv[0] ?? '');
  const out = fc.redirects.filter((r) => r.op === '<').map((r) => r.target.value);
  if (name === 'xargs') out.push(...argv.slice(1).map((a, k, all) => (/^(-a|--arg-file)$/.test(all[k - 1] ?? '') ? a : /^-a./.test(a) ? a.slice(2) : undefined)).filter((x): x is string => x !== undefined));
  if (/^(cat|head|tail|sort|uniq|tac|cut|tr|less|more|strings)$/.test(name)) out.push(...argv.slice(1).filter((a) => !a.startsWith('-')));
  // (awk, sed and grep read the files after their program or pattern: awk 1 FILE, sed -n 1p FILE.)
  if (/^(g|m|n)?awk$|^(sed|grep|egrep|fgrep)$/.test(name)) {
    const ops = argv.slice(1).filter((a, k, all) => !a.startsWith('-') && !/^-[a-zA-Z]*[efFv]$/.test(all[k - 1] ?? ''));
    const given = argv.slice(1).some((a) => /^-[a-zA-Z]*[ef]$/.test(a));
    out.push(...ops.slice(given ? 0 : 1));
  }
  return out;
}

/** Judges the pick of a chain of producers (a substitution's commands or a pipe into xargs). */
function chainPick(indexes: number[], flat: FlatCommand[], info: Info[], ctx: Context): Pick {
  const state = { lists: false };
  let out: Pick = 'ok';
  for (const i of indexes) {
    const argv = info[i]?.argv ?? flat[i]!.argv.map((w) => w.value);
    const p = producerPick(argv, ctx, state);
    if (p === 'rampart') return 'rampart';
    if (p === 'unknown') out = 'unknown';
    // (A pid file the line wrote: what its writer picked.)
    for (const f of inputFiles(flat[i]!, argv)) {
      const q = filePick(f, i, flat, info, ctx);
      if (q === 'rampart') return 'rampart';
      if (q === 'unknown') out = 'unknown';
    }
  }
  // A full process list reaching kill unnarrowed picks everything, the server too.
  return state.lists ? 'rampart' : out;
}

// procps pkill/pgrep and psmisc killall options (a value after `=`: the option takes one).
const PKILL = optionTable(['signal=', 'q,queue=', 'e,echo', 'c,count', 'd,delimiter=', 'l,list-name', 'a,list-full', 'f,full', 'i,ignore-case', 'n,newest', 'o,oldest',
  'O,older=', 'v,inverse', 'w,lightweight', 'x,exact', 'r,runstates=', 'g,pgroup=', 'G,group=', 'P,parent=', 's,session=', 't,terminal=', 'u,euid=', 'U,uid=',
  'F,pidfile=', 'L,logpidfile', 'H,require-handler', 'A,ignore-ancestors', 'ns=', 'nslist=', 'cgroup=', 'env=', 'h,help', 'V,version']);
const KILLALL = optionTable(['e,exact', 'g,process-group', 'I,ignore-case', 'i,interactive', 'l,list', 'q,quiet', 'r,regexp', 's,signal=', 'u,user=', 'v,verbose',
  'w,wait', 'o,older-than=', 'y,younger-than=', 'n,ns=', 'Z,context=', 'V,version', 'h,help']);

const SKILL = optionTable(['f,fast', 'i,interactive', 'l,list', 'L,table', 'n,no-action', 'v,verbose', 'w,warnings', 'V,version', 'h,help', 'c,command=', 'p,pid=', 't,tty=', 'u,user=', 'ns=', 'nslist=']);

const OWN_PIDS = /^%\S*$|^\$[!$]$|^\$\{[!$]\}$|^\$PPID$/;

/** kill's words give signal 0 and nothing else that starts with a dash: a probe, no signal sent. */
function probesOnly(args: readonly string[]): boolean {
  const at = args[0] === '-0' ? 1 : /^-[sn]$/.test(args[0] ?? '') && /^(SIG)?0$/.test(args[1] ?? '') ? 2 : 0;
  const rest = args.slice(at + (args[at] === '--' ? 1 : 0));
  return at > 0 && rest.length > 0 && rest.every((a) => !a.startsWith('-'));
}

/** What a signalling command picks; `fc` is the command (kill run through xargs keeps xargs's). */
/** Which processes a process id word computed by a substitution picks (gdb -p "$(pgrep -n node)"). */
export function substitutionPick(raw: string, fc: FlatCommand, flat: FlatCommand[], info: Info[], ctx: Context): Pick {
  const subs = flat.filter((c) => c.origin?.parent === fc.index && c.origin.location === 'argv' && c.origin.word?.raw === raw).map((c) => c.index);
  return subs.length ? chainPick(upstream(subs, flat), flat, info, ctx) : 'unknown';
}

export function signalPick(name: string, args0: string[], fc: FlatCommand, flat: FlatCommand[], info: Info[], ctx: Context, coprocs: ReadonlySet<string> = new Set(), ownVars: ReadonlySet<string> = new Set()): Pick {
  // (A coproc's process, $NAME_PID, is the line's own, as $! is.)
  let args = args0;
  // (…and a variable the calling line filled with its own jobs' pids, read in a trap: kill "${pids[@]}" — unless this text
  // sets it again.)
  const resets = (n: string) => flat.some((c) => c.assignments.some((a) => a.name === n) || (/^(read|mapfile|readarray|declare|typeset|local|export|readonly|eval|source|\.|printf|unset|let)$/.test(c.argv[0]?.value ?? '') && c.argv.some((w) => w.raw.includes(n))));
  const own = (raw: string) => OWN_PIDS.test(raw) || coprocs.has(/^\$\{?([A-Za-z_]\w*?)_PID\}?$/.exec(raw)?.[1] ?? '') || [/^\$\{?([A-Za-z_]\w*)(?:\[[@*]\])?\}?$/.exec(raw)?.[1] ?? ''].some((n) => ownVars.has(n) && !resets(n));
  // The words after the command's own name (kill run by xargs or sudo keeps the outer command).
  const at = fc.argv.findIndex((w) => posix.basename(w.value) === name);
  const words = fc.argv.slice(at + 1);
  const raw = words.map((w) => w.raw);
  // (A unit or label the line computes — "${u}art.service", "$SVC" — may be Rampart's: as the words say once expanded where
  // the line knows the values, else not known.)
  const named = raw.some((r) => /rampart/i.test(r)) || words.some((w) => /rampart/i.test(w.value));
  const unitComputed = words.some((w) => !w.static && !/^-/.test(w.value) && !OWN_PIDS.test(w.raw));
  if (name === 'launchctl') return /^(unload|bootout|remove|stop|kill|disable)$/.test(args[0] ?? '') ? (named ? 'rampart' : unitComputed ? 'unknown' : 'ok') : 'ok';
  if (name === 'systemctl') {
    // (--user exit ends the user's service manager, and every unit it runs; soft-reboot restarts userspace.)
    if (args.some((a) => /^(exit|soft-reboot|switch-root)$/.test(a))) return 'rampart';
    if (!args.some((a) => /^(stop|kill|disable|mask|restart|isolate)$/.test(a))) return 'ok';
    if (named) return 'rampart';
    // A unit pattern (systemctl stop 'ramp*', '*.service') picks every loaded unit it matches: Rampart's too.
    const glob = (g: string) => { try { return new RegExp(`^${g.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`); } catch { return /^/; } };
    if (words.some((w) => /[*?[]/.test(w.value) && ['rampart', 'rampart.service'].some((u) => glob(w.value).test(u)))) return 'rampart';
    const subs = flat.filter((c) => c.origin?.parent === fc.index).map((c) => c.index);
    return subs.length ? chainPick(upstream(subs, flat), flat, info, ctx) : unitComputed ? 'unknown' : 'ok';
  }
  if (raw.some((r) => /rampart/i.test(r))) return 'rampart';
  // killall5 signals every process but its own session: the server too.
  if (name === 'killall5') return 'rampart';
  // prlimit --pid PID changes a running process's limits (nofile=0 cripples it): judged like kill PID.
  if (name === 'prlimit' && !args.some((a) => /^(--pid|-p)(=|$)|^-p\d/.test(a))) return 'ok';
  // skill selects by -c command, -p pid, -t terminal, -u user, or an expression it guesses the kind of:
  // a pid is judged as kill's, a terminal or user picks many processes, a name as pkill's pattern.
  if (name === 'skill') {
    const s = scan(args.filter((a, k) => !(k === 0 && /^-(\d+|(SIG)?[A-Z]{2,}[A-Z0-9+-]*)$/.test(a))), SKILL);
    if (s.unknown.length) return 'unknown';
    if (has(s, 'tty', 'user')) return 'rampart';
    const pids = [...values(s, 'pid'), ...s.positionals.filter((p) => /^\d+$/.test(p))];
    if (pids.some((p) => ctx.rampartPids?.includes(Number(p)))) return 'rampart';
    const names = [...values(s, 'command'), ...s.positionals.filter((p) => !/^\d+$/.test(p))];
    if (names.length === 0) return 'ok';
    name = 'pkill';
    args = ['-x', '--', ...names];
  }
  if (name === 'fuser') return producerPick([name, ...args], ctx, { lists: false });
  if (name === 'pkill' || name === 'killall') {
    // (A signal first — -9, -KILL, -SIGTERM — is no option; clusters and attached values are read as getopt does.)
    const sig = /^-(\d+|(SIG)?[A-Z]{2,}[A-Z0-9+-]*)$/;
    const s = scan(args.filter((a, k) => !(sig.test(a) && (k === 0 || name === 'killall'))), name === 'pkill' ? PKILL : KILLALL);
    // pkill -F FILE / --pidfile=FILE signals the pid written there: Rampart's own pid file is tampering.
    for (const file of values(s, 'pidfile')) {
      const p = /[$`]/.test(file) ? 'unknown' : filePick(file, fc.index, flat, info, ctx);
      if (p !== 'ok') return p;
    }
    // An option neither table knows may take a value that is the pattern, or select otherwise: not read.
    if (s.unknown.length) return 'unknown';
    const pats = s.positionals;
    // A selector (owner, group, parent, session, terminal, namespace, cgroup) picks many processes: with no
    // pattern to narrow them, or with the pattern inverted, the server's too.
    const selects = has(s, 'euid', 'uid', 'pgroup', 'group', 'parent', 'session', 'terminal', 'ns', 'cgroup', 'env', 'user', 'older', 'older-than', 'younger-than');
    if (pats.length === 0) return selects || has(s, 'inverse') ? 'rampart' : 'ok';
    if (has(s, 'inverse')) return 'rampart';
    if (words.some((w) => !w.static)) return 'unknown';
    const regex = name === 'pkill' || has(s, 'regexp');
    const hit = pats.map((p) => matchesRampart(p, { exact: (name === 'killall' && !regex) || (name === 'pkill' && has(s, 'exact') && !has(s, 'full')), regex, icase: has(s, 'ignore-case') }));
    return hit.includes(true) ? 'rampart' : hit.includes('unknown') ? 'unknown' : 'ok';
  }
  // Signal 0 (kill -0 PID, kill -s 0 PID) is sent to nobody: it only asks whether the processes exist.
  // (Not when a later word is another option or a signal: kill -0 -9 PID.)
  if (name === 'kill' && probesOnly(args)) return 'ok';
  // kill: literal pids, -1 (every process), own jobs, or ids computed by other commands.
  // -1 is a signal number when it comes first (kill -1 PID) and every process after one (kill -9 -1).
  const minusOne = args.indexOf('-1');
  if (minusOne > 0 && args.slice(0, minusOne).some((a) => a.startsWith('-'))) return 'rampart';
  const ops = words.filter((w) => !w.value.startsWith('-') || /^-\d+$/.test(w.value) && w !== words[0]);
  // A pid written out that is Rampart's own (or its process group): the server knows its pid.
  if (ops.some((w) => w.static && /^-?\d+$/.test(w.value) && ctx.rampartPids?.includes(Math.abs(Number(w.value))))) return 'rampart';
  let out: Pick = 'ok';
  const merge = (p: Pick) => {
    if (p === 'rampart' || out === 'ok') out = p;
  };
  const computed = ops.filter((w) => !w.static && !own(w.raw.replace(/^"|"$/g, '')));
  // A static operand that is no pid, job or signal (a glob over /proc, a path left by a loop
  // variable, `${p#/proc/}` of one) picks processes nobody can read here.
  // (An own-pid variable still empty where a trap is judged early — pids=(); trap 'kill "${pids[@]}"' — is no operand.)
  if (ops.some((w) => w.static && !/^-?\d+$|^%\S*$|^-[A-Za-z]+$|^(SIG)?[A-Z]+[A-Z0-9+-]*$|^\$[!$]$/.test(w.value) && !(w.value === '' && own(w.raw.replace(/^"|"$/g, ''))))) merge('unknown');
  const subs = flat.filter((c) => c.origin?.parent === fc.index && c.origin.location === 'argv').map((c) => c.index);
  if (subs.length) merge(chainPick(upstream(subs, flat), flat, info, ctx));
  else if (computed.length) {
    // A variable: its value came from an assignment's substitution or a `read` in the same line.
    // So can a loop's word list (`for p in $(pgrep …)`).
    const readers = /^(read|mapfile|readarray)$/;
    // (Only producers of those variables, followed through copies: pid=$!; n=$(seq 3); kill "$pid" picks the line's own job.)
    const wanted = new Set(computed.flatMap((w) => [...w.raw.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]!)));
    // (A loop over a variable's own words — for p in "${PIDS[@]}"; do kill "$p" — copies that variable: PIDS+=($!) picks
    // the line's own jobs. A loop whose words are anything else stays unread.)
    const copies = new Set<string>();
    for (const l of fc.loops ?? []) {
      const from = l.items.map((w) => /^"?\$\{?([A-Za-z_]\w*)(?:\[[@*]\])?\}?"?$/.exec(w.raw)?.[1]);
      if (from.length > 0 && from.every((n) => n !== undefined)) {
        copies.add(l.variable);
        for (const n of from) wanted.add(n!);
      }
    }
    for (let grew = true; grew;) {
      grew = false;
      for (const c of flat) for (const a of c.assignments) if (wanted.has(a.name)) for (const m of a.value.raw.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)) if (!wanted.has(m[1]!)) grew = Boolean(wanted.add(m[1]!));
    }
    const feeds = (c: FlatCommand): boolean => {
      const o = c.origin;
      if (o?.location === 'assignment' && o.parent !== null) {
        const a = flat[o.parent]?.assignments[o.wordIndex];
        return a === undefined || wanted.has(a.name);
      }
      if (o?.location === 'compound' && o.loopVariable !== undefined) return wanted.has(o.loopVariable);
      // (A substitution feeding a compound command — while read f; …; done <<< "$(git diff …)" — reaches only what a read
      // there binds: none of the wanted names, no pick.)
      if (o?.location === 'compound' && !flat.some((r) => readers.test(r.argv[0]?.value ?? '') && (r.argv.slice(1).some((w) => wanted.has(w.value)) || (wanted.has('REPLY') && !r.argv.slice(1).some((w) => /^[A-Za-z_]\w*$/.test(w.value)))))) return false;
      if (readers.test(c.argv[0]?.value ?? '')) {
        const vars = c.argv.slice(1).filter((w) => /^[A-Za-z_]\w*$/.test(w.value));
        return vars.length === 0 || vars.some((w) => wanted.has(w.value)) || wanted.has('REPLY');
      }
      return o?.location === 'assignment' || o?.location === 'compound';
    };
    // (A name set some other way — a loop over a variable's words — keeps every producer in play.)
    const bound = (n: string) => copies.has(n) || flat.some((c) => c.assignments.some((a) => a.name === n) || c.origin?.loopVariable === n || (readers.test(c.argv[0]?.value ?? '') && c.argv.some((w) => w.value === n)));
    const producers = flat.filter([...wanted].every(bound) ? feeds : (c) => c.origin?.location === 'assignment' || c.origin?.location === 'compound' || readers.test(c.argv[0]?.value ?? '')).map((c) => c.index);
    // A pid variable the line never sets (`kill "$PID"` alone) came from outside: unknown.
    // (One the environment holds with a value not known here is not known either.)
    const setHere = (name: string) => ctx.env[name] !== undefined || flat.some((c) => c.assignments.some((a) => a.name === name) || (readers.test(c.argv[0]?.value ?? '') && c.argv.some((w) => w.value === name)));
    const names = computed.flatMap((w) => [...w.raw.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]!)).flatMap((n) => (copies.has(n) ? [...wanted].filter((x) => !copies.has(x)) : [n]));
    if (producers.length === 0 && names.some((n) => !setHere(n))) merge('unknown');
    for (const p of producers) {
      const redirected = flat[p]!.redirects.some((r) => r.op === '<' && under(posix.resolve(ctx.cwd, r.target.value.replace(/^~(?=\/|$)/, ctx.home)), ctx.rampartHome));
      merge(redirected ? 'rampart' : chainPick(upstream([p], flat), flat, info, ctx));
      // (read -r P < <(pgrep …): the process substitution feeding it picks.)
      const fed = flat.filter((c) => c.origin?.parent === p && c.origin.location === 'redirect').map((c) => c.index);
      if (fed.length) merge(chainPick(upstream(fed, flat), flat, info, ctx));
    }
  }
  // xargs kill / kill read from a pipe: the pipe's producers pick; a file it reads, what wrote it.
  if (at > 0 || ops.length === 0) {
    for (const f of inputFiles(fc, fc.argv.map((w) => w.value))) merge(filePick(f, fc.index, flat, info, ctx));
    if (ctx.stdin && under(posix.resolve(ctx.cwd, ctx.stdin.replace(/^~(?=\/|$)/, ctx.home)), ctx.rampartHome)) return 'rampart';
    if (fc.stdinFrom.length) merge(chainPick(upstream(fc.stdinFrom, flat).filter((i) => i !== fc.index), flat, info, ctx));
  }
  return out;
}
