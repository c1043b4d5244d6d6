// The server's reply to a `hook` request, and how a client (Node here, C in shims/) turns it
// into the hook's stdout, stderr and exit code. Anything unexpected becomes a block.
import type { Decision } from '../../policy/types.js';
import { noDecision as claudeNoDecision, type HookOutput } from './protocol.js';

/**
 * One reply line. Field order matters for the native client, which reads the first
 * `"exitCode":`, `"stdout":"` and `"stderr":"` keys: they come before any free text.
 */
export interface HookReplyMessage {
  v: number;
  type: 'hook-reply';
  exitCode: 0 | 2;
  stdout: string;
  stderr: string;
  id: string;
  rid?: string | number;
  decision: Decision;
  rule: string | null;
  reason: string;
  enforced: boolean;
}

/** Builds the reply line's object from a rendered output and the verdict behind it. */
export function hookReplyMessage(
  v: number,
  out: HookOutput,
  meta: { id: string; rid?: string | number; decision: Decision; rule: string | null; reason: string; enforced: boolean },
): HookReplyMessage {
  return {
    v,
    type: 'hook-reply',
    exitCode: out.exitCode,
    stdout: out.stdout,
    stderr: out.stderr,
    id: meta.id,
    ...(meta.rid !== undefined ? { rid: meta.rid } : {}),
    decision: meta.decision,
    rule: meta.rule,
    reason: meta.reason,
    enforced: meta.enforced,
  };
}

/** The hook output a client must produce for a server reply; unknown shapes block. */
export function outputFromReply(r: unknown, noDecision: (why: string) => HookOutput = claudeNoDecision): HookOutput {
  if (!r || typeof r !== 'object') return noDecision('malformed reply from the decision server');
  const m = r as Record<string, unknown>;
  if (m.type === 'hook-reply') {
    if ((m.exitCode !== 0 && m.exitCode !== 2) || typeof m.stdout !== 'string' || typeof m.stderr !== 'string') {
      return noDecision('malformed hook reply from the decision server');
    }
    // An exit 0 reply must carry a verdict Claude Code accepts or nothing at all.
    if (m.exitCode === 0 && m.stdout !== '' && !/^\{.*\}$/s.test(m.stdout)) return noDecision('malformed hook reply from the decision server');
    return { exitCode: m.exitCode, stdout: m.stdout, stderr: m.stderr };
  }
  if (m.type === 'error') return noDecision(`server error: ${String(m.message ?? m.code ?? 'unknown')}`);
  if (m.type === 'verdict') {
    // A server that predates the hook-reply shape: its verdict can only block.
    return noDecision(`the decision server answered with a shim verdict (${String(m.reason ?? m.decision)})`);
  }
  return noDecision('unexpected reply from the decision server');
}
