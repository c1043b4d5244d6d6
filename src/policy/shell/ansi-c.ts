// Decoding of `$'…'` (ANSI-C quoting), the spelling agents use to hide a command name (`$'\x63url'`).

import { charOfCode } from './code-point.js';

const SIMPLE: Record<string, string> = {
  a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v',
  '\\': '\\', "'": "'", '"': '"', '?': '?',
};

/** Reads `$'…'` at the cursor position `pos` (pointing at `$`); returns decoded text and the end index. */
export function readAnsiC(text: string, pos: number): { value: string; end: number } | null {
  let i = pos + 2;
  let raw = '';
  while (i < text.length) {
    const c = text[i]!;
    if (c === "'") return { value: decodeAnsiC(raw), end: i + 1 };
    if (c === '\\' && i + 1 < text.length) {
      raw += c + text[i + 1];
      i += 2;
      continue;
    }
    raw += c;
    i++;
  }
  return null;
}

/** Decodes the backslash escapes of an ANSI-C quoted body. */
export function decodeAnsiC(body: string): string {
  let out = '';
  let i = 0;
  while (i < body.length) {
    const c = body[i]!;
    if (c !== '\\' || i + 1 >= body.length) {
      out += c;
      i++;
      continue;
    }
    const n = body[i + 1]!;
    if (n in SIMPLE) {
      out += SIMPLE[n];
      i += 2;
    } else if (/[0-7]/.test(n)) {
      const m = /^[0-7]{1,3}/.exec(body.slice(i + 1))![0];
      out += String.fromCharCode(parseInt(m, 8) & 0xff);
      i += 1 + m.length;
    } else if (n === 'x' || n === 'u' || n === 'U') {
      const max = n === 'x' ? 2 : n === 'u' ? 4 : 8;
      const m = new RegExp(`^[0-9a-fA-F]{1,${max}}`).exec(body.slice(i + 2));
      if (!m) {
        out += '\\' + n;
        i += 2;
        continue;
      }
      const code = parseInt(m[0], 16);
      out += charOfCode(code);
      i += 2 + m[0].length;
    } else if (n === 'c' && i + 2 < body.length) {
      out += String.fromCharCode(body.charCodeAt(i + 2) & 0x1f);
      i += 3;
    } else {
      out += '\\' + n;
      i += 2;
    }
  }
  return out;
}
