// The pure evaluator: argv + context → Evaluation. The strictest matching rule wins; the policy's
// explicit default applies when nothing matches.
import { posix } from 'node:path';
import { analyze, ANALYZERS } from './analyzers/index.js';
import { canonicalTool } from './analyzers/identity.js';
import { isShell, quote, unwrap } from './line/unwrap.js';
import { languageOf } from './line/interpreters.js';
import { judgeLine } from './line/judge-line.js';
import { UNKNOWN_CWD } from './line/state.js';
import { environmentFacts } from './shim-env.js';
import { STDIN } from './analyzers/common.js';
import { stricter } from './decision.js';
import type { Facts } from './facts.js';
import { canonicalHost, hostMatches, isLocalEndpoint, isLoopback } from './hosts.js';
import { expandGlob, OUTPUT_DIR, pathClassifier, TOKEN_FILE, type PathClass, type PathClassifier } from './paths.js';
import type { CompiledPolicy, Condition, HostClass, Rule } from './policy.js';
import type { Context, Evaluation, RuleMatch } from './types.js';

export type { CompiledPolicy } from './policy.js';

/** Facts with every path classified and every host sorted into classes; what conditions read. */
export interface Judged {
  facts: Facts;
  argv: readonly string[];
  env: Context['env'];
  hostClasses: Set<HostClass>;
  pathClasses: Record<'sends' | 'writes' | 'deletes' | 'reads' | 'stages', Set<PathClass>>;
}

const classifierCache = new WeakMap<CompiledPolicy, Map<string, PathClassifier>>();

function classifierFor(policy: CompiledPolicy, ctx: Context): PathClassifier {
  let byCtx = classifierCache.get(policy);
  if (!byCtx) classifierCache.set(policy, (byCtx = new Map()));
  const key = `${ctx.home}\0${ctx.rampartHome}\0${ctx.projectRoot}\0${ctx.cwd}`;
  let c = byCtx.get(key);
  if (!c) {
    if (byCtx.size > 256) byCtx.clear();
    c = pathClassifier(policy.paths, ctx);
    byCtx.set(key, c);
  }
  return c;
}

/** Sorts a command's hosts into the classes rules name. */
export function hostClasses(policy: CompiledPolicy, facts: Facts): Set<HostClass> {
  const out = new Set<HostClass>();
  const { allowHosts, denyHosts, sshHosts } = policy.network;
  // Allowing loopback in one spelling allows it in all (127.0.0.2, 0.0.0.0, [::ffff:127.0.0.1]).
  const loopbackAllowed = allowHosts.some((p) => isLoopback(canonicalHost(p)));
  for (const h of facts.hosts) {
    out.add('any');
    const denied = denyHosts.some((p) => hostMatches(h.host, p));
    const allowed = allowHosts.some((p) => hostMatches(h.host, p)) || (loopbackAllowed && isLocalEndpoint(h));
    if (denied || !allowed) out.add('disallowed');
    if (denied || !sshHosts.some((p) => hostMatches(h.host, p))) out.add('ssh_disallowed');
    if (!isLocalEndpoint(h)) out.add('non_loopback');
  }
  return out;
}

/** The facts an analyzer finds in argv (tool = basename of argv[0]). */
export function analyzeArgv(argv: readonly string[], ctx: Context): Facts {
  const tool = canonicalTool(argv[0] ?? '');
  const facts = analyze({ tool, args: argv.slice(1), env: ctx.env, cwd: ctx.cwd, home: ctx.home, git: ctx.git, ...(ctx.movedOut ? { movedOut: true } : {}), ...(ctx.realpath ? { realpath: ctx.realpath } : {}), depth: 0 });
  // (git in a repository the line just cloned — not pointed elsewhere by -C, --git-dir, --work-tree or GIT_DIR — rewrites
  // no history of the user's: git filter-repo in a fresh /tmp clone. reset --hard and clean -f stay asked there, as DESIGN
  // lists them without exception.)
  // (Only looked at for such a clone: nothing is added to the shim's per-call path.)
  if (ctx.freshClone && tool === 'git' && !argv.some((a) => /^(-C|--git-dir|--work-tree)/.test(a)) && ctx.env.GIT_DIR === undefined && ctx.env.GIT_WORK_TREE === undefined) facts.tags.delete('rewrite-history');
  return facts;
}

