// The program a chain of wrappers finally runs (env GH_REPO=x nice timeout 30 gh secret set …), for the checks that
// read one simple command's words before its wrappers are unwrapped: what it sends, and whose settings it stores.
import { posix } from 'node:path';
import { ANALYZERS } from '../analyzers/index.js';
import { operandCommands } from './operand-commands.js';
import { DNS_TOOLS, NETWORK_TOOLS, SERVICE_CLIS } from './state.js';
import { unwrap } from './unwrap.js';

/** The command a wrapper chain runs: its argv, the index of its name in the outer argv, and what the wrappers add to
 *  its environment and working directory. The outer argv itself (at 0) when its name is no wrapper. */
export interface WrappedCommand { argv: string[]; at: number; env: Record<string, string>; cwd?: string }

/** What `argv` runs through its wrappers: the judge sends `env curl -d "$GITHUB_TOKEN" URL` to curl's analyzer, so the
 *  word-level checks beside it (a credential written into what a network tool or service client sends) must see curl
 *  there too — with env's assignments, which name whose settings a service client writes (env GH_REPO=evil/x gh …). */
export function wrappedCommand(argv: readonly string[]): WrappedCommand {
  let out: WrappedCommand = { argv: [...argv], at: 0, env: {} };
  for (let hop = 0; hop < 8; hop++) {
    const name = posix.basename(out.argv[0] ?? '');
    // (…or a runner the judge has no model of, judged by the program word it is given: pnpm exec, poetry run, chronic,
    // dotenv --, direnv exec . — operand-commands.ts.)
    // (Not a service client's own subcommand that shares a wrapper's name — vercel env add, travis env set — nor a word
    // taken for a program that is no sender: only a sure runner's suffix, or one that starts with a network tool.)
    const sender = (w: string | undefined) => w !== undefined && (NETWORK_TOOLS.has(posix.basename(w)) || DNS_TOOLS.has(posix.basename(w)) || SERVICE_CLIS.test(posix.basename(w)));
    const oc = unwrap(name, out.argv.slice(1)) === undefined && out.argv.slice(1).some(sender) ? operandCommands(name, out.argv.slice(1)) : undefined;
    const taken = oc?.suffix?.length && !SERVICE_CLIS.test(name) && (oc.runs || (!ANALYZERS[name] && sender(oc.suffix[0])));
    const u = taken ? { argv: oc!.suffix!, env: {}, cwd: oc!.cwd } : unwrap(name, out.argv.slice(1));
    // (Only a wrapper that runs its operands as they stand: a suffix of its words. xargs's are filled in at run time.)
    if (!u?.argv?.length || u.argv.length >= out.argv.length || out.argv.slice(out.argv.length - u.argv.length).join('\0') !== u.argv.join('\0')) return out;
    out = { argv: u.argv, at: out.at + out.argv.length - u.argv.length, env: { ...out.env, ...u.env }, cwd: u.cwd ?? out.cwd };
  }
  return out;
}
