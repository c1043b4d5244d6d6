// The table of version-control clients that send to other machines beside `git push` itself: per client and verb, the
// words that name the destination, what such a word is, where the verb goes when the line names none, and the options
// that pick branches or force. Read by vcsRemotes (vcs-remotes.ts); a new client is a new row, not a new branch of code.
import { optionTable, type OptionTable } from '../options.js';

export interface Verb {
  /** Sends history or files there (write), or only fetches (read). */
  dir: 'read' | 'write';
  /** Options whose value is a destination (git annex copy --to R). */
  to?: string[];
  /** Which operands are destinations: the first, the last (remote add NAME URL), every one (git annex sync R1 R2, svn's
   *  URLs), or the addresses among KEY=VALUE parameters (git annex initremote NAME type=rsync rsyncurl=HOST:PATH). */
  operands?: 'first' | 'last' | 'all' | 'params';
  /**
   * Where it goes when the line names no destination: `default` — the client's own default remote (the one its clone or
   * --remember recorded), which stands as git's origin does and is not judged; `upstream` — the current branch's git
   * remote; `origin`; `remotes` — every git remote; `none` — nowhere.
   */
  otherwise: 'default' | 'upstream' | 'origin' | 'remotes' | 'none';
  /** A commit straight into the shared repository (svn commit, p4 submit): it lands on the line everyone works from,
   *  as a push to main does — there are no private branches to push to in these clients. */
  mainline?: true;
  /** Options naming the branches or bookmarks it updates; options that push every branch (main among them). */
  branches?: string[];
  every?: string[];
  /** With no branch named, what lands: every branch (main among them), or the checked-out one. */
  lands?: 'all' | 'current';
  force?: string[];
  /** Options after which nothing is sent (a dry run, fossil commit --nosync). */
  dry?: string[];
}

export interface Client {
  /** What a destination word names: a git remote (name or URL), a URL/ssh location/path, a Perforce server. */
  names: 'git-remote' | 'location' | 'p4port';
  /** The client's options, those that take a value marked `=` (so a value is never read as the verb or a destination). */
  options: OptionTable;
  /** Global options and variables naming the server every verb talks to (p4 -p, P4PORT). */
  server?: { options: string[]; env: string[] };
  /** Verbs by their words ('push', 'git push'). */
  verbs: Readonly<Record<string, Verb>>;
  /** Options naming another repository or branch to work in (bzr -d, fossil -R, darcs --repodir): a verb's default remote is
   *  then that repository's, which is not the project's and which this line does not show. */
  elsewhere?: string[];
}

/** hg's and Sapling's options (global ones and those of the verbs the analyzers read), values marked `=`. */
export const HG_OPTIONS = optionTable([
  'R,repository=', 'cwd=', 'config=', 'y,noninteractive', 'q,quiet', 'v,verbose', 'debug', 'traceback', 'time', 'profile', 'color=', 'pager=',
  'f,force', 'r,rev=', 'B,bookmark=', 'b,branch=', 'to=', 'd,delete=', 'new-branch', 'create', 'e,ssh=', 'remotecmd=', 'insecure', 'u,update', 'U,noupdate',
  'm,message=', 'l,logfile=', 'A,addremove', 'I,include=', 'X,exclude=', 'C,clean', 'c,check', 'i,interactive', 'a,all', 's,stat', 'g,git', 'p,patch',
]);

const PUSH: Verb = { dir: 'write', operands: 'first', otherwise: 'default' };
const PULL: Verb = { dir: 'read', operands: 'first', otherwise: 'default' };
// hg and Sapling: a push with no -r/-B/-b/--to sends every outgoing head, the default branch's among them.
const HG_PUSH: Verb = { ...PUSH, branches: ['to', 'bookmark', 'branch', 'delete', 'rev'], lands: 'all', force: ['force'] };

