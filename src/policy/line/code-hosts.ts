// Which string literals in code name a machine. A dotted name is a host only when it ends in a real
// top-level domain (tlds.ts), and, where that domain is also a file's extension or an everyday word
// (.py, .rs, .sh, .cu, .org, .zip, .mov, .md, .app, .data: tlds.ts), only when its place says so: a scheme, a port, a
// path after it, a user@ before it, or a network API or host setting it is given to.
// So open("main.py") reads a file, while Client("evil.sh"), "https://x.py/" and "x.zip:443" name hosts.
import { FILE_EXTENSION_TLDS, TLDS } from './tlds.js';

/** The classic generic domains and the ones abuse lists are full of: a host wherever they end a dotted name. */
const PLAIN_GENERIC = /^(com|net|org|edu|gov|mil|int|info|biz|xyz|online|top|shop|icu|vip|site|website|space|club|example|onion|internal|lan|corp)$/;
/** Where a value is given as a host: a setting named for one, or a call of a network API or client. */
const HOST_PLACE = /(?:\b(?:host|hostname|server|url|uri|endpoint|addr|address|domain|remote|origin|proxy|base_?url|baseURL|broker|bootstrap_servers|dsn)\s*[=:]\s*\[?\s*|\b\w*(?:connect|client|Client|session|Session|request|Request|fetch|Fetch|get|post|put|download|Download|upload|Upload|socket|Socket|url|Url|URL|resolve|lookup|ping|dial|remote|Remote|mirror|Mirror|host|Host|server|Server|http|Http|HTTP|ssh|SSH|ftp|FTP|smtp|SMTP|mqtt|redis|Redis|mongo|Mongo|grpc|ws|WebSocket|proxy|Proxy|tunnel|send|Send)\w*\s*\(\s*(?:[^()"'`]*,\s*)?\(?\s*)$/;
const LOCAL = /^(localhost|127\.\d+\.\d+\.\d+|\[?::1\]?|0\.0\.0\.0)$/i;

/**
 * The machine a string literal names, given the code just before it; undefined when it names none (or, unless `all`,
 * only this one). Where a host is expected (`hostPlace`: a tool's mirror setting), any real domain but a file's extension is one.
 */
export function hostOfLiteral(lit: string, before = '', all = false, hostPlace = false): string | undefined {
  const LOOPBACK = all ? /(?!)/ : LOCAL;
  const url = /^[a-z][\w+.-]*:\/\/(?:[^@/?#\s]*@)?(\[[^\]]*\]|[^/:?#\s]*)/i.exec(lit);
  if (url) return url[1] && !LOOPBACK.test(url[1]) ? url[1].toLowerCase() : undefined;
  // user@host:path (scp and git's form), host=… inside a connection string.
  const at = /^[\w.+-]+@([\w-]+(?:\.[\w-]+)+)(?::|$)/.exec(lit) ?? /(?:^|[\s;?&])host=([^\s;&,/]+)/i.exec(lit);
  if (at) return LOOPBACK.test(at[1]!) ? undefined : at[1]!.toLowerCase();
  if (/^(localhost|::1|\[::1\])(:\d{1,5})?$/i.test(lit)) return all ? lit.replace(/:\d+$/, '').toLowerCase() : undefined;
  const ip = /(?:^|[@/=\s])(\d{1,3}(?:\.\d{1,3}){3})(?::\d+)?(?:[/,\s]|$)/.exec(lit);
  if (ip) return LOOPBACK.test(ip[1]!) ? undefined : ip[1];
  const name = /^((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+([a-z][a-z0-9-]*[a-z0-9]|[a-z]{2}))(:\d{1,5})?(\/\S*)?$/i.exec(lit);
  if (!name) return undefined;
  const host = name[1]!.toLowerCase();
  const tld = name[2]!;
  // (A domain is written in one case: "Config.Dev" and "mylib.Video" are names in code.)
  if (tld !== tld.toLowerCase() && tld !== tld.toUpperCase()) return undefined;
  if (!TLDS.has(tld.toLowerCase()) || LOOPBACK.test(host)) return undefined;
  if (name[3] || name[4]) return host;
  const t = tld.toLowerCase();
  // (A file's extension names a host only by its place, even a classic domain's: "notes.org" is an Org file; a host setting
  // still reads "mirror.org" as a host.)
  const fileLike = FILE_EXTENSION_TLDS.has(t);
  const plain = fileLike ? hostPlace && PLAIN_GENERIC.test(t) : PLAIN_GENERIC.test(t) || t.length === 2 || hostPlace;
  return plain || HOST_PLACE.test(before.slice(-200)) ? host : undefined;
}

/** The machines code's string literals name (not this one, unless `all`). */
export function hostsInCode(code: string, all = false): string[] {
  const out: string[] = [];
  for (const m of code.matchAll(/(["'`])((?:(?!\1)[^\\\n]|\\.)*)\1/g)) {
    const h = hostOfLiteral(m[2]!, code.slice(0, m.index), all);
    if (h !== undefined) out.push(h);
  }
  return out;
}
