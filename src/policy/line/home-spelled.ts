// A test harness (and some CI runners) put HOME below /tmp: HOME=/tmp/hfx/home. The word lists that judge code
// Rampart reads only in part take a quoted path below /tmp as scratch ("/tmp/…" is the temp dir's), so
// `FileManager.default.removeItem(atPath: "/tmp/hfx/home")` passed where "/home/user" asks. HOME, RAMPART_HOME and
// the directories holding them or the project are what they are wherever they live: spelled from `~` before those
// word lists look, they are the home directory to them as well. (The path classifier already knows; see paths.ts.)
import { posix } from 'node:path';
import type { Context } from '../types.js';

const BELOW_TMP = /^\/tmp\/[^/]/;

/** The code with each quoted path naming HOME, RAMPART_HOME, a path inside them, or a directory holding them or
 *  the project — where these live below /tmp — spelled `~/…` (a holding directory `~/..`). */
export function homeSpelled(code: string, ctx: Pick<Context, 'home' | 'rampartHome' | 'projectRoot'>): string {
  const homes = [ctx.home, ctx.rampartHome].filter((p) => BELOW_TMP.test(p ?? ''));
  const held = [...homes, ctx.projectRoot].filter((p) => BELOW_TMP.test(p ?? ''));
  if (!held.length) return code;
  return code.replace(/(["'`])(\/tmp\/[^"'`\s]*)/g, (m, q: string, raw: string) => {
    // (A glob names what it can match: "/tmp/hfx/*" the directory it expands in.)
    const glob = /[*?[{]/.test(raw);
    const path = posix.normalize(glob ? posix.dirname(`${raw.split(/[*?[{]/)[0]!}x`) : raw).replace(/(.)\/+$/, '$1');
    const home = homes.find((h) => path === h || path.startsWith(`${h}/`));
    if (home !== undefined) return `${q}~/${path.slice(home.length + 1)}`;
    if (held.some((h) => h.startsWith(`${path}/`)) && BELOW_TMP.test(path)) return `${q}~/..`;
    return m;
  });
}
