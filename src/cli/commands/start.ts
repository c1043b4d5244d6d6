import type { CommandModule } from '../command.js';
import { EXIT } from '../errors.js';
import { ensureServer, stopServer } from '../../server/client.js';
import { resolvePaths } from '../../server/paths.js';
import { refuseAgentCaller } from '../guard.js';

/** `rampart start`: ensure a background server answers. */
export const startCommand: CommandModule = {
  command: 'start',
  describe: 'Start the decision server in the background (no-op when it runs)',
  handler: async (_args, ctx) => {
    const st = await ensureServer(resolvePaths(ctx.env), ctx.env);
    ctx.output.out(`rampart: server running (pid ${st.pid}) on ${st.socket}`);
    return EXIT.ok;
  },
};

/** `rampart stop`: stop the background server and wait for it to exit. */
export const stopCommand: CommandModule = {
  command: 'stop',
  describe: 'Stop the decision server',
  handler: async (_args, ctx) => {
    const paths = resolvePaths(ctx.env);
    refuseAgentCaller('stop', ctx.env, paths);
    const stopped = await stopServer(paths);
    ctx.output.out(stopped ? 'rampart: server stopped' : 'rampart: no server was running');
    return EXIT.ok;
  },
};
