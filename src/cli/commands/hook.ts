// `rampart hook <agent>`: the Node path of an agent's hooks (its before-tool event by default —
// Claude Code's and Codex's PreToolUse, Gemini's BeforeTool — SessionStart with --event).
// Whatever goes wrong before a tool call ends in exit 2 with a reason on stderr: the agents run
// the tool on any other failure.
import type { CommandModule } from '../command.js';
import { resolvePaths } from '../../server/paths.js';
import { AGENTS, dialectFor, type AgentId } from '../../integrations/dialects.js';
import { runPreToolUse } from '../../integrations/claude-code/pre-tool-use.js';
import { runSessionStart } from '../../integrations/claude-code/session-start.js';

interface HookArgs {
  agent: AgentId;
  event: 'PreToolUse' | 'BeforeTool' | 'SessionStart';
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
  describe: "Answer an agent's hook (verdicts before each tool call; SessionStart registers the session); installed by `rampart setup`",
  builder: (y) =>
    y
      .positional('agent', { choices: AGENTS, describe: 'The agent whose hook protocol to speak' })
      .option('event', { choices: ['PreToolUse', 'BeforeTool', 'SessionStart'] as const, default: 'PreToolUse' as const, describe: 'The hook event (PreToolUse and BeforeTool both mean: before a tool call)' })
      .option('rampart-home', { type: 'string', describe: 'RAMPART_HOME fixed at setup (overrides the environment)' })
      .option('contain', { type: 'boolean', describe: 'SessionStart: start the containment host for this session (setup --contain)' }),
  handler: async (args, ctx) => {
    const env = args['rampart-home'] ? { ...ctx.env, RAMPART_HOME: args['rampart-home'] } : ctx.env;
    const dialect = dialectFor(args.agent)!;
    if (args.event === 'SessionStart') {
      const r = await runSessionStart(await readStdin(), resolvePaths(env), env, { contain: Boolean(args.contain), agent: args.agent });
      if (r.stderr) ctx.output.err(r.stderr);
      return r.exitCode;
    }
    let out;
    try {
      out = await runPreToolUse(await readStdin(), resolvePaths(env), env, {}, dialect);
    } catch (e) {
      out = dialect.noDecision(`internal error: ${(e as Error).message}`);
    }
    if (out.stdout) ctx.output.out(out.stdout);
    if (out.stderr) ctx.output.err(out.stderr);
    return out.exitCode;
  },
};