/** Analyzes argv and classifies everything it touches. */
export function judge(policy: CompiledPolicy, argv: readonly string[], ctx: Context): Judged {
  return judgeFacts(policy, analyzeArgv(argv, ctx), argv, ctx);
}

/** Device files that are no file at all (/dev/null, the terminal, the caller's own descriptors). */
const isFile = (p: string): boolean => !/^\/dev\/(null|zero|stdout|stderr|stdin|tty|fd\/\d+|pts\/\d+)$/.test(p);

/** What a write to `w` may land on: the path, and a new entry inside it when it may be a directory. */
function writeTargets(w: string, abs?: string): string[] {
  if (w === STDIN || !mayBeDirectory(w)) return [w];
  const dir = w.replace(/\/+$/, '') || '/';
  const child = `${dir}/-written-into-`;
  // `cp x /tmp/`, `cp x /tmp`, `tar -C .` after `cd /tmp`: a new entry in the temp dir, never the temp dir itself.
  return w.endsWith('/') || /^\/(tmp|var\/tmp|dev\/shm)$/.test(dir) || (abs !== undefined && /^\/(tmp|var\/tmp|dev\/shm)$/.test(abs)) ? [child] : [w, child];
}

/** Programs that write a whole file, replacing what was there. */
const REPLACERS = /^(cp|mv|dd|install|tee|ln|gcp|ditto|cat|sponge|rsync|scp)$/;

/** A write target that may be a directory: a trailing slash, or a last name without an extension. */
function mayBeDirectory(p: string): boolean {
  // (A dot-file named as a history or rc file is one: ~/.bash_history, ~/.lesshst, ~/.vimrc.)
  const last = p.slice(p.lastIndexOf('/') + 1);
  return p.endsWith('/') || (!/.\.[^./]+$/.test(last) && !/^\.[\w-]*(_history|hst|rc|_profile)$/.test(last));
}

