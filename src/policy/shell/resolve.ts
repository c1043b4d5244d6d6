// Substitutes variables assigned earlier in the same script (`c=curl; $c …` → `curl …`), in execution order.
import { ANY, applyEffects, arithWrites, forget, functionWrites, knownValue, mktempValue, ONE_FIELD, shapeOf, type Env, type FunctionWrites } from './variable-effects.js';
import { buildWord, wordsFromPieces } from './word-build.js';
import type { AndOrList, Command, ParamPart, Pipeline, Redirect, Script, SimpleCommand, Word, WordPart } from './types.js';



/**
 * Returns a copy of `script` where `$x` / `${x}` are replaced by values assigned earlier in the
 * same script when those values are certain (static, unconditional, not from a subshell).
 * Unquoted replacements are field-split like bash does (`c="curl -d"; $c` → two words).
 * Anything uncertain stays an unresolved (non-static) expansion, so the judge stays strict.
 */
export function resolveVariables(script: Script, known: Readonly<Record<string, string>> = {}, set: readonly string[] = [], outer?: FunctionWrites, posix = false): Script {
  // `known`: variables whose value the judge knows before the line runs (HOME, RAMPART_HOME);
  // `set`: ones set before it with values not known here (what a parent shell exported).
  // (`outer`: functions an enclosing line defined — a body judged at its call may call them.)
  const own = functionWrites(script);
  if (outer) for (const [name, writes] of outer) if (!own.has(name)) own.set(name, writes);
  return new Resolver(own, posix).script(script, new Map<string, string | null>([...set.map((k): [string, null] => [k, null]), ...Object.entries(known)]));
}

class Resolver {
  /** Set while a command's first word is resolved: a shaped value does not name a program. */
  private commandWord = false;
  constructor(private readonly functions: FunctionWrites, private readonly posix = false) {}

  script(s: Script, env: Env): Script {
    return { ...s, body: s.body.map((item) => this.andOr(item, item.background ? new Map(env) : env)) };
  }

  private andOr(item: AndOrList, env: Env): AndOrList {
    const [first, ...rest] = item.pipelines;
    const pipelines = [this.pipeline(first!, env)];
    // after `a && b=1 && $b`, b is certain wherever $b runs; with `||` in the chain it is not
    const chained = item.operators.every((o) => o === '&&');
    let child: Env = new Map(env);
    for (const p of rest) {
      if (!chained) child = new Map(env);
      pipelines.push(this.pipeline(p, child));
      if (!chained) forget(env, child);
    }
    if (chained) forget(env, child);
    return { ...item, pipelines };
  }

  private pipeline(p: Pipeline, env: Env): Pipeline {
    const piped = p.commands.length > 1; // every element of a pipeline runs in a subshell
    return { ...p, commands: p.commands.map((c) => this.command(c, piped ? new Map(env) : env)) };
  }

