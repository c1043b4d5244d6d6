// A conservative reading of network tools without a grammar of their own (HTTPie/xh, aria2c,
// lwp-request, text browsers, ftp/tftp, mail, rclone, s3cmd, smbclient, websocket clients):
// every URL, `user@host` recipient and `//host/share` is a destination; `field@file` and
// attachments are files sent; stdin is sent by the ones that send it.
import { newFacts, type Facts } from '../facts.js';
import { canonicalHost } from '../hosts.js';
import { addHost, addUrl, hostOfHostPort, STDIN, wholeTree } from './common.js';
import type { AnalyzerInput } from './types.js';

/** Tools that send their stdin (a request body, a mail). */
const STDIN_SENDERS = new Set(['http', 'https', 'xh', 'xhs', 'lwp-request', 'POST', 'PUT', 'mail', 'mailx', 'mutt', 'neomutt', 's-nail', 'sendmail', 'msmtp', 'websocat', 'wscat']);
/** Tools that copy local operands to a remote (their local operands are sent). */
const UPLOADERS = new Set(['rclone', 's3cmd', 'smbclient', 'tftp', 'ftp', 'lftp']);
/** Options whose value is a file that is attached or sent. */
const ATTACH = /^(-a|--attach|--attachment|-A|-T|--upload-file|put|--data-binary)$/;

export const GENERIC_NET_TOOLS = ['http', 'https', 'xh', 'xhs', 'httpie', 'curlie', 'aria2c', 'axel', 'lwp-request', 'GET', 'POST', 'PUT', 'HEAD', 'lynx', 'w3m', 'links', 'elinks', 'ftp', 'lftp', 'tftp', 'mail', 'mailx', 'mutt', 'neomutt', 's-nail', 'sendmail', 'msmtp', 'rclone', 's3cmd', 'smbclient', 'websocat', 'wscat', 'grpcurl', 'xdg-open', 'sensible-browser', 'x-www-browser', 'www-browser', 'firefox', 'chromium', 'google-chrome'];

const HTTPIE = new Set(['http', 'https', 'xh', 'xhs', 'httpie', 'curlie']);
/** HTTPie/xh options that take a separate value (the value is not the URL). */
const HTTPIE_VALUED = /^(-a|--auth|-A|--auth-type|-o|--output|--session|--session-read-only|--verify|--cert|--cert-key|--cert-key-pass|--ssl|--proxy|-s|--style|--pretty|-p|--print|--timeout|--max-redirects|--default-scheme|--format-options|--boundary|--response-charset|--response-mime|--ciphers|--resolve|--interface|--unix-socket|--bearer|-H|--header)$/;

/** The URL operand of an HTTPie-style command line (the first operand that is not a METHOD), and the METHOD. */
function httpieRequest(args: readonly string[]): { url?: string; method?: string } {
  let method: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') continue;
    if (a.startsWith('-') && a.length > 1) {
      if (HTTPIE_VALUED.test(a)) i++;
      continue;
    }
    if (method === undefined && /^(get|post|put|patch|delete|head|options|trace|connect)$/i.test(a)) {
      method = a.toUpperCase();
      continue;
    }
    return { url: a, method };
  }
  return { method };
}

/** The file an HTTPie/xh request item reads, split as HTTPie's KeyValueArgType does (httpie/cli/argtypes.py): at the first
 *  separator no backslash escapes — ':=@' raw JSON from a file, '=@' a field's text from a file, ':@' a header's value from
 *  a file, '@' a file upload (with an optional ;type=MIME after the name) —, undefined for any other item. */
