// ssh, scp, sftp: destination hosts (including ProxyJump, -o HostName), code-executing options
// (ProxyCommand, LocalCommand, KnownHostsCommand, scp -S), files sent and written.
import { newFacts, type Facts } from '../facts.js';
import { optionTable, scan, values, type Scanned } from '../options.js';
import { canonicalHost } from '../hosts.js';
import { ENV_CREDENTIAL } from '../credential-text.js';
import { addHost, landsAtAll, STDIN, wholeTree } from './common.js';
import type { AnalyzerInput } from './types.js';

const SSH = optionTable(
  ['B=', 'b=', 'c=', 'D=', 'E=', 'e=', 'F=', 'I=', 'i=', 'J=', 'L=', 'l=', 'm=', 'O=', 'o=', 'P=', 'p=', 'Q=', 'R=', 'S=', 'W=', 'w=',
   '4', '6', 'A', 'a', 'C', 'f', 'G', 'g', 'K', 'k', 'M', 'N', 'n', 'q', 's', 'T', 't', 'V', 'v', 'X', 'x', 'Y', 'y'],
  { stopAtPositional: true },
);
const SCP = optionTable(['c=', 'D=', 'F=', 'i=', 'J=', 'l=', 'o=', 'P=', 'S=', 'X=', '3', '4', '6', 'A', 'B', 'C', 'O', 'p', 'q', 'R', 'r', 's', 'T', 'v']);
const SFTP = optionTable(
  ['B=', 'b=', 'c=', 'D=', 'F=', 'i=', 'J=', 'l=', 'o=', 'P=', 'R=', 'S=', 'X=', '4', '6', 'A', 'a', 'C', 'f', 'N', 'p', 'q', 'r', 'v'],
  { stopAtPositional: true },
);

// ssh_config keys whose value is a command run on this machine.
export const EXEC_KEYS = new Set(['proxycommand', 'localcommand', 'knownhostscommand', 'permitlocalcommand', 'remotecommand', 'match', 'pkcs11provider', 'securitykeyprovider']);

/** Splits `user@host`, `ssh://user@host:port/path` or scp's `user@host:path`; undefined when local. */
export function sshDestination(spec: string, scpStyle: boolean): string | undefined {
  if (/^(ssh|scp|sftp):\/\//i.test(spec)) {
    const rest = spec.replace(/^[a-z]+:\/\//i, '');
    const auth = rest.split('/')[0]!;
    const hp = auth.slice(auth.lastIndexOf('@') + 1);
    return canonicalHost(hp.startsWith('[') ? hp.slice(1, hp.indexOf(']')) : hp.split(':')[0]!);
  }
  if (!scpStyle) return canonicalHost(spec.slice(spec.lastIndexOf('@') + 1));
  if (spec.startsWith('/') || spec.startsWith('.') || spec.startsWith('~')) return undefined;
  const m = /^(?:[^@/]*@)?(\[[^\]]+\]|[^:/]+):/.exec(spec);
  return m ? canonicalHost(m[1]!.replace(/^\[|\]$/g, '')) : undefined;
}

// (The environment every ssh_config's example sends: the locale and the terminal. Any other wildcard may name a credential.)
const PLAIN_ENV = /^(LANG|LANGUAGE|LC_\*|LC_[A-Z]+|TERM|COLORTERM|TZ)$/;

