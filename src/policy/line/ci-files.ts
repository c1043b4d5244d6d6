// Files a CI runner hands each step to append to. GitHub Actions (and Gitea's and Forgejo's, which keep the names) give a
// step $GITHUB_OUTPUT and $GITHUB_STEP_SUMMARY for its outputs and its summary — text no program runs — and $GITHUB_ENV and
// $GITHUB_PATH, whose lines become variables and PATH entries of the job's later steps. So a line appended to $GITHUB_ENV
// is judged as the assignment it becomes (LD_PRELOAD=…, NODE_OPTIONS=--require … as on the line itself), and one appended
// to $GITHUB_PATH as the PATH entry it becomes (PATH=LINE:$PATH). Only where the line leaves the variable as the runner set it:
// one the line assigns is judged by its value, and a default it names (${GITHUB_OUTPUT:-/tmp/out}) is written when unset.
import { posix } from 'node:path';
import { judgeFacts } from '../evaluate.js';
import { newFacts } from '../facts.js';
import { resolvePath } from '../paths.js';
import { printedName } from '../shell/printed-names.js';
import { printsOneField } from '../shell/split-fields.js';
import type { FlatCommand, Word } from '../shell/index.js';
import { assignmentTags } from './assignments.js';
import { printfText } from './printf.js';
import type { State } from './state.js';

const STEP_FILES = /^(GITHUB_OUTPUT|GITHUB_STEP_SUMMARY|GITHUB_ENV|GITHUB_PATH)$/;
/** Variables the runner sets to one line (a ref, an id, a directory): safe in a value appended to $GITHUB_ENV. */
const ONE_LINE_VARS = /^(GITHUB_(SHA|REF|REF_NAME|REF_TYPE|HEAD_REF|BASE_REF|RUN_ID|RUN_NUMBER|RUN_ATTEMPT|JOB|ACTOR|REPOSITORY|REPOSITORY_OWNER|WORKSPACE|SERVER_URL|API_URL|EVENT_NAME|WORKFLOW)|RUNNER_(OS|ARCH|TEMP|TOOL_CACHE|NAME)|HOME|PWD|USER)$/;
/** Variables that point every later tool somewhere (proxies, registries and indexes, git's and docker's environment). */
const ROUTES = /proxy$|REGISTRY|INDEX|MIRROR|^GO(PROXY|FLAGS|NOSUMDB|NOSUMCHECK|INSECURE|PRIVATE|SUMDB)$|^GIT_|^(DOCKER|CONTAINER|PODMAN|BUILDKIT)_(HOST|CONFIG|CONTEXT)$|_(ADDR|ENDPOINT|ENDPOINT_URL|SERVER|DOMAIN|BASE_URL|API_URL)$|^(PIP|UV|POETRY|PDM|NPM|YARN|PNPM|BUN|CARGO|GEM|BUNDLE|COMPOSER|NUGET|MAVEN|GRADLE|HOMEBREW|CONDA|DENO|JSR)_/i;
/** Where a shell builtin is a command word: after an operator or a quote that opens shell text, a keyword, command/builtin,
 *  and prefix assignments. (A `.`, `local` or `read` anywhere else is an operand: `jq -c . matrix.json`, `$HOME/.local/bin`.) */
export const BUILTIN_AT = String.raw`(?:^|[;&|(){}\n!'"\x60]|\b(?:if|then|do|else|elif|while|until|time|command|builtin)\s)\s*(?:[A-Za-z_]\w*=\S*\s+)*`;
/** Commands that may assign a variable whose name the judge cannot read (eval, source, printf -v "$n", read "$n", ${!n}).
 *  (A `.` with no operand — cp -a "$D/x" . — sources nothing; a here-string or redirection after read — read -r A B <<< "$V" —
 *  is its input, not a name.) */
const ASSIGNS_ANY = new RegExp(String.raw`${BUILTIN_AT}(?:(?:eval|source|\.|let)[ \t]+[^\s;&|)]|printf\b[^;&|\n]*\s-v\s*["']?\$|(?:declare|typeset|local|readonly|export|read|mapfile|readarray|unset|getopts)\b[^;&|\n<>]*\s["']?\$\{?\w)|\$\{!|\$\{\w+:?=`);

