// Claude Code's PreToolUse protocol, pure: stdin JSON → a validated tool call (or the reason
// it is refused), and an Evaluation → the stdout, stderr and exit code the hook must produce.
// The server and the Node hook both call these, so the native and Node paths answer alike.
import type { ToolCall } from '../../policy/tool-call.js';
import type { Evaluation } from '../../policy/types.js';

/** Exit codes Claude Code understands: 0 = look at stdout, 2 = block. Never 1 (it fails open). */
export const HOOK_EXIT = { ok: 0, block: 2 } as const;

/** Longest reason we print; the native hook copies fields into fixed buffers. */
const MAX_REASON = 1000;

export interface HookInput {
  ok: true;
  call: ToolCall;
  /** The tool's name as the client gives it (any tool: the matcher is `*`). */
  tool: string;
  /** Claude Code's session id ('' when absent). */
  session_id: string;
  /** Absolute working directory of the tool call (follows `cd`). */
  cwd: string;
  permission_mode?: string;
  tool_use_id?: string;
}

export interface HookInputError {
  ok: false;
  /** Rule id for the audit line: rampart-hook-malformed. */
  rule: string;
  reason: string;
  /** Whatever could be read, for the audit line. */
  session_id?: string;
  tool_name?: string;
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

function refuse(reason: string, extra: Partial<HookInputError> = {}, rule = 'rampart-hook-malformed'): HookInputError {
  return { ok: false, rule, reason, ...extra };
}

/**
 * Validates one PreToolUse envelope (event, tool name, cwd). An envelope we cannot read is
 * refused (the caller denies): a gate that lets through what it cannot read is no gate.
 */
export function parseHookInput(text: string, events: readonly string[] = ['PreToolUse']): HookInput | HookInputError {
  if (text.trim() === '') return refuse('the hook received no input on stdin');
  let j: unknown;
  try {
    j = JSON.parse(text);
  } catch {
    return refuse('the hook input is not valid JSON');
  }
  if (!isObject(j)) return refuse('the hook input is not a JSON object');
  const session_id = typeof j.session_id === 'string' ? j.session_id : '';
  const tool_name = typeof j.tool_name === 'string' ? j.tool_name : undefined;
  const seen = { ...(session_id ? { session_id } : {}), ...(tool_name ? { tool_name } : {}) };
  if (j.hook_event_name !== undefined && !events.includes(j.hook_event_name as string)) {
    return refuse(`the hook expects a ${events.join(' or ')} event, got ${JSON.stringify(j.hook_event_name)}`, seen);
  }
  if (!tool_name) return refuse('the hook input has no tool_name', seen);
  if (typeof j.cwd !== 'string' || !j.cwd.startsWith('/')) return refuse('the hook input has no absolute cwd', seen);
  // Every tool reaches the hook; what its input holds is the judge's to read (tool-call.ts).
  const tool = tool_name;
  return {
    ok: true,
    call: { tool_name: tool, tool_input: j.tool_input },
    tool,
    session_id,
    cwd: j.cwd,
    ...(typeof j.permission_mode === 'string' ? { permission_mode: j.permission_mode } : {}),
    ...(typeof j.tool_use_id === 'string' ? { tool_use_id: j.tool_use_id } : {}),
  };
}

/**
 * Why nobody can answer an `ask` for this call, if so. Claude Code refuses an ask without a
 * prompt in print mode (`-p`, and the SDK: CLAUDE_CODE_ENTRYPOINT sdk-*) and in the modes that
 * never prompt (bypassPermissions, dontAsk).
 */
export function unattendedReason(input: Pick<HookInput, 'permission_mode'>, env: Readonly<Record<string, string | undefined>>): string | undefined {
  const mode = input.permission_mode;
  if (mode === 'bypassPermissions' || mode === 'dontAsk') return `Claude Code runs in ${mode} mode, which shows no prompts`;
  const entry = env.CLAUDE_CODE_ENTRYPOINT;
  if (entry && /^sdk/.test(entry)) return `Claude Code runs non-interactively (${entry}: print mode or the SDK), so no one sees a prompt`;
  return undefined;
}

/** An ask nobody can answer becomes a deny that says so (and records no one-time grant). */
export function unattendedAsk(ev: Evaluation, why: string | undefined): Evaluation {
  if (ev.decision !== 'ask' || !why) return ev;
  return { ...ev, decision: 'deny', reason: `${ev.reason} — this needs a person's approval, and nobody can answer here (${why}); tell the user what you wanted to do and why` };
}

/** The Evaluation that stands for an input we refused to judge. */
export function refusedEvaluation(e: HookInputError): Evaluation {
  return { decision: 'deny', rule: e.rule, reason: e.reason, matched: [] };
}

/** Runs the judge; an exception in the engine becomes a deny, never a pass. */
export function evaluateSafely(judge: () => Evaluation): Evaluation {
  try {
    return judge();
  } catch (e) {
    return { decision: 'deny', rule: 'rampart-engine-error', reason: `policy evaluation failed: ${(e as Error).message}`, matched: [] };
  }
}

/** What the hook process must do: print stdout (may be ''), print stderr, exit with exitCode. */
export interface HookOutput {
  stdout: string;
  stderr: string;
  exitCode: 0 | 2;
}

export interface ReplyOptions {
  /** Policy setting: print an explicit allow instead of nothing (skips Claude Code's own prompt). */
  explicitAllow?: boolean;
  /** False in audit mode: the evaluation was logged but not applied. */
  enforced?: boolean;
  /** The decision the policy gave when enforced is false. */
  policyDecision?: Evaluation['decision'];
}

/** One printable line: no control characters, bounded length. */
function oneLine(s: string): string {
  // eslint-disable-next-line no-control-regex
  const flat = s.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  return flat.length > MAX_REASON ? flat.slice(0, MAX_REASON - 1) + '…' : flat;
}

function decisionJson(decision: 'allow' | 'ask' | 'deny', reason: string, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ hookSpecificOutput: { hookEventName: 'PreToolUse', permissionDecision: decision, permissionDecisionReason: reason }, ...extra });
}

