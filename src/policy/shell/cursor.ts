// Reading position over a text, shared limits, and the token-boundary helpers every parser step uses.
import type { Redirect } from './types.js';

/** Thrown inside the parser only; parseShell turns it into `{ok:false}`. */
export class ParseError extends Error {
  constructor(message: string, readonly position: number) {
    super(message);
  }
}

/** Limits shared by a top-level parse and every nested cursor (backticks, heredoc bodies). */
export interface Shared { depth: number; maxDepth: number; steps: number; maxSteps: number }

/** A heredoc whose body starts after the next newline token. */
export interface PendingHeredoc { redirect: Redirect; start: number }

/** Characters that end an unquoted word. */
export const META = new Set([' ', '\t', '\n', ';', '&', '|', '(', ')', '<', '>']);

/** A position in `text`; `offset` maps it back to the outermost input. */
export class Cursor {
  pos = 0;
  readonly heredocs: PendingHeredoc[] = [];
  /** How many `$( … )` / `<( … )` the cursor is inside: there bash ends a here-document at a line `DELIM…)` too. */
  substitutions = 0;

  constructor(readonly text: string, readonly offset: number, readonly shared: Shared) {}

  get done(): boolean {
    return this.pos >= this.text.length;
  }

  peek(ahead = 0): string {
    return this.text[this.pos + ahead] ?? '';
  }

  startsWith(s: string): boolean {
    return this.text.startsWith(s, this.pos);
  }

  /** Absolute position in the outermost input. */
  at(pos = this.pos): number {
    return this.offset + pos;
  }

  fail(message: string, pos = this.pos): never {
    throw new ParseError(message, this.at(pos));
  }

  /** Counts work so that no input can make the parser loop without bound. */
  tick(): void {
    if (++this.shared.steps > this.shared.maxSteps) this.fail('input too complex');
  }

  enter(): void {
    if (++this.shared.depth > this.shared.maxDepth) this.fail('nesting too deep');
  }

  leave(): void {
    this.shared.depth--;
  }

  expect(s: string, what = `'${s}'`): void {
    if (!this.startsWith(s)) this.fail(`expected ${what}, found ${describe(this)}`);
    this.pos += s.length;
  }
}

/** Human text for the token at the cursor, for error messages. */
export function describe(cur: Cursor): string {
  if (cur.done) return 'end of input';
  const c = cur.peek();
  return c === '\n' ? 'newline' : `'${cur.text.slice(cur.pos, cur.pos + 2).trimEnd()}'`;
}

/** Skips blanks, `\`-newline continuations and a `#` comment (up to, not including, the newline). */
export function skipBlanks(cur: Cursor): void {
  for (;;) {
    cur.tick();
    const c = cur.peek();
    if (c === ' ' || c === '\t') cur.pos++;
    else if (c === '\\' && cur.peek(1) === '\n') cur.pos += 2;
    else if (c === '#') {
      const nl = cur.text.indexOf('\n', cur.pos);
      cur.pos = nl < 0 ? cur.text.length : nl;
    } else return;
  }
}

const RESERVED = [
  'if', 'then', 'elif', 'else', 'fi', 'do', 'done', 'case', 'esac', 'while', 'until', 'for',
  'select', 'function', 'in', '{', '}', '!', '[[', ']]',
];

/** The reserved word at the cursor, if one stands there as a whole unquoted word. */
export function reservedAt(cur: Cursor): string | null {
  for (const w of RESERVED) {
    if (!cur.startsWith(w)) continue;
    const next = cur.peek(w.length);
    if (next === '' || next === ' ' || next === '\t' || next === '\n') return w;
    if (w !== '{' && w !== '!' && META.has(next)) return w;
    // (`!(grep -q x f)` negates a subshell; `!(x)` with no blank inside is an extended glob word.)
    if (w === '!' && next === '(' && /^[^)]*\s/.test(cur.text.slice(cur.pos + 2))) return w;
  }
  return null;
}
