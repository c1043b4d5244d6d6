// Codex CLI's files, pure: our PreToolUse and SessionStart hooks in $CODEX_HOME/hooks.json, and
// in $CODEX_HOME/config.toml the trust Codex requires before it runs a hook (silently skipping
// an untrusted or "modified" one) plus the shell tool's PATH with the shims first.
//
// Codex 0.171 records trust per handler as
//   [hooks.state."<hooks file>:<event>:<group>:<handler>"] trusted_hash = "sha256:<hex>"
// where the hash is SHA-256 over the compact, key-sorted JSON of
//   {event_name, matcher?, hooks: [{type, command, timeout, async}]}
// (checked against `codex app-server` hooks/list for every handler shape we write; the e2e test
// proves the real client runs the hooks setup trusts). Its shell tool runs `bash -lc`, and a
// login shell resets PATH from /etc/profile; `shell_environment_policy.set.PATH` survives that
// and is taken literally (no $PATH expansion), so setup writes the PATH it sees, shims first.
import { createHash } from 'node:crypto';
import { parse as parseToml } from 'smol-toml';
import { ConfigTextError, type FileChange } from '../shared/managed-file.js';
import { isObject, mergeHookGroups, parseHooksFile, stripHookGroups, type HookGroupsAdded } from '../shared/hook-json.js';

/** Every tool (Bash, apply_patch, MCP tools): what is not seen is not judged. */
export const MATCHER = '*';
/** Seconds. Codex runs the tool when a hook times out; ours ends itself (exit 2) after 10 s. */
export const PRE_TOOL_USE_TIMEOUT = 15;
export const SESSION_START_TIMEOUT = 30;

export interface CodexHooks {
  preToolUse: string;
  sessionStart: string;
}

type Json = Record<string, unknown>;
const EVENTS = ['PreToolUse', 'SessionStart'] as const;

