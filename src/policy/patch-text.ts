// Codex's patch format (apply_patch): which files a patch writes and deletes, and the lines each file gains. Read by the
// tool-call judge (the apply_patch tool) and by the line judge (apply_patch run as a shell command, as Codex models do).

import { quote } from './line/unwrap.js';

// (Codex trims a hunk's first line before it reads the marker: an indented header is a header.)
const BEGIN = /^[ \t]*\*\*\* Begin Patch\s*$/m;
const HEAD = /^[ \t]*\*\*\* (Add File|Update File|Move to|Delete File): (.+?)\s*$/;

export interface PatchEffect {
  /** Files added, updated or moved onto, in order. */
  writes: string[];
  deletes: string[];
  /** The lines each written file gains (`+` lines; a moved file's under its new name). */
  added: Map<string, string[]>;
}

/** What a patch does; undefined when the text is no patch or names no file. */
export function readPatch(text: string): PatchEffect | undefined {
  if (!BEGIN.test(text)) return undefined;
  const effect: PatchEffect = { writes: [], deletes: [], added: new Map() };
  let file: string | undefined;
  for (const line of text.split('\n')) {
    const head = HEAD.exec(line);
    if (head) {
      file = head[1] === 'Delete File' ? undefined : head[2]!;
      (head[1] === 'Delete File' ? effect.deletes : effect.writes).push(head[2]!);
    } else if (file !== undefined && line.startsWith('+')) effect.added.set(file, [...(effect.added.get(file) ?? []), line.slice(1)]);
  }
  return effect.writes.length || effect.deletes.length ? effect : undefined;
}

/** Shell lines that do what a patch does — each written file given its added lines, each deleted file removed — for
 *  the line judge to read as it reads any writes and deletes. */
export function patchAsShell(patch: PatchEffect): string {
  const all = [...patch.added.values()].flat().join('\n');
  let end = 'RAMPART_PATCH';
  while (all.includes(end)) end += '_';
  return [...patch.writes.map((p) => `cat > ${quote(p)} <<'${end}'\n${(patch.added.get(p) ?? []).join('\n')}\n${end}`), ...patch.deletes.map((p) => `rm -f ${quote(p)}`)].join('\n');
}

/** Whether the text opens a Codex patch (`*** Begin Patch`, indented or not). */
export const isPatch = (text: string): boolean => BEGIN.test(text);
