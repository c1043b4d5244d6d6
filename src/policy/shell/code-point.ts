// A character given by its number in some escape (\U0010FFFF, \u{…}, String.fromCodePoint(…), a key code). A number
// past Unicode's last code point, negative or not an integer names no character: bash's $'…' and printf print nothing
// for it, and a language that would refuse the literal runs no code with it. Reading it must never stop the judge
// (String.fromCodePoint throws a RangeError there, and an exception is no verdict).

/** The character numbered `n`, or '' when no character has that number. */
export function charOfCode(n: number): string {
  return Number.isInteger(n) && n >= 0 && n <= 0x10ffff ? String.fromCodePoint(n) : '';
}