export const VCS_CLIENTS: Readonly<Record<string, Client>> = {
  // git lfs push REMOTE [REF…] uploads objects (no ref moves); fetch/pull read them.
  'git lfs': {
    names: 'git-remote',
    options: optionTable(['I,include=', 'X,exclude=', 'all', 'object-id', 'stdin', 'dry-run', 'recent', 'prune', 'refetch', 'json', 'q,quiet']),
    verbs: { push: { dir: 'write', operands: 'first', otherwise: 'none', dry: ['dry-run'] }, 'pre-push': { dir: 'write', operands: 'first', otherwise: 'none' },
      fetch: { dir: 'read', operands: 'first', otherwise: 'upstream' }, pull: { dir: 'read', operands: 'first', otherwise: 'upstream' }, clone: { dir: 'read', operands: 'first', otherwise: 'none' } },
  },
  // git annex copy|move|mirror|export --to R sends content; sync/push (no remote: every remote) also push the current
  // branch there (git-annex pushes BRANCH beside synced/BRANCH); get/copy --from read.
  'git annex': {
    names: 'git-remote',
    options: optionTable(['t,to=', 'f,from=', 'J,jobs=', 'c=', 'content', 'no-content', 'all', 'A', 'fast', 'force', 'only-annex', 'not-only-annex', 'no-push', 'no-pull',
      'no-commit', 'm,message=', 'key=', 'branch=', 'include=', 'exclude=', 'largerthan=', 'smallerthan=', 'in=', 'copies=', 'json', 'quiet', 'q', 'debug']),
    verbs: {
      copy: { dir: 'write', to: ['to'], otherwise: 'none' }, move: { dir: 'write', to: ['to'], otherwise: 'none' }, mirror: { dir: 'write', to: ['to'], otherwise: 'none' },
      export: { dir: 'write', to: ['to'], otherwise: 'none' }, drop: { dir: 'write', to: ['from'], otherwise: 'none' },
      sync: { dir: 'write', operands: 'all', otherwise: 'remotes', lands: 'current', dry: ['no-push'] },
      push: { dir: 'write', operands: 'all', otherwise: 'remotes', lands: 'current' },
      assist: { dir: 'write', operands: 'all', otherwise: 'remotes', lands: 'current' }, satisfy: { dir: 'write', operands: 'all', otherwise: 'remotes' },
      get: { dir: 'read', to: ['from'], otherwise: 'none' }, pull: { dir: 'read', operands: 'all', otherwise: 'none' },
      initremote: { dir: 'write', operands: 'params', otherwise: 'none' }, enableremote: { dir: 'write', operands: 'params', otherwise: 'none' },
    },
  },
  // git svn dcommit and git p4 submit send to the svn repository or Perforce server the repository's configuration names.
  'git svn': {
    names: 'location',
    options: optionTable(['r,revision=', 'T,trunk=', 't,tags=', 'b,branches=', 's,stdlayout', 'username=', 'prefix=', 'n,dry-run', 'm,merge', 'q,quiet']),
    verbs: { dcommit: { dir: 'write', otherwise: 'default', mainline: true, dry: ['dry-run'] }, clone: { dir: 'read', operands: 'first', otherwise: 'none' }, init: { dir: 'read', operands: 'first', otherwise: 'none' } },
  },
  'git p4': {
    names: 'p4port',
    options: optionTable(['destination=', 'branch=', 'origin=', 'shelve', 'update-shelve=', 'n,dry-run', 'prepare-p4-only', 'conflict=', 'v,verbose']),
    server: { options: [], env: ['P4PORT'] },
    verbs: { submit: { dir: 'write', otherwise: 'default', mainline: true, dry: ['dry-run', 'prepare-p4-only'] } },
  },
  // jj git push: --remote (default origin); -b/--bookmark names what moves, --all/--tracked every one; with none named,
  // the bookmarks between the remote's and @ — main among them when it was moved.
  jj: {
    names: 'git-remote',
    options: optionTable(['R,repository=', 'at-operation=', 'at-op=', 'config=', 'config-file=', 'color=', 'ignore-working-copy', 'ignore-immutable', 'no-pager', 'quiet', 'debug',
      'remote=', 'b,bookmark=', 'branch=', 'c,change=', 'r,revisions=', 'named=', 'all', 'tracked', 'deleted', 'allow-new', 'allow-empty-description', 'allow-private', 'dry-run', 'all-remotes']),
    verbs: {
      'git push': { dir: 'write', to: ['remote'], otherwise: 'origin', branches: ['bookmark', 'branch', 'named', 'change'], every: ['all', 'tracked', 'deleted', 'revisions'], lands: 'all', dry: ['dry-run'] },
      'git fetch': { dir: 'read', to: ['remote'], otherwise: 'none' },
      'git clone': { dir: 'read', operands: 'first', otherwise: 'none' },
      'git remote add': { dir: 'write', operands: 'last', otherwise: 'none' },
      'git remote set-url': { dir: 'write', operands: 'last', otherwise: 'none' },
    },
  },
  hg: {
    names: 'location',
    options: HG_OPTIONS,
    verbs: { push: HG_PUSH, outgoing: PULL, out: PULL, pull: PULL, incoming: PULL, in: PULL, clone: { ...PULL, otherwise: 'none' } },
    elsewhere: ['repository', 'cwd'],
  },
  bzr: {
    names: 'location',
    options: optionTable(['d,directory=', 'r,revision=', 'overwrite', 'scope=', 'remove', 'all', 'remember', 'create-prefix', 'use-existing-dir', 'stacked-on=', 'stacked', 'strict', 'no-strict', 'no-tree',
      'lossy', 'overwrite-tags', 'm,message=', 'F,file=', 'q,quiet', 'v,verbose']),
    verbs: {
      push: { ...PUSH, force: ['overwrite'] }, pull: PULL, branch: { ...PULL, otherwise: 'none' }, checkout: { ...PULL, otherwise: 'none' }, co: { ...PULL, otherwise: 'none' },
      // (bzr config push_location=URL sets the default the next bare push goes to: judged as that push's destination.)
      config: { dir: 'write', operands: 'params', otherwise: 'none' },
    },
    elsewhere: ['directory'],
  },
  fossil: {
    names: 'location',
    options: optionTable(['B,httpauth=', 'once', 'private', 'v,verbose', 'ipv4', 'proxy=', 'R,repository=', 'u,unversioned', 'all']),
    verbs: {
      push: PUSH, sync: PUSH, pull: PULL, clone: { ...PULL, otherwise: 'none' },
      // (fossil remote-url URL and remote [add NAME] URL set the default push and sync go to; list, off and delete send nothing.)
      'remote-url': { dir: 'write', operands: 'first', otherwise: 'none' }, remote: { dir: 'write', operands: 'first', otherwise: 'none' },
      'remote add': { dir: 'write', operands: 'last', otherwise: 'none' },
      ...Object.fromEntries(['remote-url off', 'remote off', 'remote list', 'remote ls', 'remote delete', 'remote config-data', 'remote scrub', 'remote hyperlink'].map((v) => [v, { dir: 'read', otherwise: 'none' }] as const)),
    },
    elsewhere: ['repository'],
  },
  darcs: {
    names: 'location',
    options: optionTable(['repodir=', 'a,all', 'p,patches=', 't,tags=', 'remote-darcs=', 'q,quiet', 'v,verbose', 'dry-run']),
    verbs: { push: { ...PUSH, dry: ['dry-run'] }, pull: PULL, clone: { ...PULL, otherwise: 'none' }, get: { ...PULL, otherwise: 'none' } },
    elsewhere: ['repodir'],
  },
  pijul: {
    names: 'location',
    options: optionTable(['repository=', 'channel=', 'from-channel=', 'to-channel=', 'a,all', 'k', 'force-cache', 'no-cert-check']),
    verbs: { push: PUSH, pull: PULL, clone: { ...PULL, otherwise: 'none' } },
    elsewhere: ['repository'],
  },
  // svn commit lands in the working copy's repository, the line everyone works from; every URL a verb is given is contacted.
  svn: {
    names: 'location',
    options: optionTable(['m,message=', 'F,file=', 'r,revision=', 'c,change=', 'username=', 'password=', 'password-from-stdin', 'depth=', 'config-dir=', 'config-option=',
      'cl,changelist=', 'targets=', 'encoding=', 'with-revprop=', 'x,extensions=', 'accept=', 'l,limit=', 'search=', 'set-depth=', 'q,quiet', 'non-interactive', 'force', 'parents']),
    verbs: Object.fromEntries([
      ...['commit', 'ci'].map((v) => [v, { dir: 'write', operands: 'all', otherwise: 'default', mainline: true }] as const),
      ...['import', 'copy', 'cp', 'move', 'mv', 'mkdir', 'delete', 'del', 'remove', 'rm', 'lock', 'unlock', 'propset', 'pset', 'propdel', 'pdel'].map((v) => [v, { dir: 'write', operands: 'all', otherwise: 'none' }] as const),
      ...['checkout', 'co', 'export', 'cat', 'list', 'ls', 'log', 'info', 'diff', 'blame', 'switch', 'sw', 'merge', 'propget', 'pget', 'proplist', 'plist'].map((v) => [v, { dir: 'read', operands: 'all', otherwise: 'none' }] as const),
    ]) as Record<string, Verb>,
  },
  // Perforce: every command talks to the server -p or P4PORT names (with neither, the user's own: P4CONFIG, the registry,
  // the environment); submit and push land in the depot everyone works from. (shelve keeps changes aside, as a branch does.)
  p4: {
    names: 'p4port',
    options: optionTable(['p=', 'u=', 'c=', 'P=', 'H=', 'C=', 'Q=', 'd=', 'x=', 'z=', 'r=', 'L=', 'e=', 'f=', 'q', 's', 'G', 'I', 'b=', 'v=']),
    server: { options: ['p'], env: ['P4PORT'] },
    verbs: Object.fromEntries(['submit', 'push', 'populate', 'obliterate'].map((v) => [v, { dir: 'write', otherwise: 'default', mainline: true }] as const)) as Record<string, Verb>,
  },
};

/** Other names of the same clients: Breezy is Bazaar, Sapling and chg take hg's command line. */
export const SAME: Readonly<Record<string, string>> = { brz: 'bzr', sl: 'hg', chg: 'hg' };
