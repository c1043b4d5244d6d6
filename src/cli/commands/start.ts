import type { CommandModule } from '../command.js';
import { EXIT } from '../errors.js';
import { ensureServer, stopServer } from '../../server/client.js';
import { resolvePaths } from '../../server/paths.js';
import { refuseAgentCaller } from '../guard.js';

/** `rampart start`: ensure a background server answers. */
export const startCommand: CommandModule = {
  command: 'start',
  describe: 'Start the decision server in the background (no-op when it runs)',
  builder: (y) => y.option('json', { type: 'boolean', describe: 'Print {running, pid, socket} as JSON' }),
  handler: async (args: { json?: boolean }, ctx) => {
    const st = await ensureServer(resolvePaths(ctx.env), ctx.env);
    ctx.output.out(args.json ? JSON.stringify({ running: true, pid: st.pid, socket: st.socket }) : `rampart: server running (pid ${st.pid}) on ${st.socket}`);
    return EXIT.ok;
  },
};

/** `rampart stop`: stop the background server and wait for it to exit. */
export const stopCommand: CommandModule = {
  command: 'stop',
  describe: 'Stop the decision server',
  builder: (y) => y.option('json', { type: 'boolean', describe: 'Print {stopped} as JSON (false: none was running)' }),
  handler: async (args: { json?: boolean }, ctx) => {
    const paths = resolvePaths(ctx.env);
    refuseAgentCaller('stop', ctx.env, paths);
    const stopped = await stopServer(paths);
    ctx.output.out(args.json ? JSON.stringify({ stopped }) : stopped ? 'rampart: server stopped' : 'rampart: no server was running');
    return EXIT.ok;
  },
};
