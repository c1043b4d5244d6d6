import type { CommandModule } from '../command.js';
import { EXIT } from '../errors.js';
import { serve } from '../../server/lifecycle.js';
import { resolvePaths } from '../../server/paths.js';

/** `rampart serve`: the decision server in the foreground (what `start` and the shims launch). */
export const serveCommand: CommandModule = {
  command: 'serve',
  describe: 'Run the decision server in the foreground',
  handler: async (_args, ctx) => {
    const paths = resolvePaths(ctx.env);
    const log = (m: string) => ctx.output.err(`${new Date().toISOString()} rampart-server[${process.pid}]: ${m}`);
    const r = await serve(paths, log);
    await r.done;
    return EXIT.ok;
  },
};
