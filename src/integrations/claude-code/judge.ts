// The server's side of the `hook` verb, pure: raw PreToolUse payload + a resolver for policy and
// context → the evaluation, the audit fields and the reply line the hook client prints.
import type { CompiledPolicy } from '../../policy/policy.js';
import { evaluateToolCall } from '../../policy/tool-call.js';
import type { Context, Decision, Evaluation } from '../../policy/types.js';
import { CLAUDE, type AgentId, type Dialect } from '../dialects.js';
import { evaluateSafely, parseHookInput, refusedEvaluation, unattendedAsk, type HookInput, type HookOutput } from './protocol.js';

/** What the server knows for one parsed call: the policy to apply and the context to judge in. */
export interface HookSetting {
  /** undefined when no valid policy is loaded (→ deny). */
  policy: CompiledPolicy | undefined;
  policyError?: string;
  /** A broken edit while the last good policy decides: said beside every block. */
  policyNote?: string;
  ctx: Context;
  /** Session or policy audit mode: log, do not block. */
  audit?: boolean;
  /** Why nobody can answer an ask here (then an ask is a deny). */
  unattended?: string;
  explicitAllow?: boolean;
}

export interface HookJudgement {
  input: ReturnType<typeof parseHookInput>;
  evaluation: Evaluation;
  /** The decision applied (differs from evaluation.decision only in audit mode). */
  decision: Decision;
  enforced: boolean;
  output: HookOutput;
  /** Fields for the audit line (source "hook"); the server adds ts, id, redaction, session. */
  audit: HookAuditFields;
}

export interface HookAuditFields {
  source: 'hook';
  agent: AgentId;
  agentSession: string | null;
  tool: string | null;
  /** For Bash the command line; for file tools the path; for WebFetch the URL (server redacts). */
  binary: string;
  argv: string[];
  cwd: string;
}

/** The audit fields for an input, readable or not. */
export function hookAuditFields(input: ReturnType<typeof parseHookInput>, agent: AgentId = 'claude-code'): HookAuditFields {
  if (!input.ok) {
    return { source: 'hook', agent, agentSession: input.session_id ?? null, tool: input.tool_name ?? null, binary: input.tool_name ?? '', argv: [], cwd: '' };
  }
  const ti = (typeof input.call.tool_input === 'object' && input.call.tool_input !== null ? input.call.tool_input : {}) as Record<string, unknown>;
  const first = ti.command ?? ti.cmd ?? ti.file_path ?? ti.notebook_path ?? ti.absolute_path ?? ti.url ?? ti.path ?? ti.pattern ?? ti.prompt;
  // Tools without one obvious subject are logged with their whole input (the server redacts).
  const subject = typeof first === 'string' ? first : JSON.stringify(input.call.tool_input ?? null).slice(0, 2000);
  return { source: 'hook', agent, agentSession: input.session_id || null, tool: input.tool, binary: input.tool, argv: [subject], cwd: input.cwd };
}

/** The payload as text: the native hook sends stdin as a JSON string; tolerate an object too. */
export function payloadText(payload: unknown): string {
  if (typeof payload === 'string') return payload;
  if (payload === undefined || payload === null) return '';
  return JSON.stringify(payload);
}

/**
 * Judges one hook payload. `resolve` is called only for a readable input and may throw (a
 * broken session store, say): that, like an engine error, becomes a deny.
 */
export function judgeHook(payload: unknown, resolve: (input: HookInput) => HookSetting, dialect: Dialect = CLAUDE): HookJudgement {
  const input = parseHookInput(payloadText(payload), dialect.events);
  let evaluation: Evaluation;
  let setting: HookSetting | undefined;
  if (!input.ok) evaluation = refusedEvaluation(input);
  else {
    evaluation = evaluateSafely(() => {
      setting = resolve(input);
      if (!setting.policy) return { decision: 'deny', rule: 'rampart-no-policy', reason: `no valid policy is loaded (${setting.policyError ?? 'unknown error'})`, matched: [] };
      const ev = unattendedAsk(evaluateToolCall(setting.policy, input.call, setting.ctx), setting.unattended);
      return setting.policyNote && ev.decision !== 'allow' ? { ...ev, reason: `${ev.reason}; ${setting.policyNote}` } : ev;
    });
  }
  // Audit mode never hides a refusal to read the input or a missing policy: those stay denies.
  const auditable = Boolean(setting?.audit && setting.policy) && evaluation.rule !== 'rampart-engine-error';
  const enforced = !(auditable && evaluation.decision !== 'allow');
  const decision: Decision = enforced ? evaluation.decision : 'allow';
  const output = dialect.render(evaluation, { explicitAllow: Boolean(setting?.explicitAllow), enforced, policyDecision: evaluation.decision });
  return { input, evaluation, decision, enforced, output, audit: hookAuditFields(input, dialect.id) };
}
