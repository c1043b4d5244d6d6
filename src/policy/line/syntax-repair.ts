// A line the shell refuses runs nothing, but its intent is what it says: the judge reads it as the
// lines it was likely meant to be, and the verdict is the strictest of their verdicts.
import { parseShell } from '../shell/index.js';

/**
 * The quote still open at the end of a single line, read with the quoting every POSIX
 * shell shares. Only where nothing else changes how quotes pair — no second line, substitution,
 * ${…}, $'…' or heredoc — and with a comment ending the scan: what this says is what the shell sees.
 */
export function openQuoteAtEnd(line: string): string | undefined {
  if (/\n|\$\(|`|\$\{|\$'|<</.test(line)) return undefined;
  let q = '';
  let wordStart = true;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (q === "'") {
      if (c === "'") q = '';
      continue;
    }
    if (q === '"') {
      if (c === '\\') i++;
      else if (c === '"') q = '';
      continue;
    }
    if (c === '\\') {
      i++;
      wordStart = false;
      continue;
    }
    if (c === '#' && wordStart) return undefined;
    if (c === "'" || c === '"') {
      q = c;
      wordStart = false;
      continue;
    }
    wordStart = /[\s;&|()<>]/.test(c);
  }
  return q || undefined;
}

const OPERATORS = ['&&', '||', ';;', '|&', '|', '&', ';'];
const DANGLING = /\s*(&&|\|\||\|&|\|)\s*(#[^\n]*)?$/;

/** The ways one syntax error at `at` may have been meant (each may still not parse). */
function mendings(text: string, at: number): string[] {
  const rest = text.slice(at);
  const out: string[] = [];
  // A list or pipeline left open at the end (`ls &&`, `make |`): the command before it.
  if (rest.trim() === '' || rest.trimStart().startsWith('#')) {
    const m = DANGLING.exec(text.slice(0, at).replace(/\s+$/, '') + rest);
    if (m) out.push(text.slice(0, m.index));
    return out;
  }
  // An operator where a command belongs (`ls | | wc`, `a ;; b`, `&& make`): dropped, or a plain `;`.
  const op = OPERATORS.find((o) => rest.startsWith(o));
  if (op) {
    out.push(text.slice(0, at) + text.slice(at + op.length));
    if (op !== ';') out.push(text.slice(0, at) + ';' + text.slice(at + op.length));
    return out;
  }
  // A parenthesis among a command's words (`echo (whoami)`): literal text, or a subshell after it.
  // (Only a group of plain words standing apart: glued to a word, or holding quotes or `:`, it is a
  // zsh glob qualifier or an extended pattern — `*(e:'cmd':)` runs cmd in zsh — not a slip.)
  if (rest.startsWith('(') && (/\S/.test(text[at - 1] ?? ' ') || !/^\([\w\s.,~\/-]*\)/.test(rest))) return out;
  if (rest.startsWith('(') || rest.startsWith(')')) {
    const close = rest.startsWith('(') ? rest.indexOf(')') : -1;
    const literal = close > 0 ? '\\(' + rest.slice(1, close) + '\\)' + rest.slice(close + 1) : '\\' + rest;
    out.push(text.slice(0, at) + literal);
    if (rest.startsWith('(')) out.push(text.slice(0, at) + ';' + rest);
    else out.push(text.slice(0, at) + rest.slice(1));
  }
  return out;
}

/**
 * The lines a refused line was likely meant to be, each parsing: an open quote closed, a dangling or
 * doubled operator dropped, a stray parenthesis read both as text and as a subshell. `complete` is
 * false when some reading could not be mended (or there were too many): the line is then not
 * understood, though the readings found still count.
 */
export function meantLines(line: string): { lines: string[]; complete: boolean } {
  const open = openQuoteAtEnd(line);
  if (open !== undefined && parseShell(line + open).ok) return { lines: [line + open], complete: true };
  const found: string[] = [];
  let complete = true;
  let frontier = [line];
  for (let round = 0; frontier.length; round++) {
    const next: string[] = [];
    for (const text of frontier) {
      const parsed = parseShell(text);
      if (parsed.ok) found.push(text);
      else {
        // A here-document left open runs to the end of the input: bash warns and runs the command with
        // that body (`cat <<~EOF …`, whose delimiter is `~EOF`). That is the line, not a guess.
        // (Not when joining the lines that end in a backslash makes the delimiter line: for an unquoted delimiter bash joins EO\<newline>F
        // into EOF and ends the body there, which the parser does not, and what follows runs as commands.)
        const wanted = /^unterminated here-document \(wanted '([^'\n]*)'\)$/.exec(parsed.error);
        const open = wanted && !text.replace(/\\\n/g, '').split('\n').some((l) => l.replace(/^\t+/, '') === wanted[1]) ? wanted : null;
        // (A reading still refused after three mendings, or that none fits, is not understood.)
        const mended = open ? [`${text}${text.endsWith('\n') ? '' : '\n'}${open[1]}`] : round < 3 ? mendings(text, parsed.position).filter((t) => t.trim() !== '') : [];
        if (!mended.length) complete = false;
        next.push(...mended);
      }
    }
    if (next.length > 8) return { lines: [...new Set(found)], complete: false };
    frontier = next;
  }
  return { lines: [...new Set(found)], complete };
}

/**
 * The commands before the one the shell refuses, on the same line, as the text up to the last list
 * operator before the error that parses (`curl … | sh; if then fi` → `curl … | sh`): what they were
 * meant to do counts, though the shell runs none of it.
 */
export function understoodPrefix(line: string, at: number): string | undefined {
  let tries = 0;
  for (let k = Math.min(at, line.length) - 1; k > 0 && tries < 24; k--) {
    if (!';&|\n'.includes(line[k]!)) continue;
    tries++;
    const head = line.slice(0, k).replace(/[\s;&|]+$/, '');
    if (head.trim() && parseShell(head).ok) return head;
  }
  return undefined;
}
