// Compound commands: ( ), { }, (( )), if, while/until, for/select, case, function definitions.
import { Cursor, ParseError, describe, reservedAt, skipBlanks } from './cursor.js';
import { parseCommand, readTrailingRedirects } from './command.js';
import { parseList, skipLinebreaks } from './list.js';
import { expandWords } from './split.js';
import { readWord } from './word.js';
import { parseCase } from './case.js';
import type { Command, Script, Word } from './types.js';

/** Parses the compound command introduced by `kw` (or `(`), or returns null for a simple command. */
export function parseCompound(cur: Cursor, kw: string | null): Command | null {
  const start = cur.at();
  let cmd: Command;
  const arith = kw === null && cur.startsWith('((') ? tryArithCommand(cur, start) : null;
  if (arith) {
    cmd = arith;
  } else if (kw === null && cur.peek() === '(') {
    cur.pos++;
    const body = nonEmpty(cur, parseList(cur, { paren: true }));
    cur.expect(')');
    cmd = { kind: 'subshell', body, redirects: [], start, end: 0 };
  } else if (kw === '{') {
    cur.pos++;
    const body = until(cur, ['}']);
    cmd = { kind: 'group', body, redirects: [], start, end: 0 };
  } else if (kw === 'if') {
    cmd = parseIf(cur, start);
  } else if (kw === 'while' || kw === 'until') {
    cur.pos += kw.length;
    const condition = until(cur, ['do']);
    const body = until(cur, ['done']);
    cmd = { kind: kw, condition, body, redirects: [], start, end: 0 };
  } else if (kw === 'for' || kw === 'select') {
    cmd = parseFor(cur, kw, start);
  } else if (kw === 'case') {
    cmd = parseCase(cur, start);
  } else if (kw === 'function') {
    cur.pos += kw.length;
    skipBlanks(cur);
    const name = readWord(cur, 'normal');
    if (!name.raw) cur.fail(`expected a function name, found ${describe(cur)}`);
    skipBlanks(cur);
    if (cur.startsWith('(')) {
      cur.pos++;
      skipBlanks(cur);
      cur.expect(')');
    }
    return parseFunctionBody(cur, name.value, start);
  } else {
    return null;
  }
  readTrailingRedirects(cur, cmd.redirects);
  cmd.end = cur.at();
  return cmd;
}

/** The body of `name() BODY`: any compound command, with its own redirects. */
export function parseFunctionBody(cur: Cursor, name: string, start: number): Command {
  skipLinebreaks(cur);
  const body = parseCommand(cur);
  if (body.kind === 'simple') cur.fail(`function '${name}': body must be a compound command`);
  return { kind: 'function', name, body, redirects: [], start, end: cur.at() };
}

/** Parses a list up to one of `words`, consumes that word, and returns the list. */
function until(cur: Cursor, words: readonly string[]): Script {
  const body = nonEmpty(cur, parseList(cur, { words }));
  const kw = reservedAt(cur);
  if (!kw || !words.includes(kw)) cur.fail(`expected '${words.join("' or '")}', found ${describe(cur)}`);
  cur.pos += kw.length;
  return body;
}

function parseIf(cur: Cursor, start: number): Command {
  cur.pos += 2;
  const clauses: { condition: Script; body: Script }[] = [];
  let elseBody: Script | null = null;
  for (;;) {
    const condition = until(cur, ['then']);
    const body = nonEmpty(cur, parseList(cur, { words: ['elif', 'else', 'fi'] }));
    clauses.push({ condition, body });
    const kw = reservedAt(cur);
    if (kw === 'elif') {
      cur.pos += 4;
      continue;
    }
    if (kw === 'else') {
      cur.pos += 4;
      elseBody = until(cur, ['fi']);
    } else if (kw === 'fi') cur.pos += 2;
    else cur.fail(`expected 'fi', found ${describe(cur)}`);
    return { kind: 'if', clauses, elseBody, redirects: [], start, end: 0 };
  }
}

function parseFor(cur: Cursor, keyword: 'for' | 'select', start: number): Command {
  cur.pos += keyword.length;
  skipBlanks(cur);
  let variable = '';
  let items: Word[] | null = null;
  let arithmetic: Word | null = null;
  if (cur.startsWith('((')) {
    cur.pos += 2;
    arithmetic = readWord(cur, 'arith');
    cur.expect('))');
  } else {
    variable = readWord(cur, 'normal').value;
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(variable)) cur.fail(`bad for-loop variable '${variable}'`);
    skipLinebreaks(cur);
    if (reservedAt(cur) === 'in') {
      cur.pos += 2;
      items = [];
      for (;;) {
        skipBlanks(cur);
        const c = cur.peek();
        if (c === '' || c === ';' || c === '\n') break;
        const w = readWord(cur, 'normal');
        if (!w.raw) cur.fail(`unexpected ${describe(cur)} in for-loop words`);
        items.push(w);
      }
      items = expandWords(items);
    }
  }
  skipBlanks(cur);
  if (cur.peek() === ';') cur.pos++;
  skipLinebreaks(cur);
  const open = reservedAt(cur);
  if (open !== 'do' && open !== '{') cur.fail(`expected 'do', found ${describe(cur)}`);
  cur.pos += open.length;
  const body = until(cur, [open === 'do' ? 'done' : '}']);
  return { kind: 'for', keyword, variable, items, arithmetic, body, redirects: [], start, end: 0 };
}

/** Bash rejects an empty body (`( )`, `{ }`, `then fi`). */
function nonEmpty(cur: Cursor, body: Script): Script {
  if (!body.body.length) cur.fail(`unexpected ${describe(cur)}`);
  return body;
}

/** `(( … ))`; null (cursor unchanged) when it is really a nested subshell `( ( … ) )`. */
function tryArithCommand(cur: Cursor, start: number): Command | null {
  const save = cur.pos;
  const depth = cur.shared.depth;
  try {
    cur.pos += 2;
    const expression = readWord(cur, 'arith');
    if (cur.startsWith('))')) {
      cur.pos += 2;
      return { kind: 'arith', expression, redirects: [], start, end: 0 };
    }
  } catch (e) {
    if (!(e instanceof ParseError)) throw e;
  }
  cur.pos = save;
  cur.shared.depth = depth;
  return null;
}
