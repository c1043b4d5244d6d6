// Flattens a parsed script into every simple command that will or may run, with pipes and nesting.
import type { FlatCommand, Origin, WordLocation } from './flat-command.js';
import { substitutionsOf } from './substitutions.js';
import type { Command, Redirect, Script, SimpleCommand, Word } from './types.js';

interface Ctx {
  background: boolean;
  conditional: boolean;
  subshell: boolean;
  /** Enclosing subshells, outermost first. */
  scopes: number[];
  negated: boolean;
  depth: number;
  origin: DraftOrigin | null;
  inFunction: string | null;
  pipe: FlatCommand['pipeline'];
  stderrPiped: boolean;
  /** Redirections of enclosing compound commands (`{ …; } > f`, `while …; done < f`): they apply to every command inside. */
  inherited: Redirect[];
  /** Enclosing `for NAME in WORDS` loops, outermost first. */
  loops?: { variable: string; items: Word[] }[];
}
type DraftOrigin = Omit<Origin, 'parent'> & { parentDraft: FlatCommand | null };

class Flattener {
  readonly out: FlatCommand[] = [];
  readonly origins = new Map<FlatCommand, DraftOrigin>();
  readonly links: { from: FlatCommand[]; to: FlatCommand[] }[] = [];
  readonly functions = new Set<string>();
  private nextPipeline = 0;
  private nextScope = 0;

  script(s: Script, ctx: Ctx): void {
    for (const item of s.body) {
      const c = { ...ctx, background: ctx.background || item.background };
      item.pipelines.forEach((p, i) => this.pipeline(p, i > 0 ? { ...c, conditional: true } : c));
    }
  }

  private pipeline(p: Script['body'][number]['pipelines'][number], ctx: Ctx): void {
    const id = this.nextPipeline++;
    const length = p.commands.length;
    const groups: FlatCommand[][] = [];
    p.commands.forEach((cmd, index) => {
      const before = this.out.length;
      this.command(cmd, {
        ...ctx,
        subshell: ctx.subshell || length > 1,
        scopes: length > 1 ? [...ctx.scopes, this.nextScope++] : ctx.scopes,
        negated: ctx.negated || p.negated,
        pipe: { id, index, length },
        stderrPiped: ctx.stderrPiped || p.operators[index] === '|&',
      });
      const made = this.out.slice(before);
      // stdout reaches the pipe only from commands at this level; a substitution's output becomes a word
      groups.push(made.filter((d) => this.origins.get(d) === ctx.origin || (!this.origins.has(d) && !ctx.origin)));
      // stdin is inherited by everything, substitutions included: `curl x | sh -c "$(cat)"`
      if (index > 0) this.links.push({ from: groups[index - 1]!, to: made });
    });
  }

  private command(cmd: Command, ctx0: Ctx): void {
    // A compound's own redirections reach every command in it; one with none inside still opens them.
    const ctx: Ctx = cmd.kind === 'simple' || cmd.redirects.length === 0 ? ctx0 : { ...ctx0, inherited: [...ctx0.inherited, ...cmd.redirects] };
    // (Its redirections' substitutions run first, as bash opens them before the compound runs: a loop fed
    // by `< <(ls -A)` reads what ls printed.)
    if (cmd.kind !== 'simple') this.redirects(cmd.redirects, ctx0, null);
    const before = this.out.length;
    this.compound(cmd, ctx);
    if (cmd.kind !== 'simple' && cmd.redirects.length > 0 && this.out.length === before) {
      this.simple({ kind: 'simple', assignments: [], words: [], redirects: [], start: cmd.start, end: cmd.end }, ctx);
    }
  }

  private compound(cmd: Command, ctx: Ctx): void {
    const maybe = { ...ctx, conditional: true };
    const words = (ws: Word[], c: Ctx): void => ws.forEach((w) => this.subs(w, c, null, 'compound', -1));
    switch (cmd.kind) {
      case 'simple':
        return this.simple(cmd, ctx);
      case 'subshell':
        this.script(cmd.body, { ...ctx, subshell: true, scopes: [...ctx.scopes, this.nextScope++] });
        break;
      case 'group':
        this.script(cmd.body, ctx);
        break;
      case 'if':
        cmd.clauses.forEach((cl, i) => {
          this.script(cl.condition, i === 0 ? ctx : maybe);
          this.script(cl.body, maybe);
        });
        if (cmd.elseBody) this.script(cmd.elseBody, maybe);
        break;
      case 'while':
      case 'until':
        this.script(cmd.condition, ctx);
        this.script(cmd.body, maybe);
        break;
      case 'for':
        (cmd.items ?? []).forEach((w) => this.subs(w, ctx, null, 'compound', -1, { variable: cmd.variable, items: cmd.items!.length }));
        if (cmd.arithmetic) words([cmd.arithmetic], ctx);
        this.script(cmd.body, cmd.items && cmd.variable ? { ...maybe, loops: [...(ctx.loops ?? []), { variable: cmd.variable, items: cmd.items }] } : maybe);
        break;
      case 'case':
        words([cmd.subject], ctx);
        for (const item of cmd.items) {
          words(item.patterns, maybe);
          this.script(item.body, maybe);
        }
        break;
      case 'function':
        this.functions.add(cmd.name);
        this.command(cmd.body, { ...maybe, inFunction: cmd.name });
        break;
      case 'arith':
        words([cmd.expression], ctx);
        break;
    }
  }

