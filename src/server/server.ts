// The decision server: holds sessions, policies, approvals and the audit writer, and
// answers protocol verbs on a Unix socket.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { AuditWriter } from '../audit/writer.js';
import { adminToken, adminTokenPath, isAdminToken } from './admin-token.js';
import { descendsFrom } from './ancestry.js';
import { Approvals } from './approvals.js';
import { Grants } from './grants.js';
import { handleConnection } from './connection.js';
import { decide, newId, type DecideDeps } from './decide.js';
import { lookupsForOneDecision } from './realpath.js';
import { gitReaderFor } from './git-reader.js';
import { judgeShellLine } from '../policy/line/judge-line.js';
import { decide as decideVerdict } from '../policy/evaluate.js';
import { factsJson } from '../cli/render-verdict.js';
import { hook } from './hook.js';
import { PolicyHolder } from './policy-holder.js';
import { PROTOCOL_VERSION, ProtocolError, type OkReply, type Reply, type Request } from './protocol.js';
import type { RampartPaths } from './paths.js';
import { acceptableProjectRoot, NO_PROJECT, SessionTable, type Session } from './sessions.js';

export interface ServerOptions {
  paths: RampartPaths;
  log: (msg: string) => void;
  /** Called when a client asks the server to stop or a newer client appears. */
  onStop: (why: string) => void;
  auditMaxBytes?: number;
}

export interface DecisionServer {
  server: net.Server;
  status(): Record<string, unknown>;
  close(): Promise<void>;
}

/**
 * Shims that ran a command without a decision (fail-open, chosen at install) leave a line
 * in failopen.jsonl since no server was there to log it; the next server moves those lines
 * into the audit log.
 */
