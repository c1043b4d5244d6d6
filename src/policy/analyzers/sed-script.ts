// A sed script read as GNU sed reads it: addresses (1,5 /re/ \%re% $ 0,/re/ first~step addr,+N addr!),
// { … } blocks, commands separated by `;` or newlines. What matters to Rampart is what a command does
// beyond editing text — `w`/`W` and s///w write a file, `r`/`R` put a file into the output, `e` and
// s///e run shell commands — and that is only found where a command stands, never in a pattern, a
// replacement or a/i/c text (`s/view/edit/`, `/w /p`).

/** What a sed script does outside its text. `parsed` is false where the script is not sed as GNU sed reads it. */
export interface SedEffects {
  parsed: boolean;
  writes: string[];
  reads: string[];
  /** Shell commands: `e CMD`'s text; '' for an `e` or s///e that runs text the input supplies. */
  runs: string[];
}

// Commands with no argument, or an optional number (q Q l L), and those whose argument runs to the end of the line.
const PLAIN = new Set('=dDgGhHnNpPxzF'.split(''));
const NUMBERED = new Set('qQlL'.split(''));
const TO_EOL = new Set('rRwWe'.split(''));

/** Reads a sed script (the -e pieces joined by newlines, as sed joins them). */
export function sedEffects(script: string): SedEffects {
  const out: SedEffects = { parsed: true, writes: [], reads: [], runs: [] };
  let i = 0;
  const s = script;
  const eol = () => {
    const end = s.indexOf('\n', i);
    const text = s.slice(i, end < 0 ? s.length : end);
    i = end < 0 ? s.length : end + 1;
    return text;
  };
  const blanks = () => { while (i < s.length && /[ \t]/.test(s[i]!)) i++; };
  // A delimited piece (a regex, a replacement): up to the unescaped delimiter; false when it never closes.
  const delimited = (d: string): boolean => {
    for (; i < s.length; i++) {
      if (s[i] === '\\') i++;
      else if (s[i] === d) { i++; return true; }
      else if (s[i] === '\n' && d !== '\n') return false;
    }
    return false;
  };
  const address = (): boolean => {
    if (/\d/.test(s[i] ?? '')) {
      while (/\d/.test(s[i] ?? '')) i++;
      if (s[i] === '~') { i++; while (/\d/.test(s[i] ?? '')) i++; }
      return true;
    }
    if (s[i] === '$') { i++; return true; }
    if (s[i] === '/' || s[i] === '\\') {
      const d = s[i] === '\\' ? s[++i] : '/';
      i++;
      if (d === undefined || d === '\n' || !delimited(d)) return (out.parsed = false);
      while (/[IM]/.test(s[i] ?? '')) i++;
      return true;
    }
    return false;
  };
  let depth = 0;
  while (i < s.length && out.parsed) {
    while (i < s.length && /[\s;]/.test(s[i]!)) i++;
    if (i >= s.length) break;
    if (s[i] === '#') { eol(); continue; }
    if (address()) {
      blanks();
      if (s[i] === ',') {
        i++;
        blanks();
        if (/[+~]/.test(s[i] ?? '')) { i++; while (/\d/.test(s[i] ?? '')) i++; } else if (!address()) return { ...out, parsed: false };
      }
    }
    blanks();
    while (s[i] === '!') { i++; blanks(); }
    const c = s[i++];
    if (c === undefined) return { ...out, parsed: false };
    if (c === '{') { depth++; continue; }
    if (c === '}') { depth--; continue; }
    if (PLAIN.has(c)) continue;
    if (NUMBERED.has(c)) { blanks(); while (/\d/.test(s[i] ?? '')) i++; continue; }
    if (c === ':' || c === 'b' || c === 't' || c === 'T' || c === 'v') {
      // (A label runs to `;`, a blank or the end of the line: what follows it is read as the next command.)
      blanks();
      while (i < s.length && !/[;\s]/.test(s[i]!)) i++;
      continue;
    }
    if (c === 'a' || c === 'i' || c === 'c') {
      // Text to the end of the line; a trailing backslash continues it (a\ on its own line included).
      for (;;) {
        const line = eol();
        if (!/(^|[^\\])(\\\\)*\\$/.test(line) || i >= s.length) break;
      }
      continue;
    }
    if (TO_EOL.has(c)) {
      blanks();
      const arg = eol().trim();
      if (c === 'e') out.runs.push(arg);
      else if (c === 'r' || c === 'R') out.reads.push(arg);
      else out.writes.push(arg);
      continue;
    }
    if (c === 's' || c === 'y') {
      const d = s[i++];
      if (d === undefined || d === '\n' || d === '\\' || !delimited(d) || !delimited(d)) return { ...out, parsed: false };
      if (c === 'y') continue;
      // Flags: g p i I m M e, a number, and w FILE (the rest of the line).
      for (;;) {
        const f = s[i];
        if (f !== undefined && /[gpiImM\d]/.test(f)) i++;
        else if (f === 'e') { i++; out.runs.push(''); }
        else if (f === 'w') { i++; blanks(); out.writes.push(eol().trim()); break; }
        else break;
      }
      continue;
    }
    return { ...out, parsed: false };
  }
  return depth === 0 ? out : { ...out, parsed: false };
}

/** True when sed scripts run shell commands (`e`, s///e); a script GNU sed would not read is searched for an `e` where a command may stand. */
export function sedRuns(scripts: readonly string[]): boolean {
  const e = sedEffects(scripts.join('\n'));
  return e.runs.length > 0 || (!e.parsed && scripts.some((x) => /(^|[;\n{}]|\d|\$|\/)\s*e(\s|$)|s(.).*\2.*\2[gpIiMm0-9]*e[gpIiMm0-9]*$/.test(x)));
}
