// `rampart setup claude-code`, the I/O half: which settings file, which hook commands, and
// writing (or restoring) that file with a backup and a record of what was added.
import fs from 'node:fs';
import path from 'node:path';
import { RAMPART_BIN } from '../../server/client.js';
import type { RampartPaths } from '../../server/paths.js';
import { CONTAIN_NAME, HOOK_NAME, readConf, UNCONTAINED_NAME } from '../../shims/conf.js';
import { haveCompiler, SHIM_SOURCE } from '../../shims/install.js';
import { failClosed, shellWord } from '../shared/hook-command.js';
import type { AgentId } from '../dialects.js';
import { mergeSettings, removeFromSettings, SettingsError, type Added, type OurHooks } from './settings.js';
import { writeAtomic } from '../shared/setup-state.js';
import { ConfigTextError, planFile, removeFile, type ManagedFile, type RemoveStatus, type SetupPlan } from '../shared/managed-file.js';

export type { RemoveStatus, SetupPlan } from '../shared/managed-file.js';

export type Scope = 'user' | 'project' | 'local';

/**
 * user: $CLAUDE_CONFIG_DIR/settings.json, else ~/.claude/settings.json; project:
 * ./.claude/settings.json (committed, shared); local: ./.claude/settings.local.json (this user only).
 */
export function settingsPathFor(scope: Scope, env: NodeJS.ProcessEnv, cwd: string, home: string): string {
  if (scope === 'project') return path.resolve(cwd, '.claude', 'settings.json');
  if (scope === 'local') return path.resolve(cwd, '.claude', 'settings.local.json');
  const dir = env.CLAUDE_CONFIG_DIR ? path.resolve(cwd, env.CLAUDE_CONFIG_DIR) : path.join(home, '.claude');
  return path.join(dir, 'settings.json');
}

/** The Node command line for a hook; RAMPART_HOME is pinned so Claude Code's environment cannot move it. */
export function nodeHookCommand(paths: RampartPaths, event?: 'SessionStart', contain = false, agent: AgentId = 'claude-code'): string {
  return [process.execPath, RAMPART_BIN, 'hook', agent, ...(event ? ['--event', event] : []), '--rampart-home', paths.rampartHome, ...(contain ? ['--contain'] : [])].map(shellWord).join(' ');
}

/** The before-tool command for an agent: the native entry when installed (no Node start), else Node. */
export function preToolCommand(paths: RampartPaths, native: boolean, agent: AgentId = 'claude-code'): string {
  const entry = shellWord(path.join(paths.shimsDir, HOOK_NAME));
  return failClosed(native ? (agent === 'claude-code' ? entry : `${entry} ${agent}`) : nodeHookCommand(paths, undefined, false, agent));
}

/**
 * The commands setup installs. PreToolUse runs on every tool call, so it is the native
 * `rampart-hook` entry (no Node start) when the shims are native; SessionStart runs once.
 */
export function hookCommands(paths: RampartPaths, native: boolean, contain = false): OurHooks {
  return {
    preToolUse: preToolCommand(paths, native),
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

/** Claude Code's settings.json as a file setup manages. */
export function claudeSettingsFile(file: string, ours: OurHooks, platform: NodeJS.Platform = process.platform): ManagedFile<Added> {
  const wrap = <T>(f: () => T): T => {
    try {
      return f();
    } catch (e) {
      if (e instanceof SettingsError) throw new ConfigTextError(e.message);
      throw e;
    }
  };
  return {
    agent: 'claude-code',
    file,
    merge: (before) => wrap(() => mergeSettings(before, ours, platform)),
    strip: (text, added) => wrap(() => removeFromSettings(text, added)),
    union: mergeAdded,
  };
}

/** Computes the merged settings; apply() writes them with backup and record. */
export function planSetup(file: string, ours: OurHooks, rampartHome: string, platform: NodeJS.Platform = process.platform): SetupPlan {
  return planFile(claudeSettingsFile(file, ours, platform), rampartHome);
}

/** Undoes setup: the original bytes when nobody touched the file since, else only our entries. */
export function removeSetup(file: string, rampartHome: string): { status: RemoveStatus; detail: string } {
  // The hook commands do not matter for removal: entries are found by signature and record.
  return removeFile(claudeSettingsFile(file, { preToolUse: '', sessionStart: '', socket: '' }), rampartHome);
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