/** True for a hook command written by `rampart setup codex`. */
export function isOurs(cmd: unknown): boolean {
  return typeof cmd === 'string' && (/(^|[/'"])rampart-hook['"]? codex\b/.test(cmd) || /\bhook codex\b/.test(cmd));
}

export const parseHooksJson = (text: string | undefined) => parseHooksFile(text, EVENTS);
export type HooksAdded = HookGroupsAdded;

/** hooks.json with our two groups last (after any of the user's), replacing older ones of ours. */
export function mergeHooksJson(before: string | undefined, ours: CodexHooks): FileChange<HookGroupsAdded> {
  return mergeHookGroups(before, [
    ['PreToolUse', { matcher: MATCHER, hooks: [{ type: 'command', command: ours.preToolUse, timeout: PRE_TOOL_USE_TIMEOUT }] }],
    ['SessionStart', { hooks: [{ type: 'command', command: ours.sessionStart, timeout: SESSION_START_TIMEOUT }] }],
  ], isOurs);
}

export const stripHooksJson = (text: string, added: HookGroupsAdded) => stripHookGroups(text, added, EVENTS, isOurs);

const EVENT_KEYS: Record<string, string> = { PreToolUse: 'pre_tool_use', SessionStart: 'session_start' };
const canon = (v: unknown): unknown =>
  Array.isArray(v) ? v.map(canon) : isObject(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, canon(v[k])])) : v;

/** Codex's trust entries (key → sha256) for our handlers in a hooks.json text at `file`. */
export function trustEntries(file: string, hooksText: string): { key: string; hash: string }[] {
  const j = parseHooksJson(hooksText);
  const out: { key: string; hash: string }[] = [];
  for (const [event, ev] of Object.entries(EVENT_KEYS)) {
    const groups = isObject(j.hooks) && Array.isArray(j.hooks[event]) ? (j.hooks[event] as unknown[]) : [];
    groups.forEach((g, gi) => {
      if (!isObject(g) || !Array.isArray(g.hooks)) return;
      g.hooks.forEach((h, hi) => {
        if (!isObject(h) || h.type !== 'command' || !isOurs(h.command)) return;
        const timeout = Math.max(1, Number(h.timeout ?? h.timeoutSec ?? 600));
        const handler: Json = { type: 'command', command: h.command, timeout, async: Boolean(h.async) };
        if (typeof h.statusMessage === 'string') handler.statusMessage = h.statusMessage;
        const identity: Json = { event_name: ev, hooks: [handler] };
        if (typeof g.matcher === 'string') identity.matcher = g.matcher;
        const hash = 'sha256:' + createHash('sha256').update(JSON.stringify(canon(identity))).digest('hex');
        out.push({ key: `${file}:${ev}:${gi}:${hi}`, hash });
      });
    });
  }
  return out;
}

const BEGIN = '# >>> rampart: added by `rampart setup codex` (hook trust, shims first on the shell PATH); `rampart setup codex --remove` takes it out';
const END = '# <<< rampart';

/** The text without our marked block (and the blank line before it). */
function withoutBlock(text: string): string {
  const b = text.indexOf(BEGIN);
  if (b < 0) return text;
  const e = text.indexOf(END, b);
  const end = e < 0 ? text.length : e + END.length + (text[e + END.length] === '\n' ? 1 : 0);
  return (text.slice(0, b).replace(/\n\n$/, '\n') + text.slice(end));
}

const q = (s: string) => JSON.stringify(s); // a TOML basic string is a JSON string for our characters

function tomlParse(text: string): Json {
  try {
    return parseToml(text) as Json;
  } catch (e) {
    throw new ConfigTextError(`not valid TOML (${(e as Error).message.split('\n')[0]})`);
  }
}

export interface TomlAdded {
  block?: boolean;
}

/**
 * config.toml with our block at the end: a trust entry per hook and the shell tool's PATH. A file
 * that already sets the shell PATH policy keeps it (we say so); one where our block would clash
 * with the user's own tables is refused rather than broken.
 */
export function mergeConfigToml(before: string | undefined, trust: { key: string; hash: string }[], shellPath: string | undefined): FileChange<TomlAdded> {
  const base = withoutBlock(before ?? '');
  const parsed = tomlParse(base);
  const notes: string[] = [];
  const sep = isObject(parsed.shell_environment_policy) ? parsed.shell_environment_policy : undefined;
  let pathLine = shellPath !== undefined;
  if (sep && (sep.set !== undefined || sep.inherit === 'none')) {
    pathLine = false;
    notes.push('config.toml already sets [shell_environment_policy]; add the Rampart shims directory first to its PATH yourself, or start Codex with `rampart run -- codex`');
  }
  const hooks = isObject(parsed.hooks) ? parsed.hooks : undefined;
  const state = hooks && isObject(hooks.state) ? hooks.state : undefined;
  for (const t of trust) if (state && state[t.key] !== undefined) throw new ConfigTextError(`it already holds a trust entry for ${t.key} that setup did not write`);
  const lines = [BEGIN];
  for (const t of trust) lines.push(`[hooks.state.${q(t.key)}]`, `trusted_hash = ${q(t.hash)}`);
  if (pathLine) lines.push('[shell_environment_policy.set]', `PATH = ${q(shellPath!)}`);
  lines.push(END);
  const head = base === '' ? '' : base.endsWith('\n') ? base + '\n' : base + '\n\n';
  const text = head + lines.join('\n') + '\n';
  // What we append must parse with the rest, and say what we meant.
  const check = tomlParse(text);
  const st = (check.hooks as Json | undefined)?.state as Json | undefined;
  for (const t of trust) if (!isObject(st?.[t.key]) || (st![t.key] as Json).trusted_hash !== t.hash) throw new ConfigTextError('our trust entries would not read back as written');
  return { text, changed: text !== before, added: { block: true }, notes };
}

export function stripConfigToml(text: string): { text: string; changed: boolean } {
  const next = withoutBlock(text);
  return { text: next, changed: next !== text };
}

/** What config.toml says about hooks for `--check`: disabled features, our trust state. */
export function tomlHookState(text: string | undefined, trust: { key: string; hash: string }[]): { problems: string[]; shellPath?: string } {
  const problems: string[] = [];
  const j = text ? tomlParse(text) : {};
  const features = isObject(j.features) ? j.features : {};
  if (features.hooks === false || features.codex_hooks === false) problems.push('config.toml turns hooks off ([features] hooks = false)');
  const state = isObject(j.hooks) && isObject(j.hooks.state) ? j.hooks.state : {};
  for (const t of trust) {
    const s = state[t.key];
    if (!isObject(s) || s.trusted_hash === undefined) problems.push(`no trust entry for ${t.key}: Codex skips the hook silently`);
    else if (s.trusted_hash !== t.hash) problems.push(`the trust entry for ${t.key} does not match the hook (Codex treats it as modified and skips it silently)`);
    if (isObject(s) && s.enabled === false) problems.push(`${t.key} is disabled (enabled = false)`);
  }
  const sep = isObject(j.shell_environment_policy) ? j.shell_environment_policy : {};
  const set = isObject(sep.set) ? sep.set : {};
  return { problems, ...(typeof set.PATH === 'string' ? { shellPath: set.PATH } : {}) };
}
