// Copies from elsewhere: programs that bring files from another machine, a bucket, a container or a pod onto this one
// (scp, sftp, rsync, aws s3 cp, gsutil cp, az storage blob download, rclone copy, oras pull, docker/kubectl cp, git archive
// --remote -o, ssh HOST cat). What they write is a download, as curl -o's is, and what they print is downloaded text, as
// curl's output is: run, sourced, installed or piped into a shell in the same line it is download-then-run, even from an
// allowed host (DESIGN: "Download into an interpreter … download then run in one command line, even from allowed hosts").
import { posix } from 'node:path';
import { optionTable, scan, type OptionTable } from '../options.js';

/** One program that copies from elsewhere: which words make it a copy, and how its operands read. */
interface Copier {
  /** The verb words after the program's global options (`s3 cp`, `storage blob download`); absent: the program is the copy. */
  verb?: RegExp;
  opts: OptionTable;
  /** A source operand that is elsewhere (host:path, s3://…, a container's path). Absent: the verb says the source is elsewhere. */
  remote?: RegExp;
  /** An option naming where the copy lands (a file, or with `fills` a directory); else the operand after the sources. */
  to?: string[];
  /** When the destination is a directory the copy fills (a sync, a recursive copy, an artifact pulled): by verb or option. */
  fills?: { verbs?: RegExp; opts?: string[] };
  /** Verbs that print the remote file instead of writing it (gsutil cat, rclone cat). */
  prints?: RegExp;
  /** An option that must be present (git archive --remote). */
  needs?: string;
  /** Given no destination, the file lands in the working directory (sftp host:f, ftp URL). */
  here?: boolean;
  /** A directory's contents land in the destination itself (aws s3 cp --recursive s3://b/d D, rclone copy r:d D), not below it. */
  contents?: boolean;
  /** How the verb's operands read when no marker says which are elsewhere: `pull`, every operand but the last is a source
   *  elsewhere and the last the destination (lxc file pull c/f D); `fetch`, the last operand is the one file written
   *  (aws s3api get-object --bucket b --key k F). */
  operands?: 'pull' | 'fetch';
}

// host:path, user@host:path, [v6]:path, scp://, with no slash before the colon (./a:b is a local name).
const HOST_PATH = /^(?:s?ftp|scp|sftp|rsync):\/\/|^(?:[^/@:\s]+@)?(?:\[[^\]]+\]|[^/:\s]+):/;
// scp's and sftp's own options (OpenSSH): ssh's table is not theirs — their -p preserves times and scp's -B is batch
// mode, flags both, where ssh's -p and -B take a value (read so, scp -p host:x.sh /tmp/x.sh lost its source).
const SCP_OPTS = ['P,port=', 'c=', 'D=', 'F=', 'i=', 'J=', 'l=', 'o=', 'S=', 'X=', 'r,recursive', '3', '4', '6', 'A', 'B', 'C', 'O', 'p', 'q', 'R', 'T', 'v'];
const SFTP_OPTS = ['P,port=', 'B=', 'b=', 'c=', 'D=', 'F=', 'i=', 'J=', 'l=', 'o=', 'R=', 'S=', 's=', 'X=', 'r,recursive', '4', '6', 'A', 'a', 'C', 'f', 'N', 'p', 'q', 'v'];
// Flags of the cloud CLIs that take no value (their other long options do).
const CLOUD = (flags: string[], valued: string[]) => optionTable([...flags, ...valued.map((v) => `${v}=`)]);
const AWS_VALUED = ['profile', 'region', 'endpoint-url', 'include', 'exclude', 'acl', 'sse', 'storage-class', 'expected-size', 'cli-read-timeout', 'cli-connect-timeout', 'output', 'ca-bundle', 'source-region', 'request-payer', 'content-type', 'cache-control', 'metadata', 'grants', 'sse-c', 'sse-c-key'];

