// `rampart contain-host`: containment for one agent session (started by the SessionStart hook
// under `setup claude-code --contain`; see src/contain/agent-host.ts).
import type { CommandModule } from '../command.js';
import { EXIT, RampartError } from '../errors.js';
import { resolvePaths } from '../../server/paths.js';
import { runAgentHost } from '../../contain/agent-host.js';

interface Args {
  project: string;
  'agent-pid': number;
  agent: string;
  'agent-session'?: string;
  'rampart-home'?: string;
}

export const containHostCommand: CommandModule<Args> = {
  command: 'contain-host',
  describe: "Contain one agent session's commands until the agent exits (started by `setup --contain`'s SessionStart hook)",
  builder: (y) =>
    y
      .option('project', { type: 'string', demandOption: true, describe: 'The session\'s project root' })
      .option('agent-pid', { type: 'number', demandOption: true, describe: 'The agent process; containment ends when it exits' })
      .option('agent', { type: 'string', default: 'claude-code', describe: 'The agent (for the audit log)' })
      .option('agent-session', { type: 'string', describe: "The agent's own session id" })
      .option('rampart-home', { type: 'string', describe: 'RAMPART_HOME fixed at setup (overrides the environment)' }),
  handler: async (args, ctx) => {
    const env = args['rampart-home'] ? { ...ctx.env, RAMPART_HOME: args['rampart-home'] } : ctx.env;
    if (!Number.isInteger(args['agent-pid']) || args['agent-pid'] <= 1) throw new RampartError('USAGE', `--agent-pid must be a process id, got ${args['agent-pid']}`);
    return runAgentHost({
      paths: resolvePaths(env),
      projectRoot: args.project,
      agentPid: args['agent-pid'],
      agent: args.agent,
      ...(args['agent-session'] ? { agentSession: args['agent-session'] } : {}),
      ready: (sessionVar) => ctx.output.out(`READY ${sessionVar}`),
      log: (m) => ctx.output.err(`[contain-host] ${m}`),
    }).then(() => EXIT.ok);
  },
};
