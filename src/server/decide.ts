import type { Grants } from './grants.js';
// Turns one decide request into a verdict: resolve session and policy, evaluate, apply
// audit mode or hold for approval, write the audit line, then answer.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { redactArgv, redactString } from '../audit/redact.js';
import type { AuditWriter } from '../audit/writer.js';
import { evaluateArgv } from '../policy/evaluate.js';
import type { Context, Decision, Evaluation } from '../policy/types.js';
import type { Approvals } from './approvals.js';
import { descendsFrom } from './ancestry.js';
import { gitReaderFor } from './git-reader.js';
import { lookupsForOneDecision } from './realpath.js';
import type { PolicyHolder } from './policy-holder.js';
import { fromWire, PROTOCOL_VERSION, ProtocolError, type AskOutcome, type DecideRequest, type PendingNotice, type Verdict } from './protocol.js';
import { acceptableProjectRoot, NO_PROJECT, type Session, type SessionTable } from './sessions.js';

export interface DecideDeps {
  home: string;
  /** The default shims directory ($RAMPART_HOME/shims); a request may name its own. */
  shimsDir: string;
  rampartHome: string;
  sessions: SessionTable;
  approvals: Approvals;
  audit: AuditWriter;
  holderFor(session: Session | undefined, projectRoot: string): Promise<PolicyHolder> | PolicyHolder;
  counters: { decisions: number };
  /** One-time grants recorded by the hook for commands the user already saw in Claude Code's prompt. */
  grants: Grants;
}

/** Callbacks into the connection that carries the request. */
export interface Channel {
  pending(n: PendingNotice): void;
  /** Registers a function to run if the client goes away while waiting. */
  onClose(fn: () => void): void;
}

let pool = Buffer.alloc(0);
let poolAt = 0;

/** A random 8-hex-digit id (approval ids are typed by humans); drawn from a pooled buffer. */
export function newId(): string {
  if (poolAt + 4 > pool.length) {
    pool = randomBytes(4096);
    poolAt = 0;
  }
  poolAt += 4;
  return pool.toString('hex', poolAt - 4, poolAt);
}

function decodeEnv(env: DecideRequest['env']): Record<string, string> {
  const out: Record<string, string> = {};
  if (env && typeof env === 'object') for (const [k, v] of Object.entries(env)) out[k] = fromWire(v) ?? '';
  return out;
}

/** The parent chain, cut after the session's own process (what ran inside the session). */
function chainUpToSession(parents: NonNullable<DecideRequest['parents']>, sessionPid: number | undefined) {
  const out: { pid: number; comm: string }[] = [];
  for (const p of parents) {
    out.push({ pid: Number(p.pid), comm: String(fromWire(p.comm as never) ?? '') });
    if (sessionPid !== undefined && Number(p.pid) === sessionPid) break;
  }
  return out;
}

/** The variables a contained session's sandbox sets itself (proxies, ssh ProxyCommand) are not judged as the agent's. */
function withoutContainmentEnv(env: Record<string, string>, session: Session | undefined): Record<string, string> {
  const mine = session?.containEnv;
  if (!mine) return env;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (mine[k] !== v) out[k] = v;
  return out;
}

/** host and port of a `connect HOST:PORT` request (the containment proxy's). */
function proxyTarget(dest: string): { host: string; port: number | null } {
  const m = /^\[?(.*?)\]?:(\d+)$/.exec(dest);
  return m ? { host: m[1]!, port: Number(m[2]) } : { host: dest, port: null };
}

/** The project root for a call: the session's, else the install-time one if acceptable, else none at all. */
export function projectRootFor(session: Session | undefined, installRoot: string | undefined, home: string): string {
  if (session) return session.projectRoot;
  if (installRoot && acceptableProjectRoot(installRoot, home)) return path.resolve(installRoot);
  return NO_PROJECT;
}

