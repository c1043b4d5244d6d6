// Finds the scripts a word runs ($( ), backticks, <( ), >( )), with how each is embedded in the word.
import type { Script, Word, WordPart } from './types.js';

export type SubstitutionStyle = 'dollar' | 'backtick' | 'process-in' | 'process-out';

/** One substitution inside a word. */
export interface SubstitutionRef {
  script: Script;
  style: SubstitutionStyle;
  /** Inside double quotes (its output is not word-split). */
  quoted: boolean;
  /** The word is nothing but this substitution (`"$(curl …)"`, `<(curl …)`). */
  wholeWord: boolean;
}

/** Every substitution of a word, including those inside `${x:-…}` operands, arithmetic and arrays. */
export function substitutionsOf(word: Word): SubstitutionRef[] {
  const meaningful = word.parts.filter((p) => !(p.kind === 'literal' && p.text === ''));
  const out: SubstitutionRef[] = [];
  const visit = (parts: WordPart[], top: boolean, quoted: boolean): void => {
    for (const p of parts) {
      const whole = top && meaningful.length === 1 && meaningful[0] === p;
      if (p.kind === 'command-sub') out.push({ script: p.script, style: p.style, quoted: p.quoted || quoted, wholeWord: whole });
      else if (p.kind === 'process-sub') {
        out.push({ script: p.script, style: p.direction === 'in' ? 'process-in' : 'process-out', quoted: false, wholeWord: whole });
      } else if (p.kind === 'param' && p.arg) visit(p.arg.parts, false, p.quoted);
      else if (p.kind === 'arith') visit(p.expression.parts, false, p.quoted);
      else if (p.kind === 'array') for (const e of p.elements) visit(e.parts, false, false);
    }
  };
  visit(word.parts, true, false);
  return out;
}
