// Redirections (`2>&1`, `&>>`, `<<<`, …) and heredoc bodies, which start after the next newline.
import { Cursor, META, describe, skipBlanks } from './cursor.js';
import { readWord } from './word.js';
import { buildWord, literalWord } from './word-build.js';
import type { Redirect, RedirectOp, Word } from './types.js';

const REDIRECT = /(\d{1,9})?(&>>|&>|<<<|<<-|<<|<>|<&|<|>>|>&|>\||>)/y;

/** Reads a redirection at the cursor, or returns null (cursor unchanged) when there is none. */
export function tryRedirect(cur: Cursor): Redirect | null {
  REDIRECT.lastIndex = cur.pos;
  const m = REDIRECT.exec(cur.text);
  if (!m) return null;
  const op = m[2] as RedirectOp;
  const after = cur.text[cur.pos + m[0].length];
  if ((op === '<' || op === '>') && after === '(') return null; // process substitution
  const start = cur.pos;
  cur.pos += m[0].length;
  skipBlanks(cur);
  const c = cur.peek();
  const procSub = (c === '<' || c === '>') && cur.peek(1) === '(';
  if (cur.done || (META.has(c) && !procSub)) cur.fail(`expected a word after '${op}', found ${describe(cur)}`);
  const target = readWord(cur, 'normal');
  const redirect: Redirect = {
    kind: 'redirect',
    fd: m[1] === undefined ? null : Number(m[1]),
    op,
    target,
    start: cur.at(start),
    end: cur.at(cur.pos),
  };
  if (op === '<<' || op === '<<-') {
    const quoted = target.parts.some((p) => p.kind === 'literal' && p.quote !== 'none');
    const delimiter = target.parts.map((p) => (p.kind === 'literal' || p.kind === 'tilde' ? p.text : p.raw)).join('');
    const content = literalWord('', 'single', '', redirect.end);
    redirect.heredoc = { delimiter, quoted, stripTabs: op === '<<-', body: '', content };
    cur.heredocs.push({ redirect, start });
  }
  return redirect;
}

/** Consumes a newline token, then the bodies of heredocs opened on the line it ends. */
export function consumeNewline(cur: Cursor): void {
  cur.pos++;
  const pending = cur.heredocs.splice(0);
  for (const { redirect, start } of pending) {
    const doc = redirect.heredoc!;
    const lines: string[] = [];
    const bodyStart = cur.pos;
    let closed = false;
    while (!cur.done) {
      cur.tick();
      const nl = cur.text.indexOf('\n', cur.pos);
      const end = nl < 0 ? cur.text.length : nl;
      let line = cur.text.slice(cur.pos, end);
      if (doc.stripTabs) line = line.replace(/^\t+/, '');
      cur.pos = nl < 0 ? end : end + 1;
      if (line === doc.delimiter) {
        closed = true;
        break;
      }
      lines.push(line);
    }
    if (!closed) cur.fail(`unterminated here-document (wanted '${doc.delimiter}')`, start);
    doc.body = lines.length ? lines.join('\n') + '\n' : '';
    doc.content = heredocContent(cur, doc.body, doc.quoted, cur.at(bodyStart));
  }
}

/** A quoted-delimiter body is literal text; otherwise `$x`, `$( )` and backticks expand in it. */
function heredocContent(cur: Cursor, body: string, quoted: boolean, at: number): Word {
  if (quoted) return literalWord(body, 'single', body, at);
  const sub = new Cursor(body, at, cur.shared);
  const w = readWord(sub, 'heredoc');
  if (sub.heredocs.length) sub.fail('unterminated here-document');
  return buildWord(w.parts, body, at, at + body.length);
}
