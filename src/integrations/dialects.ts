// The agents Rampart hooks into and how each one's before-tool hook speaks: which event names it
// sends, whether anyone can answer an `ask`, and how a verdict becomes the hook's stdout, stderr
// and exit code. One judge and one audit path serve all of them; only this table differs.
//
// Facts behind each renderer (verified against the real clients, see the e2e tests):
// - Claude Code: exit 2 blocks whatever stdout holds (stderr is the reason); exit 0 + JSON
//   permissionDecision allow/ask/deny; any other exit runs the tool.
// - Codex CLI 0.171: exit 2 blocks only with a non-empty stderr (the reason); exit 0 + JSON
//   `decision: "block"` blocks; there is no ask (permissionDecision "ask" is an error → runs).
// - Gemini CLI 0.61: stdout (or stderr) is read as JSON first, whatever the exit code, and
//   `decision: "deny"` blocks; plain text with an exit other than 0/1 blocks; `decision: "ask"`
//   waits for a person forever in headless mode (`gemini -p`), so Rampart never sends it.
import { denyForAgent, hookReply, noDecision as claudeNoDecision, unattendedReason, type HookInput, type HookOutput, type ReplyOptions } from './claude-code/protocol.js';
import type { Evaluation } from '../policy/types.js';

export const AGENTS = ['claude-code', 'codex', 'gemini'] as const;
export type AgentId = (typeof AGENTS)[number];

export interface Dialect {
  id: AgentId;
  /** How users know it. */
  name: string;
  /** hook_event_name values of its before-tool event. */
  events: readonly string[];
  /** Why nobody can answer an ask for this call (then an ask is a deny that says so). */
  unattended(input: Pick<HookInput, 'permission_mode'>, env: Readonly<Record<string, string | undefined>>): string | undefined;
  /** A verdict as the hook's output. */
  render(ev: Pick<Evaluation, 'decision' | 'rule' | 'reason'>, o?: ReplyOptions): HookOutput;
  /** The output when no verdict could be had at all (server down, bad reply). */
  noDecision(why: string): HookOutput;
}

const reasonLine = (ev: Pick<Evaluation, 'rule' | 'reason'>, prefix = 'rampart') =>
  `${prefix}: ${ev.reason}${ev.rule ? ` [${ev.rule}]` : ''}`.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim().slice(0, 1000);

/** Exit 2 with the reason on stderr and nothing on stdout: a block for all three clients. */
function plainBlock(why: string): HookOutput {
  return { stdout: '', stderr: reasonLine({ rule: 'rampart-no-decision', reason: `no decision (${why}); the tool call is blocked` }), exitCode: 2 };
}

const claude: Dialect = {
  id: 'claude-code',
  name: 'Claude Code',
  events: ['PreToolUse'],
  unattended: unattendedReason,
  render: hookReply,
  noDecision: claudeNoDecision,
};

const codex: Dialect = {
  id: 'codex',
  name: 'Codex CLI',
  events: ['PreToolUse'],
  unattended: () => "Codex's PreToolUse hook cannot ask the user",
  render(ev, o = {}) {
    if (o.enforced === false && o.policyDecision && o.policyDecision !== 'allow') {
      return { stdout: '', stderr: reasonLine(ev, `rampart(audit): would ${o.policyDecision}`), exitCode: 0 };
    }
    // Codex has no ask: the judge already turned asks into denies (unattended).
    if (ev.decision === 'allow') return { stdout: '', stderr: '', exitCode: 0 };
    return { stdout: '', stderr: denyForAgent(reasonLine(ev)), exitCode: 2 };
  },
  noDecision: plainBlock,
};

const gemini: Dialect = {
  id: 'gemini',
  name: 'Gemini CLI',
  events: ['BeforeTool'],
  unattended: () => "Gemini CLI's hook ask waits for ever when no one is at a terminal (gemini -p)",
  render(ev, o = {}) {
    if (o.enforced === false && o.policyDecision && o.policyDecision !== 'allow') {
      return { stdout: JSON.stringify({ decision: 'allow', systemMessage: reasonLine(ev, `rampart(audit): would ${o.policyDecision}`) }), stderr: '', exitCode: 0 };
    }
    if (ev.decision === 'allow') return { stdout: '', stderr: '', exitCode: 0 };
    const reason = denyForAgent(reasonLine(ev));
    // The JSON decides for Gemini whatever the exit code; exit 2 and stderr say the same.
    return { stdout: JSON.stringify({ decision: 'deny', reason }), stderr: reason, exitCode: 2 };
  },
  noDecision: plainBlock,
};

const DIALECTS: Record<AgentId, Dialect> = { 'claude-code': claude, codex, gemini };

/** The dialect of an agent id; undefined for one Rampart does not know. */
export function dialectFor(agent: unknown): Dialect | undefined {
  return typeof agent === 'string' && (AGENTS as readonly string[]).includes(agent) ? DIALECTS[agent as AgentId] : undefined;
}

export const CLAUDE = claude;
