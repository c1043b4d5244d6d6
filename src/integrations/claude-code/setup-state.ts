// Where setup keeps what it needs to undo itself: per settings file, a record (hashes, what
// was added) and a byte copy of the original, both inside RAMPART_HOME (a protected path).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Added } from './settings.js';

export interface SetupRecord {
  settingsPath: string;
  /** False when setup created the file. */
  existedBefore: boolean;
  /** True when setup created the directory holding the file. */
  createdDir: boolean;
  /** sha256 of what setup last wrote. */
  writtenSha: string;
  /** False once the file was changed by someone else between two setups: the backup is then stale. */
  restorable: boolean;
  added: Added;
}

export const sha256 = (b: Buffer | string): string => createHash('sha256').update(b).digest('hex');

export function stateDir(rampartHome: string): string {
  return path.join(rampartHome, 'claude-code');
}

function base(rampartHome: string, settingsPath: string): string {
  return path.join(stateDir(rampartHome), sha256(path.resolve(settingsPath)).slice(0, 16));
}

export const recordPath = (rh: string, sp: string): string => base(rh, sp) + '.json';
export const backupPath = (rh: string, sp: string): string => base(rh, sp) + '.settings.json.orig';

export function readRecord(rh: string, sp: string): SetupRecord | undefined {
  try {
    return JSON.parse(fs.readFileSync(recordPath(rh, sp), 'utf8')) as SetupRecord;
  } catch {
    return undefined;
  }
}

/** Writes a file atomically (temp + rename) with the given mode. */
export function writeAtomic(file: string, data: string | Buffer, mode: number): void {
  const tmp = `${file}.rampart-${process.pid}.tmp`;
  fs.writeFileSync(tmp, data, { mode });
  fs.chmodSync(tmp, mode);
  fs.renameSync(tmp, file);
}

export function writeRecord(rh: string, r: SetupRecord): void {
  fs.mkdirSync(stateDir(rh), { recursive: true, mode: 0o700 });
  writeAtomic(recordPath(rh, r.settingsPath), JSON.stringify(r, null, 2) + '\n', 0o600);
}

export function saveBackup(rh: string, sp: string, original: Buffer): void {
  fs.mkdirSync(stateDir(rh), { recursive: true, mode: 0o700 });
  writeAtomic(backupPath(rh, sp), original, 0o600);
}

export function forget(rh: string, sp: string): void {
  fs.rmSync(recordPath(rh, sp), { force: true });
  fs.rmSync(backupPath(rh, sp), { force: true });
}

/** Union of two records of additions: once we added a key, --remove may take it out. */
export function mergeAdded(a: Added, b: Added): Added {
  const out: Added = { ...a };
  for (const k of ['hooksKey', 'preToolUseKey', 'sessionStartKey', 'sandboxNetworkKey'] as const) if (b[k]) out[k] = true;
  if (b.allowAllUnixSockets && !a.allowAllUnixSockets) out.allowAllUnixSockets = b.allowAllUnixSockets;
  if (b.allowUnixSockets && !a.allowUnixSockets) out.allowUnixSockets = b.allowUnixSockets;
  if (b.shellPrefix && !a.shellPrefix) out.shellPrefix = b.shellPrefix;
  return out;
}
