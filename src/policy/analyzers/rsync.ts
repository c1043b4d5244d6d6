// rsync: remote hosts, local sources sent, and what --delete and friends remove.
import { newFacts, type Facts } from '../facts.js';
import { has, optionTable, scan, values } from '../options.js';
import { addHost, addUrl, hostOfHostPort, landsAtAll, systemProgram, wholeTree } from './common.js';
import { sshDestination } from './ssh.js';
import type { AnalyzerInput } from './types.js';

const TABLE = optionTable([
  'e,rsh=', 'rsync-path=', 'files-from=', 'exclude=', 'include=', 'exclude-from=', 'include-from=', 'f,filter=',
  'port=', 'password-file=', 'log-file=', 'log-file-format=', 'T,temp-dir=', 'backup-dir=', 'partial-dir=',
  'link-dest=', 'compare-dest=', 'copy-dest=', 'chmod=', 'chown=', 'timeout=', 'contimeout=', 'bwlimit=',
  'max-size=', 'min-size=', 'max-delete=', 'B,block-size=', 'M,remote-option=', 'suffix=', 'out-format=',
  'usermap=', 'groupmap=', 'address=', 'sockopts=', 'outbuf=', 'iconv=', 'checksum-choice=', 'compress-choice=',
  'compress-level=', 'skip-compress=', 'info=', 'debug=', 'stop-after=', 'stop-at=', 'only-write-batch=',
  'write-batch=', 'read-batch=', 'protocol=', 'checksum-seed=', 'modify-window=', '@=', 'zc=', 'zl=',
  'delete', 'delete-before', 'delete-during', 'delete-delay', 'delete-after', 'delete-excluded', 'del',
  'delete-missing-args', 'remove-source-files', 'a,archive', 'r,recursive', 'v,verbose', 'z,compress',
  'P', 'progress', 'partial', 'n,dry-run', 'u,update', 'l,links', 'L,copy-links', 'p,perms', 't,times',
  'g,group', 'o,owner', 'D', 'H,hard-links', 'A,acls', 'X,xattrs', 'x,one-file-system', 'R,relative',
  'c,checksum', 'h,human-readable', 'q,quiet', 'i,itemize-changes', 'S,sparse', 'W,whole-file', 'b,backup',
  'd,dirs', 'k,copy-dirlinks', 'K,keep-dirlinks', 'E,executability', 'm,prune-empty-dirs', 'I,ignore-times',
  'y,fuzzy', 'C,cvs-exclude', 'F', '4,ipv4', '6,ipv6', '0,from0', 's,protect-args', 'stats', 'force',
  'ignore-existing', 'existing', 'inplace', 'append', 'append-verify', 'numeric-ids', 'list-only', 'version',
  'help', 'mkpath', 'safe-links', 'copy-unsafe-links', 'ignore-errors', 'no-motd', 'old-args', 'secluded-args',
]);