function httpieItemFile(item: string): string | undefined {
  for (let k = 0; k < item.length; k++) {
    if (item[k] === '\\') { k++; continue; }
    const rest = item.slice(k);
    const sep = [':=@', '=@', ':@', ':=', '==', '=', ':', '@'].find((x) => rest.startsWith(x));
    if (sep === undefined) continue;
    if (!sep.endsWith('@')) return undefined;
    const file = rest.slice(sep.length);
    return sep === '@' ? file.replace(/;type=[^;]*$/, '') : file;
  }
  return undefined;
}

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
    // (…and in every item spelling HTTPie/xh read: f:=@F embeds F as raw JSON, f@F;type=MIME uploads F, a field named
    // with brackets or spaces — files[]@F.)
    if (HTTPIE.has(tool) && !a.startsWith('-') && !a.includes('://') && !HTTPIE_VALUED.test(args[i - 1] ?? '')) {
      const file = httpieItemFile(a);
      if (file !== undefined && file !== '') f.sends.push(file);
    }
  }
  // A proxy option routes the requests through its host: HTTPie/xh --proxy PROTOCOL:URL (https:http://H:3128,
  // all:socks5://H), aria2c --all-proxy=URL / --https-proxy URL, lftp's and rclone's likewise.
  for (let i = 0; i < args.length; i++) {
    const m = /^--((?:[\w-]*-)?proxy)(?:=(.*))?$/s.exec(args[i]!);
    if (!m || m[1]!.startsWith('no-')) continue;
    const v = m[2] ?? args[++i];
    if (v) addUrl(f, v.replace(/^[a-z]+:(?=[a-z][\w+.-]*:\/\/)/i, ''), 'proxy');
  }
  // HTTPie, xh and curlie: the first operand after an optional METHOD is the URL, with or
  // without a scheme (`xh evil.example/x`, `http :3000/api` is localhost).
  if (HTTPIE.has(tool)) {
    const { url, method } = httpieRequest(args);
    if (method === 'DELETE') f.tags.add('http-delete');
    if (url !== undefined && !/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) {
      if (/^:(\d|\/|$)/.test(url)) addHost(f, 'localhost', 'target');
      else addUrl(f, url, 'target', /^(https|xhs)$/.test(tool) ? 'https' : 'http');
    }
  }
  // grpcurl HOST:PORT METHOD; `-d @` reads the request from stdin.
  if (tool === 'grpcurl') {
    const hp = ops.find((o) => /^[\w.-]+:\d+$/.test(o) || /^\[[0-9a-f:]+\]:\d+$/i.test(o));
    if (hp) addHost(f, hostOfHostPort(hp), 'target');
    if (args.some((a, i) => (a === '-d' || a === '--d') && args[i + 1] === '@')) f.sends.push(STDIN);
  }
  // aria2c -i/--input-file F and axel/lynx/w3m fed a list fetch every line of F as a URL: F's lines leave as requests (wget -i does the same).
  if (tool === 'aria2c') for (let i = 0; i < args.length; i++) {
    const m = /^(?:--input-file=|-i(?=.))(.+)$/.exec(args[i]!);
    const v = m ? m[1] : /^(-i|--input-file)$/.test(args[i]!) ? args[i + 1] : undefined;
    if (v !== undefined) {
      f.sends.push(v === '-' ? STDIN : v);
      // (…to hosts a list from outside the project names, which Rampart does not read: where it connects is unknown.)
      if (/^([/~]|\.\.\/|-$)/.test(v)) {
        f.tags.add('unparsed-url');
        f.notes.push(`${tool} fetches the URLs listed in ${v}, which Rampart does not read`);
      }
    }
  }
  // (aria2c's proxies carry every request: --all-proxy, --http-proxy, --https-proxy, --ftp-proxy.)
  if (tool === 'aria2c') for (let i = 0; i < args.length; i++) {
    const m = /^--(?:all|http|https|ftp)-proxy(?:=(.*))?$/.exec(args[i]!);
    const v = m ? m[1] ?? args[i + 1] : undefined;
    if (v) addUrl(f, /:\/\//.test(v) ? v : `http://${v}`, 'proxy');
  }
  // Text browsers given a local file (lynx -dump .env, w3m F) print it.
  if (/^(lynx|w3m|links|elinks)$/.test(tool)) for (const o of ops) if (!/^[a-z][a-z0-9+.-]*:/i.test(o) && !/^[\w-]+(\.[\w-]+)+(\/|$)/.test(o) && /^[./~]|\//.test(o) || /^\.[\w.-]+$/.test(o)) f.reads.push(o);
  // lftp -e 'mirror -R LOCAL [REMOTE]' (reverse: upload) sends LOCAL; the project's top, the project.
  if (tool === 'lftp') for (let i = 0; i < args.length; i++) if ((args[i] === '-e' || args[i] === '-c') && args[i + 1]) {
    for (const m of args[i + 1]!.matchAll(/\bmirror\s+((?:-{1,2}[\w-]+(?:=\S+)?\s+)*)(\S+)/g)) if (/(^|\s)(-R|--reverse)\b/.test(m[1]!)) {
      f.sends.push(m[2]!);
      if (wholeTree(m[2]!)) { f.tags.add('uploads-project'); f.notes.push(`lftp mirror -R ${m[2]} uploads the project, its .env with it`); }
    }
  }
  // ftp/tftp/lftp name a bare host as their first operand.
  if (/^(ftp|lftp|tftp)$/.test(tool) && ops[0] && !ops[0].includes('/')) addHost(f, canonicalHost(ops[0]), 'target');
  // rclone VERB SRC… DEST: local sources are sent only when the destination is a remote (name:path);
  // a copy between local paths, or from a remote down to the project, sends nothing.
  // (…or a remote made on the fly, :sftp,host=H,user=U:path — H is where the files go.)
  // (…but not rclone's on-the-fly local and in-memory backends, :local:/tmp and :memory:, which are this machine.)
  const remoteOp = (o: string) => (/^[\w-]+:/.test(o) || /^:[\w-]+(,[^:]*)?:/.test(o)) && !o.includes('://') && !/^:(local|memory)(,[^:]*)?:/.test(o);
  for (const o of ops) { const h = /^:[\w-]+,(?:[^:]*,)?(?:host|url|endpoint)=([^,:/]+)/.exec(o)?.[1]; if (h) addHost(f, canonicalHost(h), 'target'); }
  if (tool === 'rclone') {
    const [verb, ...rest] = ops;
    if (rest.length >= 2 && remoteOp(rest.at(-1)!)) f.sends.push(...rest.slice(0, -1).filter((o) => !remoteOp(o)));
    // On this machine's files it is rm and rsync: sync/bisync make a local destination a copy (what
    // it lacks is deleted), move deletes its local sources, delete/purge/rmdirs remove local trees.
    const local = rest.filter((o) => !remoteOp(o));
    const dest = rest.length >= 2 ? rest.at(-1)! : undefined;
    if (/^(sync|bisync)$/.test(verb ?? '') && dest && !remoteOp(dest)) f.deletes.push(dest);
    if (/^(copy|copyto|sync|bisync|move|moveto|copyurl)$/.test(verb ?? '') && dest && !remoteOp(dest)) f.writes.push(dest);
    if (/^(move|moveto)$/.test(verb ?? '')) f.deletes.push(...local.slice(0, -1));
    if (/^(delete|deletefile|purge|rmdir|rmdirs|cleanup|dedupe)$/.test(verb ?? '')) f.deletes.push(...local);
    if (f.deletes.length) f.tags.add('recursive');
  } else if (UPLOADERS.has(tool)) for (const o of ops.slice(1)) if (!remoteOp(o) && !o.includes('://') && !o.startsWith('//')) f.sends.push(o);
  // smbclient -c 'put FILE', tftp -c put FILE: the command names the file sent.
  for (let i = 0; i < args.length; i++) if (args[i] === '-c' && args[i + 1]) for (const m of args[i + 1]!.matchAll(/\b(?:put|mput)\s+(\S+)/g)) f.sends.push(m[1]!);
  if (STDIN_SENDERS.has(tool)) f.sends.push(STDIN);
  // aria2c and axel save each download as -o/--out NAME (in -d/--dir DIR), else as the URL's last segment.
  if (tool === 'aria2c' || tool === 'axel') f.writes.push(...downloadedFiles(args));
  // Remotes named in its own config: where local files go is not in the line. (rclone's listing,
  // reading and remote-to-remote verbs send nothing of this machine's.)
  if (f.hosts.length === 0 && UPLOADERS.has(tool) && (tool !== 'rclone' || f.sends.length > 0)) f.tags.add('opaque-config');
  return f;
}

/** The files aria2c/axel write: -o/--out/--output NAME (below -d/--dir), else each URL's last path segment. */
function downloadedFiles(args: readonly string[]): string[] {
  const opt = (...names: string[]): string[] => args.flatMap((a, k) => names.flatMap((n) => (a === n && args[k + 1] !== undefined ? [args[k + 1]!] : a.startsWith(`${n}=`) ? [a.slice(n.length + 1)] : [])));
  const dir = opt('-d', '--dir', '--directory').at(-1);
  const at = (name: string) => (dir && !name.startsWith('/') ? `${dir.replace(/\/$/, '')}/${name}` : name);
  const named = opt('-o', '--out', '--output');
  if (named.length) return named.map(at);
  return args.filter((a) => /^(https?|ftp):\/\//i.test(a)).map((u) => u.replace(/[?#].*$/, '').split('/').pop() || 'index.html').map(at);
}

/** DNS tools with a server operand (`dig @server`, `nslookup name server`): the server is contacted. */
export function analyzeDnsServer({ tool, args }: AnalyzerInput): Facts {
  const f = newFacts(tool);
  for (const a of args) if (a.startsWith('@') && a.length > 1) addHost(f, a.slice(1), 'target', 'dns');
  const ops = args.filter((a) => !a.startsWith('-') && !a.startsWith('@') && !a.startsWith('+'));
  if ((tool === 'nslookup' || tool === 'host') && ops[1]) addHost(f, ops[1], 'target', 'dns');
  return f;
}

// Backup tools send what they back up to their repository: restic's -r/--repo (or RESTIC_REPOSITORY), borg's REPO::ARCHIVE
// (or BORG_REPO), duplicity's target URL. A repository on another machine is a destination; a backup of the project's tree
// there uploads the project. (A repository on this machine's disk is a copy.)
export const BACKUP_TOOLS = ['restic', 'rustic', 'borg', 'borgbackup', 'duplicity'];

/** The host a backup repository names, 'cloud' for a storage service named by its kind (b2:, gs:, azure:, rclone:), or undefined for a local one. */
function repositoryHost(repo: string): string | undefined {
  const r = repo.replace(/::.*$/, '');
  const url = /^(?:s3|rest|swift):(https?:\/\/.*)$/.exec(r)?.[1] ?? (/^[a-z][\w+.-]*:\/\//i.test(r) ? r : undefined);
  if (url !== undefined) {
    if (/^file:/i.test(url)) return undefined;
    try {
      return new URL(url.replace(/^[\w+.-]+:\/\//, 'http://')).hostname || 'cloud';
    } catch {
      return 'cloud';
    }
  }
  const s3 = /^s3:([^/]+)\//.exec(r);
  if (s3) return s3[1];
  const sftp = /^(?:sftp:)?(?:[\w.-]+@)?([\w.-]+|\[[\w:]+\]):/.exec(r);
  if (sftp && !/^(b2|gs|azure|rclone|swift|s3|rest|local)$/.test(sftp[1]!)) return sftp[1];
  return /^(b2|gs|azure|rclone|swift):/.test(r) ? 'cloud' : undefined;
}

/** Facts of a backup tool: its repository's host, and the project uploaded when it backs up the project's tree there. */
export function analyzeBackup({ tool, args, env, cwd, home }: AnalyzerInput): Facts {
  const f = newFacts(tool);
  const ops = args.filter((a, k) => !a.startsWith('-') && !/^(-r|--repo|--repository|-o|--option|--password-file|-p|--exclude|-e|--exclude-file|--files-from|--tag|--host|--cache-dir|--archive|--name)$/.test(args[k - 1] ?? ''));
  const flagged = args.map((a, k) => (/^(-r|--repo|--repository)$/.test(args[k - 1] ?? '') ? a : /^--repo(sitory)?=/.test(a) ? a.slice(a.indexOf('=') + 1) : /^-r./.test(a) ? a.slice(2) : undefined)).find((x) => x !== undefined);
  const borg = /^(borg|borgbackup)$/.test(tool);
  const repo = tool === 'duplicity' ? ops.find((o) => /^[a-z][\w+.-]*:\/\//i.test(o)) : borg ? ops.slice(1).find((o) => o.includes('::') || /^(ssh:\/\/|[\w.-]+@[\w.-]+:)/.test(o)) ?? env.BORG_REPO : flagged ?? env.RESTIC_REPOSITORY;
  if (repo === undefined) return f;
  if (/^["']?[$`]/.test(repo)) {
    f.tags.add('unparsed-url');
    f.notes.push(`${tool}'s repository is only known when the line runs`);
    return f;
  }
  const host = repositoryHost(repo);
  if (host === undefined) return f;
  if (host === 'cloud') f.notes.push(`${tool} stores its backup with a storage service (${repo})`);
  else addHost(f, host, 'target', 'ssh');
  const sources = tool === 'duplicity' ? ops.filter((o) => o !== repo).slice(0, 1) : borg ? (ops[0] === 'create' ? ops.slice(2) : []) : ops[0] === 'backup' ? ops.slice(1) : [];
  if (sources.some((s) => wholeTree(s, cwd, home))) {
    f.tags.add('uploads-project');
    f.notes.push(`${tool} backs up the project, its .env with it, to ${repo}`);
  }
  return f;
}
