import { parseShell } from '../shell/index.js';
import { unescape } from './printf.js';

// Code bash runs from text a plain parse reads as data: command substitutions inside array
// subscripts (bash evaluates `a[$(…)]` wherever a subscript is evaluated — in ${a[…]}, in
// arithmetic on a variable holding 'a[$(…)]', in test -v, unset, printf -v, declare -n) and in
// text expanded as a prompt (`${x@P}`). Quotes do not protect such text: it is run later, when
// bash evaluates the value. Each such piece of code is judged as a command line.

/** Command substitutions ($(…) and `…`) in a piece of text, innermost text only once. */
export function substitutionsIn(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '$' && text[i + 1] === '(' && text[i + 2] !== '(') {
      let depth = 0;
      let j = i + 1;
      for (; j < text.length; j++) {
        if (text[j] === '(') depth++;
        else if (text[j] === ')' && --depth === 0) break;
      }
      out.push(text.slice(i + 2, j));
      i = j;
    } else if (text[i] === '`') {
      const j = text.indexOf('`', i + 1);
      if (j < 0) break;
      out.push(text.slice(i + 1, j));
      i = j;
    }
  }
  return out;
}

/** The text inside each NAME[…] of the line (brackets and parentheses balanced). */
function subscripts(line: string): string[] {
  const out: string[] = [];
  for (const m of line.matchAll(/[A-Za-z_]\w*\[/g)) {
    let depth = 1;
    let paren = 0;
    let j = m.index! + m[0].length;
    for (; j < line.length; j++) {
      const c = line[j];
      if (c === '(') paren++;
      else if (c === ')') paren--;
      else if (c === '[' && paren === 0) depth++;
      else if (c === ']' && paren === 0 && --depth === 0) break;
    }
    out.push(line.slice(m.index! + m[0].length, j));
  }
  return out;
}

export interface Deferred {
  /** Command lines bash may run when it evaluates text of the line. */
  code: string[];
  /** Prompt expansions of values only known at run time. */
  unknownPrompts: string[];
}

/** The text a variable is given literally in the line (`i='…'`, `i="…"`, `i=word`); undefined when computed or absent. */
function literalValue(line: string, name: string): string | undefined {
  const literal = new RegExp(`(?:^|[\\s;&|(])${name}=('([^']*)'|"((?:[^"\\\\]|\\\\.)*)"|([^\\s;&|'"]*))`).exec(line);
  return literal && !/^\$\(|^`/.test(literal[1]!) ? literal[2] ?? literal[3] ?? literal[4] ?? '' : undefined;
}

/** Code the line hides in subscripts and prompt-expanded values, also behind $'…' escapes ($'\x24(…)' is $(…)). */
export function deferredCode(line: string): Deferred {
  const decoded = line.replace(/\$'((?:[^'\\]|\\.)*)'/g, (_m, body: string) => `'${unescape(body).replace(/'/g, '')}'`);
  if (decoded === line) return deferredIn(line);
  const a = deferredIn(line);
  const b = deferredIn(decoded);
  return { code: [...a.code, ...b.code], unknownPrompts: [...new Set([...a.unknownPrompts, ...b.unknownPrompts])] };
}

function deferredIn(line: string): Deferred {
  const code: string[] = [];
  // Where the line evaluates arithmetic, a quoted '…$(…)…' may become a subscript there after
  // concatenation (y='[$(…)]'; z=$x$y; $((z))): its substitutions are judged.
  // (Where the arithmetic itself is only inside quoted text — `let` and backticks in a quoted
  // JavaScript one-liner, or text an eval may run — only substitutions the shell can read count:
  // one bash cannot parse runs nothing. Arithmetic in the line itself keeps every one.)
  const ARITH = /\$\(\(|\(\(|(^|[\s;&|])let\s/;
  if (ARITH.test(line)) {
    const inLine = ARITH.test(line.replace(/'[^']*'/g, "''"));
    for (const m of line.matchAll(/'([^']*)'/g)) if (/\$\(|`/.test(m[1]!)) code.push(...substitutionsIn(m[1]!).filter((c) => inLine || parseShell(c).ok));
  }
  for (const sub of subscripts(line)) {
    code.push(...substitutionsIn(sub));
    // A subscript expands its variables and then evaluates the result: a value written as
    // i='$(…)' runs in a[$i] though it was quoted where it was assigned.
    for (const m of sub.matchAll(/\$\{?([A-Za-z_]\w*)/g)) code.push(...substitutionsIn(literalValue(line, m[1]!) ?? ''));
  }
  const unknownPrompts: string[] = [];
  for (const m of line.matchAll(/\$\{[#!]?([A-Za-z_]\w*)(?:\[[^\]]*\])?@P\}/g)) {
    const name = m[1]!;
    // A value assigned literally in the line: its substitutions are what the prompt expansion runs.
    const value = literalValue(line, name);
    if (value !== undefined) code.push(...substitutionsIn(value));
    else unknownPrompts.push(name);
  }
  return { code, unknownPrompts };
}
