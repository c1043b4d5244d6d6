// Command lines held in a file's text: its lines, its string literals, and runs of literals a
// program hands to a process API as an argument list (exec.Command("sh", "-c", "…"),
// Command::new("rm").args(["-rf", "…"]), ["curl", "-d", "@.env", "…"], program = ["sh", "-c", "…"]),
// and node-gyp's <!(…) expansions. A file the line wrote, then any program started that may load,
// build or run it (a compiler, a task runner, a dev server, a notebook executor): these are judged.
import { isCommandWord } from './operand-commands.js';
import { quote } from './unwrap.js';
import { homeCallsSpelled, splitProcessRuns, verbatimStrings } from './process-apis.js';

const LITERAL = /"((?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)*)'/g;
// What may stand between the literals of one argument list.
// (…a named argument list too: Crystal's Process.run("rm", args: […]), Deno.Command("rm", { args: […] }), Nim's
// startProcess("rm", args = @[…]), Swift's Process.run(URL(fileURLWithPath: "/bin/rm"), arguments: […]).)
const BETWEEN = /^(?:[\s,()[\]{}&@]|\.\s*args?\b|new\s+String\s*\[\s*\]|=>|:|\b(?:args|arguments|argv)\s*[:=])*$/;

const unescape = (s: string) => s.replace(/\\(.)/g, (_m, c: string) => (c === 'n' ? '\n' : c));

/** The text with adjacent or added string literals made one, as the program sees them — C's "c" "url", Java's and
 *  Go's "c" + "url". */
export function joinedLiterals(text: string): string {
  return text.replace(/"((?:[^"\\\n]|\\.)*)"(?:\s*\+?\s*"((?:[^"\\\n]|\\.)*)")+/g, (m) => `"${[...m.matchAll(/"((?:[^"\\\n]|\\.)*)"/g)].map((x) => x[1]).join('')}"`);
}

/** The command lines a text holds (at most `limit`). */
export function commandsInText(text0: string, limit = 200): string[] {
  // (Process APIs that set the program apart from its arguments — Swift's p.launchPath/p.arguments — put together as a run.)
  // (…and a call that returns the home directory — System.getProperty("user.home"), os.homedir() — is the literal "~" there.)
  // (…and C#'s verbatim strings, @"…", are literals as "…" is.)
  const joined = joinedLiterals(homeCallsSpelled(verbatimStrings(text0)));
  const text = [joined, ...splitProcessRuns(joined)].join('\n');
  // (limit 0: a nested reading, which does not nest again.)
  const out = new Set<string>();
  const add = (c: string) => {
    const l = c.trim();
    if (l.length > 4 && /\s/.test(l) && isCommandWord((l.split(/\s+/)[0] ?? '').replace(/^['"]|['"]$/g, ''))) out.add(l);
  };
  for (const line of text.split('\n')) add(line);
  const lits = [...text.matchAll(LITERAL)].map((m) => ({ value: unescape(m[1] ?? m[2] ?? ''), start: m.index!, end: m.index! + m[0].length }));
  for (const l of lits) add(l.value);
  // A literal holding code with literals of its own (a notebook cell's source in JSON): read once more.
  if (limit > 0) for (const l of lits) if (/["'].*["']/.test(l.value) && l.value.length < 20000) for (const c of commandsInText(l.value, 0)) out.add(c);
  // Runs of literals: from a program's name, the literals that follow it with nothing but list punctuation between.
  for (let i = 0; i < lits.length; i++) {
    if (!isCommandWord(lits[i]!.value)) continue;
    const run = [lits[i]!.value];
    for (let k = i + 1; k < lits.length && run.length < 16 && BETWEEN.test(text.slice(lits[k - 1]!.end, lits[k]!.start)); k++) run.push(lits[k]!.value);
    // (Process.Start("rm", "-rf /x") gives the rest as one command-line string: both readings count.)
    if (run.length > 1) {
      out.add(run.map((w) => (/^[\w@%+=:,./~-]+$/.test(w) ? w : quote(w))).join(' '));
      if (run.length === 2 && /\s/.test(run[1]!)) out.add(run.join(' '));
    }
  }
  // node-gyp runs <!(CMD) and <!@(CMD) while configuring a native addon.
  for (const m of text.matchAll(/<!@?\(([^()]*(?:\([^()]*\)[^()]*)*)\)/g)) add(m[1]!);
  return [...out].slice(0, limit || 200);
}
