// The containment proxy's askCallback: every connection a contained process opens is a `decide`
// request (`source: proxy`, argv `connect HOST:PORT`) to Rampart's server, judged with the
// session's policy, held for approval on `ask`, and written to the audit log like every other
// decision. No answer — server gone, error, malformed reply — is a refusal.
import { request } from '../server/client.js';
import type { ConnectDecider } from './host.js';

export interface ProxySession {
  socket: string;
  session: () => string;
  /** The session's project root (the request's cwd). */
  cwd: string;
}

/** `host:port`, with IPv6 hosts in brackets. */
export function destination(host: string, port: number): string {
  return `${host.includes(':') && !host.startsWith('[') ? `[${host}]` : host}:${port}`;
}

export function serverDecider(s: ProxySession): ConnectDecider {
  return async (host, port) => {
    try {
      const r = await request(s.socket, { type: 'decide', source: 'proxy', argv: ['connect', destination(host, port)], cwd: s.cwd, pid: process.pid, session: s.session() }, { timeoutMs: 15_000 });
      return r.type === 'verdict' && r.decision === 'allow';
    } catch {
      return false;
    }
  };
}
