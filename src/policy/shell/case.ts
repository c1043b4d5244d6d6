// `case WORD in pattern|pattern) list ;; … esac` (also `;&` and `;;&` fall-through terminators).
import { Cursor, describe, reservedAt, skipBlanks } from './cursor.js';
import { parseList, skipLinebreaks } from './list.js';
import { readWord } from './word.js';
import type { CaseItem, Command, Word } from './types.js';

/** Parses a case command; the cursor is at `case`. */
export function parseCase(cur: Cursor, start: number): Command {
  cur.pos += 4;
  skipBlanks(cur);
  const subject = readWord(cur, 'normal');
  if (!subject.raw) cur.fail(`expected a word after 'case', found ${describe(cur)}`);
  skipLinebreaks(cur);
  if (reservedAt(cur) !== 'in') cur.fail(`expected 'in', found ${describe(cur)}`);
  cur.pos += 2;
  const items: CaseItem[] = [];
  for (;;) {
    skipLinebreaks(cur);
    if (reservedAt(cur) === 'esac') break;
    if (cur.done) cur.fail("expected 'esac', found end of input");
    if (cur.peek() === '(') cur.pos++;
    const patterns: Word[] = [];
    for (;;) {
      skipBlanks(cur);
      const w = readWord(cur, 'normal');
      if (!w.raw) cur.fail(`expected a case pattern, found ${describe(cur)}`);
      patterns.push(w);
      skipBlanks(cur);
      if (cur.peek() !== '|') break;
      cur.pos++;
    }
    cur.expect(')');
    const body = parseList(cur, { words: ['esac'], caseItem: true });
    const terminator = cur.startsWith(';;&') ? ';;&' : cur.startsWith(';;') ? ';;' : cur.startsWith(';&') ? ';&' : null;
    if (terminator) cur.pos += terminator.length;
    items.push({ patterns, body, terminator });
    if (!terminator) {
      skipLinebreaks(cur);
      if (reservedAt(cur) !== 'esac') cur.fail(`expected ';;' or 'esac', found ${describe(cur)}`);
    }
  }
  cur.pos += 4;
  return { kind: 'case', subject, items, redirects: [], start, end: 0 };
}