/** The step file a write target names, and the file written where the runner did not set it (a default the line gives). */
function stepFileOf(target: string, line: string): { name: string; fallback?: string } | undefined {
  const m = /^\$(?:([A-Za-z_]\w*)|\{([A-Za-z_]\w*)(?:(:?-)([^}]*))?\})$/.exec(target);
  if (!m || ASSIGNS_ANY.test(line)) return undefined;
  const name = (m[1] ?? m[2])!;
  const given = m[4];
  // (Each place the line assigns NAME: only NAME=${STEP:-DEFAULT}, NAME="$STEP" — the step file or a default.)
  const assigned = [...line.matchAll(new RegExp(`(?:^|[\\s;&|({])(?:export\\s+)?${name}=("?)\\$(?:([A-Z_]+)|\\{([A-Z_]+)(?::?-([^}"'\\s$\`]*))?\\})\\1(?=[\\s;&|)}]|$)`, 'g'))];
  const bare = new RegExp(`(^|[^\\w$\\{])${name}\\b`, 'g');
  const mentions = [...line.matchAll(bare)].length;
  if (mentions !== assigned.length) return undefined;
  if (STEP_FILES.test(name)) {
    if (assigned.some((a) => (a[2] ?? a[3]) !== name)) return undefined;
    return { name, fallback: given ?? assigned.map((a) => a[4]).find((d) => d !== undefined) };
  }
  // (SUMMARY=${GITHUB_STEP_SUMMARY:-/tmp/summary.md} … >> "$SUMMARY": the one step file it was set to, or its default.)
  const steps = new Set(assigned.map((a) => (a[2] ?? a[3])!));
  const step = steps.size === 1 ? [...steps][0]! : undefined;
  if (given !== undefined || step === undefined || !STEP_FILES.test(step) || assigned.length !== 1) return undefined;
  const inner = stepFileOf(`$${step}`, line.replace(assigned[0]![0], ' '));
  return inner && { name: step, fallback: assigned[0]![4] ?? inner.fallback };
}

