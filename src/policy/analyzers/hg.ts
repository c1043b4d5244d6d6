// Mercurial (hg, chg) and Sapling (sl): the other version-control clients an agent meets. Judged
// as git is: a push that forces or lands on main/master/default, a remote off the allowlist, and
// configuration given on the command line that runs a program (hooks, extensions, ui.ssh …).
import { newFacts, type Facts } from '../facts.js';
import { scan, values, has } from '../options.js';
import { HG_OPTIONS } from './vcs-clients.js';
import { vcsRemotes } from './vcs-remotes.js';
import type { AnalyzerInput } from './types.js';

const TABLE = HG_OPTIONS;

/** Configuration sections whose values run programs or load code. */
const EXEC_CONFIG = /^(hooks|extensions|pager|merge-tools|ui\.(ssh|merge|editor|remotecmd)|diff-tools|extdiff|alias|paths)\b/;

/** Facts of one hg/chg/sl invocation. */
export function analyzeHg(input: AnalyzerInput): Facts {
  const { tool, args } = input;
  const f = newFacts(tool);
  const s = scan(args, TABLE);
  const [sub] = s.positionals;
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
  // Where push, pull, clone … go, the branches a push lands on and --force: the table every client's remotes are read from.
  vcsRemotes(f, tool, args, input);
  // strip/prune/histedit and update -C discard local work, as git reset --hard does.
  if (/^(strip|prune|purge|clean)$/.test(sub) || (/^(update|up|checkout|co|goto|revert)$/.test(sub) && has(s, 'clean', 'all'))) {
    f.tags.add('discard-changes');
    f.notes.push(`${tool} ${sub} discards local changes`);
  }
  return f;
}
