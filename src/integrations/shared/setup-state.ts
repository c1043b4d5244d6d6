// Where setup keeps what it needs to undo itself: per settings file, a record (hashes, what
// was added) and a byte copy of the original, both inside RAMPART_HOME (a protected path).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
/** What setup added to a file (the agent's module knows the shape), so --remove takes out only that. */
export type Added = Record<string, unknown>;

export interface SetupRecord<A = Added> {
  settingsPath: string;
  /** False when setup created the file. */
  existedBefore: boolean;
  /** True when setup created the directory holding the file. */
  createdDir: boolean;
  /** sha256 of what setup last wrote. */
  writtenSha: string;
  /** False once the file was changed by someone else between two setups: the backup is then stale. */
  restorable: boolean;
  added: A;
}

export const sha256 = (b: Buffer | string): string => createHash('sha256').update(b).digest('hex');

/** Per agent (claude-code, codex, gemini): records and backups of the files its setup changed. */
export function stateDir(rampartHome: string, agent = 'claude-code'): string {
  return path.join(rampartHome, agent);
}

function base(rampartHome: string, settingsPath: string, agent?: string): string {
  return path.join(stateDir(rampartHome, agent), sha256(path.resolve(settingsPath)).slice(0, 16));
}

export const recordPath = (rh: string, sp: string, agent?: string): string => base(rh, sp, agent) + '.json';
export const backupPath = (rh: string, sp: string, agent?: string): string => base(rh, sp, agent) + '.settings.json.orig';

export function readRecord<A = Added>(rh: string, sp: string, agent?: string): SetupRecord<A> | undefined {
  try {
    return JSON.parse(fs.readFileSync(recordPath(rh, sp, agent), 'utf8')) as SetupRecord<A>;
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

export function writeRecord<A>(rh: string, r: SetupRecord<A>, agent?: string): void {
  fs.mkdirSync(stateDir(rh, agent), { recursive: true, mode: 0o700 });
  writeAtomic(recordPath(rh, r.settingsPath, agent), JSON.stringify(r, null, 2) + '\n', 0o600);
}

export function saveBackup(rh: string, sp: string, original: Buffer, agent?: string): void {
  fs.mkdirSync(stateDir(rh, agent), { recursive: true, mode: 0o700 });
  writeAtomic(backupPath(rh, sp, agent), original, 0o600);
}

export function forget(rh: string, sp: string, agent?: string): void {
  fs.rmSync(recordPath(rh, sp, agent), { force: true });
  fs.rmSync(backupPath(rh, sp, agent), { force: true });
}

/** Every file an agent setup changed and has not taken out again, per agent. */
export function setupRecords(rampartHome: string, agents: readonly string[]): { agent: string; record: SetupRecord }[] {
  const out: { agent: string; record: SetupRecord }[] = [];
  for (const agent of agents) {
    let names: string[] = [];
    try {
      names = fs.readdirSync(stateDir(rampartHome, agent)).filter((f) => f.endsWith('.json'));
    } catch {
      continue;
    }
    for (const n of names) {
      try {
        out.push({ agent, record: JSON.parse(fs.readFileSync(path.join(stateDir(rampartHome, agent), n), 'utf8')) as SetupRecord });
      } catch {
        /* a record we cannot read is reported by setup itself */
      }
    }
  }
  return out;
}
