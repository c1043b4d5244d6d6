import type { CommandModule } from '../command.js';
import { EXIT, RampartError } from '../errors.js';
import { call } from '../../server/client.js';
import { resolvePaths } from '../../server/paths.js';
import { refuseAgentCaller } from '../guard.js';
import { adminToken } from '../../server/admin-token.js';
import type { PendingAsk } from '../../server/approvals.js';

/** `rampart pending`: requests waiting for a human. */
export const pendingCommand: CommandModule = {
  command: 'pending',
  describe: 'List commands waiting for approval',
  builder: (y) => y.option('json', { type: 'boolean', describe: 'Print JSON' }),
  handler: async (args: { json?: boolean }, ctx) => {
    const r = await call(resolvePaths(ctx.env).socket, { type: 'pending' });
    const list = r.pending as PendingAsk[];
    if (args.json) ctx.output.out(JSON.stringify(list));
    else if (!list.length) ctx.output.out('rampart: nothing is waiting for approval');
    else for (const p of list) ctx.output.out(`${p.id}  ${p.summary.argv.join(' ')}\n          in ${p.summary.cwd} — ${p.summary.reason}${p.summary.rule ? ` [${p.summary.rule}]` : ''}`);
    return EXIT.ok;
  },
};

/** approve/deny act only from a terminal: an agent's non-interactive shell must not approve its own request. */
function decideCommand(verb: 'approve' | 'deny'): CommandModule {
  return {
    command: `${verb} <id>`,
    describe: verb === 'approve' ? 'Let a waiting command run (interactive terminals only)' : 'Refuse a waiting command (interactive terminals only)',
    builder: (y) =>
      y
        .positional('id', { type: 'string', describe: 'The id shown by the waiting command or `rampart pending`' })
        .option('json', { type: 'boolean', describe: 'Print {id, decision} as JSON' }),
    handler: async (args: { id: string; json?: boolean }, ctx) => {
      refuseAgentCaller(`${verb} ${args.id}`, ctx.env, resolvePaths(ctx.env));
      if (!ctx.stdinIsTTY || !ctx.stdoutIsTTY) {
        throw new RampartError('NOT_INTERACTIVE', `${verb} needs a terminal on stdin and stdout`, `Run \`rampart ${verb} ${args.id}\` yourself in a terminal; an agent cannot ${verb} its own requests.`);
      }
      const paths = resolvePaths(ctx.env);
      await call(paths.socket, { type: verb, id: String(args.id), pid: process.pid, token: adminToken(paths.rampartHome) });
      ctx.output.out(args.json ? JSON.stringify({ id: String(args.id), decision: verb === 'approve' ? 'allow' : 'deny' }) : `rampart: ${verb === 'approve' ? 'approved' : 'denied'} ${args.id}`);
      return EXIT.ok;
    },
  };
}

export const approveCommand = decideCommand('approve');
export const denyCommand = decideCommand('deny');
