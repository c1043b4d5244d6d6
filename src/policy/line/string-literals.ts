// A string literal's text as its language reads it. A one-liner's literal command (`os.system("…")`,
// `execSync("…")`, `system("…")`) is judged as the line the shell gets, so its escapes are decoded the
// way that language decodes them: `"echo ok\nrm -rf ~"` is two commands, `"\x24HOME"` is `$HOME`, and a
// single-quoted Perl, Ruby or PHP string keeps its backslashes. An escape the judge cannot decode
// (Python's `\N{NAME}`, Perl's `\c`) makes the literal unknown: the call is then not a literal run.

import { charOfCode } from '../shell/code-point.js';

const SIMPLE: Record<string, string> = { n: '\n', t: '\t', r: '\r', f: '\f', v: '\v', a: '\x07', b: '\b', e: '\x1b', s: ' ', '0': '\0' };

/** Escapes each language knows (beyond \\ and the quotes); an unknown one keeps its backslash in Python and PHP. */
const KNOWN: Record<string, string> = { python: 'ntrfvab', node: 'ntrfvb', bun: 'ntrfvb', deno: 'ntrfvb', perl: 'ntrfaeb', ruby: 'ntrfvabes', php: 'ntrfve' };

/** Decodes the body of a double-quoted (interpolating) literal in `lang`; undefined when an escape is not decodable. */
function decodeEscapes(body: string, lang: string): string | undefined {
  const known = KNOWN[lang] ?? 'ntrfvab';
  const keepUnknown = lang === 'python' || lang === 'php';
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c !== '\\' || i + 1 >= body.length) {
      out += c;
      continue;
    }
    const n = body[++i]!;
    const rest = body.slice(i + 1);
    let m: RegExpExecArray | null;
    if (n === '\n') continue; // a line continued
    if (known.includes(n)) out += SIMPLE[n]!;
    else if (n === 'x' && (m = /^\{([0-9a-fA-F]{1,6})\}/.exec(rest)) && lang === 'perl') { out += charOfCode(parseInt(m[1]!, 16)); i += m[0].length; }
    else if (n === 'x' && (m = (/^(node|bun|deno|python)$/.test(lang) ? /^[0-9a-fA-F]{2}/ : /^[0-9a-fA-F]{1,2}/).exec(rest))) { out += String.fromCharCode(parseInt(m[0], 16)); i += m[0].length; }
    else if (n === 'u' && (m = /^\{([0-9a-fA-F]{1,6})\}/.exec(rest)) && lang !== 'python') { out += charOfCode(parseInt(m[1]!, 16)); i += m[0].length; }
    else if (n === 'u' && (m = /^[0-9a-fA-F]{4}/.exec(rest)) && lang !== 'perl' && lang !== 'php') { out += String.fromCharCode(parseInt(m[0], 16)); i += m[0].length; }
    else if (n === 'U' && (m = /^[0-9a-fA-F]{8}/.exec(rest)) && lang === 'python') { out += charOfCode(parseInt(m[0], 16)); i += m[0].length; }
    else if (n === 'N' && (m = /^\{U\+([0-9a-fA-F]{1,6})\}/.exec(rest)) && lang === 'perl') { out += charOfCode(parseInt(m[1]!, 16)); i += m[0].length; }
    else if (/[0-7]/.test(n)) {
      const o = /^[0-7]{0,2}/.exec(rest)![0];
      out += String.fromCharCode(parseInt(n + o, 8));
      i += o.length;
    } else if (/[NcCMLlUuEQxX]/.test(n) && !keepUnknown) return undefined; // \N{name}, \cX, Perl's case escapes: not read
    else if (n === 'N' || (n === 'x' || n === 'u' || n === 'U') && lang === 'python') return undefined;
    else if (keepUnknown && !/["'\\$`]/.test(n)) out += `\\${n}`;
    else out += n;
  }
  return out;
}

/** The text of a quoted literal (quotes included) as `lang` reads it; undefined when it cannot be decoded. */
export function unquote(quoted: string, lang: string): string | undefined {
  const q = quoted[0]!;
  const body = quoted.slice(1, -1);
  // Perl's, Ruby's, PHP's and the shell's single quotes keep every backslash but those before \ and the quote.
  if (q === "'" && /^(perl|ruby|php)$/.test(lang)) return body.replace(/\\([\\'])/g, '$1');
  return decodeEscapes(body, lang);
}

/**
 * Python's prefixed literals read as plain ones: r'…' (raw: backslashes kept), b'…', u'…', and an
 * f-string without holes. An f-string with a hole stays as written (its value is computed).
 */
export function plainPythonLiterals(code: string): string {
  // (Every literal is matched whole, left to right, so a prefix-like word inside another literal — '-rf' — is no prefix.)
  return code.replace(/(?:(?<![\w.])([rRbBuUfF]{1,2}))?("""[\s\S]*?"""|'''[\s\S]*?'''|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')/g, (m, p: string | undefined, lit: string) => {
    if (p === undefined || lit.length > 2 && lit[0] === lit[1] && lit[1] === lit[2]) return m;
    if (/[fF]/.test(p) && /[{}]/.test(lit)) return m;
    if (!/[rR]/.test(p)) return lit;
    const q = lit[0]!;
    return q + lit.slice(1, -1).replace(/\\/g, '\\\\').replace(new RegExp(q, 'g'), `\\${q}`) + q;
  });
}

/** A hole an interpolating literal fills when the code runs. */
export const HOLE = '${__computed}';

/**
 * The body of an interpolating literal with each hole it fills at run time marked as HOLE: Perl's and PHP's
 * `$x`, `${x}`, `$h{k}`, `$a[0]`, `$o->p`, Perl's `@x`, Ruby's `#{…}` (escaped sigils stay as written).
 */
export function markHoles(body: string, lang: string): string {
  if (lang === 'ruby') return body.replace(/(?<!\\)#\{[^}]*\}/g, HOLE);
  if (lang === 'perl' || lang === 'php') {
    const sigils = lang === 'perl' ? '[$@]' : '\\$';
    return body.replace(new RegExp(String.raw`(?<!\\)(?:\{\$[^}]*\}|${sigils}(?:\{[^}]*\}|[A-Za-z_]\w*(?:::\w+)*)(?:\{[^}]*\}|\[[^\]]*\]|->\w+)*)`, 'g'), HOLE);
  }
  return body;
}
