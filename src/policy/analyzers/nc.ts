// nc / ncat / netcat: host and port, listen mode and its bind address, exec flags, proxies.
import { newFacts, type Facts } from '../facts.js';
import { has, optionTable, scan, values } from '../options.js';
import { addHost, hostOfHostPort, STDIN } from './common.js';
import type { AnalyzerInput } from './types.js';

// The union of OpenBSD nc, traditional netcat and nmap's ncat option grammars.
const TABLE = optionTable([
  'e,exec=', 'c,sh-exec=', 'lua-exec=', 'I=', 'i,delay=', 'M=', 'm=', 'O=', 'P,proxy-auth=', 'p,source-port=',
  'q=', 's,source=', 'T=', 'V=', 'W=', 'w,wait=', 'X,proxy-type=', 'x,proxy=', 'o,output=', 'x-output=',
  'g=', 'G=', 'allow=', 'allowfile=', 'deny=', 'denyfile=', 'max-conns=', 'ssl-cert=', 'ssl-key=',
  'ssl-trustfile=', 'ssl-ciphers=', 'ssl-servername=', 'ssl-alpn=', 'append-output', 'l,listen', 'k,keep-open',
  'u,udp', 'U,unixsock', 'n,nodns', 'v,verbose', 'z', 'd,recv-only', 'send-only', 'N', 'D', 'C,crlf', 'F', 'h,help',
  'r', 'S', 't,telnet', 'Z', '4', '6', 'b', 'ssl', 'sctp', 'chat', 'broker', 'version', 'no-shutdown',
]);

/** Facts of one netcat invocation. */
export function analyzeNc({ tool, args }: AnalyzerInput): Facts {
  const f = newFacts(tool);
  const s = scan(args, TABLE);
  for (const cmd of values(s, 'exec', 'sh-exec', 'lua-exec')) {
    f.tags.add('exec');
    f.runs.push(cmd);
  }
  for (const p of values(s, 'proxy')) addHost(f, hostOfHostPort(p), 'proxy');
  for (const o of values(s, 'output', 'x-output')) f.writes.push(o);
  if (has(s, 'unixsock')) {
    f.tags.add('unix-socket');
    if (s.positionals[0]) f.writes.push(s.positionals[0]);
    f.sends.push(STDIN);
    return f;
  }
  // After the destination every operand is a port (`nc -z 127.0.0.1 "$port"` in a loop): a parameter there is a
  // port, not a second host. A first operand that is a number may be a host spelled as one, so it keeps the old reading.
  const port = (p: string): boolean => /^\d+(-\d+)?$/.test(p);
  const hostArgs = s.positionals.filter((p, i) => !port(p) && !(i > 0 && !port(s.positionals[0]!) && /^\$(\w+|\{\w+\})$/.test(p)));
  if (has(s, 'listen')) {
    // Listening without a loopback bind address accepts peers from anywhere.
    const bind = [...values(s, 'source'), ...hostArgs];
    if (bind.length === 0) f.tags.add('listen-public');
    for (const b of bind) addHost(f, b, 'listen');
  } else {
    for (const h of hostArgs) addHost(f, h, 'target');
    if (hostArgs.length === 0 && s.positionals.length > 0) f.notes.push('no host given');
  }
  if (!has(s, 'recv-only')) f.sends.push(STDIN);
  return f;
}