  private command(c: Command, env: Env): Command {
    const redirects = (rs: Redirect[], e: Env = env): Redirect[] => rs.map((r) => this.redirect(r, e));
    switch (c.kind) {
      case 'simple':
        return this.simple(c, env);
      case 'subshell':
        return { ...c, body: this.script(c.body, new Map(env)), redirects: redirects(c.redirects) };
      case 'group':
        return { ...c, body: this.script(c.body, env), redirects: redirects(c.redirects) };
      case 'if': {
        const clauses = c.clauses.map((cl, i) => {
          const e = i === 0 ? env : this.branch(env);
          return { condition: this.script(cl.condition, e), body: this.branchScript(cl.body, env) };
        });
        const elseBody = c.elseBody && this.branchScript(c.elseBody, env);
        return { ...c, clauses, elseBody, redirects: redirects(c.redirects) };
      }
      case 'while':
      case 'until': {
        // `while read -r d; do …; done <<'EOF'` over literal lines: the body once per line, as a for loop's.
        const lines = c.kind === 'while' ? readLoopLines(c.condition, c.redirects) : undefined;
        if (lines) return { ...c, condition: this.script(c.condition, new Map(env)), body: this.unrolled(c.body, lines.name, lines.lines, env), redirects: redirects(c.redirects) };
        const loop = this.loop(env, (e) => ({ condition: this.script(c.condition, e), body: this.script(c.body, e) }));
        return { ...c, ...loop, redirects: redirects(c.redirects) };
      }
      case 'for': {
        const items = c.items && c.items.flatMap((w) => this.word(w, env, true));
        // `for f in a b *.log`: the body is judged once per item with f bound to it (the items
        // are known words or globs), so `rm -f "$f"` is judged as `rm -f *.log`.
        if (c.variable && items && items.length > 0 && items.length <= 16 && items.every((w) => w.static)) {
          return { ...c, items, body: this.unrolled(c.body, c.variable, items.map((w) => w.value), env), redirects: redirects(c.redirects) };
        }
        const arithmetic = c.arithmetic && this.word(c.arithmetic, env, false)[0]!;
        if (c.arithmetic) unknownAfter(env, c.arithmetic);
        if (c.variable) env.set(c.variable, null);
        const body = this.loop(env, (e) => this.script(c.body, e));
        return { ...c, items, arithmetic, body, redirects: redirects(c.redirects) };
      }
      case 'case': {
        const subject = this.word(c.subject, env, false)[0]!;
        const items = c.items.map((it) => ({ ...it, body: this.branchScript(it.body, env) }));
        return { ...c, subject, items, redirects: redirects(c.redirects) };
      }
      case 'function': {
        // the body runs when called, with variables we cannot know then
        const unknown: Env = new Map([...env.keys()].map((k) => [k, null]));
        return { ...c, body: this.command(c.body, unknown) };
      }
      case 'arith': {
        const expression = this.word(c.expression, env, false)[0]!;
        unknownAfter(env, c.expression);
        return { ...c, expression, redirects: redirects(c.redirects) };
      }
    }
  }

  private branch(env: Env): Env {
    return new Map(env);
  }

  /** A body that may or may not run: its assignments make those variables unknown afterwards. */
  private branchScript(s: Script, env: Env): Script {
    const child = new Map(env);
    const out = this.script(s, child);
    forget(env, child);
    return out;
  }

  /** A loop body may run many times: variables it assigns are unknown inside and after it. */
  private loop<T>(env: Env, run: (e: Env) => T): T {
    const probe = new Map(env);
    run(probe);
    forget(env, probe);
    const child = new Map(env);
    const out = run(child);
    forget(env, child);
    return out;
  }

  /**
   * A loop body once per value of its variable, one after another (what a round assigns is unknown on later rounds).
   * Each round starts with NAME=value, as the shell's own assignment: a judge that follows the environment (a proxy,
   * a registry, a pager exported in the body) sees the value each round gives.
   */
  private unrolled(body: Script, name: string, values: string[], env: Env): Script {
    const bodies = values.map((value) => {
      const child: Env = new Map(env);
      child.set(name, value);
      const probe = new Map(child);
      this.script(body, probe); // a second pass: what the body assigns is unknown on later rounds
      forget(child, probe);
      child.set(name, value);
      const out = this.script(body, child);
      forget(env, child);
      return { ...out, body: [roundAssignment(name, value, body.start), ...out.body] };
    });
    env.set(name, null);
    return { ...body, body: bodies.flatMap((b) => b.body) };
  }

  private redirect(r: Redirect, env: Env): Redirect {
    const target = this.word(r.target, env, false)[0] ?? r.target;
    if (!r.heredoc) return { ...r, target };
    const content = this.word(r.heredoc.content, env, false)[0] ?? r.heredoc.content;
    return { ...r, target, heredoc: { ...r.heredoc, content } };
  }

  private simple(c: SimpleCommand, env: Env): SimpleCommand {
    const assignments = c.assignments.map((a) => ({ ...a, value: this.word(a.value, env, false)[0]! }));
    this.commandWord = true;
    const head = c.words.slice(0, 1).flatMap((w) => this.word(w, env, true));
    this.commandWord = false;
    const words = [...head, ...c.words.slice(1).flatMap((w) => this.word(w, env, true))];
    const redirects = c.redirects.map((r) => this.redirect(r, env));
    applyEffects(env, assignments, words, this.functions, this.posix);
    mapfileFromText(env, words, redirects);
    return { ...c, assignments, words, redirects };
  }

