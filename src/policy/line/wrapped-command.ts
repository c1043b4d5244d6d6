// The program a chain of wrappers finally runs (env GH_REPO=x nice timeout 30 gh secret set …), for the checks that
// read one simple command's words before its wrappers are unwrapped: what it sends, and whose settings it stores.
import { posix } from 'node:path';
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
    const u = unwrap(posix.basename(out.argv[0] ?? ''), out.argv.slice(1));
    // (Only a wrapper that runs its operands as they stand: a suffix of its words. xargs's are filled in at run time.)
    if (!u?.argv?.length || u.argv.length >= out.argv.length || out.argv.slice(out.argv.length - u.argv.length).join('\0') !== u.argv.join('\0')) return out;
    out = { argv: u.argv, at: out.at + out.argv.length - u.argv.length, env: { ...out.env, ...u.env }, cwd: u.cwd ?? out.cwd };
  }
  return out;
}
