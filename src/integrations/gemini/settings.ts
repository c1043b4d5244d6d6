// Gemini CLI settings.json, pure: our BeforeTool and SessionStart hooks in, and exactly those out
// again. Gemini 0.61 reads a hook's stdout (else stderr) as JSON first whatever the exit code,
// times hooks in milliseconds, and matches tool names with an unanchored regex (`*` = all).
import type { FileChange } from '../shared/managed-file.js';
import { isObject, mergeHookGroups, parseHooksFile, stripHookGroups, type HookGroupsAdded } from '../shared/hook-json.js';

export type { HookGroupsAdded as GeminiAdded } from '../shared/hook-json.js';

export const MATCHER = '*';
/** Milliseconds. Gemini runs the tool when a hook times out; ours ends itself (exit 2) after 10 s. */
export const BEFORE_TOOL_TIMEOUT_MS = 15_000;
export const SESSION_START_TIMEOUT_MS = 30_000;
export const HOOK_NAME = 'rampart';

export interface GeminiHooks {
  beforeTool: string;
  sessionStart: string;
}

const EVENTS = ['BeforeTool', 'SessionStart'] as const;

export function isOurs(cmd: unknown): boolean {
  return typeof cmd === 'string' && (/(^|[/'"])rampart-hook['"]? gemini\b/.test(cmd) || /\bhook gemini\b/.test(cmd));
}

export const parseGeminiSettings = (text: string | undefined) => parseHooksFile(text, EVENTS);

export function mergeGeminiSettings(before: string | undefined, ours: GeminiHooks): FileChange<HookGroupsAdded> {
  const r = mergeHookGroups(before, [
    ['BeforeTool', { matcher: MATCHER, hooks: [{ name: HOOK_NAME, type: 'command', command: ours.beforeTool, timeout: BEFORE_TOOL_TIMEOUT_MS }] }],
    ['SessionStart', { hooks: [{ name: `${HOOK_NAME}-session`, type: 'command', command: ours.sessionStart, timeout: SESSION_START_TIMEOUT_MS }] }],
  ], isOurs);
  const hc = parseGeminiSettings(before).hooksConfig;
  if (isObject(hc) && hc.enabled === false) r.notes.push('settings turn hooks off ("hooksConfig": {"enabled": false}); Rampart\'s hook will not run until that is removed');
  if (isObject(hc) && Array.isArray(hc.disabled) && hc.disabled.some((d) => d === HOOK_NAME || isOurs(d))) r.notes.push('"hooksConfig.disabled" names Rampart\'s hook; it will not run until that entry is removed');
  return r;
}

export const stripGeminiSettings = (text: string, added: HookGroupsAdded) => stripHookGroups(text, added, EVENTS, isOurs);
