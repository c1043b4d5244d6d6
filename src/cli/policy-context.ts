// Builds what the policy commands need from the CLI's world: the layered policy and a Context
// like the one a shim call from this directory would get.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Argv } from 'yargs';
import type { LoadedPolicy } from '../config/load.js';
import type { Context } from '../policy/types.js';
import { gitReaderFor } from '../server/git-reader.js';
import { acceptableProjectRoot, NO_PROJECT } from '../server/sessions.js';
import { rampartHomeFrom } from '../server/paths.js';
import { listDirOrUndefined, realpathOrUndefined } from '../server/realpath.js';
import type { CommandEnv } from './command.js';
import { RampartError } from './errors.js';

export interface PolicyArgs {
  cwd?: string;
  project?: string;
  policy?: string;
}

/** The context a command would be judged in: cwd, project root (never / or HOME), home, env. */
export function cliContext(args: PolicyArgs, env: CommandEnv): Context {
  const home = resolve(env.env.HOME ?? '/');
  const here = resolve(env.cwd);
  const wanted = resolve(env.cwd, args.project ?? args.cwd ?? '.');
  // Without --cwd, judge from here when here is inside the project, else from the project root:
  // `--project D` asks what a command run in D's session would get.
  const cwd = args.cwd !== undefined ? resolve(env.cwd, args.cwd) : here === wanted || here.startsWith(wanted + '/') ? here : wanted;
  return {
    cwd,
    projectRoot: acceptableProjectRoot(wanted, home) ? wanted : NO_PROJECT,
    home,
    rampartHome: rampartHomeFrom(env.env),
    env: env.env,
    git: gitReaderFor(cwd, home),
    realpath: realpathOrUndefined,
    listDir: listDirOrUndefined,
  };
}

/** Loads the layered policy for a context; a broken policy becomes a CONFIG error listing every problem. */
export async function cliPolicy(ctx: Context, args: PolicyArgs): Promise<LoadedPolicy> {
  // The loader (YAML, schema, engine) is loaded only when a command needs it.
  const [{ loadPolicy }, { PolicyError }] = await Promise.all([import('../config/load.js'), import('../policy/errors.js')]);
  try {
    const loaded = await loadPolicy({ rampartHome: ctx.rampartHome, home: ctx.home, projectRoot: ctx.projectRoot, policyFile: args.policy, noProject: ctx.projectRoot === NO_PROJECT });
    for (const w of loaded.warnings) process.stderr.write(`rampart: warning: ${w}\n`);
    return loaded;
  } catch (e) {
    // A broken user policy: the verdict comes from the copy saved at its last good load, as the
    // server's would (one behaviour everywhere), and the problem is said first.
    if (e instanceof PolicyError && !args.policy) {
      const { lastGoodPath } = await import('../server/policy-holder.js');
      const copy = lastGoodPath(ctx.rampartHome, join(ctx.rampartHome, 'policy.yaml'));
      const loaded = existsSync(copy) ? await loadPolicy({ rampartHome: ctx.rampartHome, home: ctx.home, projectRoot: ctx.projectRoot, policyFile: copy, noProject: ctx.projectRoot === NO_PROJECT }).catch(() => undefined) : undefined;
      if (loaded) {
        const p = e.problems[0];
        process.stderr.write(`rampart: warning: the policy has a problem (${p ? `${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}` : e.message.split('\n')[0]}), so the last good policy (${copy}) decides below; fix that file\n`);
        return loaded;
      }
    }
    if (e instanceof PolicyError) {
      throw new RampartError('CONFIG', `the policy has ${e.problems.length} problem(s):\n` + e.message.split('\n').map((l) => '  ' + l).join('\n'), 'Fix the lines above; `rampart policy lint` re-checks them.');
    }
    throw e;
  }
}

/** The options every verdict command takes: where it would run, which policy, JSON output. */
export function contextOptions(y: Argv): Argv<any> {
  return y
    .option('cwd', { type: 'string', describe: 'Judge as if run in this directory (default: here)' })
    .option('project', { type: 'string', describe: 'Project root of the session (default: --cwd); never / or HOME' })
    .option('policy', { type: 'string', describe: 'Use this policy file instead of $RAMPART_HOME/policy.yaml' })
    .option('json', { type: 'boolean', describe: 'Print {decision, rule, reason, matched, facts} as JSON' });
}
