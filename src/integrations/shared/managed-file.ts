// A configuration file of an agent that setup changes and --remove undoes: the change is
// computed by the agent's module (pure: text in, text out), written atomically with a byte
// copy of the original and a record of what was added, both inside RAMPART_HOME. --remove puts
// the original bytes back when nobody touched the file since, else takes out only our entries.
import fs from 'node:fs';
import path from 'node:path';
import { RampartError } from '../../cli/errors.js';
import { backupPath, forget, readRecord, saveBackup, sha256, writeAtomic, writeRecord, type SetupRecord } from './setup-state.js';

/** The agent module's change to a file's text. Throws ConfigTextError for text it cannot read. */
export interface FileChange<A> {
  text: string;
  changed: boolean;
  added: A;
  notes: string[];
}

/** A file the agent module refuses to touch (invalid JSON/TOML, an unexpected shape). */
export class ConfigTextError extends Error {
  override name = 'ConfigTextError';
}

export interface ManagedFile<A> {
  /** The agent (its records live in $RAMPART_HOME/<agent>/). */
  agent: string;
  file: string;
  merge(before: string | undefined): FileChange<A>;
  /** Takes our entries (as recorded) out of a text someone else changed since. */
  strip(text: string, added: A): { text: string; changed: boolean };
  /** Union of the additions of two setups. */
  union(a: A, b: A): A;
}

export interface SetupPlan {
  file: string;
  before: string | undefined;
  after: string;
  changed: boolean;
  notes: string[];
  apply(): 'created' | 'updated' | 'unchanged';
}

function readMaybe(file: string): Buffer | undefined {
  try {
    return fs.readFileSync(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new RampartError('IO', `cannot read ${file}: ${(e as Error).message}`);
  }
}

function refuse(file: string, e: unknown): never {
  if (e instanceof ConfigTextError) {
    throw new RampartError('CONFIG', `${file}: ${e.message}; refusing to change it`, 'Fix the file by hand (or move it away) and run setup again; setup never overwrites a file it cannot read.');
  }
  throw e;
}

/** Computes the change; apply() writes it with backup and record. */
export function planFile<A extends object>(m: ManagedFile<A>, rampartHome: string): SetupPlan {
  const { file, agent } = m;
  const buf = readMaybe(file);
  const before = buf?.toString('utf8');
  let merged: FileChange<A>;
  try {
    merged = m.merge(before);
  } catch (e) {
    refuse(file, e);
  }
  const { text: after, changed, added, notes } = merged;
  return {
    file, before, after, changed, notes,
    apply: () => {
      const old = readRecord<A>(rampartHome, file, agent);
      if (!changed) {
        // Our entries are there but no record says how: removal will go by signature only.
        if (!old) writeRecord<A>(rampartHome, { settingsPath: file, existedBefore: true, createdDir: false, writtenSha: sha256(buf ?? ''), restorable: false, added: {} as A }, agent);
        return 'unchanged';
      }
      let rec: SetupRecord<A>;
      const dir = path.dirname(file);
      const createdDir = !fs.existsSync(dir);
      if (old) {
        // Someone changed the file since we last wrote it: the original backup no longer
        // equals "this file without us", so --remove must go surgical from now on.
        const untouched = buf !== undefined && sha256(buf) === old.writtenSha;
        rec = { ...old, restorable: old.restorable && untouched, added: m.union(old.added, added), writtenSha: '' };
      } else {
        if (buf) saveBackup(rampartHome, file, buf, agent);
        rec = { settingsPath: file, existedBefore: buf !== undefined, createdDir, writtenSha: '', restorable: true, added };
      }
      fs.mkdirSync(dir, { recursive: true });
      const mode = buf ? fs.statSync(file).mode & 0o777 : 0o644;
      writeAtomic(file, after, mode);
      rec.writtenSha = sha256(after);
      writeRecord(rampartHome, rec, agent);
      return buf ? 'updated' : 'created';
    },
  };
}

export type RemoveStatus = 'restored' | 'removed' | 'deleted' | 'nothing';

/** Undoes setup: the original bytes when nobody touched the file since, else only our entries. */
export function removeFile<A extends object>(m: ManagedFile<A>, rampartHome: string): { status: RemoveStatus; detail: string } {
  const { file, agent } = m;
  const rec = readRecord<A>(rampartHome, file, agent);
  const buf = readMaybe(file);
  if (!buf) {
    if (rec) forget(rampartHome, file, agent);
    return { status: 'nothing', detail: `${file} does not exist` };
  }
  if (rec && rec.restorable && sha256(buf) === rec.writtenSha) {
    if (!rec.existedBefore) {
      fs.rmSync(file);
      if (rec.createdDir) {
        try {
          fs.rmdirSync(path.dirname(file)); // only when empty
        } catch {
          /* other files live there now */
        }
      }
      forget(rampartHome, file, agent);
      return { status: 'deleted', detail: `${file} removed (setup had created it)` };
    }
    const orig = fs.readFileSync(backupPath(rampartHome, file, agent));
    writeAtomic(file, orig, fs.statSync(file).mode & 0o777);
    forget(rampartHome, file, agent);
    return { status: 'restored', detail: `${file} restored byte for byte from the backup` };
  }
  let r;
  try {
    r = m.strip(buf.toString('utf8'), rec?.added ?? ({} as A));
  } catch (e) {
    refuse(file, e);
  }
  if (r.changed) writeAtomic(file, r.text, fs.statSync(file).mode & 0o777);
  if (rec) forget(rampartHome, file, agent);
  return r.changed
    ? { status: 'removed', detail: `${file} changed since setup: removed only Rampart's entries` }
    : { status: 'nothing', detail: `no Rampart entries in ${file}` };
}
