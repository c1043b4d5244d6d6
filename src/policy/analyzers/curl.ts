// curl: every URL and host contacted (including proxies, --resolve, --connect-to, DoH, env
// proxies), every file whose content is sent, every file written.
import { posix } from 'node:path';
import { atFile, newFacts, type Facts } from '../facts.js';
import { optionTable, scan, values, has } from '../options.js';
import { addHost, addUrl, envValue, hostOfHostPort, STDIN } from './common.js';
import { expandBraces } from '../hosts.js';
import type { AnalyzerInput } from './types.js';

const TABLE = optionTable([
  // data and uploads
  'd,data=', 'data-ascii=', 'data-binary=', 'data-raw=', 'data-urlencode=', 'json=', 'F,form=', 'form-string=',
  'T,upload-file=', 'url-query=', 'variable=', 'K,config=', 'H,header=', 'proxy-header=', 'b,cookie=',
  // destinations
  'url=', 'x,proxy=', 'preproxy=', 'socks4=', 'socks4a=', 'socks5=', 'socks5-hostname=', 'proxy1.0=',
  'resolve=', 'connect-to=', 'doh-url=', 'dns-servers=', 'unix-socket=', 'abstract-unix-socket=', 'noproxy=',
  'proto-default=', 'haproxy-clientip=', 'interface=', 'dns-interface=', 'dns-ipv4-addr=', 'dns-ipv6-addr=',
  // outputs
  'o,output=', 'output-dir=', 'D,dump-header=', 'c,cookie-jar=', 'trace=', 'trace-ascii=', 'stderr=',
  'etag-save=', 'etag-compare=', 'hsts=', 'alt-svc=', 'libcurl=',
  // everything else that takes a value
  'A,user-agent=', 'e,referer=', 'u,user=', 'U,proxy-user=', 'X,request=', 'E,cert=', 'cert-type=', 'key=',
  'key-type=', 'pass=', 'cacert=', 'capath=', 'crlfile=', 'ciphers=', 'curves=', 'connect-timeout=',
  'm,max-time=', 'max-filesize=', 'max-redirs=', 'retry=', 'retry-delay=', 'retry-max-time=', 'r,range=',
  'C,continue-at=', 'Y,speed-limit=', 'y,speed-time=', 'limit-rate=', 'rate=', 'w,write-out=', 'z,time-cond=',
  'P,ftp-port=', 'Q,quote=', 't,telnet-option=', 'oauth2-bearer=', 'aws-sigv4=', 'netrc-file=', 'proto=',
  'proto-redir=', 'login-options=', 'sasl-authzid=', 'service-name=', 'mail-from=', 'mail-rcpt=', 'mail-auth=',
  'request-target=', 'local-port=', 'keepalive-time=', 'keepalive-cnt=', 'expect100-timeout=', 'tls-max=',
  'tls13-ciphers=', 'tlsauthtype=', 'tlsuser=', 'tlspassword=', 'pinnedpubkey=', 'hostpubmd5=', 'hostpubsha256=',
  'pubkey=', 'krb=', 'delegation=', 'engine=', 'random-file=', 'egd-file=', 'ftp-account=', 'ftp-method=',
  'ftp-alternative-to-user=', 'ftp-ssl-ccc-mode=', 'ip-tos=', 'vlan-priority=', 'happy-eyeballs-timeout-ms=',
  'create-file-mode=', 'tftp-blksize=', 'socks5-gssapi-service=', 'proxy-service-name=', 'proxy-cacert=',
  'proxy-capath=', 'proxy-cert=', 'proxy-cert-type=', 'proxy-ciphers=', 'proxy-crlfile=', 'proxy-key=',
  'proxy-key-type=', 'proxy-pass=', 'proxy-pinnedpubkey=', 'proxy-tls13-ciphers=', 'proxy-tlsauthtype=',
  'proxy-tlspassword=', 'proxy-tlsuser=', 'trace-config=', 'ech=', 'ssl-sessions=', 'knownhosts=', 'sigalgs=',
  // flags that matter
  'O,remote-name', 'remote-name-all', 'J,remote-header-name', 'G,get', 'n,netrc', 'q,disable', 'globoff',
  'k,insecure', 'L,location', 's,silent', 'S,show-error', 'f,fail', 'fail-with-body', 'v,verbose', 'I,head',
  'i,include', 'N,no-buffer', 'Z,parallel', 'l,list-only', 'a,append', 'B,use-ascii', 'j,junk-session-cookies',
  'R,remote-time', 'M,manual', 'V,version', 'h,help', 'p,proxytunnel', 'g', '0,http1.0', '1,tlsv1', '2,sslv2',
  '3,sslv3', '4,ipv4', '6,ipv6', '#,progress-bar', ':,next', 'compressed', 'create-dirs', 'http2', 'http1.1',
  'http3', 'http3-only', 'http2-prior-knowledge', 'no-progress-meter', 'path-as-is', 'raw', 'tcp-nodelay',
  'ssl', 'ssl-reqd', 'tlsv1.2', 'tlsv1.3', 'digest', 'basic', 'ntlm', 'negotiate', 'anyauth', 'post301',
  'post302', 'post303', 'location-trusted', 'fail-early', 'styled-output', 'xattr', 'retry-all-errors',
  'retry-connrefused', 'skip-existing', 'remove-on-error', 'mptcp', 'ca-native', 'proxy-insecure',
  'suppress-connect-headers', 'tr-encoding', 'ignore-content-length', 'disallow-username-in-url',
]);

