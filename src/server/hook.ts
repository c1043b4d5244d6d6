// The server's `hook` verb: one agent tool call (Claude Code PreToolUse payload) judged with
// the session's policy and project root, logged like every decision, answered as a
// `hook-reply` the hook client prints as is. The judging itself is the integration's.
import { redactArgv } from '../audit/redact.js';
import { judgeHook, payloadText, type HookSetting } from '../integrations/claude-code/judge.js';
import { parseHookInput } from '../integrations/claude-code/protocol.js';
import { CLAUDE, dialectFor } from '../integrations/dialects.js';
import { fromWire } from './protocol.js';
import { hookReplyMessage, type HookReplyMessage } from '../integrations/claude-code/wire.js';
import type { DecideDeps } from './decide.js';
import { gitReaderFor } from './git-reader.js';
import { newId } from './decide.js';
import { lookupsForOneDecision } from './realpath.js';
import { PROTOCOL_VERSION, type HookRequest } from './protocol.js';
import { acceptableProjectRoot, NO_PROJECT } from './sessions.js';
import { judgeLine } from '../policy/line/judge-line.js';
import { CHECK_SESSION_ID } from '../integrations/shared/canaries.js';

export async function hook(req: HookRequest, deps: DecideDeps): Promise<HookReplyMessage> {
  const text = payloadText(req.payload);
  // The agent whose protocol the hook speaks (older native hooks send none: Claude Code).
  const dialect = req.agent === undefined ? CLAUDE : dialectFor(req.agent);
  if (!dialect) return unknownAgent(req, deps);
  const pre = parseHookInput(text, dialect.events);
  // The agent's session id selects the session registered at SessionStart; unknown → no project.
  const session = deps.sessions.byAgentSession(pre.session_id);
  // Without a SessionStart registration, Claude Code's cwd is the best project root there is
  // (never / or HOME); the hook process, not the agent's shell, sends it.
  const fallback = pre.ok && acceptableProjectRoot(pre.cwd, deps.home) ? pre.cwd : NO_PROJECT;
  const projectRoot = session?.projectRoot ?? fallback;
  const h = deps.holderFor(session, projectRoot);
  const holder = h instanceof Promise ? await h : h;
  const hookEnv: Record<string, string> = {};
  if (req.env && typeof req.env === 'object') for (const [k, v] of Object.entries(req.env)) hookEnv[k] = fromWire(v) ?? '';
  // Nobody to answer an ask (print mode, bypass): asks become denies, no grant is recorded, and
  // the session remembers it so a shim's ask is answered at once instead of waiting.
  const unattended = pre.ok ? dialect.unattended(pre, hookEnv) : undefined;
  if (session && pre.ok) deps.sessions.markUnattended(session.id, unattended);
  const judgement = judgeHook(text, (input): HookSetting => ({
    policy: holder.policy ?? undefined,
    ...(holder.state.error ? { policyError: holder.state.error } : {}),
    ...(holder.problemNote ? { policyNote: holder.problemNote } : {}),
    ctx: {
      cwd: input.cwd,
      projectRoot,
      home: deps.home,
      rampartHome: deps.rampartHome,
      env: {},
      git: gitReaderFor(input.cwd, deps.home),
      shimsDir: deps.shimsDir,
      ...lookupsForOneDecision(),
    },
    audit: Boolean(session?.audit) || holder.policy?.mode === 'audit',
    ...(unattended ? { unattended } : {}),
  }), dialect);
  const id = newId();
  const ev = judgement.evaluation;
  const record = {
    ts: new Date().toISOString(),
    id,
    session: session?.id ?? null,
    ...judgement.audit,
    argv: redactArgv(judgement.audit.argv),
    projectRoot,
    decision: ev.decision,
    enforced: judgement.enforced,
    outcome: judgement.decision === 'allow' || judgement.decision === 'ask' ? (judgement.decision === 'ask' ? 'asked' : 'allowed') : 'blocked',
    rule: ev.rule,
    reason: ev.reason,
    ...(unattended ? { unattended } : {}),
    ...(pre.session_id === CHECK_SESSION_ID ? { canary: true } : {}),
  };
  deps.counters.decisions++;
  // An ask shown in Claude Code's prompt: the shims will not ask again for these exact commands.
  const command = pre.ok && (pre.tool === 'Bash' || pre.tool === 'run_shell_command') ? (pre.call.tool_input as { command?: unknown } | null)?.command : undefined;
  if (judgement.decision === 'ask' && session && holder.policy && typeof command === 'string') {
    const ctx = { cwd: pre.ok ? pre.cwd : '/', projectRoot, home: deps.home, rampartHome: deps.rampartHome, env: {}, git: gitReaderFor(pre.ok ? pre.cwd : '/', deps.home) };
    const argvs = judgeLine(holder.policy, command, ctx).map((j) => [...j.argv]).filter((a) => a.length > 0 && !a[0]!.startsWith('<'));
    deps.grants.add(session.id, argvs, id);
  }
  const reply = hookReplyMessage(PROTOCOL_VERSION, judgement.output, {
    id,
    ...(req.rid !== undefined ? { rid: req.rid } : {}),
    decision: judgement.decision,
    rule: ev.rule,
    reason: ev.reason,
    enforced: judgement.enforced,
  });
  return new Promise((resolve) => deps.audit.appendThen(record, () => resolve(reply)));
}

/** A hook request for an agent Rampart does not know: blocked (exit 2, reason on stderr), logged. */
function unknownAgent(req: HookRequest, deps: DecideDeps): Promise<HookReplyMessage> {
  const id = newId();
  const reason = `the hook names an agent Rampart does not know (${String(req.agent).slice(0, 40)}); the tool call is blocked`;
  const record = { ts: new Date().toISOString(), id, session: null, source: 'hook', agent: String(req.agent).slice(0, 40), binary: '', argv: [], cwd: '', decision: 'deny', enforced: true, outcome: 'blocked', rule: 'rampart-unknown-agent', reason };
  deps.counters.decisions++;
  const reply = hookReplyMessage(PROTOCOL_VERSION, { stdout: '', stderr: `rampart: ${reason} [rampart-unknown-agent]`, exitCode: 2 }, { id, ...(req.rid !== undefined ? { rid: req.rid } : {}), decision: 'deny', rule: 'rampart-unknown-agent', reason, enforced: true });
  return new Promise((resolve) => deps.audit.appendThen(record, () => resolve(reply)));
}
