// The Node path of the PreToolUse hook (the native `rampart-hook` is the fast path): forward
// stdin to the decision server's `hook` verb and turn its reply into output. No answer → block.
import { ensureServer, request } from '../../server/client.js';
import type { RampartPaths } from '../../server/paths.js';
import { PROTOCOL_VERSION } from '../../server/protocol.js';
import type { HookOutput } from './protocol.js';
import { CLAUDE, type Dialect } from '../dialects.js';
import { judgeHook, type HookSetting } from './judge.js';
import { outputFromReply } from './wire.js';

/** Bounded well below the hook's timeout in settings: a timed-out hook lets the tool run. */
export const HOOK_REPLY_TIMEOUT_MS = 10_000;

/** The variables that say how the agent runs (print mode, …), as the native hook sends them; never secrets. */
export const HOOK_ENV_NAMES = ['CLAUDE_CODE_ENTRYPOINT', 'CLAUDECODE', 'CLAUDE_PROJECT_DIR', 'CLAUDE_CODE_REMOTE', 'CODEX_SANDBOX', 'GEMINI_CLI', 'GEMINI_PROJECT_DIR', 'CI', 'RAMPART_SESSION'];

export function hookEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of HOOK_ENV_NAMES) if (env[k] !== undefined) out[k] = env[k]!;
  return out;
}

export interface PreToolUseOptions {
  /**
   * Tests only: judge in this process instead of asking the server (no audit line, no
   * session). Never reachable from the CLI; the shipped hook denies when no server answers.
   */
  inProcess?: (input: Parameters<Parameters<typeof judgeHook>[1]>[0]) => HookSetting;
}

export async function runPreToolUse(stdin: string, paths: RampartPaths, env: NodeJS.ProcessEnv, o: PreToolUseOptions = {}, dialect: Dialect = CLAUDE): Promise<HookOutput> {
  const noDecision = dialect.noDecision;
  if (o.inProcess) return judgeHook(stdin, o.inProcess, dialect).output;
  const ask = async (): Promise<HookOutput> => {
    await ensureServer(paths, env);
    const r = await request(paths.socket, { v: PROTOCOL_VERSION, type: 'hook', agent: dialect.id, env: hookEnv(env), payload: stdin }, { timeoutMs: HOOK_REPLY_TIMEOUT_MS });
    return outputFromReply(r, noDecision);
  };
  // One deadline for start + ask: Claude Code kills a hook at its timeout and then runs the tool.
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<HookOutput>((res) => {
    timer = setTimeout(() => res(noDecision(`no answer within ${HOOK_REPLY_TIMEOUT_MS} ms`)), HOOK_REPLY_TIMEOUT_MS);
  });
  try {
    return await Promise.race([ask(), deadline]);
  } catch (e) {
    return noDecision(`decision server unavailable: ${(e as Error).message}`);
  } finally {
    clearTimeout(timer);
  }
}
