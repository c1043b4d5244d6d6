// Word expansions the parser can do statically: brace expansion (`{curl,-d,@.env}`) and unquoted `$IFS` splitting.
import { buildWord, wordsFromPieces } from './word-build.js';
import type { QuoteKind, Word, WordPart } from './types.js';

/** Most words one brace expression may produce before we give up expanding it. */
const MAX_BRACE_WORDS = 256;

/** Applies brace expansion, then splits at unquoted `$IFS` (default IFS: each becomes a field break). */
export function expandWords(words: Word[]): Word[] {
  return words.flatMap(expandBraces).flatMap(splitIfs);
}

/** `cat${IFS}/etc/passwd` → `cat`, `/etc/passwd`; the pieces keep the original raw text. */
export function splitIfs(w: Word): Word[] {
  const isIfs = (p: WordPart): boolean => p.kind === 'param' && p.name === 'IFS' && !p.quoted && !p.op && !p.length && !p.indirect;
  if (!w.parts.some(isIfs)) return [w];
  return wordsFromPieces(w.parts.map((p) => (isIfs(p) ? null : p)), w);
}

type Item = { ch: string; quote: QuoteKind } | { part: WordPart };

/** Bash brace expansion over the unquoted literal characters of a word. */
export function expandBraces(w: Word): Word[] {
  if (!w.parts.some((p) => p.kind === 'literal' && p.quote === 'none' && p.text.includes('{'))) return [w];
  const items: Item[] = [];
  for (const p of w.parts) {
    if (p.kind === 'literal') for (const ch of p.text) items.push({ ch, quote: p.quote });
    else items.push({ part: p });
  }
  const out = expand(items, 0);
  if (!out || out.length === 1) return [w];
  return out.map((seq) => {
    const parts: WordPart[] = [];
    for (const it of seq) {
      if ('part' in it) parts.push(it.part);
      else {
        const last = parts[parts.length - 1];
        if (last?.kind === 'literal' && last.quote === it.quote) last.text += it.ch;
        else parts.push({ kind: 'literal', text: it.ch, quote: it.quote });
      }
    }
    return buildWord(parts, w.raw, w.start, w.end);
  });
}

const active = (it: Item | undefined, ch: string): boolean => !!it && 'ch' in it && it.quote === 'none' && it.ch === ch;

/** Expands the first brace expression in `items` (recursively); null when it would exceed the cap. */
function expand(items: Item[], depth: number): Item[][] | null {
  if (depth > 16) return null;
  for (let open = 0; open < items.length; open++) {
    if (!active(items[open], '{') || active(items[open - 1], '$')) continue;
    const alts = alternatives(items, open);
    if (!alts) continue;
    const { choices, close } = alts;
    const prefix = items.slice(0, open);
    const suffix = items.slice(close + 1);
    const out: Item[][] = [];
    for (const c of choices) {
      const sub = expand([...prefix, ...c, ...suffix], depth + 1);
      if (!sub || out.length + sub.length > MAX_BRACE_WORDS) return null;
      out.push(...sub);
    }
    return out;
  }
  return [items];
}

/** The comma alternatives (or `a..b` sequence) of the brace opened at `open`, if it is one. */
function alternatives(items: Item[], open: number): { choices: Item[][]; close: number } | null {
  let depth = 0;
  const commas: number[] = [];
  for (let i = open + 1; i < items.length; i++) {
    if (active(items[i], '{')) depth++;
    else if (active(items[i], '}')) {
      if (depth-- > 0) continue;
      if (commas.length) {
        const bounds = [open, ...commas, i];
        const choices = bounds.slice(1).map((b, k) => items.slice(bounds[k]! + 1, b));
        return { choices, close: i };
      }
      return sequence(items, open, i);
    } else if (depth === 0 && active(items[i], ',')) commas.push(i);
  }
  return null;
}

/** `{1..5}`, `{a..e}`, `{1..10..2}` when every character between the braces is unquoted literal. */
function sequence(items: Item[], open: number, close: number): { choices: Item[][]; close: number } | null {
  const inner = items.slice(open + 1, close);
  if (!inner.every((it) => 'ch' in it && it.quote === 'none')) return null;
  const text = inner.map((it) => ('ch' in it ? it.ch : '')).join('');
  const m = /^(-?\d+|[A-Za-z])\.\.(-?\d+|[A-Za-z])(?:\.\.(-?\d+))?$/.exec(text);
  if (!m) return null;
  const numeric = /\d/.test(m[1]!);
  if (numeric !== /\d/.test(m[2]!)) return null;
  const a = numeric ? Number(m[1]) : m[1]!.charCodeAt(0);
  const b = numeric ? Number(m[2]) : m[2]!.charCodeAt(0);
  const step = Math.abs(Number(m[3] ?? 1)) || 1;
  if (Math.abs(b - a) / step >= MAX_BRACE_WORDS) return null;
  const choices: Item[][] = [];
  for (let v = a; a <= b ? v <= b : v >= b; v += a <= b ? step : -step) {
    const s = numeric ? String(v) : String.fromCharCode(v);
    choices.push([...s].map((ch) => ({ ch, quote: 'escape' as QuoteKind })));
  }
  return { choices, close };
}
