// Mercurial (hg, chg) and Sapling (sl): the other version-control clients an agent meets. Judged
// as git is: a push that forces or lands on main/master/default, a remote off the allowlist, and
// configuration given on the command line that runs a program (hooks, extensions, ui.ssh …).
import { newFacts, type Facts } from '../facts.js';
import { optionTable, scan, values, has } from '../options.js';
import { addHost, addUrl } from './common.js';
import type { AnalyzerInput } from './types.js';

const TABLE = optionTable([
  'R,repository=', 'cwd=', 'config=', 'y,noninteractive', 'q,quiet', 'v,verbose', 'debug', 'traceback', 'time', 'profile', 'color=', 'pager=',
  'f,force', 'r,rev=', 'B,bookmark=', 'b,branch=', 'to=', 'd,delete=', 'new-branch', 'create', 'e,ssh=', 'remotecmd=', 'insecure', 'u,update', 'U,noupdate',
  'm,message=', 'l,logfile=', 'A,addremove', 'I,include=', 'X,exclude=', 'C,clean', 'c,check', 'i,interactive', 'a,all', 's,stat', 'g,git', 'p,patch',
]);

/** Branch and bookmark names a push must not land on without a person. */
const PROTECTED = /^(main|master|default|remote\/(main|master))$/;
/** Configuration sections whose values run programs or load code. */
const EXEC_CONFIG = /^(hooks|extensions|pager|merge-tools|ui\.(ssh|merge|editor|remotecmd)|diff-tools|extdiff|alias|paths)\b/;

/** Facts of one hg/chg/sl invocation. */
export function analyzeHg({ tool, args }: AnalyzerInput): Facts {
  const f = newFacts(tool);
  const s = scan(args, TABLE);
  const [sub, ...ops] = s.positionals;
  f.subcommand = sub;
  for (const c of values(s, 'config')) {
    if (EXEC_CONFIG.test(c)) {
      f.tags.add('exec-config');
      f.notes.push(`${tool} --config ${c} makes ${tool} run a program or load code`);
    }
  }
  for (const e of [...values(s, 'ssh'), ...values(s, 'remotecmd')]) {
    f.tags.add('exec-config');
    f.notes.push(`${tool} -e/--remotecmd ${e} runs another program to reach the remote`);
  }
  if (!sub) return f;
  // A remote is a URL, ssh://user@host/path, or a path; a bare name is a configured path alias.
  const remotes = /^(push|pull|clone|incoming|in|outgoing|out|fetch|paths)$/.test(sub) ? ops.slice(0, 1) : [];
  for (const r of remotes) {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(r)) addUrl(f, r.replace(/^ssh:\/\//i, 'ssh://'), 'target');
    else if (/^[\w.-]+@[\w.-]+:/.test(r)) addHost(f, r.slice(r.indexOf('@') + 1).split(':')[0]!, 'target', 'ssh');
  }
  if (sub === 'push') {
    if (has(s, 'force')) {
      f.tags.add('force-push');
      f.notes.push(`${tool} push --force pushes over the remote's history`);
    }
    const targets = [...values(s, 'to'), ...values(s, 'bookmark'), ...values(s, 'branch'), ...values(s, 'delete'), ...values(s, 'rev')];
    if (targets.some((t) => PROTECTED.test(t))) {
      f.tags.add('push-protected-branch');
      f.notes.push(`${tool} push lands on ${targets.find((t) => PROTECTED.test(t))}`);
    }
  }
  // strip/prune/histedit and update -C discard local work, as git reset --hard does.
  if (/^(strip|prune|purge|clean)$/.test(sub) || (/^(update|up|checkout|co|goto|revert)$/.test(sub) && has(s, 'clean', 'all'))) {
    f.tags.add('discard-changes');
    f.notes.push(`${tool} ${sub} discards local changes`);
  }
  return f;
}
