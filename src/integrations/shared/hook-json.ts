// A JSON hooks file in the shape Codex's hooks.json and Gemini's settings.json share:
// `{"hooks": {"<Event>": [{"matcher"?, "hooks": [{"type": "command", "command", …}]}]}}`.
// Our groups go last (after the user's), replacing older ones of ours; --remove takes out only
// handlers whose command is ours, and the keys we created. Key order and the rest survive.
import { ConfigTextError, type FileChange } from './managed-file.js';

type Json = Record<string, unknown>;
export const isObject = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x);

export interface HookGroupsAdded {
  /** We created the "hooks" object. */
  hooksKey?: boolean;
  /** Event lists we created. */
  events?: string[];
}

/** Parses the file; one that is not a JSON object with array-valued events is refused. */
export function parseHooksFile(text: string | undefined, events: readonly string[]): Json {
  if (text === undefined || text.trim() === '') return {};
  let j: unknown;
  try {
    j = JSON.parse(text);
  } catch (e) {
    throw new ConfigTextError(`not valid JSON (${(e as Error).message})`);
  }
  if (!isObject(j)) throw new ConfigTextError('the top level is not a JSON object');
  if (j.hooks !== undefined && !isObject(j.hooks)) throw new ConfigTextError('"hooks" is not an object');
  for (const ev of events) {
    const h = isObject(j.hooks) ? j.hooks[ev] : undefined;
    if (h !== undefined && !Array.isArray(h)) throw new ConfigTextError(`"hooks.${ev}" is not an array`);
  }
  return j;
}

/** One event's groups without our handlers (groups left empty go too). */
function strip(groups: unknown[], ours: (cmd: unknown) => boolean): unknown[] {
  return groups.flatMap((g) => {
    if (!isObject(g) || !Array.isArray(g.hooks)) return [g];
    const kept = g.hooks.filter((h) => !(isObject(h) && ours(h.command)));
    if (kept.length === g.hooks.length) return [g];
    return kept.length ? [{ ...g, hooks: kept }] : [];
  });
}

const detectIndent = (text: string | undefined) => (text ? /^\{\r?\n([ \t]+)\S/.exec(text)?.[1] : undefined) ?? '  ';

export function mergeHookGroups(before: string | undefined, want: [string, Json][], ours: (cmd: unknown) => boolean): FileChange<HookGroupsAdded> {
  const j = parseHooksFile(before, want.map(([e]) => e));
  const added: HookGroupsAdded = { events: [] };
  if (j.hooks === undefined) added.hooksKey = true;
  const hooks: Json = isObject(j.hooks) ? { ...j.hooks } : {};
  for (const [ev, group] of want) {
    if (hooks[ev] === undefined) added.events!.push(ev);
    hooks[ev] = [...strip((hooks[ev] as unknown[] | undefined) ?? [], ours), group];
  }
  const text = JSON.stringify({ ...j, hooks }, null, detectIndent(before)) + '\n';
  return { text, changed: text !== before, added, notes: [] };
}

export function stripHookGroups(text: string, added: HookGroupsAdded, events: readonly string[], ours: (cmd: unknown) => boolean): { text: string; changed: boolean } {
  const j = parseHooksFile(text, events);
  if (!isObject(j.hooks)) return { text, changed: false };
  const hooks: Json = { ...j.hooks };
  for (const ev of events) {
    if (!Array.isArray(hooks[ev])) continue;
    const kept = strip(hooks[ev] as unknown[], ours);
    if (kept.length === 0 && added.events?.includes(ev)) delete hooks[ev];
    else hooks[ev] = kept;
  }
  const out: Json = { ...j };
  if (Object.keys(hooks).length === 0 && added.hooksKey) delete out.hooks;
  else out.hooks = hooks;
  const next = JSON.stringify(out, null, detectIndent(text)) + '\n';
  return { text: next, changed: next !== text };
}

export const unionAdded = (a: HookGroupsAdded, b: HookGroupsAdded): HookGroupsAdded => ({
  hooksKey: Boolean(a.hooksKey || b.hooksKey),
  events: [...new Set([...(a.events ?? []), ...(b.events ?? [])])],
});
