// Reads one word: quotes, escapes, expansions, tilde; stops at the first unquoted metacharacter.
import { Cursor, META } from './cursor.js';
import { readAnsiC } from './ansi-c.js';
import { readArray, readBacktick, readDollar, readProcessSub } from './expansion.js';
import { buildWord, pushLiteral } from './word-build.js';
import type { Word, WordPart } from './types.js';

/**
 * normal: command words; brace: the operand of `${x:-…}` (ends at `}`); quoted-brace: an operand where `'` is a plain
 * character (it still pairs, so a `}` between two of them ends nothing) — `${x:-…}`, `${x+…}`, `${x=…}` inside double
 * quotes or a here-document, and a substring's `${x:…}` anywhere; arith: `$(( … ))` body (ends at an unbalanced `)`);
 * arith-bracket: `$[ … ]` body (ends at an unbalanced `]`) — in both, as in any arithmetic, `'` is a character too;
 * heredoc: an unquoted heredoc body (runs to the end of the text).
 */
export type WordMode = 'normal' | 'brace' | 'quoted-brace' | 'arith' | 'arith-bracket' | 'heredoc';

const ASSIGN_PREFIX = /^[A-Za-z_][A-Za-z0-9_]*(\[[^\]]*\])?\+?=$/;

/** Reads a word at the cursor in the given mode; may be empty when the cursor is at a terminator. */
export function readWord(cur: Cursor, mode: WordMode = 'normal'): Word {
  cur.enter();
  const start = cur.pos;
  const parts: WordPart[] = [];
  let plain: string | null = ''; // unquoted text so far, while the word is all unquoted literal
  let tildeOk = mode === 'normal';
  let depth = 0;
  while (!cur.done) {
    cur.tick();
    const c = cur.peek();
    if (mode === 'normal') {
      if ((c === '<' || c === '>') && cur.peek(1) === '(') {
        parts.push(readProcessSub(cur));
        plain = null;
        continue;
      }
      if (c === '(' && plain !== null && ASSIGN_PREFIX.test(plain)) {
        parts.push(readArray(cur));
        plain = null;
        continue;
      }
      // An extended glob (extglob): `!(node_modules)`, `+(*.ts|*.js)`, `@(a|b)` — one pattern word.
      // (Not `!(cmd args)` — a negated subshell — nor anything that does not close before a space.)
      const extEnd = c === '(' && /[?*+@!]$/.test(plain ?? lastUnquoted(parts)) ? extglobEnd(cur.text, cur.pos) : -1;
      if (extEnd > 0) {
        const end = extEnd;
        // Judged as the plain glob or brace list it matches like: `!(x)` is `*`, `@(a|b)` is {a,b}.
        const last = parts[parts.length - 1] as { text: string };
        const op = last.text.slice(-1);
        last.text = last.text.slice(0, -1);
        if (!last.text) parts.pop();
        const glob = extglobAsGlob(op, cur.text.slice(cur.pos + 1, end - 1));
        pushLiteral(parts, glob, 'none');
        if (plain !== null) plain = plain.slice(0, -1) + glob;
        cur.pos = end;
        continue;
      }
      if (META.has(c)) break;
      if (c === '~' && tildeOk && readTilde(cur, parts)) {
        tildeOk = false;
        plain = null;
        continue;
      }
    } else if ((mode === 'brace' || mode === 'quoted-brace') && c === '}') break;
    else if (mode === 'arith') {
      if (c === '(') depth++;
      else if (c === ')' && depth-- === 0) break;
    } else if (mode === 'arith-bracket') {
      if (c === '[') depth++;
      else if (c === ']' && depth-- === 0) break;
    }
    tildeOk = false;
    if (c === '\\') {
      readEscape(cur, parts, mode);
      plain = null;
    } else if (c === "'" && (mode === 'quoted-brace' || mode === 'arith' || mode === 'arith-bracket')) {
      readLiteralQuotes(cur, parts);
      plain = null;
    } else if (c === "'" && mode !== 'heredoc') {
      const end = cur.text.indexOf("'", cur.pos + 1);
      if (end < 0) cur.fail('unterminated single quote');
      pushLiteral(parts, cur.text.slice(cur.pos + 1, end), 'single');
      cur.pos = end + 1;
      plain = null;
    } else if (c === '"' && mode !== 'heredoc') {
      readDoubleQuoted(cur, parts);
      plain = null;
    } else if (c === '$' && cur.peek(1) === "'" && mode !== 'heredoc') {
      const r = readAnsiC(cur.text, cur.pos);
      if (!r) cur.fail("unterminated $'…' quote");
      pushLiteral(parts, r.value, 'ansi');
      cur.pos = r.end;
      plain = null;
    } else if (c === '$' && cur.peek(1) === '"' && mode !== 'heredoc') {
      cur.pos++;
      readDoubleQuoted(cur, parts);
      plain = null;
    } else if (c === '$' || c === '`') {
      parts.push(c === '$' ? readDollar(cur, mode === 'heredoc') : readBacktick(cur, mode === 'heredoc'));
      plain = null;
    } else {
      pushLiteral(parts, c, 'none');
      cur.pos++;
      if (plain !== null) {
        plain += c;
        // bash expands `~` after the `=` of an assignment and after `:` in its value
        if ((c === '=' || c === ':') && /^[A-Za-z_][A-Za-z0-9_]*(\[[^\]]*\])?\+?=/.test(plain)) tildeOk = true;
      }
    }
  }
  cur.leave();
  return buildWord(parts, cur.text.slice(start, cur.pos), cur.at(start), cur.at(cur.pos));
}

