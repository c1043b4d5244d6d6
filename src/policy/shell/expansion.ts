// `$…` expansions, backticks, process substitutions and array values; inner scripts are parsed.
import { Cursor, ParseError, skipBlanks } from './cursor.js';
import { parseList, parseWhole } from './list.js';
import { readWord } from './word.js';
import type { ArrayPart, CommandSubPart, ParamPart, ProcessSubPart, Script, WordPart } from './types.js';

const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;
const SPECIAL = '@*#?$!-';
const OPERATOR = /^(:-|:=|:\?|:\+|-|=|\?|\+|##|#|%%|%|\/\/|\/#|\/%|\/|\^\^|\^|,,|,|:|@)/;

/** Reads the expansion starting at `$`; a `$` that starts none is a literal. */
export function readDollar(cur: Cursor, quoted: boolean): WordPart {
  const start = cur.pos;
  const n = cur.peek(1);
  if (n === '(') {
    if (cur.peek(2) === '(') {
      const arith = tryArith(cur, quoted);
      if (arith) return arith;
    }
    return readCommandSub(cur, quoted);
  }
  if (n === '{') return readParamBrace(cur, quoted);
  if (n === '[') {
    const arith = tryArith(cur, quoted, '[');
    if (arith) return arith;
  }
  const rest = cur.text.slice(cur.pos + 1, cur.pos + 257);
  const m = NAME.exec(rest);
  const name = m ? m[0] : /[0-9]/.test(n) || (n !== '' && SPECIAL.includes(n)) ? n : null;
  if (name === null) {
    cur.pos++;
    return { kind: 'literal', text: '$', quote: quoted ? 'double' : 'none' };
  }
  cur.pos += 1 + name.length;
  return { kind: 'param', name, raw: cur.text.slice(start, cur.pos), quoted };
}

function readCommandSub(cur: Cursor, quoted: boolean): CommandSubPart {
  const start = cur.pos;
  cur.pos += 2;
  const script = substitutionBody(cur);
  if (cur.peek() !== ')') cur.fail('unterminated $( … )', start);
  cur.pos++;
  return { kind: 'command-sub', style: 'dollar', script, raw: cur.text.slice(start, cur.pos), quoted };
}

/**
 * `$(( … ))`; returns null (cursor restored) when it is really `$( ( … ) )`. With `[`: bash's old `$[ … ]`, one word
 * whatever blanks it holds (null when no `]` closes it: then `$` is a character).
 */
function tryArith(cur: Cursor, quoted: boolean, open: '((' | '[' = '(('): WordPart | null {
  const start = cur.pos;
  const pending = cur.heredocs.length;
  const depth = cur.shared.depth;
  const close = open === '[' ? ']' : '))';
  try {
    cur.pos += 1 + open.length;
    const expression = readWord(cur, open === '[' ? 'arith-bracket' : 'arith');
    if (cur.startsWith(close)) {
      cur.pos += close.length;
      return { kind: 'arith', expression, raw: cur.text.slice(start, cur.pos), quoted };
    }
  } catch (e) {
    if (!(e instanceof ParseError)) throw e;
  }
  cur.pos = start;
  cur.heredocs.length = pending;
  cur.shared.depth = depth;
  return null;
}

function readParamBrace(cur: Cursor, quoted: boolean): ParamPart {
  const start = cur.pos;
  cur.pos += 2;
  let length = false;
  let indirect = false;
  if (cur.peek() === '#' && cur.peek(1) !== '}') {
    length = true;
    cur.pos++;
  } else if (cur.peek() === '!' && cur.peek(1) !== '}') {
    indirect = true;
    cur.pos++;
  }
  const rest = cur.text.slice(cur.pos, cur.pos + 256);
  const m = NAME.exec(rest) ?? /^[0-9]+/.exec(rest);
  const c = cur.peek();
  const name = m ? m[0] : c !== '' && SPECIAL.includes(c) ? c : null;
  if (name === null) cur.fail('bad substitution', start);
  cur.pos += name.length;
  if (cur.peek() === '[') {
    const close = cur.text.indexOf(']', cur.pos);
    if (close < 0) cur.fail('bad substitution', start);
    cur.pos = close + 1;
  }
  if (indirect && (cur.peek() === '*' || cur.peek() === '@') && cur.peek(1) === '}') cur.pos++; // ${!prefix*}
  const part: ParamPart = { kind: 'param', name, raw: '', quoted };
  if (length) part.length = true;
  if (indirect) part.indirect = true;
  if (cur.done) cur.fail('unterminated ${ … }', start);
  if (cur.peek() !== '}') {
    const op = OPERATOR.exec(cur.text.slice(cur.pos, cur.pos + 2));
    if (!op) cur.fail('bad substitution', start);
    part.op = op[0];
    cur.pos += op[0].length;
    // (Inside double quotes the operand of a default, alternative or assignment operator reads `'` as a character:
    // its substitutions run. A substring's offset and length are arithmetic, where `'` never quotes. Patterns — #, %,
    // / — and an error message — ? — keep `'` as a quote.)
    part.arg = readWord(cur, op[0] === ':' || (quoted && /^:?[-+=]$/.test(op[0])) ? 'quoted-brace' : 'brace');
  }
  if (cur.peek() !== '}') cur.fail('unterminated ${ … }', start);
  cur.pos++;
  part.raw = cur.text.slice(start, cur.pos);
  return part;
}

/** The list inside `$( … )` or `<( … )`, up to its `)`; here-documents read there know they are inside one. */
function substitutionBody(cur: Cursor): Script {
  cur.enter();
  cur.substitutions++;
  try {
    return parseList(cur, { paren: true });
  } finally {
    cur.substitutions--;
    cur.leave();
  }
}

/** `` `…` ``: unescapes `\``, `\\`, `\$` (and `\"` inside double quotes), then parses the text. */
export function readBacktick(cur: Cursor, quoted: boolean): CommandSubPart {
  const start = cur.pos;
  let body = '';
  cur.pos++;
  for (;;) {
    cur.tick();
    if (cur.done) cur.fail('unterminated backquote', start);
    const c = cur.peek();
    if (c === '`') break;
    const n = cur.peek(1);
    if (c === '\\' && n !== '' && ('`\\$'.includes(n) || (quoted && n === '"'))) {
      body += n;
      cur.pos += 2;
    } else {
      body += c;
      cur.pos++;
    }
  }
  cur.pos++;
  cur.enter();
  const script = parseWhole(new Cursor(body, cur.at(start + 1), cur.shared));
  cur.leave();
  return { kind: 'command-sub', style: 'backtick', script, raw: cur.text.slice(start, cur.pos), quoted };
}

/** `<( … )` / `>( … )`. */
export function readProcessSub(cur: Cursor): ProcessSubPart {
  const start = cur.pos;
  const direction = cur.peek() === '<' ? 'in' : 'out';
  cur.pos += 2;
  const script = substitutionBody(cur);
  if (cur.peek() !== ')') cur.fail('unterminated process substitution', start);
  cur.pos++;
  return { kind: 'process-sub', direction, script, raw: cur.text.slice(start, cur.pos) };
}

/** `( a b c )` after `name=`. */
export function readArray(cur: Cursor): ArrayPart {
  const start = cur.pos;
  const elements = [];
  cur.pos++;
  for (;;) {
    skipBlanks(cur);
    if (cur.peek() === '\n') {
      cur.pos++;
      continue;
    }
    if (cur.peek() === ')') break;
    if (cur.done) cur.fail('unterminated array', start);
    const w = readWord(cur, 'normal');
    if (w.raw === '') cur.fail(`unexpected '${cur.peek()}' in array`);
    elements.push(w);
  }
  cur.pos++;
  return { kind: 'array', elements, raw: cur.text.slice(start, cur.pos) };
}
