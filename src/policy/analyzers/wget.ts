// wget: URLs, proxies (including `-e http_proxy=…` wgetrc commands), files posted, files written.
import { posix } from 'node:path';
import { newFacts, type Facts } from '../facts.js';
import { has, optionTable, scan, values } from '../options.js';
import { addUrl, envValue, STDIN } from './common.js';
import type { AnalyzerInput } from './types.js';

const TABLE = optionTable([
  'O,output-document=', 'o,output-file=', 'a,append-output=', 'P,directory-prefix=', 'i,input-file=', 'B,base=',
  'post-data=', 'post-file=', 'body-data=', 'body-file=', 'method=', 'header=', 'e,execute=', 'config=',
  'U,user-agent=', 'user=', 'password=', 'http-user=', 'http-password=', 'ftp-user=', 'ftp-password=',
  'proxy-user=', 'proxy-password=', 'load-cookies=', 'save-cookies=', 'certificate=', 'private-key=',
  'ca-certificate=', 'ca-directory=', 'certificate-type=', 'private-key-type=', 't,tries=', 'T,timeout=',
  'dns-timeout=', 'connect-timeout=', 'read-timeout=', 'w,wait=', 'waitretry=', 'Q,quota=', 'l,level=',
  'A,accept=', 'R,reject=', 'accept-regex=', 'reject-regex=', 'D,domains=', 'exclude-domains=',
  'I,include-directories=', 'X,exclude-directories=', 'limit-rate=', 'referer=', 'restrict-file-names=',
  'bind-address=', 'cut-dirs=', 'default-page=', 'E,adjust-extension', 'local-encoding=', 'remote-encoding=',
  'progress=', 'secure-protocol=', 'rejected-log=', 'warc-file=', 'use-askpass=', 'prefer-family=',
  'report-speed=', 'max-redirect=', 'follow-tags=', 'ignore-tags=', 'F,force-html', 'q,quiet', 'v,verbose',
  'nv,no-verbose', 'c,continue', 'N,timestamping', 'S,server-response', 'spider', 'r,recursive', 'm,mirror',
  'k,convert-links', 'p,page-requisites', 'np,no-parent', 'nd,no-directories', 'x,force-directories',
  'nH,no-host-directories', 'H,span-hosts', 'b,background', 'd,debug', 'h,help', 'V,version',
  'no-check-certificate', 'no-proxy', 'delete-after', 'content-disposition', 'trust-server-names',
  'no-clobber', 'inet4-only', 'inet6-only', '4', '6', 'show-progress', 'https-only', 'retry-connrefused',
]);

/** Facts of one wget invocation. */
export function analyzeWget(input: AnalyzerInput): Facts {
  const { tool, args, env } = input;
  const f = newFacts(tool);
  const s = scan(args, TABLE);
  const stdinNames = /^(-|\/dev\/stdin|\/dev\/fd\/0|\/proc\/self\/fd\/0)$/;
  for (const file of values(s, 'post-file', 'body-file', 'load-cookies')) f.sends.push(stdinNames.test(file) ? STDIN : file);
  for (const file of values(s, 'input-file', 'config')) {
    // Every line of an input file becomes a request (and a DNS lookup): its content leaves the machine.
    f.sends.push(file === '-' ? STDIN : file);
    f.tags.add('opaque-config');
  }
  let proxyOff = has(s, 'no-proxy');
  const proxies: string[] = [];
  const dirPrefixes = values(s, 'directory-prefix');
  // -e CMD runs a wgetrc command (main.c: execute, 'e', a required value — -epostfile=F too). init.c's parse_line drops
  // '-' and '_' from the command's name (dehyphen) and looks it up in any case: post_file, post-file and PostFile are postfile.
  for (const cmd of values(s, 'execute')) {
    const m = /^\s*([a-z_-]+)\s*=\s*(.*)$/i.exec(cmd);
    if (!m) continue;
    const key = m[1]!.toLowerCase().replace(/[_-]/g, '');
    const val = m[2]!.trim();
    if (key === 'httpproxy' || key === 'httpsproxy' || key === 'ftpproxy') proxies.push(val);
    else if (key === 'useproxy' && /^(off|no|0)$/i.test(val)) proxyOff = true;
    else if (key === 'postfile' || key === 'bodyfile' || key === 'input' || key === 'loadcookies') f.sends.push(val);
    else if (key === 'outputdocument' || key === 'logfile' || key === 'savecookies') f.writes.push(val);
    else if (key === 'dirprefix') dirPrefixes.push(val);
    else if (key !== 'robots') f.tags.add('wgetrc-command');
  }
  for (const u of s.positionals) addUrl(f, u, 'target');
  for (const b of values(s, 'base')) addUrl(f, b, 'target');
  // (wget reads its proxy variables in lower case only, and follows redirects by default: whatever the URL's scheme, a redirect
  // can move the request to the other one, where that variable applies.)
  if (!proxyOff && env.no_proxy !== '*') for (const v of ['http_proxy', 'https_proxy', 'ftp_proxy']) proxies.push(env[v] ?? '');
  for (const p of proxies) if (p) addUrl(f, p, 'proxy');
  for (const w of values(s, 'output-document', 'output-file', 'append-output', 'save-cookies', 'rejected-log', 'warc-file')) if (w !== '-') f.writes.push(w);
  // (-O, -o and the cookie and log files are written anew unless -c continues the download; -a appends.)
  const anew = values(s, 'output-file', 'save-cookies', 'rejected-log', ...(has(s, 'continue') ? [] : ['output-document'])).filter((w) => w !== '-');
  if (anew.length) f.truncates = [...(f.truncates ?? []), ...anew];
  // Without -O each download is saved under its own name in -P DIR (or the working directory).
  if (values(s, 'output-document').length === 0) {
    const dir = dirPrefixes.at(-1) ?? input.cwd;
    for (const u of s.positionals) {
      const name = posix.basename(u.split(/[?#]/)[0]!.replace(/^[a-z]+:\/\/[^/]*/i, '')) || 'index.html';
      f.writes.push(posix.join(dir, name));
    }
  }
  return f;
}
