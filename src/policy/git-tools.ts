// Git tools of MCP servers (git_push, git_reset, git_clean, git_checkout …): each runs the git command its name says in
// the repository it is given. Judged as that command line, so `remote: "origin"` is a remote's name, not a host, and
// `mode: "hard"` or `force: true` are what they are on git's command line.
// (ownToolName is only called, never read at load: the import cycle with tool-input.ts is harmless.)
import { ownToolName } from './tool-input.js';
import { quote } from './line/unwrap.js';

const GIT_TOOL = /(?:^|_)git_?(push|pull|fetch|reset|clean|checkout|switch|restore|branch|stash|config|clone|remote|rebase|merge|tag|rm)$/i;

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
const first = (input: Record<string, unknown>, ...keys: string[]): string | undefined => keys.map((k) => str(input[k])).find((x) => x !== undefined);
// (A flag the server reads as set in any spelling it may accept — force: 1, "yes", "on" — is set: only a clear no is off.)
const on = (v: unknown): boolean => v !== undefined && v !== null && v !== false && v !== 0 && !/^(false|0|no|off|none|)$/i.test(String(v).trim());
/** Words a key holds, one or a list: refspecs, pathspecs, extra arguments. */
const list = (v: unknown): string[] => (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string' && x.trim() !== '').map((x) => x.trim());
const all = (input: Record<string, unknown>, ...keys: string[]): string[] => keys.flatMap((k) => list(input[k]));
/** The mode a tool is given, under any of the names servers use for it, lower-cased. */
const modeOf = (input: Record<string, unknown>): string | undefined => first(input, 'mode', 'action', 'operation', 'op', 'command', 'subcommand', 'type', 'reset_type', 'resetType')?.toLowerCase();
/** Extra command-line words some servers take as such (args: ["--force"]): each one a word of git's line. */
const EXTRA = ['args', 'arguments', 'options', 'flags', 'extra_args', 'extraArgs', 'extra'];

/** The git command line a git tool runs, or undefined for any other tool (or a verb whose input says too little). */
export function gitToolLine(toolName: string, input: Record<string, unknown>): string | undefined {
  const verb = GIT_TOOL.exec(ownToolName(toolName))?.[1]?.toLowerCase();
  if (verb === undefined) return undefined;
  const q = (w: string | undefined) => (w === undefined ? [] : [quote(w)]);
  const repo = first(input, 'repo_path', 'repoPath', 'repository_path', 'path', 'cwd', 'dir', 'directory');
  const mode = modeOf(input);
  const words: string[] = ['git', ...(repo !== undefined && !/^(config|clone)$/.test(verb) ? ['-C', quote(repo)] : [])];
  const force = on(input.force);
  const branch = first(input, 'branch', 'branch_name', 'branchName', 'name', 'ref', 'target', 'branchOrPath', 'revision', 'commit');
  switch (verb) {
    case 'push': {
      const to = first(input, 'remoteBranch', 'remote_branch', 'targetBranch');
      words.push('push', ...(force ? ['--force'] : []), ...(on(input.forceWithLease) || on(input.force_with_lease) ? ['--force-with-lease'] : []), ...(on(input.delete) ? ['--delete'] : []), ...(on(input.mirror) ? ['--mirror'] : []));
      words.push(quote(first(input, 'remote') ?? 'origin'), ...q(branch !== undefined && to !== undefined ? `${branch}:${to}` : branch ?? to));
      // (Refspecs given as such: +main, :main, HEAD:main are force pushes, deletions and pushes to main.)
      words.push(...all(input, 'refspec', 'refspecs', 'refs').map(quote));
      break;
    }
    case 'reset':
      words.push('reset', ...(mode && /^(soft|mixed|hard|merge|keep)$/.test(mode) ? [`--${mode}`] : on(input.hard) ? ['--hard'] : []), ...q(first(input, 'target', 'commit', 'revision', 'ref')));
      break;
    case 'clean':
      words.push('clean', `-${force || !on(input.dryRun ?? input.dry_run) ? 'f' : 'n'}${on(input.directories) || on(input.d) ? 'd' : ''}${on(input.ignored) || on(input.x) ? 'x' : ''}`);
      break;
    case 'checkout':
    case 'switch':
      words.push(verb, ...(force ? ['-f'] : []), ...(str(input.newBranch) ? ['-b', quote(str(input.newBranch)!)] : []), ...q(branch));
      // (Paths given to a checkout are restored from the branch or the index: their changes are discarded.)
      { const paths = all(input, 'paths', 'files', 'pathspec', 'pathspecs', 'file'); if (paths.length) words.push('--', ...paths.map(quote)); }
      break;
    case 'branch':
      words.push('branch', ...(/^(delete|remove|rm|-d)$/i.test(mode ?? '') || on(input.delete) ? [force ? '-D' : '-d'] : []), ...q(branch));
      break;
    case 'stash':
      words.push('stash', ...q(mode));
      break;
    case 'config': {
      const key = first(input, 'key', 'name', 'setting', 'config_key', 'configKey', 'option');
      if (key === undefined) return undefined;
      words.push('config', ...(on(input.global) || str(input.scope) === 'global' ? ['--global'] : []), quote(key), ...q(first(input, 'value')));
      break;
    }
    case 'clone':
      words.push('clone', ...q(first(input, 'url', 'repositoryUrl', 'repository_url', 'source')), ...q(first(input, 'targetPath', 'target_path', 'destination', 'path')));
      break;
    case 'remote':
      words.push('remote', ...q(mode ?? 'add'), ...q(first(input, 'name', 'remote')), ...q(first(input, 'url')));
      break;
    default:
      words.push(verb, ...q(first(input, 'remote')), ...q(branch));
  }
  words.push(...all(input, ...EXTRA).map(quote));
  return words.join(' ');
}
