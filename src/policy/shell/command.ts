// One command: dispatch to compound forms, or a simple command (assignments, argv, redirects, `f() …`).
import { Cursor, META, describe, reservedAt, skipBlanks } from './cursor.js';
import { parseCompound, parseFunctionBody } from './compound.js';
import { tryRedirect } from './redirect.js';
import { expandWords } from './split.js';
import { readWord } from './word.js';
import { buildWord, literalWord } from './word-build.js';
import type { Assignment, Command, LiteralPart, Redirect, SimpleCommand, Word, WordPart } from './types.js';

const NOT_A_START = new Set(['in', 'then', 'elif', 'else', 'fi', 'do', 'done', 'esac', '}', ']]']);
const DECLARATIONS = new Set(['export', 'declare', 'local', 'readonly', 'typeset']);
const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)(\[[^\]]*\])?(\+?)=/;

/** Parses one command at the cursor. */
export function parseCommand(cur: Cursor): Command {
  skipBlanks(cur);
  cur.enter();
  // `coproc [NAME] COMMAND`: COMMAND runs beside the shell, its stdin and stdout on descriptors
  // the shell keeps (${NAME[0]}, ${NAME[1]}); what runs is COMMAND, judged as written.
  const co = /^coproc[ \t]+(?:([A-Za-z_]\w*)[ \t]+(?=[{(]|(?:while|until|if|for|case|select)[ \t]))?/.exec(cur.text.slice(cur.pos));
  if (co) {
    cur.pos += co[0].length;
    const inner = parseCommand(cur);
    cur.leave();
    return inner;
  }
  const kw = reservedAt(cur);
  if (kw && NOT_A_START.has(kw)) cur.fail(`unexpected '${kw}'`);
  const cmd = kw === '[[' ? parseCond(cur) : parseCompound(cur, kw) ?? parseSimple(cur);
  cur.leave();
  return cmd;
}

/** Reads redirections following a compound command into `into`. */
export function readTrailingRedirects(cur: Cursor, into: Redirect[]): void {
  for (;;) {
    skipBlanks(cur);
    const r = tryRedirect(cur);
    if (!r) return;
    into.push(r);
  }
}

function parseSimple(cur: Cursor): Command {
  const start = cur.at();
  const cmd: SimpleCommand = { kind: 'simple', assignments: [], words: [], redirects: [], start, end: start };
  for (;;) {
    skipBlanks(cur);
    cur.tick();
    if (cur.done) break;
    // `{fd}>file`: a descriptor bash allocates, its number stored in the variable fd (or an array's element: bash also takes
    // `exec {COPROC[1]}>&-`, how a coprocess's input is closed).
    const named = /\{([A-Za-z_]\w*(?:\[[^\]\s{}]*\])?)\}(?=&>|<<<|<&|<>|<|>>|>&|>\||>)/y;
    named.lastIndex = cur.pos;
    const nm = named.exec(cur.text);
    if (nm) {
      cur.pos += nm[0].length;
      const r = tryRedirect(cur);
      if (!r) cur.fail('expected a redirection after a descriptor name');
      r.fdVar = nm[1]!;
      cmd.redirects.push(r);
      continue;
    }
    const r = tryRedirect(cur);
    if (r) {
      cmd.redirects.push(r);
      continue;
    }
    const c = cur.peek();
    if (META.has(c) && !((c === '<' || c === '>') && cur.peek(1) === '(')) break;
    const w = readWord(cur, 'normal');
    if (cmd.words.length === 0) {
      const a = asAssignment(w, 'prefix');
      if (a) {
        cmd.assignments.push(a);
        continue;
      }
      const fn = tryFunctionDefinition(cur, w, start);
      if (fn) return fn;
    }
    cmd.words.push(w);
  }
  if (!cmd.words.length && !cmd.assignments.length && !cmd.redirects.length) {
    cur.fail(`unexpected ${describe(cur)}`);
  }
  cmd.end = cur.at();
  cmd.words = expandWords(cmd.words);
  if (!cmd.words.length) for (const a of cmd.assignments) a.scope = 'shell';
  // (Also run through `command` or `builtin`: command -p export "PATH=/bin" assigns as export does.)
  let at = 0;
  while (cmd.words[at]?.static && /^(command|builtin)$/.test(cmd.words[at]!.value)) for (at++; cmd.words[at]?.static && /^-p+$/.test(cmd.words[at]!.value);) at++;
  const head = cmd.words[at];
  if (head && head.static && DECLARATIONS.has(head.value)) {
    for (const w of cmd.words.slice(at + 1)) {
      const a = asAssignment(w, 'declaration');
      if (a) cmd.assignments.push(a);
    }
  }
  return cmd;
}

/**
 * `NAME=value` / `NAME+=value` when the name part is unquoted; null otherwise. A declaration builtin
 * gets its words after quote removal, so there `export "PATH=/x"` and `declare 'HOME=/h'` assign too
 * (as a command prefix, `"PATH=/x" curl` is a program named PATH=/x).
 */
export function asAssignment(w: Word, scope: Assignment['scope']): Assignment | null {
  const lead = scope === 'declaration' ? literalLead(w.parts) : w.parts[0]?.kind === 'literal' && w.parts[0].quote === 'none' ? w.parts[0] : undefined;
  if (!lead) return null;
  const m = ASSIGNMENT.exec(lead.text);
  if (!m) return null;
  // (The literal pieces up to the `=` make the name; the rest of the piece holding it starts the value.)
  let taken = 0;
  let k = 0;
  while (k < w.parts.length && taken + (w.parts[k] as LiteralPart).text.length < m[0].length) taken += (w.parts[k++] as LiteralPart).text.length;
  const at = w.parts[k] as LiteralPart;
  const rest = at.text.slice(m[0].length - taken);
  const parts = [...(rest ? [{ ...at, text: rest }] : []), ...w.parts.slice(k + 1)];
  const eq = w.raw.indexOf('=') + 1;
  const quote = at.quote === 'double' ? '"' : at.quote === 'single' ? "'" : '';
  const value = buildWord(parts, quote + w.raw.slice(eq), w.start + eq, w.end);
  return { name: m[1]!, value, append: m[3] === '+', raw: w.raw, scope };
}

/** The text of a word's leading literal pieces, however quoted (undefined when it starts with an expansion). */
function literalLead(parts: readonly WordPart[]): LiteralPart | undefined {
  let text = '';
  for (const p of parts) {
    if (p.kind !== 'literal') break;
    text += p.text;
  }
  return text ? { kind: 'literal', text, quote: 'none' } : undefined;
}

/** `name ( )` after the first word turns the command into a function definition. */
function tryFunctionDefinition(cur: Cursor, w: Word, start: number): Command | null {
  if (!w.static || !/^[^\s'"$`=]+$/.test(w.raw)) return null;
  const save = cur.pos;
  skipBlanks(cur);
  if (cur.peek() === '(') {
    cur.pos++;
    skipBlanks(cur);
    if (cur.peek() === ')') {
      cur.pos++;
      return parseFunctionBody(cur, w.value, start);
    }
  }
  cur.pos = save;
  return null;
}

/** `[[ … ]]` as a simple command whose argv is `[[`, the operands and operators, `]]`. */
function parseCond(cur: Cursor): SimpleCommand {
  const start = cur.at();
  const words: Word[] = [];
  for (;;) {
    skipBlanks(cur);
    while (cur.peek() === '\n') {
      cur.pos++;
      skipBlanks(cur);
    }
    if (cur.done) cur.fail("unterminated '[['");
    const op = /^(&&|\|\||[()]|[<>!](?=[ \t\n]|$))/.exec(cur.text.slice(cur.pos, cur.pos + 3));
    if (op && !(op[0] === '(' && words[words.length - 1]?.value === '=~')) {
      words.push(literalWord(op[0], 'none', op[0], cur.at()));
      cur.pos += op[0].length;
      continue;
    }
    const w = words[words.length - 1]?.value === '=~' ? readRegex(cur) : readWord(cur, 'normal');
    if (w.raw === '') cur.fail(`unexpected ${describe(cur)} in '[['`);
    words.push(w);
    if (w.raw === ']]') break;
  }
  const cmd: SimpleCommand = { kind: 'simple', assignments: [], words, redirects: [], start, end: start };
  readTrailingRedirects(cur, cmd.redirects);
  cmd.end = cur.at();
  return cmd;
}

/** The right side of `=~`: parentheses and `|` belong to the regex, blanks end it at depth 0. */
function readRegex(cur: Cursor): Word {
  const start = cur.pos;
  let depth = 0;
  while (!cur.done) {
    cur.tick();
    const c = cur.peek();
    if (depth === 0 && (c === ' ' || c === '\t' || c === '\n')) break;
    if (c === '\\') cur.pos++;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    cur.pos++;
  }
  const raw = cur.text.slice(start, cur.pos);
  return literalWord(raw, 'single', raw, cur.at(start));
}
