// `rampart hook claude-code`: the Node path of Claude Code's hooks (PreToolUse by default,
// SessionStart with --event). Whatever goes wrong in PreToolUse ends in exit 2, never 1:
// Claude Code runs the tool on any other failure.
import type { CommandModule } from '../command.js';
import { resolvePaths } from '../../server/paths.js';
import { noDecision } from '../../integrations/claude-code/protocol.js';
import { runPreToolUse } from '../../integrations/claude-code/pre-tool-use.js';
import { runSessionStart } from '../../integrations/claude-code/session-start.js';

interface HookArgs {
  agent: 'claude-code';
  event: 'PreToolUse' | 'SessionStart';
  'rampart-home'?: string;
  contain?: boolean;
}

/** All of stdin (the hook input), as UTF-8. */
async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export const hookCommand: CommandModule<HookArgs> = {
  command: 'hook <agent>',
  describe: "Answer an agent's hook (Claude Code: PreToolUse verdicts, SessionStart PATH setup); installed by `rampart setup`",
  builder: (y) =>
    y
      .positional('agent', { choices: ['claude-code'] as const, describe: 'The agent whose hook protocol to speak' })
      .option('event', { choices: ['PreToolUse', 'SessionStart'] as const, default: 'PreToolUse' as const, describe: 'The hook event' })
      .option('rampart-home', { type: 'string', describe: 'RAMPART_HOME fixed at setup (overrides the environment)' })
      .option('contain', { type: 'boolean', describe: 'SessionStart: start the containment host for this session (setup --contain)' }),
  handler: async (args, ctx) => {
    const env = args['rampart-home'] ? { ...ctx.env, RAMPART_HOME: args['rampart-home'] } : ctx.env;
    if (args.event === 'SessionStart') {
      const r = await runSessionStart(await readStdin(), resolvePaths(env), env, { contain: Boolean(args.contain) });
      if (r.stderr) ctx.output.err(r.stderr);
      return r.exitCode;
    }
    let out;
    try {
      out = await runPreToolUse(await readStdin(), resolvePaths(env), env);
    } catch (e) {
      out = noDecision(`internal error: ${(e as Error).message}`);
    }
    if (out.stdout) ctx.output.out(out.stdout);
    if (out.stderr) ctx.output.err(out.stderr);
    return out.exitCode;
  },
};