function importFailOpens(rampartHome: string, audit: AuditWriter, log: (m: string) => void): void {
  const file = path.join(rampartHome, 'failopen.jsonl');
  const taken = `${file}.${process.pid}`;
  try {
    fs.renameSync(file, taken);
  } catch {
    return;
  }
  let n = 0;
  for (const line of fs.readFileSync(taken, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    let r: { ts?: number; why?: string; binary?: string; pid?: number };
    try {
      r = JSON.parse(line);
    } catch {
      continue;
    }
    n++;
    audit.append({
      ts: new Date((r.ts ?? 0) * 1000).toISOString(), id: newId(), session: null, source: 'shim', binary: path.basename(String(r.binary ?? '')),
      argv: [], cwd: '', ...(r.pid ? { pid: r.pid } : {}), decision: 'allow', enforced: false, rule: 'rampart-fail-open',
      reason: `ran without a decision (fail-open chosen at install): ${r.why ?? 'unknown'}`,
    });
  }
  fs.rmSync(taken, { force: true });
  if (n) log(`imported ${n} fail-open record(s) into the audit log`);
}

/** Only string values of an object (a request field). */
function stringRecord(x: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (x && typeof x === 'object') for (const [k, v] of Object.entries(x)) if (typeof v === 'string') out[k] = v;
  return out;
}

export async function createDecisionServer(opts: ServerOptions): Promise<DecisionServer> {
  const { paths, log } = opts;
  const sessions = new SessionTable(paths.sessionsFile);
  const approvals = new Approvals();
  const grants = new Grants();
  const audit = new AuditWriter(paths.audit, opts.auditMaxBytes);
  importFailOpens(paths.rampartHome, audit, log);
  const holders = new Map<string, Promise<PolicyHolder>>();
  const counters = { decisions: 0 };
  const startedAt = new Date().toISOString();

  const ready = new Map<string, PolicyHolder>();
  const holderFor = (session: Session | undefined, projectRoot: string): Promise<PolicyHolder> | PolicyHolder => {
    const key = keyOf(session, projectRoot);
    const done = ready.get(key);
    if (done) return done; // hot path: no promise hop
    let h = holders.get(key);
    if (!h) {
      const holder = new PolicyHolder(
        {
          rampartHome: paths.rampartHome,
          home: paths.home,
          projectRoot,
          // No session: no project layer either (there is no project to read it from).
          ...(projectRoot === NO_PROJECT ? ({ noProject: true } as object) : {}),
          ...(session?.policyFile ? { policyFile: session.policyFile } : {}),
        },
        (m) => log(`[policy ${session?.policyFile ?? projectRoot}] ${m}`),
      );
      h = holder.load().then(() => {
        ready.set(key, holder);
        return holder;
      });
      holders.set(key, h);
    }
    return h;
  };
  const keyOf = (s: Session | undefined, projectRoot: string) => `${s?.policyFile ?? ''}\0${projectRoot}`;
  /** Stops watching a session's policy files once no live session uses them. */
  const releaseHolder = (s: Session) => {
    const key = keyOf(s, s.projectRoot);
    if (key === keyOf(undefined, NO_PROJECT) || sessions.all().some((o) => keyOf(o, o.projectRoot) === key)) return;
    const h = ready.get(key);
    ready.delete(key);
    holders.delete(key);
    h?.unwatch();
  };
  // The default policy (no session, no project) loads at start so `status` can report it.
  const defaultHolder = await holderFor(undefined, NO_PROJECT);
  const token = adminToken(paths.rampartHome);
  const requireToken = (req: { type: string; token?: unknown }) => {
    if (!isAdminToken(token, req.token)) throw new ProtocolError('bad-request', `${req.type} needs the admin token from ${adminTokenPath(paths.rampartHome)} (use the rampart CLI)`);
  };

  const deps: DecideDeps = { home: paths.home, shimsDir: paths.shimsDir, rampartHome: paths.rampartHome, sessions, approvals, audit, holderFor, counters, grants };

  const ok = (req: Request, body: Record<string, unknown>): OkReply => ({
    v: PROTOCOL_VERSION,
    type: 'ok',
    ...(req.rid !== undefined ? { rid: req.rid } : {}),
    ...body,
  });

  const status = () => ({
    pid: process.pid,
    protocol: PROTOCOL_VERSION,
    startedAt,
    socket: paths.socket,
    rampartHome: paths.rampartHome,
    sessions: sessions.size,
    pending: approvals.size,
    decisions: counters.decisions,
    rssBytes: process.memoryUsage().rss,
    policy: defaultHolder.state,
    policies: holders.size,
  });

  const dispatch = async (req: Request, send: (r: Reply) => void, onClose: (fn: () => void) => void): Promise<Reply | null> => {
    switch (req.type) {
      case 'decide':
        return decide(req, deps, { pending: send, onClose });
      case 'hook':
        return hook(req, deps) as unknown as Reply;
      case 'approve':
      case 'deny': {
        requireToken(req);
        const held = approvals.get(req.id);
        if (!held) throw new ProtocolError('not-found', `no pending request with id ${req.id}`);
        // An agent must not approve its own request: refuse an approval from inside the
        // requesting session's process tree (denying is always allowed).
        if (req.type === 'approve' && (held.requesterPids ?? []).some((p) => descendsFrom(req.pid, p))) {
          throw new ProtocolError('bad-request', 'refusing an approval from inside the session that asked; approve from your own terminal');
        }
        approvals.decide(req.id, req.type === 'approve');
        log(`${req.type === 'approve' ? 'approved' : 'denied'} ${req.id}`);
        return ok(req, { id: req.id });
      }
      case 'pending':
        return ok(req, { pending: approvals.list() });
      case 'status':
        return ok(req, status());
      case 'session': {
        if (req.op === 'end') {
          const gone = sessions.get(String(req.id ?? ''));
          const ended = sessions.end(String(req.id ?? ''));
          if (gone) releaseHolder(gone);
          return ok(req, { ended });
        }
        const root = req.projectRoot ?? '';
        if (!acceptableProjectRoot(root, paths.home)) {
          throw new ProtocolError('bad-request', `refusing project root ${JSON.stringify(root)}: it must be absolute and neither / nor HOME (or above it)`);
        }
        const s = sessions.register({
          projectRoot: path.resolve(root),
          audit: Boolean(req.audit),
          ...(req.auditNotice === false ? { auditNotice: false } : {}),
          ...(req.policyFile ? { policyFile: path.resolve(req.policyFile) } : {}),
          ...(typeof req.agent === 'string' ? { agent: req.agent } : {}),
          ...(typeof req.agentSession === 'string' && req.agentSession ? { agentSession: req.agentSession } : {}),
          ...(Number.isInteger(req.pid) && (req.pid as number) > 1 ? { pid: req.pid } : {}),
          ...(typeof req.unattended === 'string' && req.unattended ? { unattended: req.unattended } : {}),
          ...(req.contained ? { key: randomBytes(16).toString('hex'), containEnv: stringRecord(req.containEnv) } : {}),
        });
        const holder = await holderFor(s, s.projectRoot);
        log(`session ${s.id} started in ${s.projectRoot}${s.audit ? ' (audit mode)' : ''}`);
        return ok(req, { session: s, policy: holder.state });
      }
      case 'check': {
        // The verdict `rampart policy check` prints, from the policy this server holds for that
        // project (nothing runs, nothing is logged: it is a question, not a decision).
        if (typeof req.line !== 'string' || typeof req.cwd !== 'string' || !path.isAbsolute(req.cwd)) throw new ProtocolError('bad-request', 'check needs a line and an absolute cwd');
        const root = typeof req.projectRoot === 'string' && acceptableProjectRoot(req.projectRoot, paths.home) ? path.resolve(req.projectRoot) : NO_PROJECT;
        const holder = await holderFor(undefined, root);
        if (!holder.policy) throw new ProtocolError('bad-request', `no valid policy is loaded (${holder.state.error ?? 'unknown error'})`);
        const ctx = { cwd: req.cwd, projectRoot: root, home: paths.home, rampartHome: paths.rampartHome, env: {}, git: gitReaderFor(req.cwd, paths.home), shimsDir: paths.shimsDir, ...lookupsForOneDecision() };
        const judged = judgeShellLine(holder.policy, req.line, ctx);
        const e = decideVerdict(holder.policy, holder.policy.rules, judged);
        const note = holder.problemNote;
        return ok(req, { evaluation: e, commands: judged.map((j) => factsJson(j.facts)), notes: judged.flatMap((j) => j.facts.notes), warnings: [...(holder.state.warnings ?? []), ...(note ? [note] : [])] });
      }
      case 'stop':
        requireToken(req);
        setImmediate(() => opts.onStop('stop requested'));
        return ok(req, { stopping: true });
    }
  };

  const server = net.createServer({ allowHalfOpen: true }, (sock) =>
    handleConnection(sock, dispatch, () => setImmediate(() => opts.onStop('a client speaks a newer protocol'))),
  );
  server.maxConnections = 10000;

  return {
    server,
    status,
    close: async () => {
      approvals.abandonAll();
      for (const h of holders.values()) (await h).unwatch();
      await new Promise<void>((res) => server.close(() => res()));
      audit.close();
    },
  };
}
