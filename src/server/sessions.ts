// Sessions started by `rampart run`: each fixes a project root (and audit mode, and an
// optional policy file) for every shim call that carries its id. Persisted so a server
// restarted after a crash still knows them.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export interface Session {
  id: string;
  projectRoot: string;
  audit: boolean;
  /** False: audit mode without the `rampart(audit): would …` line on stderr. */
  auditNotice?: boolean;
  policyFile?: string;
  /** The agent that registered it (claude-code) and that agent's own session id. */
  agent?: string;
  agentSession?: string;
  /** The `rampart run` process: only its descendants may use this session. */
  pid?: number;
  /** Why nobody can answer an `ask` in this session (no terminal, print mode, bypass mode); unset when someone can. */
  unattended?: string;
  /**
   * Contained sessions: processes inside run in their own pid namespace, so ancestry cannot
   * prove membership; they carry `RAMPART_SESSION=<id>.<key>` instead.
   */
  key?: string;
  /** Variables the containment itself sets inside (its proxies, its ssh ProxyCommand): not the agent's doing. */
  containEnv?: Record<string, string>;
  startedAt: string;
}

/**
 * A path that exists nowhere: the project root of a call with no known session, so
 * nothing counts as "inside the project" — never `/` or HOME, which would widen it.
 */
export const NO_PROJECT = '/nonexistent/rampart-no-project';

/** True when `root` may serve as a project root (not `/`, not HOME, absolute). */
export function acceptableProjectRoot(root: string, home: string): boolean {
  if (!path.isAbsolute(root)) return false;
  const r = path.resolve(root);
  return r !== '/' && r !== path.resolve(home) && !path.resolve(home).startsWith(r + path.sep);
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export class SessionTable {
  private map = new Map<string, Session>();

  constructor(private readonly file: string) {
    try {
      const list = JSON.parse(fs.readFileSync(file, 'utf8')) as Session[];
      // A `rampart run` that is gone (killed before it could end its session) leaves nothing behind.
      for (const s of list) if (s && typeof s.id === 'string' && (s.pid === undefined || alive(s.pid))) this.map.set(s.id, s);
    } catch {
      /* none yet */
    }
  }

  register(s: Omit<Session, 'id' | 'startedAt'>): Session {
    // Sessions whose process is gone (an agent that exited without ending its session) go now.
    for (const [id, o] of this.map) if (o.pid !== undefined && !alive(o.pid)) this.map.delete(id);
    const session: Session = { ...s, id: randomBytes(12).toString('hex'), startedAt: new Date().toISOString() };
    this.map.set(session.id, session);
    this.save();
    return session;
  }

  end(id: string): boolean {
    const had = this.map.delete(id);
    if (had) this.save();
    return had;
  }

  get(id: string | undefined): Session | undefined {
    return id ? this.map.get(id) : undefined;
  }

  /**
   * The session a caller may use: `<id>.<key>` for a contained session (the key proves it), or
   * `<id>` from a process that descends from the session's own (when it has one).
   */
  claim(claim: string | undefined, pid: number | undefined, descends: (pid: number | undefined, ancestor: number) => boolean): Session | undefined {
    if (!claim) return undefined;
    const dot = claim.indexOf('.');
    const s = this.map.get(dot < 0 ? claim : claim.slice(0, dot));
    if (!s) return undefined;
    if (dot >= 0) return s.key !== undefined && safeEqual(s.key, claim.slice(dot + 1)) ? s : undefined;
    return s.pid === undefined || descends(pid, s.pid) ? s : undefined;
  }

  /** The newest session registered for an agent's session id (hook calls carry only that). */
  byAgentSession(agentSession: string | undefined): Session | undefined {
    if (!agentSession) return undefined;
    let found: Session | undefined;
    for (const s of this.map.values()) if (s.agentSession === agentSession) found = s;
    return found;
  }

  /** Records whether somebody can answer an ask in this session (learned from each hook call). */
  markUnattended(id: string, why: string | undefined): void {
    const s = this.map.get(id);
    if (!s || s.unattended === why) return;
    if (why) s.unattended = why;
    else delete s.unattended;
    this.save();
  }

  all(): Session[] {
    return [...this.map.values()];
  }

  get size(): number {
    return this.map.size;
  }

  private save(): void {
    const tmp = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify([...this.map.values()]), { mode: 0o600 });
    fs.renameSync(tmp, this.file);
  }
}
