// socat: both addresses — network peers, listeners and their bind option, EXEC/SYSTEM, files.
import { newFacts, type Facts } from '../facts.js';
import { has, optionTable, scan } from '../options.js';
import { addHost, STDIN } from './common.js';
import type { AnalyzerInput } from './types.js';

const TABLE = optionTable(['b=', 's', 't=', 'T=', 'L=', 'W=', 'lf=', 'ls', 'lm?=', 'lp=', 'lu', 'lh', 'd', 'D', 'v', 'x', 'u', 'U', 'g', '4', '6', 'h', 'V', 'hh', 'hhh'], { singleDashLong: true });

const CONNECT = /^(tcp|tcp4|tcp6|tcp-connect|tcp4-connect|tcp6-connect|udp|udp4|udp6|udp-connect|udp4-connect|udp6-connect|udp-sendto|udp4-sendto|udp6-sendto|udp-datagram|udp4-datagram|udp6-datagram|openssl|openssl-connect|openssl-dtls-client|openssl-dtls-connect|ssl|sctp|sctp-connect|sctp4-connect|sctp6-connect|dccp-connect|dccp4-connect|dccp6-connect|socks|socks4|socks4a|socks5|socks5-connect|proxy|proxy-connect|ip-sendto|ip4-sendto|ip6-sendto|ip-datagram|ip4-datagram|ip6-datagram|vsock-connect|interface)$/;
const LISTEN = /^(tcp-listen|tcp4-listen|tcp6-listen|tcp-l|tcp4-l|tcp6-l|udp-listen|udp4-listen|udp6-listen|udp-l|udp-recv|udp4-recv|udp6-recv|udp-recvfrom|udp4-recvfrom|udp6-recvfrom|openssl-listen|openssl-dtls-server|openssl-dtls-listen|ssl-l|sctp-listen|sctp4-listen|sctp6-listen|dccp-listen|ip-recv|ip4-recv|ip6-recv|ip-recvfrom|vsock-listen)$/;
const EXEC = /^(exec|system|shell)$/;
const FILE = /^(open|file|gopen|create|pipe)$/;

/** Facts of one socat invocation. */
export function analyzeSocat({ tool, args }: AnalyzerInput): Facts {
  const f = newFacts(tool);
  const s = scan(args, TABLE);
  let network = false;
  const files: string[] = [];
  for (const addr of s.positionals) {
    const [head, ...opts] = addr.split(',');
    const parts = head!.split(':');
    const kind = parts[0]!.toLowerCase();
    const optMap = new Map(opts.map((o) => [o.split('=')[0]!.toLowerCase(), o.split('=').slice(1).join('=')]));
    if (EXEC.test(kind)) {
      f.tags.add('exec');
      f.runs.push(head!.slice(kind.length + 1));
    } else if (CONNECT.test(kind)) {
      network = true;
      // PROXY:proxy:host:port and SOCKS:server:host:port contact the first host.
      const host = parts[1]?.startsWith('[') ? head!.slice(head!.indexOf('[') + 1, head!.indexOf(']')) : parts[1];
      if (host) addHost(f, host, /^(socks|proxy)/.test(kind) ? 'proxy' : 'target');
    } else if (LISTEN.test(kind)) {
      network = true;
      const bind = optMap.get('bind') ?? optMap.get('range');
      if (bind) addHost(f, bind.replace(/[:/].*$/, ''), 'listen');
      else f.tags.add('listen-public');
    } else if (FILE.test(kind)) files.push(head!.slice(kind.length + 1));
    else if (kind === 'unix-connect' || kind === 'unix' || kind === 'unix-client' || kind === 'unix-sendto') {
      f.tags.add('unix-socket');
      f.writes.push(head!.slice(kind.length + 1));
    } else if (kind === '-' || kind === 'stdio' || kind === 'stdin') files.push(STDIN);
    else if (/^(stdout|stderr|readline|pty|fd|tun|pipe|socketpair|abstract-connect|abstract-listen)$/.test(kind)) continue;
    else if (head!.includes('/') && !head!.includes(':')) files.push(head!);
    else {
      // An address type Rampart does not know: its destination cannot be judged.
      f.tags.add('unparsed-url');
      f.notes.push(`unknown socat address ${head}`);
    }
  }
  if (network) for (const file of files) {
    f.sends.push(file);
    if (file !== STDIN) f.writes.push(file);
  }
  // File to file: with -u the second address is written (the first read); both ways, both are.
  if (!network) {
    const real = files.filter((x) => x !== STDIN);
    const written = has(s, 'u') ? files.slice(1) : has(s, 'U') ? files.slice(0, 1) : files;
    f.writes.push(...written.filter((x) => x !== STDIN));
    f.reads.push(...real.filter((x) => !written.includes(x)));
  }
  return f;
}
