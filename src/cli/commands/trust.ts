// rampart trust [FILE]: accept a project policy's exact content so it may loosen the user policy.
// Shows what the file loosens and asks before trusting; refuses a file that does not parse and
// any caller that runs under an agent.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { findProjectPolicy, projectLoosening } from '../../config/load.js';
import { trust } from '../../config/trust.js';
import { resolvePaths } from '../../server/paths.js';
import type { CommandModule } from '../command.js';
import { EXIT, RampartError } from '../errors.js';
import { refuseAgentCaller } from '../guard.js';
import { cliContext, type PolicyArgs } from '../policy-context.js';

interface Args extends PolicyArgs {
  file?: string;
  yes?: boolean;
  json?: boolean;
}

async function confirm(question: string): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^y(es)?$/i.test((await rl.question(question)).trim());
  } finally {
    rl.close();
  }
}

export const trustCommand: CommandModule<Args> = {
  command: 'trust [file]',
  describe: "Trust a project policy's exact content, so it may loosen your policy (any later edit voids the trust)",
  builder: (y) =>
    y
      .positional('file', { type: 'string', describe: 'Project policy file (default: the one in the project root)' })
      .option('project', { type: 'string', describe: 'Project root to look in (default: the current directory)' })
      .option('yes', { type: 'boolean', describe: 'Do not ask for confirmation (what the file loosens is still printed)' })
      .option('json', { type: 'boolean', describe: 'Print the result as JSON' }),
  handler: async (args, env) => {
    refuseAgentCaller('trust', env.env, resolvePaths(env.env));
    const ctx = cliContext(args, env);
    const file = args.file ? resolve(env.cwd, args.file) : await findProjectPolicy(resolve(env.cwd, args.project ?? '.'));
    if (!file) throw new RampartError('NOT_FOUND', 'no project policy here to trust', 'Name the file: rampart trust .ramparterc.yaml');
    let text: Buffer;
    try {
      text = readFileSync(file);
    } catch (e) {
      throw new RampartError('IO', `cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    const { problems, loosens } = projectLoosening({ rampartHome: ctx.rampartHome, home: ctx.home, projectRoot: ctx.projectRoot }, file);
    if (problems.length) {
      const list = problems.map((p) => `  ${p.file}:${p.line}: ${p.key ? p.key + ': ' : ''}${p.message}`).join('\n');
      throw new RampartError('CONFIG', `refusing to trust ${file}: it does not load\n${list}`, 'Fix the file; `rampart policy lint FILE` re-checks it.');
    }
    if (!args.json) {
      env.output.out(loosens.length ? `${file} loosens your policy:\n${loosens.map((l) => `  - ${l}`).join('\n')}` : `${file} only tightens your policy; trusting it changes nothing today.`);
    }
    if (!args.yes) {
      if (!env.stdinIsTTY) throw new RampartError('NOT_INTERACTIVE', 'trust asks for confirmation on a terminal', 'Run it yourself in a terminal, or pass --yes after reading what it loosens.');
      if (!(await confirm(`Trust exactly this content of ${file}? [y/N] `))) {
        env.output.out('not trusted');
        return EXIT.failed;
      }
    }
    const hash = trust(ctx.rampartHome, file, text);
    if (args.json) env.output.out(JSON.stringify({ file, sha256: hash, loosens }));
    else env.output.out(`trusted ${file} (sha256 ${hash.slice(0, 16)}…); editing the file voids this trust`);
    return EXIT.ok;
  },
};
