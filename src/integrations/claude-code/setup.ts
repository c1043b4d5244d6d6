// `rampart setup claude-code`, the I/O half: which settings file, which hook commands, and
// writing (or restoring) that file with a backup and a record of what was added.
import fs from 'node:fs';
import path from 'node:path';
import { RampartError } from '../../cli/errors.js';
import { RAMPART_BIN } from '../../server/client.js';
import type { RampartPaths } from '../../server/paths.js';
import { CONTAIN_NAME, HOOK_NAME, readConf, UNCONTAINED_NAME } from '../../shims/conf.js';
import { haveCompiler, SHIM_SOURCE } from '../../shims/install.js';
import { failClosed, shellWord } from '../shared/hook-command.js';
import { mergeSettings, removeFromSettings, SettingsError, type OurHooks } from './settings.js';
import { backupPath, forget, mergeAdded, readRecord, saveBackup, sha256, writeAtomic, writeRecord, type SetupRecord } from './setup-state.js';

export type Scope = 'user' | 'project';

/** user: $CLAUDE_CONFIG_DIR/settings.json, else ~/.claude/settings.json; project: ./.claude/settings.json. */
export function settingsPathFor(scope: Scope, env: NodeJS.ProcessEnv, cwd: string, home: string): string {
  if (scope === 'project') return path.resolve(cwd, '.claude', 'settings.json');
  const dir = env.CLAUDE_CONFIG_DIR ? path.resolve(cwd, env.CLAUDE_CONFIG_DIR) : path.join(home, '.claude');
  return path.join(dir, 'settings.json');
}

/** The Node command line for a hook; RAMPART_HOME is pinned so Claude Code's environment cannot move it. */
export function nodeHookCommand(paths: RampartPaths, event?: 'SessionStart', contain = false): string {
  return [process.execPath, RAMPART_BIN, 'hook', 'claude-code', ...(event ? ['--event', event] : []), '--rampart-home', paths.rampartHome, ...(contain ? ['--contain'] : [])].map(shellWord).join(' ');
}

/**
 * The commands setup installs. PreToolUse runs on every tool call, so it is the native
 * `rampart-hook` entry (no Node start) when the shims are native; SessionStart runs once.
 */
export function hookCommands(paths: RampartPaths, native: boolean, contain = false): OurHooks {
  return {
    preToolUse: failClosed(native ? shellWord(path.join(paths.shimsDir, HOOK_NAME)) : nodeHookCommand(paths)),
    sessionStart: nodeHookCommand(paths, 'SessionStart', contain),
    socket: paths.socket,
    ...(contain ? { shellPrefix: path.join(paths.shimsDir, CONTAIN_NAME) } : {}),
  };
}

/**
 * Claude Code runs shell-form hooks through CLAUDE_CODE_SHELL_PREFIX too. Rampart's own hooks must
 * not run contained (they reach the server, and SessionStart starts the containment host), so
 * `rampart-contain` runs exactly these command lines as they are.
 */
export function writeUncontained(paths: RampartPaths, ours: OurHooks): void {
  writeAtomic(path.join(paths.shimsDir, UNCONTAINED_NAME), `${ours.preToolUse}\n${ours.sessionStart}\n`, 0o444);
}

/**
 * True when the shims directory holds a native hook entry that speaks the hook-reply shape
 * (exit code and stdout chosen by the server). An older binary prints the raw server line
 * with exit 0, which Claude Code rejects as a verdict and then runs the tool: fail open. So
 * we look for the reply type in the installed binary itself and use the Node hook otherwise.
 */
export function nativeHookInstalled(paths: RampartPaths): boolean {
  const conf = readConf(paths.shimsDir);
  const entry = path.join(paths.shimsDir, HOOK_NAME);
  try {
    fs.accessSync(entry, fs.constants.X_OK);
    if (!fs.readFileSync(entry).includes('hook-reply')) return false;
  } catch {
    return false;
  }
  return conf?.kind === 'native' && conf.socket === paths.socket;
}