/** Facts of one rsync invocation. */
export function analyzeRsync({ tool, args, env, cwd, home }: AnalyzerInput): Facts {
  const f = newFacts(tool);
  const s = scan(args, TABLE);
  // -e wins over RSYNC_RSH; either is the remote shell rsync starts.
  const shells = values(s, 'rsh');
  if (shells.length === 0 && env.RSYNC_RSH) shells.push(env.RSYNC_RSH);
  for (const rsh of shells) {
    // The remote shell is a command line run locally; plain ssh (with options) is the normal case.
    // (ssh is the system's: a ./ssh of the project is a program of its own.)
    if (!systemProgram(rsh.trim().split(/\s+/)[0] ?? '', /^ssh$/)) f.tags.add('exec');
    else if (/ProxyCommand|LocalCommand|KnownHostsCommand/i.test(rsh)) f.tags.add('exec');
    f.runs.push(rsh);
  }
  // RSYNC_PROXY=host:port: rsync:// connections go through that host.
  if (env.RSYNC_PROXY) {
    addHost(f, hostOfHostPort(env.RSYNC_PROXY.replace(/^[^@]*@/, '')), 'proxy');
    f.tags.add('routed-env');
  }
  for (const file of values(s, 'files-from', 'exclude-from', 'include-from')) f.reads.push(file);
  for (const w of values(s, 'log-file', 'write-batch', 'only-write-batch')) f.writes.push(w);
  const ops = s.positionals;
  const remote = (op: string): string | undefined => {
    if (/^rsync:\/\//i.test(op)) return 'url';
    return sshDestination(op.replace(/::/, ':'), true);
  };
  for (const op of ops) {
    if (/^rsync:\/\//i.test(op)) addUrl(f, op, 'target', 'rsync');
    else {
      const h = remote(op);
      if (h) addHost(f, h, 'target', 'ssh');
    }
  }
  if (ops.length >= 2) {
    const dest = ops[ops.length - 1]!;
    const sources = ops.slice(0, -1);
    const destRemote = remote(dest) !== undefined;
    if (destRemote) for (const src of sources) if (!remote(src)) f.sends.push(src);
    // The project's top sent whole (rsync -a ./ host:backup) carries its .env, unless an exclusion leaves it out.
    const recursive = has(s, 'archive') || has(s, 'recursive');
    // (An exclusion of .env itself, or of every dot-file; a .gitignore read as rules — --filter=':- .gitignore' — leaves out what it ignores.)
    const leftOut = [...values(s, 'exclude'), ...values(s, 'filter').map((r) => /^(?:-|exclude)\s+(.+)$/.exec(r.trim())?.[1] ?? '')].some((p) => /^\/?\.env(\*|\.\*)?$|^\.\*$/.test(p)) || values(s, 'filter').some((v) => /^(:-?|dir-merge,?-?)\s*\.gitignore$/.test(v.trim())) || values(s, 'exclude-from').some((v) => /(^|\/)\.gitignore$/.test(v));
    const whole = sources.find((src) => !remote(src) && wholeTree(src.replace(/^~(?=\/|$)/, home), cwd));
    if (destRemote && (recursive || has(s, 'dirs')) && !leftOut && whole !== undefined) {
      f.tags.add('uploads-project');
      f.notes.push(`${tool} sends the whole tree ${whole} to ${dest}`);
    }
    // What --include / --filter='+ PAT' picks below a local source is sent by name (--include='.env*').
    const picked = [...values(s, 'include'), ...values(s, 'filter').map((r) => /^(?:\+|include)\s+(.+)$/.exec(r.trim())?.[1]).filter((x): x is string => x !== undefined)];
    if (destRemote) for (const src of sources) if (!remote(src)) for (const p of picked) f.sends.push(`${src.replace(/\/+$/, '') || '.'}/${p.replace(/^\/+/, '')}`);
    // (-n/--dry-run and --list-only report what would change and write nothing.)
    const writesNothing = has(s, 'dry-run', 'list-only');
    if (!destRemote && !writesNothing) f.writes.push(dest);
    // (A file copied into a directory lands there under its own name: rsync dots/.bashrc ~/ writes ~/.bashrc.)
    if (!destRemote && !writesNothing) for (const src of sources) f.writes.push(...landsAtAll(dest, src));
    // (--append adds to what is there; otherwise the destination file is replaced whole.)
    if (!destRemote && !writesNothing && has(s, 'append', 'append-verify')) f.appends = [...(f.appends ?? []), dest];
    // A local copy reads its sources, as cp does (rsync -a ~/.ssh/ ./backup copies the keys out).
    if (!destRemote) for (const src of sources) if (!remote(src)) f.reads.push(src);
    // -a/-r copies a tree below the destination, the source's choice of names (a remote's, or a
    // directory the line filled): judged like cp -r, as writing whatever the destination holds
    // (rsync -a dots/ ~/ replaces ~/.bashrc).
    if (!destRemote && !writesNothing && has(s, 'archive', 'recursive')) f.tags.add('recursive');
    const deleting = s.opts.some((o) => o.name.startsWith('delete') || o.name === 'del');
    if (deleting && !destRemote && !writesNothing) {
      f.deletes.push(dest);
      f.tags.add('recursive');
    }
    if (has(s, 'remove-source-files') && !writesNothing) for (const src of sources) if (!remote(src)) f.deletes.push(src);
  }
  return f;
}