// Data options whose value may be `@file` (curl reads the file and sends it).
const AT_DATA = ['data', 'data-ascii', 'data-binary', 'json'];

/** Facts of one curl invocation. */
export function analyzeCurl({ tool, args, env, cwd }: AnalyzerInput): Facts {
  const f = newFacts(tool);
  // `--expand-data` etc. are the same options with variable expansion.
  const s = scan(args.map((a) => a.replace(/^--expand-/, '--')), TABLE);
  const stdinNames = /^(-|\/dev\/stdin|\/dev\/fd\/0|\/proc\/self\/fd\/0)$/;
  const sendFile = (file: string | undefined) => {
    if (file === undefined) return;
    f.sends.push(stdinNames.test(file) ? STDIN : file);
  };
  for (const o of s.opts) {
    const v = o.value ?? '';
    if (AT_DATA.includes(o.name)) sendFile(atFile(v, false));
    else if (o.name === 'data-urlencode' || o.name === 'url-query') sendFile(atFile(v, true));
    else if (o.name === 'form') for (const file of formFiles(v)) sendFile(file);
    // -T takes curl's URL globbing too: -T '{a,.env}' uploads both.
    // (-T takes a plain name; `-T @.env` names a file "@.env" — the @ of -d written out of habit. It is
    // judged as the file meant: the same line with the @ dropped sends it.)
    else if (o.name === 'upload-file') for (const x of args.includes('--globoff') || args.includes('-g') ? [v] : expandBraces(v)) sendFile(x === '.' ? '-' : x.replace(/^@(?=.)/, ''));
    // (--variable %NAME@FILE imports NAME from the environment and falls back to FILE's content.)
    else if (o.name === 'variable') sendFile(atFile(v.replace(/^%/, ''), true));
    else if (o.name === 'header' || o.name === 'proxy-header') sendFile(atFile(v, false));
    else if (o.name === 'cookie' && !v.includes('=')) sendFile(v);
    else if (o.name === 'config') {
      // Options come from a file we cannot read here: destinations are unknown.
      sendFile(v);
      f.tags.add('opaque-config');
    }
  }
  // -h/--help [CATEGORY], -M/--manual and -V/--version print text and make no request at all (the
  // category word, `curl -h all`, is no host): only what the options read is left to judge.
  if (has(s, 'help', 'manual', 'version')) {
    f.notes.push('curl only prints its help, manual or version');
    return f;
  }
  const urls = [...s.positionals, ...values(s, 'url')];
  const globbing = !has(s, 'globoff');
  const defaultScheme = values(s, 'proto-default')[0] ?? 'http';
  for (const u of urls) addUrl(f, u, 'target', defaultScheme, globbing);
  if (urls.length === 0 && !has(s, 'config', 'version', 'help', 'manual')) f.notes.push('no URL given');
  for (const p of values(s, 'proxy', 'preproxy', 'socks4', 'socks4a', 'socks5', 'socks5-hostname', 'proxy1.0')) {
    if (p) addUrl(f, p, 'proxy');
  }
  for (const r of values(s, 'resolve')) {
    // [+]host:port:addr[,addr]…
    const addrs = r.replace(/^\+/, '').split(':').slice(2).join(':');
    for (const a of addrs.split(',')) if (a) addHost(f, a.replace(/^\[|\]$/g, ''), 'resolve');
  }
  for (const c of values(s, 'connect-to')) {
    // HOST1:PORT1:HOST2:PORT2 — the connection goes to HOST2.
    const m = /^(\[[^\]]*\]|[^:]*):([^:]*):(\[[^\]]*\]|[^:]*):?/.exec(c);
    if (m && m[3]) addHost(f, m[3].replace(/^\[|\]$/g, ''), 'resolve');
  }
  for (const d of values(s, 'doh-url')) addUrl(f, d, 'resolve');
  for (const d of values(s, 'dns-servers')) for (const a of d.split(',')) addHost(f, hostOfHostPort(a), 'resolve');
  // (curl reads http_proxy in lower case only, https_proxy in either; a redirect followed with -L can move the request to the
  // other scheme, where that variable applies.)
  if (!values(s, 'noproxy').includes('*') && !has(s, 'proxy') && envValue(env, 'no_proxy', 'NO_PROXY') !== '*') {
    const schemes = new Set(has(s, 'location') || has(s, 'location-trusted') ? ['http', 'https'] : f.schemes);
    const proxies = new Set<string>();
    const p1 = schemes.has('http') ? envValue(env, 'http_proxy') : undefined;
    const p2 = schemes.has('https') ? envValue(env, 'https_proxy', 'HTTPS_PROXY') : undefined;
    const p3 = envValue(env, 'all_proxy', 'ALL_PROXY');
    for (const p of [p1, p2, p3]) if (p) proxies.add(p);
    for (const p of proxies) addUrl(f, p, 'proxy');
  }
  // -w @FILE prints the file (the write-out format) to stdout.
  for (const w of values(s, 'write-out')) if (w.startsWith('@') && w !== '@-') f.reads.push(w.slice(1));
  // (…and %output{FILE} / %output{>>FILE} sends the rest of the format to FILE: a write there, as `>> FILE`.)
  for (const w of values(s, 'write-out')) for (const m of w.matchAll(/%output\{(?:>>)?([^}]+)\}/g)) f.writes.push(m[1]!);
  // --etag-compare FILE sends the file's first line as If-None-Match; cookies and HSTS/alt-svc caches are read and may be sent.
  for (const w of values(s, 'etag-compare', 'cookie', 'hsts', 'alt-svc')) if (w && !w.includes('=') && w !== '-') f.sends.push(w);
  // An alt-svc cache names other hosts to connect to for a request's host: where it goes is in a file.
  if (values(s, 'alt-svc').some((w) => w !== '')) {
    f.tags.add('opaque-config');
    f.notes.push('--alt-svc reads a cache that can send the request to another host');
  }
  // --output-dir DIR holds every -o NAME as much as -O's names: `-o .bashrc --output-dir ~` writes ~/.bashrc.
  const outputDir = values(s, 'output-dir')[0];
  const inDir = (n: string) => (outputDir && !n.startsWith('/') ? posix.join(outputDir, n) : n);
  // (Each output file is written anew: what was there is gone, as after `: > F`.)
  for (const w of values(s, 'output')) {
    if (w === '-' || w === '%') continue;
    const named = (has(s, 'globoff') ? [w] : globbedNames(w, urls)).map(inDir);
    f.writes.push(...named);
    f.truncates = [...(f.truncates ?? []), ...named];
  }
  for (const w of values(s, 'dump-header', 'cookie-jar', 'trace', 'trace-ascii', 'stderr', 'etag-save', 'libcurl', 'hsts', 'alt-svc')) {
    if (w !== '-' && w !== '%') f.writes.push(...(has(s, 'globoff') ? [w] : globbedNames(w, urls)));
  }
  if (has(s, 'remote-name', 'remote-name-all')) {
    const dir = values(s, 'output-dir')[0] ?? cwd;
    for (const u of urls) {
      const name = posix.basename(u.split(/[?#]/)[0]!.replace(/^[a-z]+:\/\/[^/]*/i, '')) || 'index.html';
      f.writes.push(posix.join(dir, name));
    }
  }
  // A request through a local socket is a write to the daemon behind it (Rampart's own socket is a
  // protected path; docker's makes containers) — unless it only reads (GET/HEAD, no body) from a
  // system daemon's socket under /run or /var/run, as `docker ps` does.
  // (A DELETE request: what it deletes lives on the server — the line judge weighs where that is.)
  if (values(s, 'request').some((m) => /^DELETE$/i.test(m))) f.tags.add('http-delete');
  const reads = values(s, 'request').every((m) => /^(GET|HEAD)$/i.test(m)) && !has(s, 'data', 'data-raw', 'data-binary', 'data-ascii', 'data-urlencode', 'json', 'form', 'form-string', 'upload-file');
  for (const u of values(s, 'unix-socket', 'abstract-unix-socket')) {
    f.tags.add('unix-socket');
    if (!reads || !/^\/(var\/)?run\//.test(u)) f.writes.push(u);
  }
  // Through a socket, curl connects to the socket only: the URL's host is just the Host header.
  if (has(s, 'unix-socket', 'abstract-unix-socket')) f.hosts = f.hosts.filter((h) => h.role !== 'target');
  if (has(s, 'remote-header-name')) f.tags.add('server-named-output');
  return f;
}

/** The files a -F part reads, as tool_formparse.c parses NAME=CONTENT: after @ a list of files split at ',' (one field, several
 *  uploads: f=@a.txt,b.txt), after < one file's content; each may carry ;type=, ;filename= and ;headers= parameters, and
 *  headers=@FILE or headers=<FILE reads FILE's lines as the part's headers (read_field_headers) — text content takes them too.
 *  A word in double quotes holds ';' and ',' (get_param_word). */
export function formFiles(value: string): string[] {
  const eq = value.indexOf('=');
  if (eq < 0) return [];
  const content = value.slice(eq + 1);
  const fromFiles = content.startsWith('@') || content.startsWith('<');
  // Split at ';' and ',' outside double quotes; each piece keeps the separator before it.
  const pieces: { sep: string; text: string }[] = [];
  let sep = '';
  let text = '';
  let quoted = false;
  for (let k = fromFiles ? 1 : 0; k < content.length; k++) {
    const c = content[k]!;
    if (c === '\\' && quoted && k + 1 < content.length) text += content[++k];
    else if (c === '"') quoted = !quoted;
    else if (!quoted && (c === ';' || (c === ',' && fromFiles))) {
      pieces.push({ sep, text });
      sep = c;
      text = '';
    } else text += c;
  }
  pieces.push({ sep, text });
  const files: string[] = [];
  for (const [k, p] of pieces.entries()) {
    const t = p.text.trim();
    if (k === 0 || p.sep === ',') {
      if (fromFiles && t !== '') files.push(t);
      continue;
    }
    const h = /^headers=\s*[@<]\s*(.+)$/.exec(t);
    if (h) files.push(h[1]!.trim());
  }
  return files;
}

/** `-o "#1"` names outputs after the URL's glob parts ({a,b} lists, [1-3] ranges): every name it can take. */
function globbedNames(output: string, urls: readonly string[]): string[] {
  if (!/#\d/.test(output)) return [output];
  const out: string[] = [];
  for (const u of urls) {
    const groups = [...u.matchAll(/\{([^}]*)\}|\[([^\]]*)\]/g)].map((m) => (m[1] !== undefined ? m[1].split(',') : (m[2] ?? '').split('-').slice(0, 2)));
    let names = [output];
    groups.forEach((alts, k) => {
      names = names.flatMap((n) => (n.includes(`#${k + 1}`) ? alts.map((a) => n.split(`#${k + 1}`).join(a)) : [n]));
    });
    out.push(...names);
  }
  return out.length ? out : [output];
}