  /** Resolves one word; with `split`, an unquoted replacement is field-split into several words. */
  word(w: Word, env: Env, split: boolean): Word[] {
    if (!w.parts.some((p) => p.kind !== 'literal' && p.kind !== 'tilde')) return [w];
    const pieces: (WordPart | null)[] = [];
    for (const p of w.parts) pieces.push(...this.part(p, env, split));
    if (split) return wordsFromPieces(pieces, w);
    return [buildWord(pieces.filter((p): p is WordPart => p !== null), w.raw, w.start, w.end)];
  }

  private part(p: WordPart, env: Env, split: boolean): (WordPart | null)[] {
    const one = (x: Word | undefined): Word | undefined => x && this.word(x, env, false)[0];
    switch (p.kind) {
      case 'param': {
        // "${a[@]}" of an array the line gave literal elements: each element, as its own word.
        if (/^\$\{[A-Za-z_]\w*\[[@*]\]\}$/.test(p.raw)) {
          const items = env.get(`${p.name}[@]`);
          if (typeof items !== 'string') return [p];
          const els = items === '' ? [] : items.split('\n');
          if (p.quoted && split && p.raw.includes('[@]')) return els.flatMap((e, i) => (i ? [null, { kind: 'literal', text: e, quote: 'double' } as WordPart] : [{ kind: 'literal', text: e, quote: 'double' } as WordPart]));
          return expanded(els.join(' '), p.quoted, split);
        }
        // ${a[N]}: element N of an array the line gave literal elements ($a is element 0); any other
        // subscript, or an array Rampart does not know, stays unknown.
        const sub = /^\$\{[A-Za-z_]\w*\[([^\]]*)\]/.exec(p.raw);
        if (sub) {
          const items = env.get(`${p.name}[@]`);
          const known = typeof items === 'string' ? (items === '' ? [] : items.split('\n')) : knownValue(env.get(p.name)) !== undefined ? [knownValue(env.get(p.name))!] : undefined;
          if (!known || !/^\d+$/.test(sub[1]!) || p.op || p.length || p.indirect || (typeof items !== 'string' && sub[1] !== '0')) return [p];
          return expanded(known[Number(sub[1])] ?? '', p.quoted, split);
        }
        const stored = env.get(p.name);
        const shape = shapeOf(stored);
        const value = shape === undefined && stored !== ONE_FIELD ? stored : null;
        if (stored === ONE_FIELD && !p.op && !p.length && !p.indirect) return [{ ...p, oneField: true }];
        const absent = !env.has(p.name);
        // (A value known only by its shape stands as that text, an expansion still: not as a command's name.)
        // (Unquoted it is split and globbed as the shell would: its literal text breaks at blanks and its `*` matches;
        // each computed part stays an unknown — d="build $(echo ~)"; rm -rf $d removes build and what $(echo ~) prints.)
        if (shape !== undefined && !p.op && !p.length && !p.indirect && !this.commandWord) return p.quoted || !split ? [{ ...p, raw: shape }] : shapePieces(shape, p);
        if (p.op === '=' || p.op === ':=') env.set(p.name, null);
        const plain = !p.op || ((p.op === ':-' || p.op === ':=' || p.op === ':?') && !!value) || p.op === '-' || p.op === '=' || p.op === '?';
        if (typeof value === 'string' && plain && !p.length && !p.indirect) return expanded(value, p.quoted, split);
        // `${X:-word}`, `${X:=word}` with X known empty (a='' earlier, a script's missing operand): the word.
        const argNow = p.arg ? one(p.arg) : undefined;
        if (value === '' && /^:[-=]$/.test(p.op ?? '') && argNow?.static && !p.length && !p.indirect) {
          if (p.op === ':=') env.set(p.name, argNow.value);
          return expanded(argNow.value, p.quoted, split);
        }
        // `${f%.js}`, `${p##*/}`: a known value with a known pattern is cut as bash would.
        const arg = p.arg ? one(p.arg)! : undefined;
        // `${OUT:-dist}` with OUT set nowhere in the line nor in the environment given: the default
        // (a variable the shell always sets — HOME, PWD, USER … — is never taken as unset).
        if (absent && !env.has(ANY) && /^:?[-=]$/.test(p.op ?? '') && arg?.static && !p.length && !p.indirect && !ALWAYS_SET.test(p.name)) {
          if (p.op!.endsWith('=')) env.set(p.name, arg.value);
          return expanded(arg.value, p.quoted, split);
        }
        // `${X:+word}`, `${X+word}`: the word when X is set (and, for :+, not empty), else nothing.
        if (typeof value === 'string' && (p.op === '+' || p.op === ':+') && arg?.static && !p.length && !p.indirect) {
          return expanded(p.op === '+' || value !== '' ? arg.value : '', p.quoted, split);
        }
        if (typeof value === 'string' && p.op && /^(%%?|##?)$/.test(p.op) && arg?.static && !p.length && !p.indirect) {
          return expanded(trimPattern(value, p.op, arg.value), p.quoted, split);
        }
        // Case changes, replacements and substrings of a known value, as bash computes them
        // (A=.SSH; ${A,,} is .ssh; ${A//x/}; ${A:1:3}).
        if (typeof value === 'string' && p.op && !p.length && !p.indirect && (arg === undefined || arg.static)) {
          const v = otherOperator(value, p.op, arg?.value ?? '');
          if (v !== undefined) return expanded(v, p.quoted, split);
        }
        return [arg ? { ...p, arg } : p];
      }
      case 'command-sub': {
        // `$(mktemp …)` is a fresh name below /tmp (see mktempValue).
        const temp = mktempValue({ raw: '', start: 0, end: 0, parts: [p], value: '', static: false, glob: false } as unknown as Word);
        if (temp) return [{ kind: 'literal', text: temp, quote: p.quoted ? 'double' : 'none' }];
        return [{ ...p, script: this.script(p.script, new Map(env)) }];
      }
      case 'process-sub':
        return [{ ...p, script: this.script(p.script, new Map(env)) }];
      case 'arith':
        return [{ ...p, expression: one(p.expression)! }];
      case 'array':
        return [{ ...p, elements: p.elements.map((e) => one(e)!) }];
      default:
        return [p];
    }
  }
}

/** `NAME=value` (a literal value) as a command of its own at `at`: what a loop's round assigns. */
function roundAssignment(name: string, value: string, at: number): AndOrList {
  const word = buildWord([{ kind: 'literal', text: value, quote: 'single' }], value, at, at);
  const command: SimpleCommand = { kind: 'simple', assignments: [{ name, value: word, append: false, raw: `${name}=${value}`, scope: 'shell' }], words: [], redirects: [], start: at, end: at };
  return { kind: 'and-or', pipelines: [{ kind: 'pipeline', negated: false, commands: [command], operators: [], start: at, end: at }], operators: [], background: false, start: at, end: at };
}

/** ${v,,} ${v^^} ${v,} ${v^}, ${v/pat/rep} ${v//pat/rep} (literal or glob pattern), ${v:off[:len]}; undefined for others. */
function otherOperator(value: string, op: string, arg: string): string | undefined {
  if (op === ',,') return value.toLowerCase();
  if (op === '^^') return value.toUpperCase();
  if (op === ',') return value.charAt(0).toLowerCase() + value.slice(1);
  if (op === '^') return value.charAt(0).toUpperCase() + value.slice(1);
  if (op === '/' || op === '//') {
    const at = arg.indexOf('/');
    const pat = at < 0 ? arg : arg.slice(0, at);
    const rep = at < 0 ? '' : arg.slice(at + 1);
    if (pat === '' || /^[#%]/.test(pat)) return undefined;
    const re = new RegExp(pat.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*?').replace(/\?/g, '.'), op === '//' ? 'g' : '');
    return value.replace(re, () => rep);
  }
  if (op === ':') {
    const m = /^\s*(-?\d+)\s*(?::\s*(-?\d+)\s*)?$/.exec(arg);
    if (!m) return undefined;
    const off = Number(m[1]);
    const start = off < 0 ? Math.max(0, value.length + off) : Math.min(off, value.length);
    if (m[2] === undefined) return value.slice(start);
    const len = Number(m[2]);
    return len < 0 ? value.slice(start, Math.max(start, value.length + len)) : value.slice(start, start + len);
  }
  return undefined;
}

// Variables every shell or login session has set (the XDG directories, where set, relocate configuration).
// So are the variables tools and their managers put in a developer's environment (a virtualenv, conda,
// Go, Rust, Java, node's managers, cloud and container CLIs, CI): none is taken as unset.
const ALWAYS_SET = /^(HOME|PWD|OLDPWD|USER|LOGNAME|SHELL|PATH|XDG_\w+|HOSTNAME|HOSTTYPE|OSTYPE|MACHTYPE|UID|EUID|PPID|RANDOM|SECONDS|LINENO|SHLVL|IFS|BASH\w*|[0-9]+|[#?$!@*-]|VIRTUAL_ENV|JAVA_HOME|KUBECONFIG|EDITOR|VISUAL|PAGER|LANG|TERM\w*|CI|(CONDA|GO|CARGO|RUSTUP|DOCKER|npm|NPM|NVM|PYENV|PIP|PYTHON|NODE|DENO|BUN|AWS|GOOGLE|CLOUDSDK|AZURE|AZ|KUBE|HELM|GIT|SSH|GPG|GNUPG|HOMEBREW|ANDROID|GRADLE|MAVEN|SDKMAN|JDK|RBENV|GEM|BUNDLE|COMPOSER|DOTNET|NUGET|TF|TERRAFORM|VAULT|GITHUB|GITLAB|RUNNER|CLAUDE|CODEX|GEMINI|ANTHROPIC|OPENAI|RAMPART|LC|XAUTHORITY|DBUS|WAYLAND|DISPLAY)(_\w*|PATH|ROOT|BIN)?)$/;

/** `${v%pat}`, `${v%%pat}`, `${v#pat}`, `${v##pat}` with a glob pattern (*, ?, literal text). */
export function trimPattern(value: string, op: string, pattern: string): string {
  const re = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  const greedy = op.length === 2;
  if (op[0] === '%') {
    // Shortest (or longest) matching suffix.
    const order = [...Array(value.length + 1).keys()];
    for (const i of greedy ? order : order.reverse()) if (new RegExp(`^(?:${re})$`, 's').test(value.slice(i))) return value.slice(0, i);
    return value;
  }
  const order = [...Array(value.length + 1).keys()];
  for (const i of greedy ? order.reverse() : order) if (new RegExp(`^(?:${re})$`, 's').test(value.slice(0, i))) return value.slice(i);
  return value;
}

/**
 * The pieces a shaped value (text with computed parts, see shapeFor) expands to unquoted: its literal runs break at
 * blanks and may glob; each computed run ($x, ${x…}, $(…), `…`) stays an expansion of unknown value.
 */
function shapePieces(shape: string, p: ParamPart): (WordPart | null)[] {
  const out: (WordPart | null)[] = [];
  const literal = (text: string) => text.split(/([ \t\n]+)/).forEach((s, i) => out.push(i % 2 ? null : { kind: 'literal', text: s, quote: 'none' }));
  let lit = '';
  for (let i = 0; i < shape.length; ) {
    const end = expansionEnd(shape, i);
    if (end === i) {
      lit += shape[i++];
      continue;
    }
    literal(lit);
    lit = '';
    // ($NAME and ${NAME} by their own name — $HOME is HOME's; a substitution stays the shaped variable's expansion.)
    const raw = shape.slice(i, end);
    const name = /^\$\{?([A-Za-z_]\w*|[0-9#?$!@*-])\}?$/.exec(raw)?.[1];
    out.push(name !== undefined ? { kind: 'param', name, raw, quoted: false } : { ...p, raw });
    i = end;
  }
  literal(lit);
  return out;
}

/** Where an expansion starting at `i` ends ($name, $1, $?, ${…}, $(…), $((…)), `…`); `i` when none starts there. */
function expansionEnd(s: string, i: number): number {
  if (s[i] === '`') {
    const close = s.indexOf('`', i + 1);
    return close < 0 ? s.length : close + 1;
  }
  if (s[i] !== '$') return i;
  const next = s[i + 1];
  if (next === '(' || next === '{') {
    const open = next;
    const shut = open === '(' ? ')' : '}';
    let depth = 0;
    for (let k = i + 1; k < s.length; k++) {
      if (s[k] === open) depth++;
      else if (s[k] === shut && --depth === 0) return k + 1;
    }
    return s.length;
  }
  const m = /^[A-Za-z_]\w*|^[0-9#?$!@*-]/.exec(s.slice(i + 1));
  return m ? i + 1 + m[0].length : i;
}

/** The literal pieces a known value expands to; unquoted (and splitting) it breaks at blanks. */
function expanded(value: string, quoted: boolean, split: boolean): (WordPart | null)[] {
  if (quoted) return [{ kind: 'literal', text: value, quote: 'double' }];
  if (!split) return [{ kind: 'literal', text: value, quote: 'none' }];
  const out: (WordPart | null)[] = [];
  value.split(/([ \t\n]+)/).forEach((s, i) => out.push(i % 2 ? null : { kind: 'literal', text: s, quote: 'none' }));
  return out;
}

/** `mapfile -t NAME <<'EOF' … EOF` (or `<<< "a b"` one line): NAME holds those literal lines. */
function mapfileFromText(env: Env, words: Word[], redirects: Redirect[]): void {
  if (!words.every((w) => w.static) || !/^(mapfile|readarray)$/.test(words[0]?.value ?? '')) return;
  const args = words.slice(1).map((w) => w.value);
  const name = args.at(-1);
  if (!name || !/^[A-Za-z_]\w*$/.test(name) || args.slice(0, -1).join(' ') !== '-t') return;
  const r = redirects.at(-1);
  const text = literalInput(r);
  if (text === undefined || !redirects.every((x) => x === r || /^[12]?>/.test(x.op))) return;
  const lines = text.replace(/\n$/, '').split('\n');
  env.set(`${name}[@]`, lines.join('\n'));
  env.set(name, lines[0] ?? '');
}

/** The literal lines a `while [IFS=] read [-r] NAME` loop reads from its own heredoc or here-string, and NAME. */
function readLoopLines(condition: Script, redirects: Redirect[]): { name: string; lines: string[] } | undefined {
  const item = condition.body.length === 1 ? condition.body[0]! : undefined;
  const cmd = item && item.pipelines.length === 1 && item.pipelines[0]!.commands.length === 1 ? item.pipelines[0]!.commands[0]! : undefined;
  if (!cmd || cmd.kind !== 'simple' || cmd.redirects.length || !cmd.words.every((w) => w.static) || cmd.words[0]?.value !== 'read') return undefined;
  if (!cmd.assignments.every((a) => a.name === 'IFS' && a.value.static && a.value.value === '')) return undefined;
  const args = cmd.words.slice(1).map((w) => w.value);
  const name = args.at(-1);
  if (!name || !/^[A-Za-z_]\w*$/.test(name) || !args.slice(0, -1).every((a) => a === '-r')) return undefined;
  const input = redirects.filter((r) => !/^[12]?>/.test(r.op) && r.op !== '>>' && r.op !== '&>');
  const r = input.length === 1 ? input[0]! : undefined;
  const text = literalInput(r);
  if (text === undefined) return undefined;
  // (Without IFS= read trims blanks around the line; -r keeps backslashes — without it they escape.)
  const raw = text.replace(/\n$/, '').split('\n');
  if (!args.includes('-r') && raw.some((l) => l.includes('\\'))) return undefined;
  const lines = cmd.assignments.length ? raw : raw.map((l) => l.trim());
  return lines.length > 0 && lines.length <= 16 ? { name, lines } : undefined;
}

/** The text a heredoc or here-string redirection feeds, when it is literal. */
function literalInput(r: Redirect | undefined): string | undefined {
  if (r?.heredoc) return r.heredoc.content.static ? r.heredoc.content.value : undefined;
  return r?.op === '<<<' && r.target.static ? `${r.target.value}\n` : undefined;
}

/** What `(( … ))` assigns holds a number computed when it runs: no longer the literal it was. */
function unknownAfter(env: Env, expression: Word): void {
  const names = new Set<string>();
  arithWrites(expression.raw, names);
  for (const n of names) env.set(n, null).set(`${n}[@]`, null);
}
