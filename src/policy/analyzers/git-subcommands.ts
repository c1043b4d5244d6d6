// Per-subcommand analysis for git, after global options and aliases are resolved.
import { posix } from 'node:path';
import type { Facts } from '../facts.js';
import { fullLongOptions, has, hasLong, optionTable, scan, values, type OptionTable } from '../options.js';
import { addUrl, shellLine, STDIN, STDIN_PATH, wholeTree } from './common.js';
import { addRemote, disablesExecution, judgeConfig, judgeSshCommand, USUAL_PROGRAMS, type RemoteUse } from './git.js';
import type { AnalyzerInput } from './types.js';
import { vcsRemotes } from './vcs-remotes.js';

// ('<unknown>': the branch a line switched to with `checkout -` or a computed name — it may be main.)
const PROTECTED_BRANCHES = new Set(['main', 'master', '<unknown>']);

const T = (specs: string[]): OptionTable => optionTable(specs);
const PUSH = T(['repo=', 'receive-pack=', 'exec=', 'o,push-option=', 'force-with-lease?=', 'signed?=', 'recurse-submodules=',
  'f,force', 'force-if-includes', 'mirror', 'd,delete', 'all', 'branches', 'tags', 'follow-tags', 'prune', 'u,set-upstream',
  'n,dry-run', 'q,quiet', 'v,verbose', 'atomic', 'no-verify', 'verify', 'thin', 'porcelain', 'progress', '4,ipv4', '6,ipv6']);
const FETCH = T(['upload-pack=', 'depth=', 'deepen=', 'shallow-since=', 'shallow-exclude=', 'j,jobs=', 'refmap=',
  'recurse-submodules?=', 'o,server-option=', 'negotiation-tip=', 'filter=', 's,strategy=', 'X,strategy-option=',
  'rebase?=', 'log?=', 'cleanup=', 'S,gpg-sign?=', 'all', 'multiple', 'p,prune', 'P,prune-tags', 't,tags', 'n',
  'no-tags', 'f,force', 'q,quiet', 'v,verbose', 'dry-run', 'unshallow', 'ff', 'no-ff', 'ff-only', 'r', 'autostash',
  'no-rebase', 'set-upstream', 'update-shallow', 'k,keep', 'a,append', 'atomic', 'progress', '4,ipv4', '6,ipv6']);
const CLONE = T(['o,origin=', 'b,branch=', 'u,upload-pack=', 'reference=', 'reference-if-able=', 'separate-git-dir=',
  'depth=', 'shallow-since=', 'shallow-exclude=', 'j,jobs=', 'template=', 'c,config=', 'filter=', 'server-option=',
  'bundle-uri=', 'ref-format=', 'revision=', 'recurse-submodules?=', 'l,local', 'no-hardlinks', 's,shared',
  'dissociate', 'q,quiet', 'v,verbose', 'progress', 'n,no-checkout', 'bare', 'mirror', 'single-branch',
  'no-single-branch', 'no-tags', 'shallow-submodules', 'remote-submodules', 'sparse', 'also-filter-submodules']);

/** git's ways of printing the current branch's name (after `git `). */
export const CURRENT_BRANCH_ARGS = 'branch --show-current|rev-parse --abbrev-ref HEAD|symbolic-ref --short (?:-q )?HEAD';
const CURRENT_BRANCH = new RegExp(`^(\\$\\(|\`)git (${CURRENT_BRANCH_ARGS})(\\)|\`)$`);
const CURRENT_BRANCH_IN = new RegExp(`(\\$\\(|\`)git (${CURRENT_BRANCH_ARGS})(\\)|\`)`, 'g');

/** The remote's URL: a URL given literally, or a configured remote's (push)url. */
function remoteUrl(f: Facts, input: AnalyzerInput, nameOrUrl: string, use: RemoteUse = 'both'): string | undefined {
  // A remote computed at run time ("$(git remote | tail -1)", "$R") may be any of them, or any URL.
  if (/[$`]/.test(nameOrUrl) && !/^[a-z][\w+.-]*:\/\//i.test(nameOrUrl)) {
    f.tags.add('unresolved-remote');
    f.notes.push(`the remote ${nameOrUrl} is only known when the line runs`);
    return undefined;
  }
  if (/[:/]/.test(nameOrUrl) || nameOrUrl.startsWith('.') || nameOrUrl.startsWith('~')) return nameOrUrl;
  if (!input.git) {
    // Without the repository's configuration the destination of a remote name is unknown.
    f.tags.add('unresolved-remote');
    return undefined;
  }
  // A remote with several urls/pushurls contacts all of them: judge every one.
  const all = input.git.remoteUrls?.(nameOrUrl) ?? [];
  for (const extra of all.slice(1)) addRemote(f, extra, use);
  const url = all[0] ?? input.git.remoteUrl(nameOrUrl);
  // (A push to a name the repository has no remote for goes where nobody can say from here — a remote another command
  // adds, or a directory of that name: it is not understood. A fetch from one fails, or reads a local directory.)
  if (url === undefined && use === 'write') {
    f.tags.add('unresolved-remote');
    f.notes.push(`the repository has no remote ${nameOrUrl}`);
  }
  return url;
}

function branchOf(ref: string, input: AnalyzerInput): string | undefined {
  // refs/heads/main and heads/main name the branch main (git resolves both).
  const r = ref.replace(/^(refs\/)?heads\//, '');
  // (`$(git branch --show-current)` and its spellings name the current branch, as HEAD does.)
  if (r === 'HEAD' || r === '@' || r === '' || CURRENT_BRANCH.test(r)) return input.git?.currentBranch();
  return r;
}

/** A wildcard destination whose fixed start may still be main's or master's full name (refs/*, refs/heads/m*, *). */
function wildcardMayBeMain(dst: string): boolean {
  // (refs/heads/feature/* updates branches below feature/ only; refs/tags/* no branch at all.)
  const full = dst.startsWith('refs/') ? dst : `refs/heads/${dst}`;
  const fixed = full.slice(0, full.indexOf('*'));
  return ['refs/heads/main', 'refs/heads/master'].some((n) => n.startsWith(fixed));
}

function push(f: Facts, rest: string[], input: AnalyzerInput): void {
  // (A one-letter prefix is an option too — git push --m is --mirror —, which the table's scanner does not take.)
  const s = scan(fullLongOptions(rest, [...PUSH.long.keys()]), PUSH);
  // A dry run pushes nothing.
  if (has(s, 'dry-run')) return;
  if (has(s, 'force', 'force-with-lease', 'force-if-includes', 'mirror')) f.tags.add('force-push');
  if (values(s, 'receive-pack', 'exec').length > 0) f.tags.add('exec-config');
  const [remote = values(s, 'repo')[0] ?? input.git?.upstreamRemote() ?? 'origin', ...refspecs] = s.positionals;
  const url = remoteUrl(f, input, remote, 'write');
  if (url) addRemote(f, url, 'write');
  const targets: string[] = [];
  // (The current branch spelt as a substitution inside a refspec — HEAD:$(git branch --show-current),
  // HEAD:refs/heads/$(…) — is that branch.)
  const cur = input.git?.currentBranch();
  for (const spec0 of refspecs) {
    const spec = cur ? spec0.replace(CURRENT_BRANCH_IN, cur) : spec0;
    if (spec.startsWith('+')) f.tags.add('force-push');
    const body = spec.replace(/^\+/, '');
    const colon = body.indexOf(':');
    if (colon === 0 || has(s, 'delete')) f.tags.add('push-delete');
    const dst = colon >= 0 ? body.slice(colon + 1) : body;
    // `:` pushes every matching branch; a wildcard or a name computed at run time may be main.
    // (A computed name that starts with literal text and ends with text no protected name ends with —
    // v${VERSION}-preview — cannot be main, whatever the run-time part holds.)
    const pieces = body.split(/\$\{[^}]*\}|\$\([^)]*\)|\$\w+|`[^`]*`/);
    const tail = pieces[pieces.length - 1]!;
    const notMain = pieces.length > 1 && pieces[0] !== '' && !/[$`]/.test(pieces.join('')) && tail !== '' && !tail.includes(':') && !['main', 'master', 'refs/heads/main', 'refs/heads/master', 'HEAD'].some((n) => n.endsWith(tail));
    if (body === ':' || (dst.includes('*') && wildcardMayBeMain(dst)) || (/[$`]/.test(body) && !CURRENT_BRANCH.test(body) && !notMain)) {
      targets.push('main');
      f.notes.push(`refspec ${spec} may update main/master`);
      continue;
    }
    const b = branchOf(dst || body.slice(0, colon), input);
    if (b) targets.push(b);
  }
  if (refspecs.length === 0 && !has(s, 'tags')) {
    if (has(s, 'all', 'branches', 'mirror')) targets.push('main');
    else {
      const cur = input.git?.currentBranch();
      if (cur) targets.push(cur);
    }
  }
  if (targets.some((t) => PROTECTED_BRANCHES.has(t))) f.tags.add('push-protected-branch');
}

