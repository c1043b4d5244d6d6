// rampart trust [FILE]: accept a project policy's exact content so it may loosen the user policy.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { findProjectPolicy } from '../../config/load.js';
import { trust } from '../../config/trust.js';
import type { CommandModule } from '../command.js';
import { EXIT, RampartError } from '../errors.js';
import { cliContext, type PolicyArgs } from '../policy-context.js';

interface Args extends PolicyArgs {
  file?: string;
}

export const trustCommand: CommandModule<Args> = {
  command: 'trust [file]',
  describe: "Trust a project policy's exact content (any later edit voids the trust)",
  builder: (y) => y.positional('file', { type: 'string', describe: 'Project policy file (default: the one in the project root)' }).option('project', { type: 'string' }),
  handler: async (args, env) => {
    const ctx = cliContext(args, env);
    const file = args.file ? resolve(env.cwd, args.file) : await findProjectPolicy(resolve(env.cwd, args.project ?? '.'));
    if (!file) throw new RampartError('NOT_FOUND', 'no project policy here to trust', 'Name the file: rampart trust .ramparterc.yaml');
    let text: Buffer;
    try {
      text = readFileSync(file);
    } catch (e) {
      throw new RampartError('IO', `cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    const hash = trust(ctx.rampartHome, file, text);
    env.output.out(`trusted ${file} (sha256 ${hash.slice(0, 16)}…); editing the file voids this trust`);
    return EXIT.ok;
  },
};
