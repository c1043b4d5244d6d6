// Trust of project policies by exact content: the SHA-256 of the file's bytes, stored per path in
// RAMPART_HOME. Any edit changes the hash and voids the trust.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

type TrustStore = Record<string, { sha256: string; trustedAt: string }>;

export function trustFile(rampartHome: string): string {
  return join(rampartHome, 'trust.json');
}

/** SHA-256 hex of a file's content. */
export function contentHash(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex');
}

function readStore(rampartHome: string): TrustStore {
  try {
    return JSON.parse(readFileSync(trustFile(rampartHome), 'utf8')) as TrustStore;
  } catch {
    return {};
  }
}

/** True when the user trusted exactly this content at this path. */
export function isTrusted(rampartHome: string, absPath: string, text: string | Buffer): boolean {
  return readStore(rampartHome)[absPath]?.sha256 === contentHash(text);
}

/** Records trust in this exact content; returns the hash. Written atomically. */
export function trust(rampartHome: string, absPath: string, text: string | Buffer): string {
  const store = readStore(rampartHome);
  const sha256 = contentHash(text);
  store[absPath] = { sha256, trustedAt: new Date().toISOString() };
  mkdirSync(rampartHome, { recursive: true, mode: 0o700 });
  const tmp = `${trustFile(rampartHome)}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(store, null, 2) + '\n', { mode: 0o600 });
  renameSync(tmp, trustFile(rampartHome));
  return sha256;
}
