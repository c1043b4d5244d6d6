// less's command line (and the LESS variable, which holds the same options): the files it shows, the files it
// copies its input into (-o/-O/--log-file: every byte piped to it, commit messages an attacker wrote included), the
// key files it loads and the commands it runs at start (+CMD).

export interface LessArgs {
  files: string[];
  logFiles: string[];
  keyFiles: string[];
  commands: string[];
}

// Letters whose value is the rest of the word or the next word (-Ofile, -O file, -SO file, -P prompt, -x4).
const VALUED = /[bhjkoOpPtTxyzD#]/;
// Long options that take a value, as written or as the unique prefix less accepts (--log is --log-file).
const LONG_VALUED = /^--(?:log(?:-(?:f(?:i(?:l(?:e)?)?)?)?)?|lesskey-(?:file|src|content)|tag|tag-file|pattern|prompt|shift|tabs|header|color|quotes|window|jump-target|buffers|max-back-scroll|max-forw-scroll|rscroll|intr|line-num-width|status-col-width|search-options)$/i;

/** Reads less's options as less does: letters cluster until one takes a value, -+X resets X, `--` ends them. */
export function lessArgs(words: readonly string[]): LessArgs {
  const out: LessArgs = { files: [], logFiles: [], keyFiles: [], commands: [] };
  const take = (letter: string, value: string) => {
    if (/^[oO]$/.test(letter) || /^--log/i.test(letter)) out.logFiles.push(value);
    else if (letter === 'k' || /^--lesskey-(file|src)/.test(letter)) out.keyFiles.push(value);
    else if (/^--lesskey-content/.test(letter)) out.keyFiles.push('(text)');
  };
  let opts = true;
  for (let k = 0; k < words.length; k++) {
    const w = words[k]!;
    if (!opts || w === '-' || !/^[-+]/.test(w)) { out.files.push(w); continue; }
    if (w === '--') { opts = false; continue; }
    if (w.startsWith('+')) { out.commands.push(w.replace(/^\++/, '')); continue; }
    if (w.startsWith('--')) {
      const eq = w.indexOf('=');
      const name = eq < 0 ? w : w.slice(0, eq);
      if (eq >= 0) take(name, w.slice(eq + 1));
      else if (LONG_VALUED.test(name)) take(name, words[++k] ?? '');
      continue;
    }
    // (-+X resets option X to its default: no value follows.)
    if (w.startsWith('-+')) continue;
    for (let j = 1; j < w.length; j++) {
      if (!VALUED.test(w[j]!)) continue;
      take(w[j]!, j + 1 < w.length ? w.slice(j + 1) : words[++k] ?? '');
      break;
    }
  }
  return out;
}

/** Whether a start-up command (+CMD) only moves or searches: `+G`, `+42g`, `+/TODO|FIXME` (a search's `|` is an
 *  alternation), a count alone (`+100`), `+&error` — not `!` (a shell), `|` (a pipe from a mark), `s` (save the input), `v` (an editor), `:e`. */
export const plainLessCommand = (cmd: string): boolean => /^(?:\d*[gGpP%FjkdubfwzyY ])*(?:\d*[/?&][!*@^]*[^]*|\d*)$/.test(cmd);

/** The options of the LESS variable as words (a `$` ends a string option there: -O/tmp/log$). */
export const lessVariableWords = (value: string): string[] => value.trim().split(/\s+|\$/).filter((w) => w !== '');

/** What a start-up command (+CMD) does beyond moving and searching, as less reads it after any moves and a count:
 *  `!CMD` (`+10!CMD`) runs CMD; `|mCMD` (`+|$CMD`, `+G|^CMD`) pipes the text from mark m into CMD. Anything else not plain
 *  — v (the editor), s F (save the input), :e F, -X (an option), a key bound in a key file — is `other`: not modelled. */
export function lessStartCommand(cmd: string): { shell?: string; piped?: string; other: boolean } {
  if (plainLessCommand(cmd)) return { other: false };
  const m = /^(?:\d*[gGpP%FjkdubfwzyY ])*\d*(?:!(.*)|\|[\s\S]([\s\S]*))$/s.exec(cmd);
  if (m?.[1] !== undefined) return { shell: m[1], other: false };
  if (m?.[2] !== undefined) return { piped: m[2], other: false };
  return { other: true };
}