function readEscape(cur: Cursor, parts: WordPart[], mode: WordMode): void {
  const n = cur.peek(1);
  if (n === '') {
    pushLiteral(parts, '\\', 'none');
    cur.pos++;
  } else if (n === '\n') {
    cur.pos += 2;
  } else if (mode === 'heredoc' && !'$`\\'.includes(n)) {
    pushLiteral(parts, '\\', 'none');
    cur.pos++;
  } else {
    pushLiteral(parts, n, 'escape');
    cur.pos += 2;
  }
}

/** `~`, `~user` followed by `/`, `:`, a metacharacter or the end; otherwise the `~` is literal. */
function readTilde(cur: Cursor, parts: WordPart[]): boolean {
  const m = /^~[A-Za-z0-9._+-]*/.exec(cur.text.slice(cur.pos, cur.pos + 256))!;
  const next = cur.text[cur.pos + m[0].length] ?? '';
  if (next !== '' && next !== '/' && next !== ':' && !META.has(next)) return false;
  parts.push({ kind: 'tilde', text: m[0] });
  cur.pos += m[0].length;
  return true;
}

/** Reads `"…"` at the cursor into parts (quoted literals and expansions). */
export function readDoubleQuoted(cur: Cursor, parts: WordPart[]): void {
  const open = cur.pos;
  cur.pos++;
  pushLiteral(parts, '', 'double');
  for (;;) {
    cur.tick();
    if (cur.done) cur.fail('unterminated double quote', open);
    const c = cur.peek();
    if (c === '"') {
      cur.pos++;
      return;
    }
    if (c === '\\') {
      const n = cur.peek(1);
      if (n === '\n') cur.pos += 2;
      else if (n !== '' && '$`"\\'.includes(n)) {
        pushLiteral(parts, n, 'double');
        cur.pos += 2;
      } else {
        pushLiteral(parts, '\\', 'double');
        cur.pos++;
      }
    } else if (c === '$' || c === '`') {
      parts.push(c === '$' ? readDollar(cur, true) : readBacktick(cur, true));
    } else {
      pushLiteral(parts, c, 'double');
      cur.pos++;
    }
  }
}

/**
 * `'…'` in the operand of a `${x:-…}` that stands inside double quotes or a here-document, or in a substring's offset:
 * bash keeps the quotes as characters and expands what is between them — "${x:-'$(rm -rf ~)'}" runs rm.
 */
function readLiteralQuotes(cur: Cursor, parts: WordPart[]): void {
  const open = cur.pos;
  pushLiteral(parts, "'", 'double');
  cur.pos++;
  for (;;) {
    cur.tick();
    if (cur.done) cur.fail('unterminated single quote', open);
    const c = cur.peek();
    if (c === '$' || c === '`') {
      parts.push(c === '$' ? readDollar(cur, true) : readBacktick(cur, true));
      continue;
    }
    if (c === '\\' && '$`"\\'.includes(cur.peek(1)) && cur.peek(1) !== '') {
      pushLiteral(parts, cur.peek(1), 'double');
      cur.pos += 2;
      continue;
    }
    pushLiteral(parts, c, 'double');
    cur.pos++;
    if (c === "'") return;
  }
}

/** The unquoted text a word ends with so far ('' after a quote or an expansion). */
function lastUnquoted(parts: readonly WordPart[]): string {
  const last = parts[parts.length - 1];
  return last?.kind === 'literal' && last.quote === 'none' ? last.text : '';
}

/** The index just past the `)` that closes the extended glob opening at `(` (nested ones too); -1 if none. */
function extglobEnd(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\') i++;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i + 1;
    else if (c === '\n' || ((c === ' ' || c === '\t' || c === ';' || c === '&') && depth > 0)) return -1;
  }
  return -1;
}

/** An extended glob as the glob or brace list that names what it can match (`+(*.ts|*.js)` → `{*.ts,*.js}`). */
function extglobAsGlob(op: string, body: string): string {
  const alts = body.split('|');
  // (zsh's glob qualifiers keep the star: `*(.)` is `*`, and `*(D)`, `*(.D)` are every name, dot-files too.)
  if (op === '*' && /^[.\/@=p%rwxXsStfedlUGNDoOnL^:0-9-]+$/.test(body)) return body.includes('D') ? '{*,.*}' : '*';
  // (Negated, nested or holding a comma: it may match any name.)
  // (…and one that repeats single characters or classes may spell any name: .+(e|n|v) is .env, so it is a star.
  // Repeated words — *.+(orig|rej) — stay those words.)
  if (op === '!' || /[(){},]/.test(body) || ((op === '+' || op === '*') && alts.some((a) => /^(.|\[[^\]]*\]|\?)$/.test(a)))) return '*';
  const optional = op === '?' || op === '*' ? [''] : [];
  const all = [...optional, ...alts];
  return all.length === 1 ? all[0]! : `{${all.join(',')}}`;
}
