// Claude Code settings.json, pure: merge our PreToolUse and SessionStart hooks (and the sandbox
// socket allowance) into the text of a settings file, and take exactly those out again.
// Nothing else is touched; key order survives (JSON.parse keeps insertion order).
/** Every tool, MCP tools and tools newer than this code included: what is not seen is not judged. */
export const PRE_TOOL_USE_MATCHER = '*';

/**
 * Seconds. A hook that times out lets the tool run; ours ends itself (exit 2) after 10 s, so
 * this only has to leave room for a slow process start on a loaded machine.
 */
export const PRE_TOOL_USE_TIMEOUT = 15;
export const SESSION_START_TIMEOUT = 30;

export interface OurHooks {
  preToolUse: string;
  sessionStart: string;
  /** The decision socket, for the macOS sandbox allowance. */
  socket: string;
  /** setup --contain: the program Claude Code runs every Bash command through (CLAUDE_CODE_SHELL_PREFIX). */
  shellPrefix?: string;
}

/** What setup added (accumulated over runs), so --remove takes out only that. */
export interface Added {
  hooksKey?: boolean;
  preToolUseKey?: boolean;
  sessionStartKey?: boolean;
  sandboxNetworkKey?: boolean;
  /** Linux: allowAllUnixSockets set by us; `previous` is what was there (absent = undefined). */
  allowAllUnixSockets?: { previous?: unknown };
  /** macOS: the socket path we appended; `createdList` when we created the array. */
  allowUnixSockets?: { path: string; createdList: boolean };
  /** env.CLAUDE_CODE_SHELL_PREFIX set by us; `previous` is what was there; `createdEnv` when we created "env". */
  shellPrefix?: { value: string; previous?: unknown; createdEnv: boolean };
}

export class SettingsError extends Error {
  override name = 'SettingsError';
}

type Json = Record<string, unknown>;
const isObject = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Parses a settings file; an invalid one is refused, never overwritten. */
export function parseSettings(text: string): Json {
  if (text.trim() === '') return {};
  let j: unknown;
  try {
    j = JSON.parse(text);
  } catch (e) {
    throw new SettingsError(`not valid JSON (${(e as Error).message})`);
  }
  if (!isObject(j)) throw new SettingsError('the top level is not a JSON object');
  if (j.hooks !== undefined && !isObject(j.hooks)) throw new SettingsError('"hooks" is not an object');
  for (const ev of ['PreToolUse', 'SessionStart']) {
    const h = isObject(j.hooks) ? j.hooks[ev] : undefined;
    if (h !== undefined && !Array.isArray(h)) throw new SettingsError(`"hooks.${ev}" is not an array`);
  }
  return j;
}

