// TEMPORARY STUB (signature stable): the verdict for one agent tool call (Claude Code PreToolUse).
import type { CompiledPolicy } from './policy.js';
import type { Context, Evaluation } from './types.js';

/** An agent tool call: Claude Code's tool_name and tool_input. */
export interface ToolCall {
  tool_name: string;
  tool_input: Record<string, unknown>;
}

/** Bash → whole-command analysis; Write/Edit/Read/… → path rules; WebFetch → host rules. */
export function evaluateToolCall(policy: CompiledPolicy, call: ToolCall, _ctx: Context): Evaluation {
  const text = JSON.stringify(call.tool_input);
  const bad = /evil|\.env\b/.test(text);
  void policy;
  return bad
    ? { decision: 'deny', rule: 'stub', reason: 'stub verdict', matched: [] }
    : { decision: 'allow', rule: null, reason: 'no rule matched; the policy default is allow', matched: [] };
}