const ENGINE = optionTable(['a,archive', 'L,follow-link', 'q,quiet', 'H,host=', 'l,log-level=', 'c,context=', 'config=', 'D,debug', 'tls', 'tlsverify', 'tlscacert=', 'tlscert=', 'tlskey=',
  'r,remote', 'url=', 'connection=', 'identity=', 'root=', 'runroot=', 'storage-driver=', 'cgroup-manager=', 'n,namespace=', 'address=', 'f,file=', 'p,project-name=', 'profile=', 'env-file=', 'project-directory=', 'ansi=', 'parallel=', 'progress=', 'index=', 'all', 'dry-run']);
const KUBE = optionTable(['n,namespace=', 'c,container=', 'context=', 'kubeconfig=', 'retries=', 'no-preserve', 'v=', 's,server=', 'cluster=', 'user=', 'token=', 'as=', 'as-group=', 'request-timeout=', 'insecure-skip-tls-verify', 'certificate-authority=', 'client-certificate=', 'client-key=', 'tls-server-name=', 'cache-dir=', 'log-dir=', 'log-file=', 'logtostderr', 'alsologtostderr']);
const MINIO: Copier = { verb: /^(?:cp|mv|mirror|get|cat)$/, opts: CLOUD(['r,recursive', 'a,preserve', 'q,quiet', 'json', 'insecure', 'debug', 'no-color', 'disable-pager', 'overwrite', 'remove', 'w,watch', 'dry-run', 'fake', 'disable-multipart'], ['C,config-dir', 'older-than', 'newer-than', 'storage-class', 'encrypt-key', 'encrypt', 'attr', 'tags', 'limit-upload', 'limit-download', 'exclude', 'rewind', 'version-id', 'enc-c', 'enc-s3', 'enc-kms', 'checksum']),
  remote: /^(?![./~])[\w.-]+\/[^\s]/, fills: { verbs: /^mirror$/, opts: ['recursive'] }, prints: /^cat$/, contents: true };
const HF: Copier = { verb: /^download$/, needs: 'local-dir', opts: CLOUD(['quiet', 'force-download', 'resume-download', 'local-dir-use-symlinks'], ['local-dir', 'repo-type', 'revision', 'include', 'exclude', 'cache-dir', 'token', 'max-workers']), to: ['local-dir'], fills: { verbs: /^download$/ }, contents: true };