/** The indentation the file already uses (two spaces when it cannot tell). */
export function detectIndent(text: string): string {
  const m = /^\{\r?\n([ \t]+)\S/.exec(text);
  return m ? m[1] : '  ';
}

export function render(j: Json, indent: string): string {
  return JSON.stringify(j, null, indent) + '\n';
}

/** True for a hook command written by any version of `rampart setup claude-code`. */
export function isRampartCommand(cmd: unknown): boolean {
  return typeof cmd === 'string' && (/(^|[/'"])rampart-hook['"]?(\s|$)/.test(cmd) || /\bhook claude-code\b/.test(cmd));
}

const handler = (command: string, timeout: number) => ({ type: 'command', command, timeout });

/** Removes our handlers from one event's groups; drops groups left empty by it. */
function strip(groups: unknown[], ours: (cmd: unknown) => boolean): { groups: unknown[]; removed: number } {
  let removed = 0;
  const out: unknown[] = [];
  for (const g of groups) {
    if (!isObject(g) || !Array.isArray(g.hooks)) {
      out.push(g);
      continue;
    }
    const kept = g.hooks.filter((h) => !(isObject(h) && ours(h.command)));
    removed += g.hooks.length - kept.length;
    if (kept.length === g.hooks.length) out.push(g);
    else if (kept.length > 0) out.push({ ...g, hooks: kept });
  }
  return { groups: out, removed };
}

/** True when `groups` hold exactly our group, once, as we would write it. */
function hasExactly(groups: unknown[], want: Json): boolean {
  const ours = groups.filter((g) => isObject(g) && Array.isArray(g.hooks) && g.hooks.some((h) => isObject(h) && isRampartCommand(h.command)));
  return ours.length === 1 && JSON.stringify(ours[0]) === JSON.stringify(want);
}

function upsert(hooks: Json, event: string, want: Json, added: Added, key: 'preToolUseKey' | 'sessionStartKey'): boolean {
  const cur = hooks[event] as unknown[] | undefined;
  if (cur && hasExactly(cur, want)) return false;
  if (!cur) added[key] = true;
  hooks[event] = [...strip(cur ?? [], isRampartCommand).groups, want];
  return true;
}

/** Sandbox on: the decision socket must be reachable from sandboxed Bash commands. */
function allowSocket(j: Json, socket: string, platform: NodeJS.Platform, added: Added): boolean {
  const sb = j.sandbox;
  if (!isObject(sb) || sb.enabled !== true) return false;
  if (sb.network !== undefined && !isObject(sb.network)) throw new SettingsError('"sandbox.network" is not an object');
  if (!sb.network) {
    sb.network = {};
    added.sandboxNetworkKey = true;
  }
  const net = sb.network as Json;
  if (platform === 'darwin') {
    // allowUnixSockets is macOS-only; Linux ignores it.
    const list = net.allowUnixSockets;
    if (list !== undefined && !Array.isArray(list)) throw new SettingsError('"sandbox.network.allowUnixSockets" is not an array');
    if (list?.includes(socket)) return false;
    net.allowUnixSockets = [...(list ?? []), socket];
    added.allowUnixSockets = { path: socket, createdList: !list };
    return true;
  }
  // On Linux and WSL2 the all-or-nothing switch is the only way to permit a Unix socket.
  if (net.allowAllUnixSockets === true) return false;
  added.allowAllUnixSockets = 'allowAllUnixSockets' in net ? { previous: net.allowAllUnixSockets } : {};
  net.allowAllUnixSockets = true;
  return true;
}

/** `env.CLAUDE_CODE_SHELL_PREFIX`: ours under --contain, and no longer ours without it. */
function setShellPrefix(j: Json, prefix: string | undefined, added: Added): boolean {
  if (j.env !== undefined && !isObject(j.env)) throw new SettingsError('"env" is not an object');
  const env = j.env as Json | undefined;
  const current = env?.CLAUDE_CODE_SHELL_PREFIX;
  if (!prefix) {
    // A setup without --contain takes a prefix of ours out (a user's own stays).
    if (typeof current === 'string' && isRampartPrefix(current) && env) {
      delete env.CLAUDE_CODE_SHELL_PREFIX;
      if (Object.keys(env).length === 0) delete j.env;
      return true;
    }
    return false;
  }
  if (current === prefix) return false;
  if (current !== undefined && !(typeof current === 'string' && isRampartPrefix(current))) {
    throw new SettingsError(`"env.CLAUDE_CODE_SHELL_PREFIX" is already set to ${JSON.stringify(current)}; containment needs it (remove it, or run setup without --contain)`);
  }
  if (!env) j.env = {};
  added.shellPrefix = { value: prefix, createdEnv: !env, ...(current !== undefined ? { previous: current } : {}) };
  (j.env as Json).CLAUDE_CODE_SHELL_PREFIX = prefix;
  return true;
}

/** True for the shell prefix `setup --contain` writes. */
export function isRampartPrefix(value: string): boolean {
  return /(^|\/)rampart-contain$/.test(value);
}

export interface MergeResult {
  text: string;
  changed: boolean;
  /** What this run added (merge it into the stored record). */
  added: Added;
  notes: string[];
}

/** Merges our hooks into a settings file's text (undefined: no file yet). */
export function mergeSettings(text: string | undefined, ours: OurHooks, platform: NodeJS.Platform): MergeResult {
  const j = parseSettings(text ?? '');
  const indent = text ? detectIndent(text) : '  ';
  const added: Added = {};
  const notes: string[] = [];
  if (!isObject(j.hooks)) {
    j.hooks = {};
    added.hooksKey = true;
  }
  const hooks = j.hooks as Json;
  let changed = upsert(hooks, 'PreToolUse', { matcher: PRE_TOOL_USE_MATCHER, hooks: [handler(ours.preToolUse, PRE_TOOL_USE_TIMEOUT)] }, added, 'preToolUseKey');
  // No matcher: every source (startup, resume, clear, compact), since the env file is not
  // carried over on resume or /clear.
  changed = upsert(hooks, 'SessionStart', { hooks: [handler(ours.sessionStart, SESSION_START_TIMEOUT)] }, added, 'sessionStartKey') || changed;
  changed = allowSocket(j, ours.socket, platform, added) || changed;
  changed = setShellPrefix(j, ours.shellPrefix, added) || changed;
  if (j.disableAllHooks === true) notes.push('this file sets "disableAllHooks": true, so Claude Code runs no hooks at all (Rampart included)');
  const out = render(j, indent);
  return { text: changed || text === undefined ? out : text, changed: changed || text === undefined, added, notes };
}

/** Takes out what setup added: our handlers (by signature), keys we created, the sandbox allowance. */
export function removeFromSettings(text: string, added: Added): { text: string; changed: boolean } {
  const j = parseSettings(text);
  let changed = false;
  if (isObject(j.hooks)) {
    const hooks = j.hooks;
    for (const [ev, key] of [['PreToolUse', 'preToolUseKey'], ['SessionStart', 'sessionStartKey']] as const) {
      if (!Array.isArray(hooks[ev])) continue;
      const r = strip(hooks[ev] as unknown[], isRampartCommand);
      if (r.removed === 0) continue;
      changed = true;
      if (r.groups.length === 0 && added[key]) delete hooks[ev];
      else hooks[ev] = r.groups;
    }
    if (added.hooksKey && Object.keys(hooks).length === 0) {
      delete j.hooks;
      changed = true;
    }
  }
  const env = isObject(j.env) ? j.env : undefined;
  if (env && typeof env.CLAUDE_CODE_SHELL_PREFIX === 'string' && isRampartPrefix(env.CLAUDE_CODE_SHELL_PREFIX)) {
    delete env.CLAUDE_CODE_SHELL_PREFIX;
    if (Object.keys(env).length === 0 && added.shellPrefix?.createdEnv) delete j.env;
    changed = true;
  }
  const net = isObject(j.sandbox) && isObject(j.sandbox.network) ? j.sandbox.network : undefined;
  if (net && added.allowAllUnixSockets && net.allowAllUnixSockets === true) {
    if ('previous' in added.allowAllUnixSockets) net.allowAllUnixSockets = added.allowAllUnixSockets.previous;
    else delete net.allowAllUnixSockets;
    changed = true;
  }
  if (net && added.allowUnixSockets && Array.isArray(net.allowUnixSockets) && net.allowUnixSockets.includes(added.allowUnixSockets.path)) {
    const rest = net.allowUnixSockets.filter((p) => p !== added.allowUnixSockets!.path);
    if (rest.length === 0 && added.allowUnixSockets.createdList) delete net.allowUnixSockets;
    else net.allowUnixSockets = rest;
    changed = true;
  }
  if (net && added.sandboxNetworkKey && Object.keys(net).length === 0 && isObject(j.sandbox)) {
    delete j.sandbox.network;
    changed = true;
  }
  return { text: changed ? render(j, detectIndent(text)) : text, changed };
}

/** Our PreToolUse command as installed in a settings text, if any. */
export function installedPreToolUse(text: string): string | undefined {
  const j = parseSettings(text);
  const groups = isObject(j.hooks) && Array.isArray(j.hooks.PreToolUse) ? j.hooks.PreToolUse : [];
  for (const g of groups) {
    if (!isObject(g) || !Array.isArray(g.hooks)) continue;
    for (const h of g.hooks) if (isObject(h) && isRampartCommand(h.command)) return h.command as string;
  }
  return undefined;
}
