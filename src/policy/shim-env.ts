// What a shimmed program's environment changes about it. The shim sends the variables that can
// (see shims/rampart-shim.c env_wanted); a script the agent runs may have set them before calling
// curl or git, where no hook saw the line. Values the user's own setup gives (system libraries,
// a config file in HOME) are not questioned; code or configuration placed in a temp directory or
// in the project — where the agent writes — is: Rampart has not read it.
import { posix } from 'node:path';
import { newFacts, type Facts } from './facts.js';
import type { Context } from './types.js';

/** Libraries preloaded into every program (a system library path is the user's own setup). */
const PRELOAD = ['LD_PRELOAD', 'LD_AUDIT'];
const SYSTEM_LIB = /^\/(usr|lib|lib32|lib64|opt|nix\/store|gnu\/store|snap)\//;
/** Variables that move where curl, wget, git or a package manager read their configuration from → the programs that read it. */
const CONFIG: Record<string, RegExp> = {
  HOME: /^(curl|wget|git|npm|npx|pnpm|yarn|pip3?|gh)$/, XDG_CONFIG_HOME: /^(curl|wget|git|npm|npx|pnpm|yarn|pip3?|gh)$/,
  CURL_HOME: /^curl$/, WGETRC: /^wget$/, GIT_CONFIG_GLOBAL: /^git$/, GIT_CONFIG_SYSTEM: /^git$/, GIT_CONFIG: /^git$/, GIT_DIR: /^git$/, GIT_COMMON_DIR: /^git$/,
};
const TEMP = /^\/(tmp|var\/tmp|dev\/shm)(\/|$)/;
/** Every variable read below. */
const WATCHED = [...PRELOAD, 'LD_LIBRARY_PATH', ...Object.keys(CONFIG)];

/** Facts for the environment a shimmed program was started with (empty when nothing in it is questioned). */
export function environmentFacts(tool: string, ctx: Context): Facts {
  const f = newFacts(tool);
  // (Most commands carry none of these: nothing to question.)
  if (!WATCHED.some((name) => ctx.env[name] !== undefined)) return f;
  const at = (v: string) => posix.resolve(ctx.cwd, v);
  for (const name of PRELOAD) {
    const v = ctx.env[name];
    const libs = (v ?? '').split(/[\s:]+/).filter(Boolean);
    const foreign = libs.filter((l) => !SYSTEM_LIB.test(at(l)));
    if (foreign.length) {
      f.tags.add('loader-env');
      f.notes.push(`${name}=${v} loads ${foreign.join(', ')} into ${tool}`);
    }
  }
  const tmp = ctx.env.TMPDIR;
  const underTemp = (p: string) => (TEMP.test(p) || (tmp !== undefined && tmp.startsWith('/') && (p === tmp || p.startsWith(`${tmp.replace(/\/$/, '')}/`)))) && !(p === ctx.home || p.startsWith(`${ctx.home}/`));
  // A library search path into a temp directory or the project: a library planted there is loaded first.
  const searched = (ctx.env.LD_LIBRARY_PATH ?? '').split(':').filter(Boolean).map(at).filter((d) => underTemp(d) || d === ctx.projectRoot || d.startsWith(`${ctx.projectRoot}/`));
  if (searched.length) {
    f.tags.add('loader-env');
    f.notes.push(`LD_LIBRARY_PATH makes ${tool} load libraries from ${searched.join(', ')}`);
  }
  for (const [name, readers] of Object.entries(CONFIG)) {
    const v = ctx.env[name];
    if (!v || !readers.test(tool)) continue;
    const p = at(v);
    const inProject = p === ctx.projectRoot || p.startsWith(`${ctx.projectRoot}/`);
    // (HOME itself may be a temp directory — a test's or a sandbox's: what lies in it is the user's.)
    // (…unless it does not exist: a fresh temp directory holds no configuration — the line judge reads it so too.)
    const planted = underTemp(p) && (!ctx.realpath || ctx.realpath(p) !== undefined);
    if (name === 'HOME' && p === ctx.home) continue;
    // (git runs hooks with GIT_DIR set to the project's own .git — that one, not any repository in the tree.)
    if (planted || (inProject && !(/^GIT_(DIR|COMMON_DIR)$/.test(name) && p === `${ctx.projectRoot}/.git`))) {
      f.tags.add('config-relocated');
      f.notes.push(`${name}=${v} makes ${tool} read configuration Rampart has not seen`);
    }
  }
  return f;
}
