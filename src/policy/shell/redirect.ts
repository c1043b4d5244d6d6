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
  // (`&>` and `&>>` take no descriptor: in `chmod 777&>/dev/null f` the 777 is chmod's word, read as one.)
  if (m[1] !== undefined && op.startsWith('&')) return null;
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
  for (let k = 0; k < pending.length; k++) {
    const { redirect, start } = pending[k]!;
    const doc = redirect.heredoc!;
    const lines: string[] = [];
    const bodyStart = cur.pos;
    let closed = false;
    while (!cur.done) {
      cur.tick();
      const { line: logical, at } = logicalLine(cur, !doc.quoted);
      const tabs = doc.stripTabs ? /^\t*/.exec(logical)![0].length : 0;
      const line = logical.slice(tabs);
      if (line === doc.delimiter) {
        closed = true;
        break;
      }
      // bash 5.2, inside `$( … )` or `<( … )`: a line that starts with the delimiter and holds a `)` ends the
      // here-document too, and the rest of that line after the delimiter is read as shell text — `EOF) && rm -rf ~`
      // closes the substitution and runs rm. (Not in a plain subshell `( … )`, nor with blanks before the delimiter.)
      if (cur.substitutions > 0 && line.startsWith(doc.delimiter) && line.slice(doc.delimiter.length).includes(')')) {
        cur.pos = at[tabs + doc.delimiter.length]!;
        closed = true;
        // (Here-documents still pending on that line keep an empty body: what follows is read as commands.)
        pending.length = k + 1;
        break;
      }
      lines.push(line);
    }
    if (!closed) cur.fail(`unterminated here-document (wanted '${doc.delimiter}')`, start);
    doc.body = lines.length ? lines.join('\n') + '\n' : '';
    doc.content = heredocContent(cur, doc.body, doc.quoted, cur.at(bodyStart));
  }
}

/**
 * The next line of a here-document's body, the cursor moved past its newline. With an unquoted delimiter bash joins a
 * line ending in an unescaped `\` to the next before it compares the line with the delimiter: `E\` + `OF` is `EOF`.
 * `at[i]` is where the line's character i stands in the text.
 */
function logicalLine(cur: Cursor, joins: boolean): { line: string; at: number[] } {
  let line = '';
  const at: number[] = [];
  for (;;) {
    const nl = cur.text.indexOf('\n', cur.pos);
    const end = nl < 0 ? cur.text.length : nl;
    const piece = cur.text.slice(cur.pos, end);
    const continued = joins && nl >= 0 && (/\\+$/.exec(piece)?.[0].length ?? 0) % 2 === 1;
    const keep = continued ? piece.length - 1 : piece.length;
    for (let i = 0; i < keep; i++) at.push(cur.pos + i);
    line += piece.slice(0, keep);
    cur.pos = nl < 0 ? end : end + 1;
    if (!continued) {
      at.push(end);
      return { line, at };
    }
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
