// Derives a Word's summary fields (value, static, glob, tilde, substitutions, variables) from its parts.
import type { Command, LiteralPart, QuoteKind, Redirect, Script, Word, WordPart } from './types.js';

const GLOB = /[*?]|\[[^\]]*\]/;

/** Builds a Word from parts; unresolved expansions contribute their raw text to `value`. */
export function buildWord(parts: WordPart[], raw: string, start: number, end: number): Word {
  let value = '';
  let isStatic = true;
  let glob = false;
  let tilde = false;
  const substitutions: Script[] = [];
  const variables: string[] = [];
  const absorb = (w: Word): void => {
    substitutions.push(...w.substitutions);
    variables.push(...w.variables);
  };
  for (const p of parts) {
    switch (p.kind) {
      case 'literal':
        value += p.text;
        if (p.quote === 'none' && GLOB.test(p.text)) glob = true;
        break;
      case 'tilde':
        value += p.text;
        tilde = true;
        break;
      case 'param':
        value += p.raw;
        isStatic = false;
        variables.push(p.name);
        if (p.arg) absorb(p.arg);
        break;
      case 'command-sub':
      case 'process-sub':
        value += p.raw;
        isStatic = false;
        substitutions.push(p.script);
        break;
      case 'arith':
        value += p.raw;
        isStatic = false;
        absorb(p.expression);
        break;
      case 'array':
        value += p.raw;
        isStatic = false;
        p.elements.forEach(absorb);
        break;
    }
  }
  return { raw, start, end, parts, value, static: isStatic, glob, tilde, substitutions, variables };
}

/** Appends a literal, merging it into the previous part when the quoting matches. */
export function pushLiteral(parts: WordPart[], text: string, quote: QuoteKind): void {
  const last = parts[parts.length - 1];
  if (last && last.kind === 'literal' && last.quote === quote) last.text += text;
  else parts.push({ kind: 'literal', text, quote } satisfies LiteralPart);
}

/** A static word holding exactly `text` (used for quoted heredoc bodies and `[[` operators). */
export function literalWord(text: string, quote: QuoteKind, raw: string, start: number): Word {
  return buildWord([{ kind: 'literal', text, quote }], raw, start, start + raw.length);
}

/**
 * Groups parts into words at field breaks (`null`), as unquoted `$IFS` or an unquoted expanded
 * value does. Each resulting word keeps the source `raw` and span of the original word.
 */
export function wordsFromPieces(pieces: (WordPart | null)[], like: Word): Word[] {
  const out: Word[] = [];
  let cur: WordPart[] = [];
  const flush = (): void => {
    if (cur.length) out.push(buildWord(cur, like.raw, like.start, like.end));
    cur = [];
  };
  for (const p of pieces) {
    if (p === null) flush();
    else if (p.kind === 'literal' && p.text === '' && p.quote === 'none') continue;
    else if (p.kind === 'literal') pushLiteral(cur, p.text, p.quote);
    else cur.push(p);
  }
  flush();
  return out;
}

/**
 * A word's text where `$` may expand (`$NAME`, `${!n}`, `${X:-$Y}`, `$((…))`): single-quoted text expands nothing, and a
 * command substitution's text is its script's, judged as a command of its own — the here-document in
 * `git commit -m "$(cat <<'EOF' … $TOKEN … EOF)"` is literal text. (Read from the raw text, less the substitutions the
 * parts hold: a word rebuilt for a function's call keeps its expansions only there.)
 */
export function expansionsOf(w: Word): string {
  let raw = w.raw;
  // (…where a substitution's own script stands for it: sed "s/x/$TOKEN/" in it expands TOKEN, a quoted here-document nothing.)
  for (const p of w.parts) if (p.kind === 'command-sub' || p.kind === 'process-sub') raw = raw.replace(p.raw, () => ` ${scriptExpansions(p.script)} `);
  return arithmeticNames(expandingText(raw));
}

/**
 * Arithmetic reads variables by bare name: `$((TOKEN))`, `$[TOKEN]` (bash's old form) and `$((TOKEN+0))` expand TOKEN's value
 * (a numeric secret — a PIN, an account number — whole), so each name there is written `$NAME` for the readers of this text.
 * (Not a base's digits — 16#ff — nor a hexadecimal literal's.)
 */
function arithmeticNames(text: string): string {
  return text.replace(/\$\(\(([\s\S]*?)\)\)|\$\[([^\]]*)\]/g, (_m, a: string | undefined, b: string | undefined) => ` ${(a ?? b ?? '').replace(/(^|[^\w$#])([A-Za-z_]\w*)/g, '$1$$$2')} `);
}

/** A word's raw text less what is single-quoted or escaped, where nothing expands (see expansionsOf). */
export function expandingText(raw: string): string {
  let out = '';
  let dq = false;
  for (let k = 0; k < raw.length; k++) {
    const c = raw[k]!;
    // (\$ and \" are the characters themselves, in double quotes too.)
    if (c === '\\') { out += raw[k + 1] === '$' ? ' ' : raw.slice(k, k + 2); k++; continue; }
    if (c === '"') dq = !dq;
    if (c === "'" && !dq) {
      const end = raw.indexOf("'", k + 1);
      if (end < 0) return out + raw.slice(k);
      k = end;
      continue;
    }
    out += c;
  }
  return out;
}

/**
 * The expansions a substitution's script makes, read the same way: its commands' words, assignments, here-strings and
 * unquoted here-documents. What the script does with them is not modelled for every program — sed "s/x/$TOKEN/", xargs
 * echo <<< "$TOKEN", jq --arg t "$TOKEN", awk -v t="$TOKEN" print them — so a credential the script expands is one the
 * word may carry; a quoted here-document's `$TOKEN` is text and expands nothing.
 */
function scriptExpansions(sc: Script): string {
  const out: string[] = [];
  const redirects = (rs: readonly Redirect[]) => { for (const r of rs) { out.push(expansionsOf(r.target)); if (r.heredoc && !r.heredoc.quoted) out.push(expansionsOf(r.heredoc.content)); } };
  const script = (x: Script | null) => { for (const l of x?.body ?? []) for (const p of l.pipelines) for (const c of p.commands) command(c); };
  const command = (c: Command): void => {
    redirects(c.redirects);
    switch (c.kind) {
      case 'simple': for (const a of c.assignments) out.push(expansionsOf(a.value)); for (const x of c.words) out.push(expansionsOf(x)); return;
      case 'subshell': case 'group': script(c.body); return;
      case 'if': for (const k of c.clauses) { script(k.condition); script(k.body); } script(c.elseBody); return;
      case 'for': for (const x of c.items ?? []) out.push(expansionsOf(x)); script(c.body); return;
      case 'while': case 'until': script(c.condition); script(c.body); return;
      case 'case': out.push(expansionsOf(c.subject)); for (const i of c.items) script(i.body); return;
      case 'function': command(c.body); return;
      case 'arith': out.push(expansionsOf(c.expression)); return;
    }
  };
  script(sc);
  return out.filter(Boolean).join(' ');
}