/**
 * Renders a verdict for Claude Code.
 *
 * deny → exit 2, the reason on stderr, and the documented deny JSON on stdout. Exit 2 is the
 * one signal every Claude Code version treats as "block" whatever stdout holds (JSON is only
 * honoured on exit 0, and a JSON reply that fails Claude Code's schema check on exit 0 lets
 * the tool run). On exit 2 Claude sees stderr as the reason; versions that also read the JSON
 * find the same verdict there. Exit 0 + JSON deny would be one schema change away from open.
 * ask → exit 0 with the ask JSON: Claude Code shows its own prompt, the reason to the user.
 * allow → exit 0 and nothing, so Claude Code's own permission rules still apply, unless the
 * policy makes allows explicit.
 */
export function hookReply(ev: Pick<Evaluation, 'decision' | 'rule' | 'reason'>, o: ReplyOptions = {}): HookOutput {
  const tag = ev.rule ? ` [${ev.rule}]` : '';
  const reason = oneLine(`rampart: ${ev.reason}${tag}`);
  if (o.enforced === false && o.policyDecision && o.policyDecision !== 'allow') {
    // Audit mode: the tool runs; the user (not Claude) is told what would have happened.
    return { stdout: JSON.stringify({ systemMessage: oneLine(`rampart(audit): would ${o.policyDecision}: ${ev.reason}${tag}`) }), stderr: '', exitCode: HOOK_EXIT.ok };
  }
  if (ev.decision === 'deny') {
    const told = denyForAgent(reason);
    return { stdout: decisionJson('deny', told), stderr: told, exitCode: HOOK_EXIT.block };
  }
  if (ev.decision === 'ask') return { stdout: decisionJson('ask', reason), stderr: '', exitCode: HOOK_EXIT.ok };
  if (o.explicitAllow) return { stdout: decisionJson('allow', reason), stderr: '', exitCode: HOOK_EXIT.ok };
  return { stdout: '', stderr: '', exitCode: HOOK_EXIT.ok };
}

/** What the agent should do after a deny, said once at the end of the reason it reads. */
export const AFTER_DENY = 'do not try another way to do this; tell the user what you wanted to do and why';

/** A deny reason as the agent reads it: the fact, then what to do instead (once). */
export function denyForAgent(reason: string): string {
  return /tell the user/.test(reason) ? reason : oneLine(`${reason} — ${AFTER_DENY}`);
}

/** The output for a hook that could not get a decision at all (server down, bad reply). */
export function noDecision(why: string): HookOutput {
  return hookReply({ decision: 'deny', rule: 'rampart-no-decision', reason: `no decision (${why}); the tool call is blocked` });
}