export async function decide(req: DecideRequest, deps: DecideDeps, ch: Channel): Promise<Verdict> {
  const argv = req.argv.map((a) => fromWire(a) ?? '');
  const cwd = fromWire(req.cwd) ?? '';
  if (!path.isAbsolute(cwd)) throw new ProtocolError('bad-request', 'cwd must be an absolute path');
  const binary = path.basename(argv[0]);
  // RAMPART_SESSION can only select a session the caller belongs to; anything else gets
  // no session (the strictest setting), never someone else's project root or audit mode.
  const session = deps.sessions.claim(req.session, req.pid, descendsFrom);
  const projectRoot = projectRootFor(session, fromWire(req.project), deps.home);
  const h = deps.holderFor(session, projectRoot);
  const holder = h instanceof Promise ? await h : h;
  const stdin = fromWire(req.stdin);
  const stdout = fromWire(req.stdout);
  const env = withoutContainmentEnv(decodeEnv(req.env), session);
  const ctx: Context = {
    cwd,
    projectRoot,
    home: deps.home,
    rampartHome: deps.rampartHome,
    env,
    ...(stdin ? { stdin } : {}),
    ...(stdout ? { stdout } : {}),
    git: gitReaderFor(cwd, deps.home, env),
    shimsDir: fromWire(req.shims) ?? deps.shimsDir,
    ...lookupsForOneDecision(),
  };
  let ev: Evaluation;
  let auditMode = Boolean(session?.audit);
  if (!holder.policy) {
    ev = { decision: 'deny', rule: 'rampart-no-policy', reason: `no valid policy is loaded (${holder.state.error ?? 'unknown error'})`, matched: [] };
  } else {
    auditMode ||= holder.policy.mode === 'audit';
    try {
      ev = evaluateArgv(holder.policy, [binary, ...argv.slice(1)], ctx);
      const note = holder.problemNote;
      if (note && ev.decision !== 'allow') ev = { ...ev, reason: `${ev.reason}; ${note}` };
    } catch (e) {
      // An engine bug must not open the gate.
      ev = { decision: 'deny', rule: 'rampart-engine-error', reason: `policy evaluation failed: ${(e as Error).message}`, matched: [] };
      auditMode = false;
    }
  }
  const id = newId();
  let decision: Decision = ev.decision;
  let enforced = true;
  let ask: AskOutcome | undefined;
  let grantedBy: string | undefined;
  let message: string | undefined;
  const tag = ev.rule ? ` [${ev.rule}]` : '';
  if (auditMode && ev.decision !== 'allow') {
    decision = 'allow';
    enforced = false;
    if (session?.auditNotice !== false) message = `rampart(audit): would ${ev.decision}: ${ev.reason}${tag}`;
  } else if (ev.decision === 'ask' && session && (grantedBy = deps.grants.take(session.id, [binary, ...argv.slice(1)]))) {
    // The user answered Claude Code's prompt for this exact command moments ago (see grants.ts).
    decision = 'allow';
    ask = 'approved';
  } else if (ev.decision === 'ask' && session?.unattended) {
    // Nobody can answer in this session: say so at once rather than wait out the ask timeout.
    decision = 'deny';
    ask = 'unattended';
    message = `rampart: denied: ${ev.reason}${tag} (needs a person's approval; nobody can answer in this session: ${session.unattended})`;
  } else if (ev.decision === 'ask') {
    const timeoutSec = holder.policy?.askTimeoutSec ?? 120;
    const held = deps.approvals.hold({
      id,
      summary: { binary, argv: redactArgv(argv), cwd, session: session?.id ?? null, rule: ev.rule, reason: ev.reason },
      requesterPids: [req.pid, session?.pid].filter((p): p is number => Number.isInteger(p) && (p as number) > 1),
      since: new Date().toISOString(),
      timeoutSec,
    });
    ch.onClose(held.abandon);
    ch.pending({
      v: PROTOCOL_VERSION,
      type: 'pending',
      message: `rampart: waiting for approval: rampart approve ${id} (or rampart deny ${id}) — ${ev.reason}${tag}`,
      id,
      ...(req.rid !== undefined ? { rid: req.rid } : {}),
      timeoutSec,
    });
    ask = await held.outcome;
    decision = ask === 'approved' ? 'allow' : 'deny';
    if (decision === 'deny') message = `rampart: denied: ${ev.reason}${tag} (approval ${ask})`;
  } else if (ev.decision === 'deny') {
    message = `rampart: denied: ${ev.reason}${tag}`;
  }
  deps.counters.decisions++;
  const record = {
    ts: new Date().toISOString(),
    id,
    session: session?.id ?? null,
    ...(req.session && !session ? { sessionRefused: String(req.session).slice(0, 64) } : {}),
    source: req.source === 'node-shim' ? 'shim' : (req.source ?? 'shim'),
    binary,
    argv: redactArgv(argv),
    cwd,
    ...(req.pid !== undefined ? { pid: req.pid } : {}),
    ...(req.ppid !== undefined ? { ppid: req.ppid } : {}),
    ...(req.parents ? { parents: chainUpToSession(req.parents, session?.pid) } : {}),
    ...(stdin ? { stdin: redactString(stdin) } : {}),
    ...(stdout ? { stdout: redactString(stdout) } : {}),
    // A connection the containment proxy asked about: where it went.
    ...(req.source === 'proxy' ? proxyTarget(argv[1] ?? '') : {}),
    projectRoot,
    // decision: what the policy said; enforced: false in audit mode; outcome: what happened.
    decision: ev.decision,
    enforced,
    outcome: decision === 'allow' ? 'allowed' : 'blocked',
    rule: ev.rule,
    reason: ev.reason,
    ...(ask ? { ask } : {}),
    ...(grantedBy ? { grantedBy } : {}),
  } as const;
  const verdict: Verdict = {
    v: PROTOCOL_VERSION,
    type: 'verdict',
    decision,
    ...(message ? { message } : {}),
    id,
    ...(req.rid !== undefined ? { rid: req.rid } : {}),
    rule: ev.rule,
    reason: ev.reason,
    enforced,
    policyDecision: ev.decision,
    ...(ask ? { ask } : {}),
  };
  // The reply leaves only after the audit line is written.
  return new Promise((resolve) => deps.audit.appendThen(record, () => resolve(verdict)));
}
