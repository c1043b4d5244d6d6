// Requests waiting for a human: held until `rampart approve|deny ID` or the ask timeout.
import type { AskOutcome } from './protocol.js';

export interface PendingAsk {
  id: string;
  summary: { binary: string; argv: string[]; cwd: string; session: string | null; rule: string | null; reason: string };
  since: string;
  timeoutSec: number;
  /** Processes that may not approve this request: the requester and its session's `rampart run`. */
  requesterPids?: number[];
}

interface Held extends PendingAsk {
  settle: (o: AskOutcome) => void;
  timer: NodeJS.Timeout;
}

export class Approvals {
  private held = new Map<string, Held>();

  /** Holds a request; resolves with how it ended (timeout → the caller denies). */
  hold(p: PendingAsk): { outcome: Promise<AskOutcome>; abandon: () => void } {
    let settle!: (o: AskOutcome) => void;
    const outcome = new Promise<AskOutcome>((res) => (settle = res));
    const finish = (o: AskOutcome) => {
      const h = this.held.get(p.id);
      if (!h) return;
      clearTimeout(h.timer);
      this.held.delete(p.id);
      settle(o);
    };
    const timer = setTimeout(() => finish('timeout'), p.timeoutSec * 1000);
    this.held.set(p.id, { ...p, settle: finish, timer });
    return { outcome, abandon: () => finish('abandoned') };
  }

  /** Settles a held request; false when the id is not pending. */
  decide(id: string, approve: boolean): boolean {
    const h = this.held.get(id);
    if (!h) return false;
    h.settle(approve ? 'approved' : 'denied');
    return true;
  }

  get(id: string): PendingAsk | undefined {
    return this.held.get(id);
  }

  list(): PendingAsk[] {
    return [...this.held.values()].map(({ settle: _s, timer: _t, requesterPids: _r, ...p }) => p);
  }

  get size(): number {
    return this.held.size;
  }

  /** Denies everything still waiting (server shutdown). */
  abandonAll(): void {
    for (const h of [...this.held.values()]) h.settle('abandoned');
  }
}
