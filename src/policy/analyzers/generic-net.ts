// A conservative reading of network tools without a grammar of their own (HTTPie/xh, aria2c,
// lwp-request, text browsers, ftp/tftp, mail, rclone, s3cmd, smbclient, websocket clients):
// every URL, `user@host` recipient and `//host/share` is a destination; `field@file` and
// attachments are files sent; stdin is sent by the ones that send it.
import { newFacts, type Facts } from '../facts.js';
import { canonicalHost } from '../hosts.js';
import { addHost, addUrl, STDIN } from './common.js';
import type { AnalyzerInput } from './types.js';

/** Tools that send their stdin (a request body, a mail). */
const STDIN_SENDERS = new Set(['http', 'https', 'xh', 'xhs', 'lwp-request', 'POST', 'PUT', 'mail', 'mailx', 'mutt', 'sendmail', 'msmtp', 'websocat', 'wscat']);
/** Tools that copy local operands to a remote (their local operands are sent). */
const UPLOADERS = new Set(['rclone', 's3cmd', 'smbclient', 'tftp', 'ftp', 'lftp']);
/** Options whose value is a file that is attached or sent. */
const ATTACH = /^(-a|--attach|--attachment|-A|-T|--upload-file|put|--data-binary)$/;

export const GENERIC_NET_TOOLS = ['http', 'https', 'xh', 'xhs', 'httpie', 'curlie', 'aria2c', 'lwp-request', 'GET', 'POST', 'PUT', 'HEAD', 'lynx', 'w3m', 'links', 'elinks', 'ftp', 'lftp', 'tftp', 'mail', 'mailx', 'mutt', 'sendmail', 'msmtp', 'rclone', 's3cmd', 'smbclient', 'websocat', 'wscat', 'grpcurl', 'xdg-open', 'sensible-browser', 'x-www-browser', 'www-browser', 'firefox', 'chromium', 'google-chrome'];

/** Facts of a network tool read conservatively. */
export function analyzeGenericNet({ tool, args }: AnalyzerInput): Facts {
  const f = newFacts(tool);
  const ops = args.filter((a) => !a.startsWith('-'));
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(a)) addUrl(f, a, 'target');
    else if (/^\/\/[\w.-]+\//.test(a)) addHost(f, a.slice(2).split('/')[0]!, 'target');
    else if (/^[\w.+-]+@[\w-]+(\.[\w-]+)+$/.test(a)) addHost(f, a.slice(a.indexOf('@') + 1), 'target', 'smtp');
    // HTTPie's `field@file` and `@file` read a file into the request.
    const at = /^(?:[\w.-]*[=:]?)@([^@\s]+)$/.exec(a);
    if (at && !a.includes('://') && !/^[\w.+-]+@[\w-]+\./.test(a)) f.sends.push(at[1]!);
    if (ATTACH.test(a) && args[i + 1]) f.sends.push(args[i + 1]!);
  }
  // ftp/tftp/lftp name a bare host as their first operand.
  if (/^(ftp|lftp|tftp)$/.test(tool) && ops[0] && !ops[0].includes('/')) addHost(f, canonicalHost(ops[0]), 'target');
  if (UPLOADERS.has(tool)) for (const o of ops.slice(1)) if (!/^[\w-]+:/.test(o) && !o.includes('://') && !o.startsWith('//')) f.sends.push(o);
  // smbclient -c 'put FILE', tftp -c put FILE: the command names the file sent.
  for (let i = 0; i < args.length; i++) if (args[i] === '-c' && args[i + 1]) for (const m of args[i + 1]!.matchAll(/\b(?:put|mput)\s+(\S+)/g)) f.sends.push(m[1]!);
  if (STDIN_SENDERS.has(tool)) f.sends.push(STDIN);
  if (f.hosts.length === 0 && UPLOADERS.has(tool)) f.tags.add('opaque-config'); // remotes named in its own config
  return f;
}

/** DNS tools with a server operand (`dig @server`, `nslookup name server`): the server is contacted. */
export function analyzeDnsServer({ tool, args }: AnalyzerInput): Facts {
  const f = newFacts(tool);
  for (const a of args) if (a.startsWith('@') && a.length > 1) addHost(f, a.slice(1), 'target', 'dns');
  const ops = args.filter((a) => !a.startsWith('-') && !a.startsWith('@') && !a.startsWith('+'));
  if ((tool === 'nslookup' || tool === 'host') && ops[1]) addHost(f, ops[1], 'target', 'dns');
  return f;
}