/** For --dry-run, which kind an install would produce. */
export function wouldBeNative(paths: RampartPaths, fallback: boolean): boolean {
  if (fallback) return false;
  if (nativeHookInstalled(paths)) return true;
  try {
    return haveCompiler() && fs.readFileSync(SHIM_SOURCE, 'utf8').includes('hook-reply');
  } catch {
    return false;
  }
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
  if (e instanceof SettingsError) {
    throw new RampartError('CONFIG', `${file}: ${e.message}; refusing to change it`, 'Fix the file by hand (or move it away) and run setup again; setup never overwrites a file it cannot read.');
  }
  throw e;
}

export interface SetupPlan {
  file: string;
  before: string | undefined;
  after: string;
  changed: boolean;
  notes: string[];
  apply(): 'created' | 'updated' | 'unchanged';
}

/** Computes the merged settings; apply() writes them with backup and record. */
export function planSetup(file: string, ours: OurHooks, rampartHome: string, platform: NodeJS.Platform = process.platform): SetupPlan {
  const buf = readMaybe(file);
  const before = buf?.toString('utf8');
  let merged;
  try {
    merged = mergeSettings(before, ours, platform);
  } catch (e) {
    refuse(file, e);
  }
  const { text: after, changed, added, notes } = merged;
  return {
    file, before, after, changed, notes,
    apply: () => {
      const old = readRecord(rampartHome, file);
      if (!changed) {
        // Our hooks are there but no record says how: removal will go by signature only.
        if (!old) writeRecord(rampartHome, { settingsPath: file, existedBefore: true, createdDir: false, writtenSha: sha256(buf!), restorable: false, added: {} });
        return 'unchanged';
      }
      let rec: SetupRecord;
      const dir = path.dirname(file);
      const createdDir = !fs.existsSync(dir);
      if (old) {
        // Someone changed the file since we last wrote it: the original backup no longer
        // equals "this file without us", so --remove must go surgical from now on.
        const untouched = buf !== undefined && sha256(buf) === old.writtenSha;
        rec = { ...old, restorable: old.restorable && untouched, added: mergeAdded(old.added, added), writtenSha: '' };
      } else {
        if (buf) saveBackup(rampartHome, file, buf);
        rec = { settingsPath: file, existedBefore: buf !== undefined, createdDir, writtenSha: '', restorable: true, added };
      }
      fs.mkdirSync(dir, { recursive: true });
      const mode = buf ? fs.statSync(file).mode & 0o777 : 0o644;
      writeAtomic(file, after, mode);
      rec.writtenSha = sha256(after);
      writeRecord(rampartHome, rec);
      return buf ? 'updated' : 'created';
    },
  };
}

export type RemoveStatus = 'restored' | 'removed' | 'deleted' | 'nothing';

/** Undoes setup: the original bytes when nobody touched the file since, else only our entries. */
export function removeSetup(file: string, rampartHome: string): { status: RemoveStatus; detail: string } {
  const rec = readRecord(rampartHome, file);
  const buf = readMaybe(file);
  if (!buf) {
    if (rec) forget(rampartHome, file);
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
      forget(rampartHome, file);
      return { status: 'deleted', detail: `${file} removed (setup had created it)` };
    }
    const orig = fs.readFileSync(backupPath(rampartHome, file));
    writeAtomic(file, orig, fs.statSync(file).mode & 0o777);
    forget(rampartHome, file);
    return { status: 'restored', detail: `${file} restored byte for byte from the backup` };
  }
  let r;
  try {
    r = removeFromSettings(buf.toString('utf8'), rec?.added ?? {});
  } catch (e) {
    refuse(file, e);
  }
  if (r.changed) writeAtomic(file, r.text, fs.statSync(file).mode & 0o777);
  if (rec) forget(rampartHome, file);
  return r.changed
    ? { status: 'removed', detail: `${file} changed since setup: removed only Rampart's entries` }
    : { status: 'nothing', detail: `no Rampart entries in ${file}` };
}
