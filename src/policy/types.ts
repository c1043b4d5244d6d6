// Core types shared by the engine, the server, the hook and the CLI.

/** Ordered: allow < ask < deny. Combining decisions takes the strictest. */
export type Decision = 'allow' | 'ask' | 'deny';

export const DECISIONS: readonly Decision[] = ['allow', 'ask', 'deny'];

/** One rule that matched, with where it was defined (file:line) so users can find it. */
export interface RuleMatch {
  id: string;
  decision: Decision;
  reason: string;
  where: string;
}

/** The evidence behind a verdict; feeds shim replies, hook replies, the audit log and --json. */
export interface Evaluation {
  decision: Decision;
  /** id of the rule that set the decision; null when the policy default applied. */
  rule: string | null;
  reason: string;
  matched: RuleMatch[];
}

/** What the engine needs to know about the world; gathered by the I/O edge and passed in. */
export interface Context {
  /** Absolute working directory of the command. */
  cwd: string;
  /** Absolute project root fixed at session start; never `/` or HOME. */
  projectRoot: string;
  home: string;
  /** Absolute RAMPART_HOME, a protected path. */
  rampartHome: string;
  /** Environment of the command (only what matters to analyzers is read). */
  env: Readonly<Record<string, string | undefined>>;
  /** Absolute path a file-descriptor redirection points at, when it is a file. */
  stdin?: string;
  stdout?: string;
  /** The shims directory, when known: a PATH that drops it strips the firewall. */
  shimsDir?: string;
  /** Resolves symlinks of an absolute path (I/O edge); a link to .env is judged as .env. */
  realpath?: (absPath: string) => string | undefined;
  /** The names in a directory (I/O edge), undefined when it cannot be read: a glob is judged by what it matches there too. */
  listDir?: (absDir: string) => string[] | undefined;
  /** Reads repository configuration (remotes, aliases, branch) for the cwd. */
  git?: GitReader;
  /** Operands the shell expands as globs matching every dot-file of a directory (unquoted `apps/web/.*`): they name its .env. */
  dotGlobs?: ReadonlySet<string>;
  /** Operands with unquoted expansions only the running shell knows, each with those expansions: split at their blanks,
   *  they are more operands (x=" /"; rm -rf a$x is rm -rf a /), judged as standing alone (see splitFields). */
  splitFields?: ReadonlyMap<string, readonly string[]>;
  /** The line moved this command out of the project and the session's directory (cd /tmp/other && …): the repository
   *  there is another one, whose default remotes are not the project's. */
  movedOut?: boolean;
  /** The command runs at the top of a repository the line itself cloned into a new directory (git clone URL /tmp/x && cd
   *  /tmp/x): its history and work tree hold nothing of the user's to discard or rewrite. */
  freshClone?: boolean;
  /** Where a `cd` through CDPATH may have gone when the working directory is not known (CDPATH=~ cd .ssh: ~/.ssh). */
  cwdGuess?: readonly string[];
  /** Process ids of Rampart itself (the I/O edge: the server's own): a kill of one by number is tampering. */
  rampartPids?: readonly number[];
}

/** Repository facts for git analysis; implemented by the I/O edge (reads .git/config). */
export interface GitReader {
  remoteUrl(name: string): string | undefined;
  /** Every url and pushurl of a remote (git pushes to all of them). */
  remoteUrls?(name: string): string[];
  alias(name: string): string | undefined;
  currentBranch(): string | undefined;
  /** The remote the current branch pushes to (branch.<b>.pushRemote/remote), if configured. */
  upstreamRemote(): string | undefined;
  /** The names of every configured remote, when the reader can list them. */
  remotes?(): string[];
  /** The reader for another repository directory (git -C DIR), if it can be read. */
  at?(absDir: string): GitReader | undefined;
  /** The top of the work tree holding the reader's directory — what `git rev-parse --show-toplevel` prints there —
   *  when it is known from disk (undefined for a bare repository, a moved work tree, GIT_DIR/GIT_WORK_TREE set). */
  toplevel?(): string | undefined;
  /** Whether NAME names a ref git checkout would switch to — a branch, a tag, a remote's branch (checked out as a new
   *  tracking branch), HEAD or an abbreviated commit id; undefined when the reader cannot tell. With it the judge tells
   *  `git checkout main` from `git checkout src`, which restores a directory of the work tree from the index. */
  hasRef?(name: string): boolean | undefined;
}
