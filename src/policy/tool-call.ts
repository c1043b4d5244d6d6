// The verdict for one agent tool call (Claude Code PreToolUse): Bash → whole-command analysis;
// file tools → path rules; WebFetch → host rules. Same rules, same Evaluation as the shims.
import { decide, judge, judgeFacts } from './evaluate.js';
import { newFacts, type Facts } from './facts.js';
import { judgeLine } from './line/judge-line.js';
import type { CompiledPolicy } from './policy.js';
import type { Context, Evaluation } from './types.js';

/** An agent tool call: Claude Code's tool_name and tool_input. */
export interface ToolCall {
  tool_name: string;
  tool_input: Record<string, unknown>;
}

/** The verdict for input that cannot be judged: never a silent allow. */
export function malformed(reason: string): Evaluation {
  const m = { id: 'rampart-malformed-input', decision: 'deny' as const, reason, where: 'rampart' };
  return { decision: 'deny', rule: m.id, reason, matched: [m] };
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);

/** Facts of a file tool: which paths it writes or reads. */
function fileFacts(call: ToolCall): Facts | string {
  const input = call.tool_input;
  const f = newFacts(call.tool_name);
  switch (call.tool_name) {
    case 'Write':
    case 'Edit':
    case 'MultiEdit': {
      const p = str(input.file_path);
      if (!p) return `${call.tool_name} without a file_path`;
      f.writes.push(p);
      return f;
    }
    case 'NotebookEdit': {
      const p = str(input.notebook_path) ?? str(input.file_path);
      if (!p) return 'NotebookEdit without a notebook_path';
      f.writes.push(p);
      return f;
    }
    case 'Read': {
      const p = str(input.file_path);
      if (!p) return 'Read without a file_path';
      f.reads.push(p);
      return f;
    }
    case 'Grep': {
      // Searching prints matching lines: naming a secret file (or a glob for one) reads it.
      const p = str(input.path);
      const g = str(input.glob);
      if (p) f.reads.push(p);
      if (g) f.reads.push(`${p ?? '.'}/${g}`);
      return f;
    }
    default:
      return f;
  }
}

/** Bash → whole-command analysis; Write/Edit/Read/… → path rules; WebFetch → host rules. */
export function evaluateToolCall(policy: CompiledPolicy, call: ToolCall, ctx: Context): Evaluation {
  if (!call || typeof call.tool_name !== 'string' || !call.tool_input || typeof call.tool_input !== 'object') {
    return malformed('the tool call has no tool_name or tool_input');
  }
  const plain = { ...ctx, stdin: undefined, stdout: undefined };
  if (call.tool_name === 'Bash') {
    const command = call.tool_input.command;
    if (typeof command !== 'string') return malformed('Bash call without a command string');
    return decide(policy, policy.rules, judgeLine(policy, command, plain));
  }
  if (call.tool_name === 'WebFetch') {
    const url = str(call.tool_input.url);
    if (!url) return malformed('WebFetch without a url');
    return decide(policy, policy.rules, judge(policy, ['WebFetch', url], plain));
  }
  const f = fileFacts(call);
  if (typeof f === 'string') return malformed(f);
  return decide(policy, policy.rules, judgeFacts(policy, f, [call.tool_name], plain));
}
