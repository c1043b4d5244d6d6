// Lists, and-or chains and pipelines: the glue between commands (`;`, `&`, newline, `&&`, `||`, `|`, `|&`, `!`).
import { Cursor, describe, reservedAt, skipBlanks } from './cursor.js';
import { parseCommand } from './command.js';
import { consumeNewline } from './redirect.js';
import type { AndOrList, Command, Pipeline, Script } from './types.js';

/** What ends a list: `)`, one of some reserved words, a case-item terminator; end of input always does. */
export interface Stop { paren?: boolean; words?: readonly string[]; caseItem?: boolean }

/** Parses the whole text of a cursor; every heredoc opened must be closed. */
export function parseWhole(cur: Cursor): Script {
  const script = parseList(cur, {});
  if (!cur.done) cur.fail(`unexpected ${describe(cur)}`);
  // (A here-document opened on the last line, with no newline after it, has an empty body: bash warns and runs the
  // command with it — `cat <<EOF` prints nothing. The delimiter is named as for a body left open.)
  if (cur.heredocs.length) cur.fail(`unterminated here-document (wanted '${cur.heredocs[0]!.redirect.heredoc!.delimiter}')`, cur.heredocs[0]!.start);
  return script;
}

/** Skips blanks, comments and newlines (reading heredoc bodies at each newline). */
export function skipLinebreaks(cur: Cursor): void {
  for (;;) {
    skipBlanks(cur);
    if (cur.peek() !== '\n') return;
    consumeNewline(cur);
  }
}

function atStop(cur: Cursor, stop: Stop): boolean {
  if (cur.done) return true;
  if (stop.paren && cur.peek() === ')') return true;
  if (stop.caseItem && (cur.startsWith(';;') || cur.startsWith(';&'))) return true;
  const w = stop.words && reservedAt(cur);
  return !!w && stop.words!.includes(w);
}

/** Parses and-or lists until `stop` (the stopping token is left for the caller). */
export function parseList(cur: Cursor, stop: Stop): Script {
  const body: AndOrList[] = [];
  skipLinebreaks(cur);
  const start = cur.at();
  for (;;) {
    skipLinebreaks(cur);
    if (atStop(cur, stop)) break;
    const item = parseAndOr(cur);
    body.push(item);
    skipBlanks(cur);
    const c = cur.peek();
    if (c === '&' && !cur.startsWith('&&')) {
      item.background = true;
      cur.pos++;
    } else if (c === ';' && !cur.startsWith(';;') && !cur.startsWith(';&')) {
      cur.pos++;
    } else if (c !== '\n' && !atStop(cur, stop)) {
      cur.fail(`unexpected ${describe(cur)}`);
    }
  }
  return { kind: 'script', body, start, end: cur.at() };
}

function parseAndOr(cur: Cursor): AndOrList {
  const start = cur.at();
  const pipelines = [parsePipeline(cur)];
  const operators: ('&&' | '||')[] = [];
  for (;;) {
    skipBlanks(cur);
    const op = cur.startsWith('&&') ? '&&' : cur.startsWith('||') ? '||' : null;
    if (!op) break;
    cur.pos += 2;
    skipLinebreaks(cur);
    operators.push(op);
    pipelines.push(parsePipeline(cur));
  }
  return { kind: 'and-or', pipelines, operators, background: false, start, end: cur.at() };
}

function parsePipeline(cur: Cursor): Pipeline {
  skipBlanks(cur);
  const start = cur.at();
  let negated = false;
  // `time [-p] PIPELINE`: bash's reserved word times a whole pipeline, and what follows it is read as any
  // pipeline is — `time LD_PRELOAD=x.so ls` sets LD_PRELOAD for ls, `time ( … )` runs a subshell.
  // (Not `time -o F cmd` or `time -v cmd`: those are GNU time's options, read by the wrapper table.)
  for (;;) {
    if (reservedAt(cur) === '!') {
      negated = !negated;
      cur.pos++;
      skipBlanks(cur);
      continue;
    }
    const timed = /^time(?:[ \t]+-p)?[ \t]+(?![-\s;&|)#]|$)/.exec(cur.text.slice(cur.pos));
    if (!timed) break;
    cur.pos += timed[0].length;
    skipBlanks(cur);
  }
  const commands: Command[] = [parseCommand(cur)];
  const operators: ('|' | '|&')[] = [];
  for (;;) {
    skipBlanks(cur);
    const op = cur.startsWith('|&') ? '|&' : cur.peek() === '|' && !cur.startsWith('||') ? '|' : null;
    if (!op) break;
    cur.pos += op.length;
    skipLinebreaks(cur);
    operators.push(op);
    commands.push(parseCommand(cur));
  }
  return { kind: 'pipeline', negated, commands, operators, start, end: cur.at() };
}