function fetchLike(f: Facts, sub: string, rest: string[], input: AnalyzerInput): void {
  const s = scan(rest, FETCH);
  if (values(s, 'upload-pack').length > 0) f.tags.add('exec-config');
  const remotes = has(s, 'multiple') ? s.positionals : s.positionals.slice(0, 1);
  if (remotes.length === 0 && !has(s, 'all')) remotes.push(input.git?.upstreamRemote() ?? 'origin');
  for (const r of remotes) {
    const url = remoteUrl(f, input, r, 'read');
    if (url) addRemote(f, url, 'read');
  }
  if (sub === 'pull' && has(s, 'force')) f.tags.add('discard-changes');
  // A forced refspec into local branches (+refs/heads/*:refs/heads/*, --update-head-ok) moves them
  // to the remote's commits: local commits on them are dropped.
  const specs = remotes.length ? s.positionals.slice(1) : [];
  if (specs.some((r) => /^\+?[^:]*:(refs\/heads\/|[^/]*$)/.test(r) && (r.startsWith('+') || has(s, 'force')) && !/:refs\/remotes\//.test(r))) f.tags.add('discard-changes');
}

function clone(f: Facts, rest: string[], input: AnalyzerInput): void {
  const s = scan(rest, CLONE);
  if (values(s, 'upload-pack', 'template').length > 0) f.tags.add('exec-config');
  const config = values(s, 'config').map((kv) => [kv.split('=')[0]!, kv.split('=').slice(1).join('=')] as const);
  for (const [k, v] of config) judgeConfig(f, k, v, true);
  for (const b of values(s, 'bundle-uri')) addUrl(f, b, 'remote');
  if (s.positionals[0]) addRemote(f, s.positionals[0], 'read');
  else f.notes.push('no repository given');
  // (-c core.sshCommand applies to the clone's own fetch: judged with the repository's host.)
  for (const [k, v] of config) if (/^core\.sshcommand$/i.test(k)) judgeSshCommand(f, v, input);
  // The clone fills a directory: named, or the repository's name in the working directory.
  const dir = s.positionals[1] ?? posix.basename((s.positionals[0] ?? '').replace(/\/+$/, '')).replace(/\.git$/, '');
  if (dir) f.writes.push(dir.replace(/\/*$/, '/')); // a new directory: git refuses to clone over files
}

/** The path operands of a subcommand (options dropped; after `--`, everything). */
function pathsOf(rest: string[]): string[] {
  const dd = rest.indexOf('--');
  return [...rest.slice(0, dd < 0 ? rest.length : dd).filter((a) => !a.startsWith('-')), ...(dd < 0 ? [] : rest.slice(dd + 1))];
}

/**
 * Paths git rm/mv work on: git refuses any outside its work tree, so one computed at run time
 * (`git mv "$f" …`) is somewhere inside it — unless the work tree itself was moved (-C, --work-tree,
 * --git-dir, GIT_WORK_TREE/GIT_DIR).
 */
function inTree(paths: string[], input: AnalyzerInput): string[] {
  const moved = input.args.some((a) => /^(-C|--work-tree|--git-dir)(=|$)/.test(a)) || input.env.GIT_WORK_TREE !== undefined || input.env.GIT_DIR !== undefined;
  return moved ? paths : paths.map((p) => (/^["']?[$`]/.test(p) ? `./${p}` : p));
}

/** The words before `--` (all of them when there is none). */
function optionsBefore(rest: string[]): string[] {
  const i = rest.indexOf('--');
  return i < 0 ? rest : rest.slice(0, i);
}

function pathsAfterDashDash(rest: string[]): string[] {
  const i = rest.indexOf('--');
  return i >= 0 ? rest.slice(i + 1) : [];
}

/** Per subcommand, the short options that take a value (the rest of a cluster is that value). */
const SHORT_VALUES: Record<string, string> = {
  checkout: 'bB', switch: 'cC', branch: 'u', clean: 'e', commit: 'mFCct', tag: 'mFu', merge: 'mFsX', rebase: 'sXx',
  push: 'o', restore: 's', stash: 'm', reset: '', worktree: 'b', 'cherry-pick': 'mX', revert: 'mX', am: 'p', apply: 'p',
};

// Long options of those subcommands that never take the next word as their value.
const FLAG_ONLY = /^--(hard|soft|mixed|keep|merge|force|force-with-lease|force-if-includes|all|mirror|tags|follow-tags|delete|prune|dry-run|quiet|verbose|no-verify|cached|staged|worktree|recursive|ignore-unmatch|include-untracked|keep-index|index|remote|remotes|detach|orphan|interactive|continue|abort|skip|amend|no-edit|allow-empty|signoff|ff-only|no-ff|squash|atomic|set-upstream|track|no-track|patch|ignored|exclude-standard|autostash|root|onto-root|discard-changes|overwrite-ignore|ours|theirs)$/;

/**
 * Whether `git SUB … --help` (or -h) only prints SUB's usage: SUB is a built-in whose options parse-options
 * reads, and --help stands among the options (before `--`) where no option takes it as its value.
 */
export function helpOnly(sub: string, rest: readonly string[]): boolean {
  const takes = SHORT_VALUES[sub];
  if (takes === undefined && !/^(clean|rm|gc|mv|add)$/.test(sub)) return false;
  const end = rest.indexOf('--');
  const words = end < 0 ? rest : rest.slice(0, end);
  return words.some((w, k) => {
    if (w !== '--help' && w !== '--help-all' && w !== '-h') return false;
    const prev = k === 0 ? sub : words[k - 1]!;
    return k === 0 || !prev.startsWith('-') || /^--[\w-]+=/.test(prev) || FLAG_ONLY.test(prev) || (/^-[a-zA-Z]+$/.test(prev) && ![...prev.slice(1)].some((l) => (takes ?? '').includes(l)));
  });
}

/** Adds the facts of `git <sub> <rest…>` to f. */
/** The list file `--pathspec-from-file` names, in either spelling (=F, or F next) and by any prefix git takes
 *  (--pathspec-from=F); `-` is stdin. */
export function pathspecFile(args: readonly string[]): string | undefined {
  for (let k = 0; k < args.length && args[k] !== '--'; k++) {
    const m = /^--([\w-]+)(?:=(.*))?$/s.exec(args[k]!);
    if (m && m[1]!.length >= 'pathspec-fr'.length && 'pathspec-from-file'.startsWith(m[1]!)) return m[2] ?? args[k + 1];
  }
  return undefined;
}

/** A pathspec that names the whole work tree from where git runs, by any spelling: `.`, `./`, `.//`, `./*`, `*`, `:/`,
 *  `:(top)`, `:/.`, `..` above it. (`:/` and `:(top)` count from the top, so only what names the top itself after them.) */
export function wholeSpec(spec: string, input: Pick<AnalyzerInput, 'cwd' | 'home'>): boolean {
  const top = /^:(\/|\(top\))/.exec(spec);
  // (Repeated slashes are one, and a leading ./ is the directory itself: .//, ././*.)
  const v = spec.slice(top?.[0].length ?? 0).replace(/\/{2,}/g, '/').replace(/^(\.\/)+(?=.)/, '') || '.';
  return top ? /^(\.|\*|\.\/|\.\/\*)$/.test(v) : wholeTree(v, input.cwd, input.home);
}

export function gitSubcommand(f: Facts, sub: string, rest: string[], input: AnalyzerInput): void {
  // git accepts any unambiguous prefix of a long option, of any length: --har, --ha, even --f (clean's only f-option) is
  // --force — parse-options.c's parse_long_opt compares strncmp(long_name, arg, len) with no minimum. (A prefix two options
  // share makes git refuse to run: reading it as either is safe.)
  // (Words after `--` are operands: git switch -- -f switches to a branch named -f.)
  const opts = rest.includes('--') ? rest.slice(0, rest.indexOf('--')) : rest;
  const flags = { has: (long: string) => hasLong(opts, long.replace(/^--/, ''), 1) };
  // A short-option cluster is read up to the first letter that takes a value: in `-bfeature` the
  // branch is `feature`, not the flags f, e, a, t, u, r.
  const takes = SHORT_VALUES[sub] ?? '';
  const shortHas = (c: string) =>
    opts.some((a) => {
      // (A value glued to its option may hold any character: -Bnew-branch.)
      if (!/^-[a-zA-Z]/.test(a)) return false;
      for (const l of a.slice(1)) {
        if (l === c) return true;
        if (takes.includes(l)) return false;
      }
      return false;
    });
  // Subcommands that run a shell command given as an argument.
  const runArg = (optRe: RegExp) => {
    for (let i = 0; i < rest.length; i++) {
      const a = rest[i]!;
      const m = /^(--[a-z-]+)=(.*)$/s.exec(a);
      if (m && optRe.test(m[1]!)) f.runs.push(m[2]!);
      else if (optRe.test(a) && rest[i + 1] !== undefined) f.runs.push(rest[++i]!);
    }
  };
  // --pathspec-from-file F (add, reset, commit, stash push, rm, checkout, restore): git reads F as its list of paths, and a
  // line that matches nothing comes back in its error ("pathspec 'SECRET=…' did not match"): F is read.
  const list = pathspecFile(opts);
  if (list !== undefined && list !== '-') f.reads.push(list);
  switch (sub) {
    case 'push':
      return push(f, rest, input);
    case 'fetch':
    case 'pull':
      return fetchLike(f, sub, rest, input);
    // git lfs push REMOTE, git annex copy --to R / sync: where git's add-ons send, from the table of clients.
    case 'lfs':
    case 'annex':
      return vcsRemotes(f, `git ${sub}`, rest, input);
    case 'clone':
      return clone(f, rest, input);
    case 'maintenance':
      if (rest[0] === 'start' || rest[0] === 'register') f.tags.add('persistence');
      return;
    case 'ls-remote': {
      if (rest.some((a) => /^(-u|--upload-pack)(=|$)/.test(a) || /^--exec(=|$)/.test(a))) f.tags.add('exec-config');
      const r = rest.filter((a, i) => !/^(-u|--upload-pack|--exec|-o|--server-option|--sort)$/.test(rest[i - 1] ?? '')).find((a) => !a.startsWith('-'));
      if (r) {
        const url = remoteUrl(f, input, r, 'read');
        if (url) addRemote(f, url, 'read');
      }
      return;
    }
    case 'archive':
      for (let i = 0; i < rest.length; i++) {
        if (rest[i]!.startsWith('--remote=')) addRemote(f, rest[i]!.slice(9), 'read');
        else if (rest[i] === '--remote' && rest[i + 1]) addRemote(f, rest[i + 1]!, 'read');
      }
      if (rest.some((a) => /^--exec(=|$)/.test(a))) f.tags.add('exec-config');
      // The paths after the tree-ish are what the archive holds: each is read (git archive HEAD .env).
      if (!rest.some((a) => /^--remote(=|$)/.test(a))) {
        const ops = rest.filter((a, k) => !a.startsWith('-') && !/^(-o|--output|--format|--prefix|--add-file|--add-virtual-file|--exec|--worktree-attributes)$/.test(rest[k - 1] ?? '') && a !== '--');
        f.reads.push(...ops.slice(1));
      }
      return;
    // Plumbing that talks to a remote: its destination, and the program it may run there or here.
    case 'send-pack':
    case 'fetch-pack':
    case 'http-push':
    case 'http-fetch':
    case 'upload-archive': {
      if (rest.some((a) => /^--(receive-pack|upload-pack|exec)(=|$)/.test(a))) f.tags.add('exec-config');
      // send-pack is the plumbing under push: --all/--mirror send every branch (main too), --force overwrites.
      if (sub === 'send-pack') {
        if (flags.has('--all') || flags.has('--mirror') || rest.some((a) => /^(refs\/heads\/)?(main|master)$|:(refs\/heads\/)?(main|master)$/.test(a.replace(/^\+/, '')))) f.tags.add('push-protected-branch');
        if (flags.has('--force') || flags.has('--mirror') || rest.some((a) => a.startsWith('+'))) f.tags.add('force-push');
      }
      const r = rest.filter((a, i) => !/^--(receive-pack|upload-pack|exec|depth|remote)$/.test(rest[i - 1] ?? '')).find((a) => !a.startsWith('-'));
      if (r) {
        const use = /^(send-pack|http-push)$/.test(sub) ? 'write' : 'read';
        const url = remoteUrl(f, input, r, use);
        if (url) addRemote(f, url, use);
      }
      return;
    }
    case 'svn':
    case 'p4':
      return vcsRemotes(f, `git ${sub}`, rest, input);
    case 'cvsimport': {
      // git cvsimport -d URL: a foreign remote.
      const url = rest.slice(1).find((a) => /^[a-z][a-z0-9+.-]*:\/\//i.test(a));
      if (url) addRemote(f, url);
      return;
    }
    case 'remote': {
      const [verb, ...args] = rest;
      const pos = args.filter((a) => !a.startsWith('-'));
      if (verb === 'add') {
        f.subcommand = 'remote add';
        const added = scan(args, optionTable(['t=', 'm=', 'mirror?=', 'f', 'tags', 'no-tags']));
        const vals = added.positionals;
        if (vals[1]) addRemote(f, vals[1]);
        // --mirror=push (and the bare --mirror, both ways) makes every later push to it a mirror push: refs there are
        // force-updated and deleted to match this repository, as remote.NAME.mirror=true does.
        if (added.opts.some((o) => o.name === 'mirror' && (o.value === undefined || o.value === 'push'))) {
          f.tags.add('force-push');
          f.notes.push('git remote add --mirror makes every push to that remote a mirror push');
        }
      } else if (verb === 'set-url') {
        f.subcommand = 'remote set-url';
        // (--push sets the url pushes go to; fetches keep theirs.)
        if (pos[1]) addRemote(f, pos[1], args.includes('--push') ? 'write' : 'both');
      } else if (verb === 'remove' || verb === 'rm') f.subcommand = 'remote remove';
      // rename A B: pushes and fetches that name B (origin, say) now go to A's URL.
      else if (verb === 'rename' && pos[0]) {
        f.subcommand = 'remote set-url';
        const url = remoteUrl(f, input, pos[0]);
        if (url) addRemote(f, url);
      }
      return;
    }
    case 'submodule': {
      if (rest[0] === 'foreach') {
        const cmd = rest.slice(1).filter((a) => a !== '--recursive' && a !== '-q' && a !== '--quiet');
        if (cmd.length) f.runs.push(cmd.join(' '));
        return;
      }
      // deinit -f throws away the submodules' working trees, local changes included.
      // (So does update --force: it checks each submodule out again over its local changes.)
      if (/^(deinit|update)$/.test(rest[0] ?? '') && (rest.includes('-f') || rest.includes('--force'))) f.tags.add('discard-changes');
      // set-url PATH URL: the submodule is fetched from URL on the next update.
      if (rest[0] === 'set-url') {
        const pos = rest.slice(1).filter((a) => !a.startsWith('-'));
        if (pos[1]) addRemote(f, pos[1], 'read');
        return;
      }
      if (rest[0] !== 'add') return;
      f.subcommand = 'submodule add';
      const s = scan(rest.slice(1), optionTable(['b,branch=', 'name=', 'reference=', 'depth=', 'f,force', 'q,quiet']));
      if (s.positionals[0]) addRemote(f, s.positionals[0], 'read');
      return;
    }
    case 'config': {
      const s = scan(rest, optionTable(['f,file=', 'blob=', 'type=', 'default=', 'comment=', 'value=', 'global', 'system',
        'local', 'worktree', 'add', 'replace-all', 'unset', 'unset-all', 'get', 'get-all', 'get-regexp', 'l,list',
        'e,edit', 'bool', 'int', 'path', 'null', 'z', 'name-only', 'show-origin', 'show-scope', 'all', 'fixed-value']));
      // (git 2.46's verbs: git config set|get|list|unset|… KEY [VALUE]; a key always has a dot, so a verb is no key.)
      const verb = /^(set|get|list|unset|rename-section|remove-section|edit)$/.exec(s.positionals[0] ?? '')?.[0];
      const pos = verb ? s.positionals.slice(1) : s.positionals;
      const reads = verb === 'get' || verb === 'list' || has(s, 'get', 'get-all', 'get-regexp', 'list');
      if (pos.length >= 2 && !reads && !has(s, 'unset', 'unset-all') && verb !== 'unset') judgeConfig(f, pos[0]!, pos[1]!, false, (n) => input.git?.remoteUrl(n));
      if (has(s, 'edit') || verb === 'edit') f.tags.add('exec-config');
      // --file F: the change is written to F (any file: ~/.bashrc, .git/hooks/pre-commit), not to a git config.
      const writes = !reads && (pos.length >= 2 || has(s, 'unset', 'unset-all', 'add', 'replace-all', 'edit') || /^(set|unset|rename-section|remove-section|edit)$/.test(verb ?? ''));
      if (values(s, 'file').length && writes) f.writes.push(...values(s, 'file'));
      // (Otherwise — a get, a list, a get-regexp — F, or the blob REV:PATH names, is parsed and its values printed: any
      // INI-shaped file is a config to git, so git config -f ~/.pypirc -l prints the PyPI password.)
      else f.reads.push(...values(s, 'file'), ...values(s, 'blob').flatMap((b) => /^[^:]*:(.+)$/.exec(b)?.[1] ?? []));
      return;
    }
    // What other plumbing writes: merge-file's first file (unless -p), bundle create's bundle, mailsplit -oDIR's pieces.
    case 'merge-file':
      if (!shortHas('p') && !flags.has('--stdout')) f.writes.push(...rest.filter((a, k) => !a.startsWith('-') && !/^(-L|--marker-size|--diff-algorithm)$/.test(rest[k - 1] ?? '')).slice(0, 1));
      return;
    case 'bundle':
      if (rest[0] === 'create') f.writes.push(...rest.slice(1).filter((a) => !a.startsWith('-')).slice(0, 1));
      return;
    case 'mailsplit': {
      const dir = rest.find((a) => a.startsWith('-o'))?.slice(2);
      if (dir) f.writes.push(`${dir.replace(/\/+$/, '')}/*`);
      return;
    }
    case 'reset':
      // (--keep refuses to touch a file with local changes: nothing uncommitted is lost.)
      if (flags.has('--hard') || flags.has('--merge')) f.tags.add('discard-changes');
      return;
    case 'update-ref': {
      if (rest.includes('-d') || flags.has('--delete')) f.tags.add('delete-branch-force');
      // Moving a branch by hand drops the commits it pointed at from that branch.
      else if (rest.some((a) => a.startsWith('refs/heads/') || a === 'HEAD') || rest.includes('--stdin')) f.tags.add('rewrite-history');
      return;
    }
    case 'read-tree':
      // -u writes the index result into the working tree; with --reset or -m it overwrites it.
      if ((flags.has('--reset') || shortHas('m')) && shortHas('u')) f.tags.add('discard-changes');
      return;
    case 'checkout-index': {
      // (--prefix=DIR/ writes copies elsewhere; a prefix that is the working tree itself — ./, $PWD/ — does not.)
      const prefix = rest.find((a) => a.startsWith('--prefix='))?.slice(9).replace(/^["']|["']$/g, '');
      const here = prefix === undefined || /^(\.?\/?|\$\{?PWD\}?\/?|\$\(pwd\)\/?)$/.test(prefix) || prefix.replace(/\/+$/, '') === input.cwd;
      if ((flags.has('--force') || shortHas('f')) && here) f.tags.add('discard-changes');
      // Elsewhere, the copies land below the prefix, with the repository's own names (.bashrc, .ssh/…).
      if (!here) f.writes.push(`${prefix}*`);
      return;
    }
    case 'worktree':
      // add PATH fills PATH with a checkout (a directory of startup files, if PATH is one).
      if (rest[0] === 'add') {
        const path = rest.slice(1).find((a, k, all) => !a.startsWith('-') && !/^(-b|-B|--reason)$/.test(all[k - 1] ?? ''));
        if (path) f.writes.push(`${path.replace(/\/+$/, '')}/`);
      }
      // move WORKTREE DEST: the checkout is now at DEST.
      if (rest[0] === 'move') {
        const dest = rest.slice(1).filter((a) => !a.startsWith('-'))[1];
        if (dest) f.writes.push(`${dest.replace(/\/+$/, '')}/`);
      }
      // (After `--`, -f is the worktree's path, not the force flag.)
      // (A scratch worktree in the temp dir loses only what rm -rf /tmp/… would: not the user's work.)
      // (Written plainly: no `..`, no variable or substitution — /tmp/x/../../home/user/wt is not in the temp dir.)
      // (The shell's pid or a random number in its name — /tmp/app-main-$$ — is digits: no slash, no `..`.)
      const removed = (rest.slice(1).filter((a) => !a.startsWith('-')).at(-1) ?? '').replace(/\$(\$|\{\$\}|\{?(RANDOM|BASHPID|SRANDOM)\b\}?)/g, '0');
      // (…nor is HOME, or a directory holding it, when HOME itself lives below /tmp, as in a test harness.)
      const home = input.home.replace(/\/+$/, '');
      const gone = removed.replace(/\/+$/, '');
      const scratch = /^\/tmp\/[^/.][^/]*(\/|$)/.test(removed) && !/(^|\/)\.\.(\/|$)|[$`]/.test(removed) && gone !== home && !gone.startsWith(`${home}/`) && !home.startsWith(`${gone}/`);
      if (rest[0] === 'remove' && (flags.has('--force') || optionsBefore(rest).some((a) => /^-[a-zA-Z]*f/.test(a))) && !scratch) f.tags.add('discard-changes');
      return;
    case 'reflog':
      // The reflog is how lost commits are found again; gc --prune=now alone only drops what it no longer holds.
      if (rest[0] === 'expire' || rest[0] === 'delete') f.tags.add('rewrite-history');
      return;
    case 'rebase':
      runArg(/^(-x|--exec)$/);
      return;
    case 'difftool':
    case 'mergetool': {
      // -x/--extcmd is a command line; -t/--tool names a tool (git's own list, or a
      // difftool.<name>.cmd the configuration defines — judged where that is written).
      runArg(/^(-x|--extcmd)$/);
      const tool = rest.find((a, i) => /^(-t|--tool)$/.test(rest[i - 1] ?? '')) ?? rest.find((a) => a.startsWith('--tool='))?.slice(7);
      if (f.runs.length || (tool !== undefined && !/^[\w.+-]+$/.test(tool))) f.tags.add('exec-config');
      return;
    }
    case 'bisect':
      if (rest[0] === 'run' && rest.length > 1) f.runs.push(shellLine(rest.slice(1)));
      return;
    case 'filter-branch':
      runArg(/^--(env|tree|index|parent|msg|commit|tag-name|subdirectory)-filter$/);
      f.tags.add('rewrite-history');
      return;
    case 'clean': {
      const force = flags.has('--force') || shortHas('f');
      const dry = flags.has('--dry-run') || shortHas('n');
      if (force && !dry) f.tags.add('discard-changes');
      return;
    }
    case 'checkout': {
      // checkout COMMIT PATH…: those paths take the commit's version, their local changes are lost.
      const pos = rest.filter((a, i) => !a.startsWith('-') && !/^(-b|-B|--orphan|--conflict|--pathspec-from-file|-U|--unified|--inter-hunk-context)$/.test(rest[i - 1] ?? ''));
      const fromFile = rest.some((a) => a.startsWith('--pathspec-from-file'));
      // (One operand named like a file — src/app.py, package.json — is a path git restores from the index, not a branch to
      // switch to: its local changes are lost. Branch and tag names rarely end in a letter extension; v1.2 is no file name.)
      // (Nor is a glob — git refuses *, ? and [ in ref names — or a file every project names so: Makefile, Dockerfile.)
      // (--ours/--theirs take one side of a conflicted file while a merge or rebase stops: the resolution, not lost work.)
      const fileLike = pos.length === 1 && !shortHas('b') && !shortHas('B') && !flags.has('--orphan') && !flags.has('--ours') && !flags.has('--theirs') && (/(^|\/)(?!v?\d)[^/.][^/]*\.[A-Za-z][A-Za-z0-9]{0,7}$/.test(pos[0]!) || /[*?[]/.test(pos[0]!) || WELL_KNOWN_FILES.test(pos[0]!));
      // (…and any one operand that is no ref of the repository but names a file or directory there — git checkout README,
      // git checkout src: known only where the repository and the work tree can be read, at the I/O edge.)
      const pathNotRef = pos.length === 1 && !fileLike && !shortHas('b') && !shortHas('B') && !flags.has('--orphan') && !flags.has('--detach') && !/[~^@:]/.test(pos[0]!)
        && input.git?.hasRef?.(pos[0]!) === false && input.realpath?.(posix.resolve(input.cwd, pos[0]!)) !== undefined;
      if (rest.includes('--') || flags.has('--force') || shortHas('f') || rest.includes('.') || fromFile || fileLike || pathNotRef || (pos.length >= 2 && !shortHas('b') && !shortHas('B') && !flags.has('--orphan'))) f.tags.add('discard-changes');
      // -B resets a branch that may exist to another commit.
      if (shortHas('B')) f.tags.add('rewrite-history');
      // checkout REF -- PATH…: those files are written (an agent's settings or hook from another branch).
      if (rest.includes('--')) f.writes.push(...rest.slice(rest.indexOf('--') + 1));
      return;
    }
    case 'rm':
      // git rm -r of the whole tree deletes every tracked file from the working tree too.
      if ((shortHas('r') || flags.has('-r')) && !flags.has('--cached') && pathsOf(rest).some((a) => wholeSpec(a, input))) f.tags.add('discard-changes');
      // What it removes from the working tree is deleted (git rm -r .claude).
      if (!flags.has('--cached') && !flags.has('--dry-run') && !shortHas('n')) {
        // (The tree from here is discard-changes above; one above it — .., ~ — stays a delete, judged by where it is.)
        f.deletes.push(...inTree(pathsOf(rest).filter((a) => !(wholeSpec(a, input) && !/\.\.|~|\$/.test(a))), input));
        if (shortHas('r')) f.tags.add('recursive');
      }
      return;
    case 'mv': {
      // git mv SRC… DEST moves the sources away, like mv.
      const ops = inTree(pathsOf(rest), input);
      if (ops.length >= 2 && !flags.has('--dry-run') && !shortHas('n')) {
        f.deletes.push(...ops.slice(0, -1));
        f.writes.push(ops.at(-1)!);
        f.tags.add('recursive');
      }
      return;
    }
    case 'restore': {
      // DESIGN: `restore .` asks, as `checkout -- …` does: restoring the working tree's copy of any
      // path (the whole tree, a directory, a named file) discards its uncommitted changes.
      // (--staged alone only unstages: the working tree keeps its changes.)
      const staged = flags.has('--staged') || shortHas('S');
      const worktree = flags.has('--worktree') || shortHas('W');
      const whole = rest.some((a) => wholeSpec(a, input) || /\/$/.test(a));
      // The restored paths are written in the working tree (unless only the index is restored).
      if (!staged || worktree) f.writes.push(...rest.filter((a, i) => !a.startsWith('-') && !/^(-s|--source)$/.test(rest[i - 1] ?? '')));
      // From another commit (-s/--source), even a named path loses its local state to that version.
      const source = flags.has('--source') || shortHas('s');
      const named = rest.some((a, i) => !a.startsWith('-') && !/^(-s|--source)$/.test(rest[i - 1] ?? '')) || rest.some((a) => a.startsWith('--pathspec-from-file'));
      if ((!staged || worktree) && (whole || source || named)) f.tags.add('discard-changes');
      return;
    }
    case 'switch':
      if (flags.has('--discard-changes') || flags.has('--force') || shortHas('f')) f.tags.add('discard-changes');
      if (shortHas('C') || flags.has('--force-create')) f.tags.add('rewrite-history');
      return;
    case 'branch': {
      // -u R/B, --set-upstream-to=R/B: a plain push and pull of the branch now use remote R.
      const up = rest.find((a, i) => /^(-u|--set-upstream-to)$/.test(rest[i - 1] ?? '')) ?? rest.find((a) => a.startsWith('--set-upstream-to='))?.slice(18);
      if (up !== undefined && up.includes('/')) {
        const url = input.git?.remoteUrl(up.slice(0, up.indexOf('/')));
        if (url) addRemote(f, url);
      }
      const del = flags.has('--delete') || shortHas('d') || shortHas('D');
      if (shortHas('D') || (del && (flags.has('--force') || shortHas('f')))) f.tags.add('delete-branch-force');
      // branch -f NAME START moves an existing branch (its commits may be lost); -M/-C overwrite one.
      else if (flags.has('--force') || shortHas('f') || shortHas('M') || shortHas('C')) f.tags.add('rewrite-history');
      return;
    }
    case 'stash': {
      if (rest[0] === 'drop' || rest[0] === 'clear') f.tags.add('discard-changes');
      // push (also implied: git stash -u -- .env) with pathspecs stores those files in a stash commit,
      // which git stash show -p prints back. (save's words are its message.)
      const push = rest[0] === 'push' ? rest.slice(1) : rest[0] === undefined || rest[0].startsWith('-') ? rest : undefined;
      if (push) {
        const dd = push.indexOf('--');
        f.stages.push(...(dd >= 0 ? push.slice(dd + 1) : push.filter((a, k, all) => !a.startsWith('-') && !/^(-m|--message)$/.test(all[k - 1] ?? ''))));
      }
      return;
    }
    case 'commit':
    case 'tag':
    case 'notes':
    case 'commit-tree':
    case 'merge': {
      // -F FILE: the file's text becomes the message, stored in history (and pushed with it).
      for (let i = 0; i < rest.length; i++) {
        // (commit -t/--template FILE: the file's text starts the message, kept verbatim with --cleanup=verbatim.)
        // (In a cluster of flags too: -qF FILE, -aqF FILE, -qFFILE; -m takes its own value, so -mF is a message.)
        const cluster = /^-([a-zA-Z]+)$/.exec(rest[i]!)?.[1];
        const fAt = cluster ? [...cluster].findIndex((c) => c === 'F' || (sub === 'commit' && c === 't') || /[mcCu]/.test(c)) : -1;
        const fromCluster = cluster && fAt >= 0 && /[Ft]/.test(cluster[fAt]!) ? [rest[i]!, fAt === cluster.length - 1 ? rest[i + 1] : cluster.slice(fAt + 1)] : null;
        const glued = /^-[a-zA-Z]*F(.+)$/.exec(rest[i]!);
        const m = /^(?:--file=(.*)|--template=(.*))$/.exec(rest[i]!)?.filter((x, k) => k === 0 || x !== undefined) ?? fromCluster ?? (glued && !/^-[a-zA-Z]*[mcCu]/.test(rest[i]!) ? [rest[i]!, glued[1]] : null) ?? (/^(-F|--file)$/.test(rest[i]!) || (sub === 'commit' && /^(-t|--template)$/.test(rest[i]!)) ? [rest[i]!, rest[i + 1]] : null);
        // (- and stdin's other names — /dev/stdin, /dev/fd/0, /proc/self/fd/0 — are what the line feeds it: -F /dev/stdin < .env.)
        if (m) f.stages.push(STDIN_PATH.test(m[1] ?? m[2] ?? '') ? STDIN : (m[1] ?? m[2])!);
      }
      return;
    }
    case 'hash-object':
      // -w stores the file (or stdin) as an object in the repository.
      // (A file operand that is stdin by another name — /dev/stdin, /proc/self/fd/0 — stores what the line feeds it.)
      // (--stdin-paths reads the names of the files to store from stdin, as update-index --stdin does: see judge-argv.)
      if (rest.includes('-w')) {
        const files = rest.filter((a, k) => !a.startsWith('-') && !/^(-t|--path)$/.test(rest[k - 1] ?? ''));
        f.stages.push(...(rest.includes('--stdin') ? [STDIN] : []), ...files.map((a) => (STDIN_PATH.test(a) ? STDIN : a)));
      }
      return;
    case 'update-index':
      if (rest.includes('--add') || rest.includes('--replace')) f.stages.push(...rest.filter((a, k) => !a.startsWith('-') && !/^--(cacheinfo|chmod|index-info)$/.test(rest[k - 1] ?? '')));
      return;
    case 'apply':
    case 'am': {
      // --directory=DIR puts the patch's paths below DIR (with --unsafe-paths, anywhere).
      for (let i = 0; i < rest.length; i++) {
        const m = /^--directory(?:=(.*))?$/.exec(rest[i]!);
        if (m) {
          f.writes.push((m[1] ?? rest[++i] ?? '').replace(/\/+$/, '') || '/');
          f.tags.add('extracts'); // files of the patch's choosing below DIR
        }
      }
      return;
    }
    case 'stage':
    case 'add': {
      const s = scan(rest, optionTable(['chmod=', 'pathspec-from-file=', 'f,force', 'A,all', 'u,update', 'p,patch',
        'n,dry-run', 'N,intent-to-add', 'v,verbose', 'i,interactive', 'e,edit', 'no-all', 'ignore-removal',
        'refresh', 'ignore-errors', 'ignore-missing', 'renormalize', 'sparse', 'pathspec-file-nul']));
      if (has(s, 'force')) f.tags.add('force-add');
      // Pathspec magic: an exclusion (`:!*.pem`, `:(exclude)…`) stages nothing; `:(icase)`,
      // `:(top)`, `:(literal)` and `:/` name paths as usual.
      // :(icase) matches any case: .ENV is .env.
      if (!has(s, 'dry-run')) f.stages.push(...s.positionals.filter((p) => !/^:(!|\^|\([^)]*exclude[^)]*\))/.test(p)).map((p) => (/^:\([^)]*icase/.test(p) ? p.toLowerCase() : p).replace(/^:(\([^)]*\)|\/)/, '')));
      // -f on the whole tree adds what .gitignore keeps out: .env files and keys first of all.
      const whole = s.positionals.length === 0 ? has(s, 'all') : s.positionals.some((p) => wholeSpec(p, input));
      if (has(s, 'force') && whole && !has(s, 'dry-run')) f.tags.add('force-add-tree');
      // -f with a name computed at run time may name anything .gitignore keeps out.
      if (has(s, 'force') && s.positionals.some((p) => /[$`]/.test(p)) && !has(s, 'dry-run')) f.tags.add('force-add-tree');
      if (whole) f.tags.add('add-tree');
      // The whole tree of HOME (or above it) holds the user's credentials: staging it stages them.
      const home = input.home.replace(/\/+$/, '');
      if (whole && (input.cwd === home || home.startsWith(`${input.cwd.replace(/\/+$/, '')}/`))) f.stages.push(input.cwd);
      return;
    }
    case 'log':
    case 'whatchanged':
    case 'show':
    case 'diff':
    case 'blame':
    case 'cat-file':
    case 'format-patch':
    case 'grep': {
      // (git log shows a file's content only with a patch: -p, -u, -U<n>, --patch, --word-diff, --cc, -L; otherwise
      // hashes, subjects and names — git log --oneline -- .env asks whether .env was ever committed.)
      // (…and the merge-diff options, which show a patch for merges and imply one since git 2.32: -m, -c, --dd, --remerge-diff.)
      const patch = !/^(log|whatchanged)$/.test(sub) || rest.some((a) => /^(-u|--patch\S*|-U\d*|--unified\S*|--word-diff\S*|--color-words\S*|--cc|--full-diff|--binary|-L.*|--ext-diff|--textconv|--raw|-m|-c|--dd|--remerge-diff|--diff-merges=\S+)$/.test(a) && !(/^(-m|-c|--dd|--remerge-diff|--diff-merges=\S+)$/.test(a) && rest.some((b) => /^(-s|--no-patch|--name-only|--name-status|--stat\S*|--shortstat|--numstat|--summary|--raw)$/.test(b))) || (/^-[a-zA-Z]*p/.test(a) && !a.startsWith('--')));
      if (patch) f.reads.push(...pathsAfterDashDash(rest));
      // Without `--`, git takes operands that are not revisions as paths (git log -p .env, git
      // diff --no-index a .env): each is read; a revision is no path and matches no rule.
      if (patch && !rest.includes('--') && sub !== 'grep') f.reads.push(...rest.filter((a, k) => !a.startsWith('-') && !/^-[nSGLUO]$|^--(format|pretty|author|committer|grep|since|until|after|before|output|stat-width|word-diff-regex|diff-filter|max-count|skip|encoding|abbrev)$/.test(rest[k - 1] ?? '') && !/[.]{2}|^[0-9a-f]{7,40}$|^HEAD|@\{|\^|~\d*$/.test(a)));
      // `:path` (the index) and REV:path name a file.
      for (const a of rest) if (/^:[^(!^/]/.test(a)) f.reads.push(a.slice(1));
      for (let i = 0; i < rest.length; i++) {
        const m = /^--output(?:=(.*))?$|^-o$/.exec(rest[i]!);
        if (m) f.writes.push(m[1] ?? rest[++i] ?? '');
        if (/^--(ext-diff|textconv)$/.test(rest[i]!)) f.notes.push(`${rest[i]} runs configured programs`);
        // git grep -O<cmd> / --open-files-in-pager=<cmd> runs <cmd> on the matching files.
        // (The usual pager or editor — -Oless, -Ovim — opens them, as PAGER=more git log does.)
        const pager = sub === 'grep' ? /^(?:-O|--open-files-in-pager=)(.+)$/.exec(rest[i]!) : null;
        if (pager && !disablesExecution('core.pager', pager[1]!) && !USUAL_PROGRAMS.test(pager[1]!)) {
          f.tags.add('exec-config');
          f.notes.push(`git grep runs ${pager[1]} on the files it finds`);
        }
      }
      for (const a of rest) {
        const m = /^[^-:][^:]*:(.+)$/.exec(a);
        if (m && (sub === 'show' || sub === 'cat-file') && !a.includes('://')) f.reads.push(m[1]!);
      }
      if (sub === 'blame') {
        const last = rest.filter((a) => !a.startsWith('-')).pop();
        if (last) f.reads.push(last);
      }
      return;
    }
    case 'init': {
      if (rest.some((a) => a.startsWith('--template'))) f.tags.add('exec-config');
      // The repository is created in DIR/.git (or DIR with --bare): a write there.
      const at = rest.filter((a) => !a.startsWith('-')).pop() ?? '.';
      f.writes.push(rest.includes('--bare') ? at : posix.join(at, '.git'));
      return;
    }
    case 'town':
      // git town ship merges the branch into main and pushes main.
      if (rest[0] === 'ship') {
        f.tags.add('push-protected-branch');
        f.notes.push('git town ship merges into the main branch and pushes it');
      }
      return;
    case 'send-email':
    case 'request-pull':
    case 'imap-send':
      f.tags.add('sends-mail');
      // send-email FILE|DIR…: each file is mailed as it is (not only patches: .env too).
      if (sub === 'send-email') {
        const VALUED = /^--(to|cc|bcc|from|subject|in-reply-to|reply-to|smtp-server|smtp-server-port|smtp-server-option|smtp-encryption|smtp-user|smtp-pass|smtp-domain|smtp-auth|smtp-ssl-cert-path|identity|compose-encoding|transfer-encoding|8bit-encoding|sendmail-cmd|to-cmd|cc-cmd|header-cmd|header|suppress-cc|confirm|validate|batch-size|relogin-delay|envelope-sender|thread|chain-reply-to|format-patch)$|^-[vo]$/;
        f.sends.push(...pathsOf(rest).filter((a, k, all) => !VALUED.test(rest[rest.indexOf(a) - 1] ?? '') && all.indexOf(a) === k));
      }
      return;
    case 'daemon':
    case 'instaweb':
      f.tags.add('listen-public');
      return;
    case 'credential':
    case 'credential-store':
    case 'credential-cache':
      f.tags.add('credential-access');
      return;
    case 'filter-branch':
    case 'filter-repo':
      // (filter-repo --analyze only writes a report of the history's sizes.)
      if (sub === 'filter-repo' && rest.includes('--analyze') && !rest.some((a) => /^--(force|path|invert-paths|subdirectory-filter|to-subdirectory-filter|replace|strip|mailmap|use-mailmap|\w+-callback|partial|refs)/.test(a))) return;
      f.tags.add('rewrite-history');
      return;
    default:
      // git remote-TRANSPORT NAME [URL] (git-remote-https …): the remote helper itself, run by hand, contacts URL (or the
      // remote's); ext's "URL" is a command it runs; a helper git does not ship is a program the line does not show.
      if (/^remote-/.test(sub)) remoteHelper(f, sub.slice(7), rest, input);
      return;
  }
}

function remoteHelper(f: Facts, transport: string, rest: string[], input: AnalyzerInput): void {
  if (transport === 'ext') {
    f.tags.add('exec-config');
    f.notes.push('git remote-ext runs its address as a command');
    return;
  }
  if (transport === 'fd') return;
  if (!/^(https?|ftps?)$/.test(transport)) {
    f.tags.add('remote-helper');
    f.notes.push(`git remote-${transport} is a remote helper git does not ship`);
    return;
  }
  const url = rest[1] ?? (rest[0] === undefined ? undefined : remoteUrl(f, input, rest[0]));
  if (url) addRemote(f, /^[a-z][\w+.-]*:\/\//i.test(url) ? url : `${transport}://${url}`);
}

/** Project files named without an extension, which no one names a branch (git checkout Makefile restores the file). */
const WELL_KNOWN_FILES = /(^|\/)(Makefile|GNUmakefile|Dockerfile|Containerfile|Jenkinsfile|Vagrantfile|Gemfile|Rakefile|Procfile|Brewfile|Justfile|Pipfile|CODEOWNERS|LICENSE|COPYING)$/;