const COPIERS: Readonly<Record<string, Copier | Copier[]>> = {
  scp: { opts: optionTable(SCP_OPTS), remote: HOST_PATH, fills: { opts: ['recursive'] } },
  sftp: { opts: optionTable(SFTP_OPTS), remote: HOST_PATH, fills: { opts: ['recursive'] }, here: true },
  rsync: {
    opts: optionTable(['e,rsh=', 'exclude=', 'include=', 'filter=', 'f=', 'T,temp-dir=', 'files-from=', 'password-file=', 'port=', 'rsync-path=', 'chmod=', 'chown=', 'partial-dir=', 'backup-dir=', 'suffix=', 'log-file=', 'compare-dest=', 'copy-dest=', 'link-dest=', 'B,block-size=', 'bwlimit=', 'timeout=', 'r,recursive', 'a,archive']),
    remote: /^rsync:\/\/|^(?:[^/@:\s]+@)?(?:\[[^\]]+\]|[^/:\s]+)::?/,
    fills: { opts: ['recursive', 'archive'] },
  },
  // (The container's or the pod's file system is the image's, written by whoever built it: not the project's.)
  // (The engine's global options come before the verb — docker -H HOST cp, docker -l debug cp — and compose's cp copies out of
  // a service's container as docker cp does.)
  docker: { verb: /^(?:container |compose )?cp$/, opts: ENGINE, remote: /^[\w][\w.-]*:/ },
  podman: { verb: /^(?:container |compose )?cp$/, opts: ENGINE, remote: /^[\w][\w.-]*:/ },
  nerdctl: { verb: /^(?:container |compose )?cp$/, opts: ENGINE, remote: /^[\w][\w.-]*:/ },
  'docker-compose': { verb: /^cp$/, opts: ENGINE, remote: /^[\w][\w.-]*:/ },
  'podman-compose': { verb: /^cp$/, opts: ENGINE, remote: /^[\w][\w.-]*:/ },
  kubectl: { verb: /^cp$/, opts: KUBE, remote: /^(?:[\w.-]+\/)?[\w.-]+:/ },
  oc: { verb: /^cp$/, opts: KUBE, remote: /^(?:[\w.-]+\/)?[\w.-]+:/ },
  // (Instances' and VMs' files: lxc/incus file pull INSTANCE/PATH… DEST, multipass transfer VM:PATH DEST, limactl copy
  // VM:PATH DEST, virt-copy-out -d DOMAIN PATH… DIR.)
  lxc: { verb: /^file pull$/, opts: CLOUD(['r,recursive', 'p,create-dirs', 'q,quiet', 'force-local', 'debug', 'verbose', 'v'], ['project', 'uid', 'gid', 'mode']), operands: 'pull', fills: { opts: ['recursive'] } },
  incus: { verb: /^file pull$/, opts: CLOUD(['r,recursive', 'p,create-dirs', 'q,quiet', 'force-local', 'debug', 'verbose', 'v'], ['project', 'uid', 'gid', 'mode']), operands: 'pull', fills: { opts: ['recursive'] } },
  multipass: { verb: /^(?:transfer|copy-files)$/, opts: CLOUD(['r,recursive', 'p,parents', 'v', 'vv', 'vvv', 'verbose'], []), remote: /^[\w][\w.-]*:/, fills: { opts: ['recursive'] } },
  limactl: { verb: /^(?:copy|cp)$/, opts: CLOUD(['r,recursive', 'v,verbose', 'debug'], ['backend', 'log-level', 'log-format']), remote: /^[\w][\w.-]*:/, fills: { opts: ['recursive'] } },
  'virt-copy-out': { opts: CLOUD(['v,verbose', 'x', 'keys-from-stdin', 'echo-keys'], ['a,add', 'd,domain', 'c,connect', 'format', 'm,mount', 'key']), operands: 'pull', fills: { opts: [] }, contents: true },
  aws: [{ contents: true, verb: /^s3 (?:cp|mv|sync)$/, opts: CLOUD(['recursive', 'dryrun', 'quiet', 'no-progress', 'only-show-errors', 'follow-symlinks', 'no-follow-symlinks', 'debug', 'no-sign-request', 'no-verify-ssl', 'delete', 'exact-timestamps', 'size-only'], AWS_VALUED), remote: /^s3:\/\//, fills: { verbs: /sync$/, opts: ['recursive'] } },
  { verb: /^s3api get-object$/, opts: CLOUD(['no-sign-request', 'no-verify-ssl', 'debug'], [...AWS_VALUED, 'bucket', 'key', 'version-id', 'range', 'if-match', 'if-none-match', 'if-modified-since', 'if-unmodified-since', 'part-number', 'checksum-mode', 'expected-bucket-owner', 'response-content-type', 'response-content-disposition', 'response-cache-control', 'response-content-encoding', 'response-content-language', 'response-expires', 'sse-customer-algorithm', 'sse-customer-key', 'sse-customer-key-md5']), operands: 'fetch' }],
  // (MinIO's client names a bucket as ALIAS/BUCKET/KEY; a word with a slash that is not a local path is taken as one.)
  mc: MINIO,
  mcli: MINIO,
  s5cmd: { contents: true, verb: /^(?:cp|mv|sync|cat)$/, opts: CLOUD(['json', 'dry-run', 'stat', 'no-verify-ssl', 'use-list-objects-v1', 'no-sign-request', 'n,no-clobber', 'flatten', 'sp', 's,if-size-differ', 'u,if-source-newer', 'raw', 'delete'], ['endpoint-url', 'profile', 'credentials-file', 'numworkers', 'log', 'request-payer', 'r,retry-count', 'exclude', 'include', 'concurrency', 'part-size', 'storage-class', 'sse', 'sse-kms-key-id', 'acl', 'cache-control', 'expires', 'content-type', 'content-encoding', 'content-disposition', 'metadata']), remote: /^s3:\/\//, fills: { verbs: /^sync$/ }, prints: /^cat$/ },
  s3cmd: { contents: true, verb: /^(?:get|sync)$/, opts: CLOUD(['r,recursive', 'f,force', 'skip-existing', 'delete-removed'], ['c,config', 'exclude', 'include']), remote: /^s3:\/\//, fills: { verbs: /^sync$/, opts: ['recursive'] } },
  gsutil: { contents: true, verb: /^(?:cp|mv|rsync|cat)$/, opts: optionTable(['m', 'q', 'r', 'R', 'n', 'c', 'e', 'h=', 'o=', 'x=', 'z=', 'Z', 'd', 'j=', 'a=']), remote: /^gs:\/\//, fills: { verbs: /^rsync$/, opts: ['r', 'R'] }, prints: /^cat$/ },
  gcloud: { contents: true, verb: /^(?:alpha |beta )?storage (?:cp|mv|rsync|cat)$/, opts: CLOUD(['r,recursive', 'R', 'quiet', 'q', 'no-clobber', 'n'], ['project', 'account', 'configuration', 'billing-project', 'exclude', 'impersonate-service-account']), remote: /^gs:\/\//, fills: { verbs: /rsync$/, opts: ['recursive', 'R'] }, prints: /cat$/ },
  az: { verb: /^storage (?:blob|file|fs file) download(?:-batch)?$/, opts: CLOUD(['overwrite', 'no-progress', 'only-show-errors'], ['f,file', 'd,destination', 'dest', 'path', 'c,container-name', 'n,name', 's,source', 'share-name', 'account-name', 'account-key', 'sas-token', 'connection-string', 'auth-mode', 'pattern', 'subscription', 'max-connections', 'file-system']), to: ['file', 'destination', 'dest'], fills: { verbs: /-batch$/ } },
  rclone: { contents: true, verb: /^(?:copy|copyto|sync|move|moveto|cat|copyurl)$/, opts: CLOUD(['P,progress', 'v', 'vv', 'dry-run', 'n', 'i,interactive', 'update', 'u', 'checksum', 'c'], ['config', 'include', 'exclude', 'filter', 'transfers', 'checkers', 'bwlimit', 'log-file', 'max-age', 'min-age']), remote: /^:?[\w][\w -]*:/, fills: { verbs: /^(?:copy|sync|move)$/ }, prints: /^cat$/ },
  // (Backblaze's b2: a download writes the last operand; sync fills a directory; cat prints.)
  b2: { verb: /^(?:download-file-by-name|download-file-by-id|download-file|file download)$/, opts: CLOUD(['no-progress', 'quiet', 'q'], ['profile', 'thread-count', 'source-server-side-encryption', 'source-server-side-encryption-algorithm', 'source-server-side-encryption-key-md5']), operands: 'fetch' },
  // (Hugging Face downloads land in --local-dir; without it, in the tool's cache, whose path it prints.)
  'huggingface-cli': HF,
  hf: HF,
  // (An artifact is pulled into -o DIR, or the working directory.)
  oras: { verb: /^pull$/, opts: CLOUD(['a,allow-path-traversal', 'keep-old-files', 'insecure', 'plain-http', 'debug', 'd', 'include-subject'], ['o,output', 'u,username', 'p,password', 'registry-config', 'config', 'media-type', 'platform', 'concurrency', 'format']), to: ['output'], fills: { verbs: /^pull$/ } },
  // (git archive --remote -o FILE writes another repository's tree to FILE; without -o it prints it.)
  git: { verb: /^archive$/, needs: 'remote', opts: CLOUD(['v', 'verbose', 'worktree-attributes', 'l', 'list', 'bare', 'no-pager', 'p', 'paginate'], ['C', 'c', 'git-dir', 'work-tree', 'remote', 'o,output', 'format', 'prefix', 'exec', 'add-file', 'add-virtual-file', 'mtime']), to: ['output'] },
  // (BSD ftp -o FILE URL, tnftp.)
  ftp: { opts: optionTable(['o=', 'P=', 'r=', 'T=', 'u=', 'q=', 's=', 'b=', 'A', 'a', 'd', 'e', 'f', 'g', 'i', 'n', 'p', 'R', 't', 'v', 'V']), remote: /^(?:ftp|https?):\/\//, to: ['o'], here: true },
  tnftp: { opts: optionTable(['o=', 'P=', 'r=', 'T=', 'u=', 'q=', 's=', 'b=', 'A', 'a', 'd', 'e', 'f', 'g', 'i', 'n', 'p', 'R', 't', 'v', 'V']), remote: /^(?:ftp|https?):\/\//, to: ['o'], here: true },
};

/** What a copy from elsewhere brings here: files written, directories filled, text printed. */
export interface RemoteCopy {
  files: string[];
  trees: string[];
  prints: boolean;
}

// A destination that names a directory (the copy lands below it, under the source's name), not a file.
const DIRECTORY = /^(?:\.|\.\.|~|\/tmp|\/var\/tmp)$|\/$/;

/** The files and directories a copy from elsewhere writes (paths as written), and whether it prints the remote file;
 *  undefined when the command copies nothing from elsewhere (an upload, a local copy, another verb). */
export function remoteCopy(name: string, args: readonly string[]): RemoteCopy | undefined {
  if (name === 'ssh') return sshPrints(args) ? { files: [], trees: [], prints: true } : undefined;
  for (const c of [COPIERS[name] ?? []].flat()) {
    const got = copied(c, args);
    if (got) return got;
  }
  return undefined;
}

// Where a copy's destination is this command's output: the text is printed, as `-` prints it.
const STDOUT = /^(?:-|\/dev\/stdout|\/dev\/fd\/1|\/proc\/self\/fd\/1)$/;

/** What one copier row reads from args: remoteCopy's answer for that row. */
function copied(c: Copier, args: readonly string[]): RemoteCopy | undefined {
  const s = scan(args, c.opts);
  const has = (o: string) => s.opts.some((x) => x.name === o);
  if (c.needs && !has(c.needs)) return undefined;
  const words = s.positionals;
  let verb = '';
  if (c.verb) {
    // (The verb is the first words, after the global options the table knows.)
    const n = verbWords(c.verb, words);
    if (n === 0) return undefined;
    verb = words.slice(0, n).join(' ');
    words.splice(0, n);
  }
  const fills = (c.fills?.verbs?.test(verb) ?? false) || (c.fills?.opts ?? []).some(has);
  const optTo = (c.to ?? []).map((o) => s.opts.find((x) => x.name === o)?.value).find((v) => v !== undefined);
  const prints = c.prints?.test(verb) ?? false;
  if (c.operands === 'fetch') {
    const out = words.at(-1);
    if (out === undefined) return undefined;
    return STDOUT.test(out) ? { files: [], trees: [], prints: true } : { files: [out], trees: [], prints: false };
  }
  // (No marker: the verb copies from elsewhere, and its operands are what to fetch; with no destination named, a file
  // is printed — git archive --remote, az storage blob download — and a directory filled is the working one.)
  if (!c.remote && c.operands !== 'pull') {
    if (prints) return { files: [], trees: [], prints: true };
    if (c.to && optTo === undefined && !fills) return { files: [], trees: [], prints: true };
    const to = optTo ?? '.';
    return fills ? { files: [], trees: [to], prints: false } : { files: [to], trees: [], prints: false };
  }
  // (pull: every operand but the last is elsewhere.)
  const remote = (w: string, k: number) => (c.operands === 'pull' ? k < words.length - 1 : c.remote!.test(w));
  const last = words.map(remote).lastIndexOf(true);
  if (last < 0) return undefined;
  if (prints) return { files: [], trees: [], prints: true };
  const sources = words.slice(0, last + 1).filter(remote);
  const rest = words.slice(last + 1);
  // (An operand after the last remote one is the destination; none: an upload's last word was the remote one — unless an
  // option names the destination, or the program puts the file in the working directory.)
  const dest = optTo ?? rest[0] ?? (c.here ? '.' : undefined);
  if (dest === undefined) return undefined;
  if (STDOUT.test(dest)) return { files: [], trees: [], prints: true };
  // (A source that is a pattern — s3://b/*, host:dir/*.sh — brings files whose names only the remote side knows: the
  // destination is filled.)
  if (sources.some((src) => /[*?[]/.test(src))) return { files: [], trees: [dest], prints: false };
  const base = (src: string) => posix.basename(src.replace(/^[^:]*:+/, '').replace(/^\/\/[^/]*/, '')) || '.';
  // (A directory copied lands below the destination under its own name — scp -r host:d /tmp/x fills /tmp/x/d — or, a new
  // name, is the destination; its contents, with rsync's trailing slash or a bucket tool's copy, fill the destination.)
  const into = (src: string) => (src.endsWith('/') || c.contents ? [dest] : [posix.join(dest, base(src)), ...(DIRECTORY.test(dest) ? [] : [dest])]);
  if (fills) return { files: [], trees: sources.flatMap(into), prints: false };
  const files = sources.map((src) => posix.join(dest, base(src)));
  if (sources.length === 1 && !DIRECTORY.test(dest)) files.push(dest);
  return { files, trees: [], prints: false };
}

/** The files a command's record says it brought here: what it wrote (curl -o F, ssh host cat x > F) and the copies it made —
 *  not the directory a copy landed below (scp host:f . writes ./f, and the project's directory is not the download). */
export function fetchedFiles(me: { writesFiles: readonly string[]; copiedIn?: { files: string[]; trees: string[] } }): string[] {
  const landed = [...me.copiedIn?.files ?? [], ...me.copiedIn?.trees ?? []];
  return [...me.writesFiles.filter((w) => !landed.some((p) => p.startsWith(`${w}/`))), ...me.copiedIn?.files ?? []];
}

/** How many of the first words a verb pattern takes (`s3 cp` is two). */
function verbWords(verb: RegExp, words: readonly string[]): number {
  for (let n = Math.min(words.length, 4); n > 0; n--) if (verb.test(words.slice(0, n).join(' '))) return n;
  return 0;
}

const SSH = optionTable(['p=', 'i=', 'o=', 'F=', 'J=', 'l=', 'c=', 'S=', 'D=', 'L=', 'R=', 'W=', 'w=', 'b=', 'B=', 'E=', 'e=', 'm=', 'O=', 'Q=',
  '4', '6', 'A', 'a', 'C', 'f', 'G', 'g', 'K', 'k', 'M', 'N', 'n', 'q', 's', 'T', 't', 'V', 'v', 'X', 'x', 'Y', 'y'], { stopAtPositional: true });
/** ssh HOST COMMAND prints what the command prints there: another machine's text (ssh host cat x.sh). */
function sshPrints(args: readonly string[]): boolean {
  const s = scan(args, SSH);
  // (-N runs no command; -O controls a master; -W forwards stdio, whose bytes are the remote's too but no command's.)
  return s.positionals.length > 1 && !s.opts.some((o) => /^(N|O)$/.test(o.name));
}