/** Whether a word's expansions each give one line (a number, an id, a name the runner sets): no second variable to slip in. */
function oneLine(w: Word, manifestWritten: boolean): boolean {
  return w.parts.every((p) => (p.kind === 'literal' ? !/[\n\r]/.test(p.text) : p.kind === 'param' ? p.oneField === true || ONE_LINE_VARS.test(p.name)
    // (jq prints what a file says: a manifest the line itself rewrites may hold a newline that starts a second variable.)
    : p.kind === 'command-sub' ? (!/^\s*jq\b/.test(p.raw.replace(/^\$\(|^`/, '')) || !manifestWritten) && (printedName(p.script) !== undefined || printsOneField(p.script)) : p.kind === 'tilde' || p.kind === 'arith'));
}

/** The lines an echo or printf prints, from words that each give one line; undefined when not known. */
function printedLines(c: FlatCommand | undefined, manifestWritten: boolean): string[] | undefined {
  const words = c?.argv ?? [];
  const name = words[0]?.static ? words[0].value : '';
  let args = words.slice(1);
  if (name === 'echo') {
    while (args[0]?.static && /^-[neE]+$/.test(args[0].value)) args = args.slice(1);
    if (words.some((w) => /^-[nE]*e/.test(w.value)) || !args.every((w) => oneLine(w, manifestWritten))) return undefined;
    return [args.map((w) => w.value).join(' ')];
  }
  if (name !== 'printf' || !args[0]?.static || /%(?!s)/.test(args[0].value.replace(/%%/g, '')) || !args.slice(1).every((w) => oneLine(w, manifestWritten))) return undefined;
  return printfText(args.map((w) => w.value))?.split('\n').filter((l) => l !== '');
}

/**
 * What a write of TARGET by command FC is when TARGET is a CI step file: undefined when it is none (judged as written),
 * null when the append writes nothing a later program runs, or the path written instead (the default where it is unset).
 * Appended lines of $GITHUB_ENV are judged as assignments here; ones the judge cannot read leave the write as it was.
 */
export function stepFileWrite(st: State, target: string, appended: boolean, fc: FlatCommand, flat: readonly FlatCommand[], cwd: string): string | null | undefined {
  const step = appended ? stepFileOf(target, st.lineText) : undefined;
  // (A step file's name the command's environment sets — GITHUB_OUTPUT=~/.bashrc bash -c '… >> "$GITHUB_OUTPUT"', an
  // export before a child shell — is that value, not the runner's file: judged as written.)
  if (!step || st.ctx.env[step.name] !== undefined) return undefined;
  if (step.name === 'GITHUB_ENV' || step.name === 'GITHUB_PATH') {
    // (What reaches the file: the command's own words, or those of the one echo/printf piped into tee.)
    const from = fc.argv[0]?.value === 'tee' ? (fc.stdinFrom.length === 1 ? flat[fc.stdinFrom[0]!] : undefined) : fc;
    // (Every package.json the line names is one a jq reads: it does not write the manifest it prints from.)
    const manifestWritten = (st.lineText.match(/package\.json/g)?.length ?? 0) !== (st.lineText.match(/\bjq -r \.\w+ [\w./-]*package\.json/g)?.length ?? 0);
    const lines = printedLines(from, manifestWritten);
    if (!lines?.length) return undefined;
    if (step.name === 'GITHUB_PATH') {
      // (Each line is put before the later steps' PATH: judged as PATH=LINE:$PATH on this line would be — a system or
      // computed directory ahead of the shims, one this line filled with a guarded program. A toolchain's bin outside
      // the project ($HOME/go/bin, the runner's tool cache, $GITHUB_WORKSPACE/node_modules/.bin) is an ordinary entry.)
      // (…but not the temp dir, where any earlier step or another user may have put a `curl` for later steps to find
      // first — left as a write nobody understands. A toolchain's bin in HOME, ~/go/bin or ~/.local/bin, is where its own
      // installs go: writes there are guarded as protected paths, and putting it on PATH is what the toolchain asks.)
      const planted = (d: string) => {
        // (Every shared scratch place counts: /var/tmp, /dev/shm and the user's runtime directory as well as /tmp.)
        // (…but not HOME or the project where they lie below one — a test's or a sandbox's HOME.)
        const own = [st.ctx.home, st.ctx.projectRoot].some((r) => d === r || d.startsWith(`${r}/`));
        if (!own && /^\/(tmp|var\/tmp|dev\/shm|run\/user\/\d+)(\/|$)/.test(d)) return true;
        const probe = newFacts('<probe>');
        probe.writes.push(`${d}/curl`);
        return judgeFacts(st.policy, probe, [], { ...st.ctx, cwd, stdin: undefined, stdout: undefined }).pathClasses.writes.has('tmp');
      };
      const dirs = lines.map((l) => { const d = resolvePath(l, { cwd, home: st.ctx.home }); return /[$`]/.test(d) ? l : posix.normalize(d); });
      if (dirs.some((d) => !/[$`]/.test(d) && planted(d))) return undefined;
      for (const d of dirs) assignmentTags(st, 'PATH', `${d}:$PATH`, false, cwd);
    } else {
      const pairs = lines.map((l) => /^([A-Za-z_]\w*)=(.*)$/.exec(l));
      if (pairs.some((p) => p === null)) return undefined;
      // (A variable that routes or configures every later step's tools — a proxy, a registry or index, git's and
      // docker's environment — is not judged as an assignment no program reads: left as a write nobody understands.)
      if (pairs.some((p) => ROUTES.test(p![1]!))) return undefined;
      for (const p of pairs) assignmentTags(st, p![1]!, p![2]!, !/[$`]/.test(p![2]!), cwd);
    }
  }
  return step.fallback !== undefined && step.fallback !== '' ? step.fallback : null;
}