/** Classifies the hosts and paths of facts (stdin/stdout of the context included). */
export function judgeFacts(policy: CompiledPolicy, facts: Facts, argv: readonly string[], ctx: Context): Judged {
  const classifier = classifierFor(policy, ctx);
  const classesOf = (paths: string[], contains = true, shown = false, leaf = false, split = false, files = false): Set<PathClass> => {
    const out = new Set<PathClass>();
    for (const p of paths) {
      const given = p === STDIN ? ctx.stdin : p;
      if (!given) continue;
      for (const c of classifier.classify(given, { contains, leaf, files })) out.add(c);
      // (An operand an unquoted expansion may split — rm -rf build/$x — is more operands, each unknown: deleted or
      // written, unknown is outside the project.)
      // (…and so is what a program derives below it: find cache-$k -delete removes cache-$k/*.)
      if (split && ctx.splitFields) for (const [op, fields] of ctx.splitFields) if (given === op || given.startsWith(`${op}/`)) for (const f of fields) for (const c of classifier.classify(f, { contains, leaf })) out.add(c);
      // Every dot-file of a directory in the project (apps/web/.*) includes the .env that may be there.
      // (With dotglob, `*` is such a glob too; at HOME's top it names ~/.netrc, as `~/.*` does.)
      // (…only where it is read or sent: `rm -rf dist/*` under dotglob removes no more than `rm -rf dist` would, and
      // deleting or changing a subdirectory's dot-files — rm -rf dist/.[!.]* — is clearing it; at the project's top
      // the glob takes its .env.)
      // A relative name read or sent after a `cd` only the running shell resolves (cd "$X", CDPATH) is that name
      // wherever it lands: a secret's name (.env, id_rsa, *.pem) is judged as that secret.
      const resolved = classifier.resolve(given);
      if (resolved.startsWith(`${UNKNOWN_CWD}/`) && shown) for (const c of classifier.classify(`${ctx.projectRoot}/${resolved.slice(UNKNOWN_CWD.length + 1)}`)) if (c === 'project_secret') out.add(c);
      // (…and where a cd through CDPATH may have gone: CDPATH=~ cd .ssh; cat id_rsa, >> authorized_keys.)
      if (resolved.startsWith(`${UNKNOWN_CWD}/`)) for (const g of ctx.cwdGuess ?? []) for (const c of classifier.classify(`${g}/${resolved.slice(UNKNOWN_CWD.length + 1)}`, { contains })) if (c === 'project_secret' || c === 'home_credential' || c === 'protected') out.add(c);
      // (Below the top only a build's output directory is cleared so: rm -rf dist/.[!.]*; apps/web/.[!.]* holds its .env.)
      const keepsSecrets = (): boolean => { const d = posix.dirname(classifier.resolve(given)); return d === ctx.projectRoot || !d.startsWith(`${ctx.projectRoot}/`) || !d.slice(ctx.projectRoot.length + 1).split('/').some((seg) => OUTPUT_DIR.test(seg)); };
      // (A files-only removal of `*` at the top is judged as its files, not as the project root: under dotglob they include .env.)
      const topFiles = files && posix.dirname(classifier.resolve(given)) === ctx.projectRoot;
      if (ctx.dotGlobs?.has(given) && (shown || ((!/(^|\/)\*$/.test(given) || topFiles) && keepsSecrets()))) for (const alt of ['.env', '.*']) for (const c of classifier.classify(given.replace(/[^/]*$/, alt))) if (c === 'project_secret' || c === 'home_credential') out.add(c);
      // A symlink is judged as what it points at, too (ln -s .env notes.txt; curl -d @notes.txt).
      const target = ctx.realpath?.(classifier.resolve(given));
      if (target && target !== classifier.resolve(given)) {
        for (const c of classifier.classify(target, { contains })) if (c === 'home_credential' || c === 'project_secret' || c === 'protected') out.add(c);
      }
      // A glob is judged by what it matches on disk too, where the disk can be read (`certs/prod.k*`
      // is certs/prod.key when that file is there) — read now, never remembered between decisions.
      const abs = ctx.listDir && /[*?[]/.test(given) ? classifier.resolve(given) : undefined;
      for (const m of abs && !/\$|`/.test(abs) ? expandGlob(abs, ctx.listDir!) : []) {
        for (const c of classifier.classify(m, { contains })) if (c === 'home_credential' || c === 'project_secret' || c === 'protected') out.add(c);
      }
    }
    return out;
  };
  const writes = ctx.stdout ? [...facts.writes, ctx.stdout] : facts.writes;
  // Overwriting a file outside the project destroys its content like deleting it would (deny); a new
  // file there asks. Without a way to look (policy examples), every file is taken to exist.
  const exists = (p: string) => !ctx.realpath || ctx.realpath(classifier.resolve(p)) !== undefined;
  // Replaced, not edited or appended to: a redirection's `>`, or a program that writes a whole
  // file at a path that cannot be a directory (cp /dev/null ~/f.txt, dd of=, mv -f).
  const replaced = (w: string) => facts.truncates?.includes(w) || (REPLACERS.test(facts.tool) && !facts.tags.has('extracts') && !mayBeDirectory(w) && !facts.appends?.includes(w));
  const withOverwrites = (classes: Set<PathClass>): Set<PathClass> => {
    const outside = classes.has('outside_project') || classes.has('home') || classes.has('system') || classes.has('root');
    // Only what the program opens counts: a stdout it inherited was opened (and truncated) by
    // its parent already, so `git --version > ~/out.log` run by a script destroys nothing more.
    // (A source's name inside a target directory — cp x DIR/ — counts as a new entry, as DIR/ does.)
    const intoDir = (w: string) => facts.writes.some((d) => d !== w && `${d.replace(/\/+$/, '')}/${w.slice(w.lastIndexOf('/') + 1)}` === w);
    // (Where the disk can be read, an entry made in a directory replaces a file only when one is there.)
    // (A file that is not there yet asks too: what reads a new file outside the project — a dotfile some program loads at
    // start, ~/.irbrc, ~/.config/x/autostart — is not known here, and a sparse HOME must not make the hook more lenient
    // than the judge that cannot look.)
    const filesOutside = facts.writes.filter((w) => isFile(w) && !w.endsWith('/') && (!intoDir(w) || ctx.realpath !== undefined) && !classifier.classify(w, { contains: false }).has('tmp') && !classifier.classify(w, { contains: false }).has('inside_project'));
    if (outside && !classes.has('computed') && filesOutside.length) classes.add('overwrite_outside');
    // …replaced, not edited or appended to (`: > ~/f`, dd of=, mv -f onto it): its content is gone, as after rm -f.
    if (outside && !classes.has('computed') && filesOutside.some((w) => exists(w) && replaced(w))) classes.add('clobber_outside');
    if (outside && classes.has('computed')) classes.add('overwrite_outside');
    return classes;
  };
  // A tree written into the repository's .git (cp -r hooks .git/, tar x -C .git) can plant hooks:
  // inside the project, that is the one place a recursive write reaches protected files.
  // So can a tree written as the project's agent configuration (cp -r /tmp/cfg/.claude ./, a link
  // put in its place: ln -sfn /tmp/cfg .claude): its
  // settings and hook scripts run without anyone typing them.
  const treeWrites = (classes: Set<PathClass>): Set<PathClass> => {
    // (Below .claude only its settings and hooks run anything: memory files, agents and commands are text.)
    const p = ctx.projectRoot;
    const trees = [`${p}/.git`, `${p}/.codex`, `${p}/.gemini`, `${p}/.claude/hooks`];
    const exact = [`${p}/.claude`, `${p}/.claude/settings.json`, `${p}/.claude/settings.local.json`];
    if (writes.filter(isFile).some((w) => {
      const abs = classifier.resolve(w).replace(/\/+$/, '');
      return exact.includes(abs) || trees.some((r) => abs === r || abs.startsWith(`${r}/`));
    })) classes.add('protected');
    return classes;
  };
  // The stdout a program inherits (a shim's caller redirected it: install.sh > /root/ci.log) was
  // opened by its parent: it says nothing about where the program writes into the system — only
  // protected files and credentials count there (judged where the redirection is written, too).
  const inheritedOut = (classes: Set<PathClass>): Set<PathClass> => {
    if (!ctx.stdout || !isFile(ctx.stdout) || !(classes.has('system') || classes.has('root') || classes.has('home'))) return classes;
    const own = classesOf(facts.writes.filter(isFile).flatMap(targetsOf), false);
    for (const c of ['system', 'root', 'home'] as const) if (!own.has(c)) classes.delete(c);
    return classes;
  };
  // A new key or certificate written in the temp dir (openssl genrsa -out /tmp/k.key) overwrites no
  // project secret: only a secret's name inside the project or HOME does.
  const scratchSecrets = (classes: Set<PathClass>): Set<PathClass> => {
    if (!classes.has('project_secret')) return classes;
    const named = writes.filter(isFile).flatMap(targetsOf).filter((w) => classifier.classify(w, { contains: false }).has('project_secret'));
    if (named.length && named.every((w) => classifier.classify(w, { contains: false }).has('tmp'))) classes.delete('project_secret');
    return classes;
  };
  // A package manager's token file filled with text the line judge read (echo 'save-exact=true' >> .npmrc) is judged by
  // that text — a token stored, a registry, a program it names — not as a secret overwritten with something unseen.
  const shownSecrets = (classes: Set<PathClass>): Set<PathClass> => {
    if (!classes.has('project_secret') || !facts.shownWrites?.length) return classes;
    const rest = writes.filter((w) => isFile(w) && !facts.shownWrites!.includes(w)).flatMap(targetsOf);
    if (!classesOf(rest, false).has('project_secret')) classes.delete('project_secret');
    return classes;
  };
  // Staging a project's token file may commit a token: asked, not denied as a key or .env is (it more often holds
  // settings). The user's own ~/.npmrc stays a credential.
  const tokenStages = (classes: Set<PathClass>): Set<PathClass> => {
    if (!classes.has('project_secret')) return classes;
    const other = facts.stages.filter((p) => !TOKEN_FILE.test(p) || classesOf([p]).has('home_credential'));
    if (other.length === facts.stages.length || classesOf(other).has('project_secret')) return classes;
    classes.delete('project_secret');
    classes.add('token_file');
    return classes;
  };
  const targetsOf = (w: string): string[] => writeTargets(w, w === STDIN ? undefined : classifier.resolve(w));
  const extractDirs = (classes: Set<PathClass>): Set<PathClass> => {
    // (The temp dir holds a test sandbox's HOME at times: unpacking there is still scratch.)
    const dirs = writes.filter(isFile).map((w) => classifier.resolve(w).replace(/(.)\/+$/, '$1')).filter((d) => d !== '/tmp');
    for (const c of classesOf(dirs, false)) if (c === 'root' || c === 'home' || c === 'system') classes.add(c);
    return classes;
  };
  // Deleting or moving away the project's agent configuration (rm -rf .claude, mv .codex x, find
  // .claude -type f -delete) removes its settings and hooks as surely as overwriting them: a
  // directory holding them, or a name below .claude that may be one of them.
  const agentDeletes = (classes: Set<PathClass>): Set<PathClass> => {
    // (Only a path naming one of those directories, or a pattern, can reach them.)
    if (!facts.deletes.some((d) => /\.(claude|codex|gemini)|[*?[]/.test(d))) return classes;
    const p = ctx.projectRoot;
    const held = [`${p}/.claude/settings.json`, `${p}/.claude/settings.local.json`, `${p}/.claude/hooks`, `${p}/.codex`, `${p}/.gemini`];
    const hit = facts.deletes.filter(isFile).some((d) => {
      const abs = classifier.resolve(d).replace(/\/+$/, '');
      if (abs === p || !abs.startsWith(`${p}/`)) return false;
      if (held.some((h) => h === abs || h.startsWith(`${abs}/`) || abs.startsWith(`${h}/`))) return true;
      // A pattern or an unnamed match right below .claude: it may be settings.json.
      const below = /^\.claude\/([^/]*)$/.exec(abs.slice(p.length + 1))?.[1];
      return below !== undefined && /[*?[]|^-find-match-$|^__listed__$/.test(below) && ['settings.json', 'settings.local.json', 'hooks'].some((n) => new RegExp(`^${below.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`).test(n) || /^(-find-match-|__listed__)$/.test(below));
    });
    if (hit) classes.add('protected');
    return classes;
  };
  return {
    facts,
    argv,
    env: ctx.env,
    hostClasses: hostClasses(policy, facts),
    pathClasses: {
      sends: classesOf(facts.sends, true, true),
      // A write lands on the path, or inside it when it is a directory (cp x ~/.ssh/): never on
      // everything below it, as a delete would (scp notes.txt /tmp/ does not touch /tmp's contents).
      // A recursive writer (chmod -R) does write the whole tree.
      // An extraction writes a tree below its target too, but only the archive's own paths: judged
      // as a write into the directory, except that inside .git it can plant hooks — and as one of
      // the directory itself (HOME, /: the archive picks which of their files it replaces).
      // (A write or delete that takes no tree — rm -f, shred, touch, mv, which refuses `..` — acts on a name alone: see ClassifyOptions.)
      writes: shownSecrets(scratchSecrets(inheritedOut(withOverwrites(facts.tags.has('recursive') || facts.tool === 'ln' ? treeWrites(classesOf(writes.filter(isFile), true, false, false, true)) : facts.tags.has('extracts') ? treeWrites(extractDirs(classesOf(writes.filter(isFile).flatMap(targetsOf), false))) : classesOf(writes.filter(isFile).flatMap(targetsOf), false, false, true, true))))),
      // (rm without -r, shred, unlink and truncate remove files only: ClassifyOptions.files.)
      deletes: agentDeletes(classesOf(facts.deletes, true, false, !facts.tags.has('recursive') || facts.tool === 'mv', true, !facts.tags.has('recursive') && /^(rm|shred|unlink|truncate)$/.test(facts.tool ?? ''))),
      // Printing a directory's name does not print the credentials below it; searching it does.
      reads: classesOf(facts.reads, facts.tags.has('recursive-read'), true),
      stages: tokenStages(classesOf(facts.stages)),
    },
  };
}

/** True when nothing is wanted, or `have` holds one of the wanted values. */
function anyOf<T>(wanted: readonly T[] | undefined, have: ReadonlySet<T>): boolean {
  if (wanted === undefined) return true;
  for (let i = 0; i < wanted.length; i++) if (have.has(wanted[i]!)) return true;
  return false;
}

const PATH_KINDS = ['sends', 'writes', 'deletes', 'reads', 'stages'] as const;

/** True when one rule's condition holds for the judged command. */
export function conditionHolds(rule: Rule, j: Judged): boolean {
  const w: Condition = rule.when;
  const f = j.facts;
  if (w.tool && !(rule.toolSet ? rule.toolSet.has(f.tool) : w.tool.includes(f.tool))) return false;
  if (w.subcommand && (f.subcommand === undefined || !w.subcommand.includes(f.subcommand))) return false;
  if (!anyOf(w.tags, f.tags)) return false;
  if (w.not_tags) for (const t of w.not_tags) if (f.tags.has(t)) return false;
  if (!anyOf(w.hosts, j.hostClasses)) return false;
  if (w.schemes_not_in && !f.schemes.some((s) => !w.schemes_not_in!.includes(s))) return false;
  for (const k of PATH_KINDS) if (!anyOf(w[k], j.pathClasses[k])) return false;
  if (w.env && !w.env.some((e) => Boolean(j.env[e]))) return false;
  if (rule.argvRegex && !rule.argvRegex.test(j.argv.join(' '))) return false;
  return true;
}

/** Where a rule set's rules are found by what a unit has: most rules want one of some tags, which few units carry. */
interface RuleIndex {
  /** Rules that name no tags, per tool (a rule naming no tool is every tool's). */
  untagged: Map<string, readonly Rule[]>;
  /** Rules that want one of their tags, per tag. */
  byTag: Map<string, Rule[]>;
  /** Each rule's place in the set, so matches are reported in policy order. */
  order: Map<Rule, number>;
}

const ruleIndexes = new WeakMap<readonly Rule[], RuleIndex>();

function ruleIndex(rules: readonly Rule[]): RuleIndex {
  let ix = ruleIndexes.get(rules);
  if (ix) return ix;
  ix = { untagged: new Map(), byTag: new Map(), order: new Map(rules.map((r, i) => [r, i])) };
  for (const r of rules) for (const t of r.when.tags ?? []) (ix.byTag.get(t) ?? ix.byTag.set(t, []).get(t)!).push(r);
  ruleIndexes.set(rules, ix);
  return ix;
}

/** The rules that may hold for a unit: every other rule fails its tool or tags condition. */
function candidates(rules: readonly Rule[], x: Judged): Iterable<Rule> {
  const ix = ruleIndex(rules);
  const tool = x.facts.tool;
  let untagged = ix.untagged.get(tool);
  if (!untagged) {
    // (Tool names come from the command line: the cache is bounded.)
    if (ix.untagged.size > 4096) ix.untagged.clear();
    untagged = rules.filter((r) => !r.when.tags && (!r.when.tool || (r.toolSet ? r.toolSet.has(tool) : r.when.tool.includes(tool))));
    ix.untagged.set(tool, untagged);
  }
  if (x.facts.tags.size === 0) return untagged;
  const out = new Set(untagged);
  for (const t of x.facts.tags) for (const r of ix.byTag.get(t) ?? []) out.add(r);
  return out;
}

/** Combines matched rules into one Evaluation (strictest wins; default when none). */
export function decide(policy: CompiledPolicy, rules: readonly Rule[], j: Judged | readonly Judged[]): Evaluation {
  const all = Array.isArray(j) ? (j as readonly Judged[]) : [j as Judged];
  const hit = new Set<Rule>();
  for (const x of all) for (const r of candidates(rules, x)) if (!hit.has(r) && conditionHolds(r, x)) hit.add(r);
  const { order } = ruleIndex(rules);
  const matched: RuleMatch[] = [...hit]
    .sort((a, b) => order.get(a)! - order.get(b)!)
    .map((r) => ({ id: r.id, decision: r.action, reason: r.reason, where: r.where }));
  if (matched.length === 0) {
    return { decision: policy.default, rule: null, reason: `no rule matched; the policy default is ${policy.default}`, matched };
  }
  let top = matched[0]!;
  for (const m of matched) if (stricter(top.decision, m.decision) !== top.decision) top = m;
  const rule = rules.find((r) => r.id === top.id);
  const unit = rule ? all.find((x) => conditionHolds(rule, x)) : undefined;
  const fact = rule && unit ? concreteFact(rule, unit) : undefined;
  return { decision: top.decision, rule: top.id, reason: fact ? `${top.reason}: ${fact}` : top.reason, matched };
}

/** The fact behind a verdict, named: the host, the path, or what the line does (first two). */
function concreteFact(rule: Rule, j: Judged): string | undefined {
  const w = rule.when;
  const two = (xs: readonly string[]) => [...new Set(xs)].slice(0, 2).join(', ').slice(0, 160);
  if (w.hosts && j.facts.hosts.length) return two(j.facts.hosts.map((h) => h.host));
  for (const k of ['sends', 'reads', 'writes', 'deletes', 'stages'] as const) {
    if (w[k] && j.facts[k].length) return two(j.facts[k].map((p) => (p === STDIN ? 'stdin' : p)));
  }
  if (w.tags && j.facts.notes.length) return j.facts.notes[0]!.slice(0, 160);
  return undefined;
}

/** True for binaries whose argv names other code to run (wrappers, shells, interpreters, rampart). */
function runsOtherCode(tool: string, argv: readonly string[]): boolean {
  if (ANALYZERS[tool]) return false;
  return isShell(tool) || tool === 'eval' || tool === 'rampart' || languageOf(tool) !== undefined || unwrap(tool, argv.slice(1) as string[]) !== undefined;
}

/** The verdict for one binary's argv in a context (command strings it hands to a shell included). */
export function evaluateArgv(policy: CompiledPolicy, argv: readonly string[], ctx: Context): Evaluation {
  return explainArgv(policy, argv, ctx).evaluation;
}

/** evaluateArgv with its evidence: every judged unit (the argv itself first). */
export function explainArgv(policy: CompiledPolicy, argv: readonly string[], ctx: Context): { evaluation: Evaluation; judged: Judged[] } {
  const j = judge(policy, argv, ctx);
  // npx -c '…', git `!` aliases, find -exec: the strings the tool runs are command lines.
  const all = [j];
  if (j.facts.runs.length) {
    const plain = { ...ctx, stdin: undefined, stdout: undefined };
    for (const r of j.facts.runs) all.push(...judgeLine(policy, r, plain, 1));
  }
  // A wrapper, shell or interpreter (sudo, env, timeout, bash -c, node x.js): judge its argv as a line too.
  if (runsOtherCode(j.facts.tool, argv)) all.push(...judgeLine(policy, argv.map(quote).join(' '), ctx, 1));
  // The environment it was started with: a library preloaded or configuration moved by a script.
  const envFacts = environmentFacts(j.facts.tool, ctx);
  if (envFacts.tags.size) all.push(judgeFacts(policy, envFacts, argv, ctx));
  return { evaluation: decide(policy, policy.rules, all), judged: all };
}