  private simple(cmd: SimpleCommand, ctx: Ctx): void {
    const draft: FlatCommand = {
      index: -1, command: cmd, argv: cmd.words, assignments: cmd.assignments, redirects: [...ctx.inherited, ...cmd.redirects],
      pipeline: ctx.pipe, stdinFrom: [], stdoutTo: [], stderrPiped: ctx.stderrPiped,
      background: ctx.background, conditional: ctx.conditional, subshell: ctx.subshell, scopes: ctx.scopes, negated: ctx.negated,
      depth: ctx.depth, origin: null, inFunction: ctx.inFunction, callsFunction: false,
      ...(ctx.loops?.length ? { loops: ctx.loops } : {}),
    };
    cmd.assignments.forEach((a, i) => this.subs(a.value, ctx, draft, 'assignment', i));
    cmd.words.forEach((w, i) => this.subs(w, ctx, draft, 'argv', i));
    this.redirects(cmd.redirects, ctx, draft);
    if (ctx.origin) this.origins.set(draft, ctx.origin);
    this.out.push(draft);
  }

  private redirects(rs: Redirect[], ctx: Ctx, parent: FlatCommand | null): void {
    rs.forEach((r, i) => {
      this.subs(r.target, ctx, parent, parent ? 'redirect' : 'compound', parent ? i : -1);
      if (r.heredoc) this.subs(r.heredoc.content, ctx, parent, parent ? 'heredoc' : 'compound', parent ? i : -1);
    });
  }

  private subs(word: Word, ctx: Ctx, parent: FlatCommand | null, location: WordLocation, wordIndex: number, loop?: { variable: string; items: number }): void {
    for (const s of substitutionsOf(word)) {
      const origin: DraftOrigin = { style: s.style, parentDraft: parent, location, wordIndex, word, quoted: s.quoted, wholeWord: s.wholeWord, ...(loop ? { loopVariable: loop.variable, loopItems: loop.items } : {}) };
      const pipe = { id: this.nextPipeline++, index: 0, length: 1 };
      // A substitution's output is captured: the enclosing redirections do not apply inside it.
      this.script(s.script, { ...ctx, subshell: true, scopes: [...ctx.scopes, this.nextScope++], depth: ctx.depth + 1, origin, pipe, stderrPiped: false, negated: false, inherited: [] });
    }
  }
}

/** Every simple command of `script` that will or may run, in execution order (substitutions before their parent). */
export function commandsOf(script: Script): FlatCommand[] {
  const f = new Flattener();
  const pipe = { id: -1, index: 0, length: 1 };
  f.script(script, {
    background: false, conditional: false, subshell: false, scopes: [], negated: false, depth: 0,
    origin: null, inFunction: null, pipe, stderrPiped: false, inherited: [],
  });
  f.out.forEach((d, i) => (d.index = i));
  for (const d of f.out) {
    const o = f.origins.get(d);
    if (o) {
      const { parentDraft, ...rest } = o;
      d.origin = { ...rest, parent: parentDraft ? parentDraft.index : null };
    }
    d.callsFunction = !!d.argv[0]?.static && f.functions.has(d.argv[0].value);
  }
  for (const { from, to } of f.links) {
    for (const a of from) for (const b of to) {
      if (!a.stdoutTo.includes(b.index)) a.stdoutTo.push(b.index);
      if (!b.stdinFrom.includes(a.index)) b.stdinFrom.push(a.index);
    }
  }
  return f.out;
}

/** Names of all functions the script defines (`f() { … }`, `function f { … }`), at any depth. */
export function functionsOf(script: Script): string[] {
  const f = new Flattener();
  f.script(script, {
    background: false, conditional: false, subshell: false, scopes: [], negated: false, depth: 0,
    origin: null, inFunction: null, pipe: { id: -1, index: 0, length: 1 }, stderrPiped: false, inherited: [],
  });
  return [...f.functions];
}
