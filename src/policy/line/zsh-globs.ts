// zsh's glob qualifiers: a parenthesised suffix on a glob word (*.json(N), src/*(/), *(.om[1,3])) narrows or orders what it
// matches — nullglob, plain files, directories, by time, the first few. Codex runs every command as `zsh -lc '…'`, and sh's
// grammar reads `(` there as a syntax error, so the line was not understood. Dropping a qualifier that only narrows or orders
// leaves a glob that matches as much or more: judged no more leniently. Qualifiers that run code (e:…:, +fn), widen to
// dot-files (D) or change names (:s/…/ modifiers) are left in place, and the text stays unread as before.

/** One qualifier that only narrows or orders: N . / @ = p * % r w x … file kinds and modes, o/O orders, L/m/a/c sizes and ages, [n,m]. */
const QUALIFIER = String.raw`(?:[N./@=p*%rwxRWXsStUGTFY^-]|[oO][nNLmacd]|[Lmac][smhdwMkKpPgG]?[-+]?\d+|\[\d+(?:,\d+)?\])+`;
/** A glob word (an unquoted * ? or ]) with a qualifier attached, ending the word. */
const QUALIFIED = new RegExp(String.raw`([^\s'"();|&<>]*[*?\]][^\s'"();|&<>]*)\(${QUALIFIER}\)(?=[\s;|&)'"]|$)`, 'g');

/** zsh -c text with the narrowing glob qualifiers dropped (the words read as sh globs). */
export function withoutZshQualifiers(text: string): string {
  return text.replace(QUALIFIED, '$1');
}