/** SendEnv/SetEnv values: the variables whose values the session sends (a `-` pattern withdraws one, sending nothing). */
function sentVariables(key: string, val: string): string[] {
  return key === 'setenv' ? [...val.matchAll(/(?:^|\s)"?([A-Za-z_]\w*)=(\S*)/g)].flatMap((m) => [m[1]!, ...[...m[2]!.matchAll(/\$\{?([A-Za-z_]\w*)/g)].map((v) => v[1]!)])
    : val.split(/[\s,]+/).filter((p) => p !== '' && !p.startsWith('-')).map((p) => p.replace(/^["']|["']$/g, ''));
}

/** Hosts ssh may connect to when it canonicalizes names: NAME.DOMAIN for each CanonicalDomains entry (added after the destinations). */
function canonicalDomains(f: Facts, domains: string[]): void {
  for (const h of f.hosts.filter((x) => x.role === 'target' && !/^[\d.]+$|:/.test(x.host))) for (const d of domains) addHost(f, `${h.host}.${d.replace(/^\.|\.$/g, '')}`, 'target', 'ssh');
}

function sshOptions(f: Facts, s: Scanned, dashSIsProgram = false): string[] {
  // CanonicalizeHostname yes|always with CanonicalDomains: ssh resolves NAME.DOMAIN first, a host that domain's DNS picks.
  const settings = values(s, 'o').map(sshConfigLine).filter((m) => m !== undefined).map(([k, v]) => [k.toLowerCase(), v] as const);
  const canonicalize = settings.find(([k]) => k === 'canonicalizehostname')?.[1];
  const domains = canonicalize !== undefined && !/^(no|none)$/i.test(canonicalize) ? settings.filter(([k]) => k === 'canonicaldomains').flatMap(([, v]) => v.split(/[\s,]+/).filter(Boolean)) : [];
  // scp/sftp -S PROGRAM replace ssh itself (ssh's own -S is a control socket path).
  if (dashSIsProgram) for (const p of values(s, 'S')) {
    f.tags.add('exec');
    f.notes.push(`-S ${p} replaces ssh with another program`);
  }
  for (const o of values(s, 'o')) {
    const m = sshConfigLine(o);
    // (An option whose name only the running shell knows — -o"$x", -o$(x) — may be any: ProxyCommand, LocalCommand, Include.)
    if ((!m || /[$`]/.test(m[0])) && /[$`]/.test(o)) computedOption(f, `-o ${o}`);
    if (!m) continue;
    const key = m[0].toLowerCase();
    const val = EXEC_KEYS.has(key) ? m[1] : unquoted(m[1]);
    if (EXEC_KEYS.has(key) && !/^(none|no)$/i.test(val)) {
      f.tags.add('exec');
      f.notes.push(`-o ${m[0]} runs a local command`);
      if (key !== 'permitlocalcommand' && key !== 'match') f.runs.push(val);
    }
    if (key === 'hostname') addHost(f, val, 'target', 'ssh');
    // SendEnv NAME / SetEnv NAME=VALUE send those variables' values with the session, to whatever host: a credential by its
    // name (AWS_SECRET_ACCESS_KEY, GITHUB_TOKEN, SetEnv T=$GITHUB_TOKEN) is sent, and so may be one a wildcard picks (*, AWS_*).
    if (key === 'sendenv' || key === 'setenv') {
      const sent = sentVariables(key, val).filter((n) => ENV_CREDENTIAL.test(n) || (/[*?]/.test(n) && !PLAIN_ENV.test(n)));
      if (sent.length) {
        f.sends.push('/proc/self/environ');
        f.notes.push(`-o ${m[0]} sends ${sent.join(', ')} from the environment`);
      }
    }
    // -o Include=FILE reads another configuration (what -F does): ProxyCommand may be in it.
    if (key === 'include' && val !== '/dev/null') {
      f.tags.add('ssh-config-file');
      f.notes.push(`-o Include=${val} reads an ssh configuration Rampart has not read`);
    }
    // Files ssh writes (known hosts it learns, a control socket, its log) and programs it runs for X11 (xauth).
    if (/^(userknownhostsfile|controlpath|identityagent)$/.test(key) && !/^(none|\/dev\/null)$/i.test(val)) {
      if (key !== 'identityagent') f.writes.push(...val.split(/\s+/).filter((p) => !/%/.test(p)));
    }
    if (key === 'xauthlocation' && !/^\/usr\/(bin|X11R6\/bin)\/xauth$/.test(val)) {
      f.tags.add('exec');
      f.notes.push(`-o XAuthLocation=${val} runs that program as xauth`);
    }
    if (key === 'proxyjump') for (const j of val.split(',')) if (j !== 'none') addHost(f, sshDestination(j, false)!, 'proxy', 'ssh');
  }
  for (const j of values(s, 'J')) for (const h of j.split(',')) addHost(f, sshDestination(h, false)!, 'proxy', 'ssh');
  for (const c of values(s, 'F')) if (c !== '/dev/null') f.tags.add('ssh-config-file');
  // -I loads a PKCS#11 library into ssh: arbitrary code.
  if (values(s, 'I').length > 0) {
    f.tags.add('exec');
    f.notes.push('-I loads a shared library into ssh');
  }
  for (const e of values(s, 'E')) f.writes.push(e);
  return domains;
}

// (readconf.c's separators: strdelim splits at these, and at one '=' between keyword and value.)
const SSH_BLANK = ' \t\r\n';

/** An ssh_config line (-o TEXT) split as OpenSSH's process_config_line takes it: the keyword by strdelim (misc.c), which ends
 *  it at a blank, '=' or a double quote — a quote is removed and the keyword runs on to the next one (`"ProxyCommand" x`,
 *  `Proxy"Command" x`), a tab separates as a space does — then the value with its leading blanks and one '=' skipped.
 *  Undefined when there is no keyword or a quote is left open (ssh refuses the line). */
export function sshConfigLine(text: string): [string, string] | undefined {
  let s = text.replace(/^[ \t\r\n]+/, '');
  const stop = [...s].findIndex((c) => SSH_BLANK.includes(c) || c === '"' || c === '=');
  if (stop < 0) return s === '' ? undefined : [s, ''];
  let key = s.slice(0, stop);
  if (s[stop] === '"') {
    const close = s.indexOf('"', stop + 1);
    if (close < 0) return undefined;
    key += s.slice(stop + 1, close);
    s = s.slice(close + 1);
  } else {
    s = s.slice(stop + (s[stop] === '=' ? 1 : 0));
  }
  const value = s.replace(/^[ \t\r\n]*(=[ \t\r\n]*)?/, '').replace(/[ \t\r\n]+$/, '');
  return key === '' ? undefined : [key, value];
}

/** A value in double quotes as ssh's argv_split reads one word: HostName "evil.example" is evil.example. */
const unquoted = (v: string): string => (/^"[^"]*"$/.test(v) ? v.slice(1, -1) : v);

/** An ssh option only known at run time: any option, one that runs a command among them — not understood, so asked. */
function computedOption(f: Facts, word: string): void {
  f.tags.add('ssh-config-file');
  f.notes.push(`${word} is an ssh option only known when the line runs (it may be ProxyCommand or LocalCommand)`);
}

/** Facts of ssh. */
export function analyzeSsh({ tool, args }: AnalyzerInput): Facts {
  const f = newFacts(tool);
  const first = scan(args, SSH);
  // OpenSSH reads options after the destination too (`ssh host -o ProxyCommand=…`), up to the
  // first word of the remote command.
  const after = first.positionals.length > 0 ? scan(first.positionals.slice(1), SSH) : undefined;
  const s: Scanned = after ? { ...first, opts: [...first.opts, ...after.opts], positionals: [first.positionals[0]!, ...after.positionals] } : first;
  const domains = sshOptions(f, s);
  // -V (version), -Q (a list of algorithms) and -G (the configuration it would use) print and exit: no connection, nothing read from stdin.
  if (s.opts.some((o) => /^[VQG]$/.test(o.name))) {
    f.notes.push('ssh -V/-Q/-G prints and exits without connecting');
    return f;
  }
  const [dest, ...command] = s.positionals;
  // (A word after the destination only the running shell knows — ssh host $x — may be an option ssh still reads: -oProxyCommand=….)
  if (/^[$`]/.test(command[0] ?? '')) computedOption(f, command[0]!);
  if (dest) addHost(f, sshDestination(dest, false)!, 'target', 'ssh');
  for (const w of values(s, 'W')) addHost(f, w.replace(/:\d+$/, '').replace(/^\[|\]$/g, ''), 'target', 'ssh');
  canonicalDomains(f, domains);
  if (values(s, 'L', 'R', 'D').length > 0) f.tags.add('port-forward');
  if (!s.opts.some((o) => o.name === 'n' || o.name === 'f')) f.sends.push(STDIN);
  if (command.length > 0) f.notes.push(`remote command: ${command.join(' ')}`);
  return f;
}

/** Facts of scp: remote operands are hosts; local sources are sent when the target is remote. */
export function analyzeScp({ tool, args, cwd, home }: AnalyzerInput): Facts {
  const f = newFacts(tool);
  const s = scan(args, SCP);
  const domains = sshOptions(f, s, true);
  const ops = s.positionals;
  const target = ops[ops.length - 1];
  const targetHost = target === undefined ? undefined : sshDestination(target, true);
  for (const op of ops) {
    const h = sshDestination(op, true);
    if (h) addHost(f, h, 'target', 'ssh');
  }
  if (ops.length >= 2) {
    if (targetHost) for (const src of ops.slice(0, -1)) if (!sshDestination(src, true)) f.sends.push(src);
    // (scp -r . host:backup sends the project's top whole, .env with it.)
    if (targetHost && s.opts.some((o) => o.name === 'r') && ops.slice(0, -1).some((src) => !sshDestination(src, true) && wholeTree(src, cwd, home))) {
      f.tags.add('uploads-project');
      f.notes.push(`${tool} -r sends a whole directory tree to ${targetHost}`);
    }
    // (A file copied into a directory lands there under its own name: scp host:dots/.bashrc ~/ writes ~/.bashrc; a tree's
    // contents — scp -r host:dots/. ~/ — fill the directory, whatever names they have.)
    if (!targetHost) {
      f.writes.push(target!);
      for (const src of ops.slice(0, -1)) {
        const at = landsAtAll(target!, src);
        if (at.length) f.writes.push(...at);
        else if (s.opts.some((o) => o.name === 'r')) f.tags.add('recursive');
      }
    }
  }
  canonicalDomains(f, domains);
  return f;
}

/** Facts of sftp: the destination host; a batch file is an opaque list of transfers. */
export function analyzeSftp({ tool, args }: AnalyzerInput): Facts {
  const f = newFacts(tool);
  const s = scan(args, SFTP);
  const domains = sshOptions(f, s, true);
  for (const b of values(s, 'b')) {
    f.tags.add('opaque-config');
    if (b !== '-') f.reads.push(b);
  }
  const dest = s.positionals[0];
  const host = dest === undefined ? undefined : sshDestination(dest, dest.includes(':'));
  if (host) addHost(f, host, 'target', 'ssh');
  // sftp HOST:FILE LOCAL runs `get FILE LOCAL`: LOCAL is written (LOCAL/FILE when it is a directory). Without LOCAL the file
  // lands in the working directory (cd ~ && sftp host:dots/.bashrc makes ~/.bashrc).
  const local = s.positionals[1] ?? (dest !== undefined && /:[^:]/.test(dest.replace(/^\[[^\]]*\]/, '')) ? '.' : undefined);
  if (host && local !== undefined) {
    if (local !== '.') f.writes.push(local);
    const at = landsAtAll(local, dest!);
    if (at.length) f.writes.push(...at);
    else if (s.opts.some((o) => o.name === 'r')) f.tags.add('recursive');
  }
  canonicalDomains(f, domains);
  return f;
}
