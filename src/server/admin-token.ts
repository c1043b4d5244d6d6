// The token that approve, deny and stop requests must carry. It lives in RAMPART_HOME, which is
// unreadable inside containment: a contained process can reach the socket (its shims must) but
// cannot approve its own ask or stop the server. Outside containment the agent runs as the user
// and can read it; there the CLI's caller checks and the hook's rules are the barrier.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const adminTokenPath = (rampartHome: string): string => path.join(rampartHome, 'admin.token');

/** The token, created (0600) when there is none yet. */
export function adminToken(rampartHome: string): string {
  const file = adminTokenPath(rampartHome);
  try {
    const t = fs.readFileSync(file, 'utf8').trim();
    if (/^[0-9a-f]{32,}$/.test(t)) return t;
  } catch {
    /* none yet */
  }
  fs.mkdirSync(rampartHome, { recursive: true, mode: 0o700 });
  const t = randomBytes(24).toString('hex');
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, t + '\n', { mode: 0o600 });
  fs.renameSync(tmp, file);
  return t;
}

/** True when `given` is the token. */
export function isAdminToken(expected: string, given: unknown): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
