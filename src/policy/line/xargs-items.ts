// Where the items xargs reads (from input the line does not show) choose what the command does: its name, an
// option, the whole code or the script a shell or interpreter runs, the program awk runs, git's subcommand or the
// ref or path a work-discarding git verb is given. There the command cannot be judged before the line runs.
import { posix } from 'node:path';
import { inlineCodeOf } from './interpreter-code.js';
import { languageOf } from './interpreters.js';
import { isShell, scriptOperand, shellCommandString } from './unwrap.js';

// git verbs whose destructive forms an operand can choose (a path to checkout or restore is discarded work,
// `+main` to push is a force push, `-D x` to branch a deletion).
const GIT_CHOOSERS = /^(checkout|switch|restore|reset|branch|clean|stash|push)$/;

/**
 * Why `argv` (the command xargs runs, before its items are put in) lets items it reads choose its action, or
 * undefined. `repl` is -I's placeholder; without one the items are appended after the last word.
 */
export function itemsChooseAction(argv: readonly string[], repl: string | undefined): string | undefined {
  const name = posix.basename(argv[0] ?? '');
  const args = argv.slice(1);
  // (Appended items land where nothing else was given; a placeholder where it is written.)
  const filled = (w: string | undefined) => (repl === undefined ? w === undefined : w !== undefined && w.includes(repl));
  if (repl !== undefined && argv[0]?.includes(repl)) return 'in place of the command name';
  // (-{} and --{}: an option spelled by the item; --name={} is only a value.)
  if (repl !== undefined && args.some((a) => a.startsWith('-') && a.includes(repl) && (!a.includes('=') || a.indexOf(repl) < a.indexOf('=')))) return `into an option of ${name}`;
  if (isShell(name)) {
    const cmd = shellCommandString([...args], name);
    // (An item placed inside the code — sh -c 'cd {} && npm test' — is judged as a value the code is given at run time,
    // as the content of a project file would be; an item that is the whole code is the command itself.)
    // (A -c given no string takes the first appended item as its code: xargs -a FILE sh -c, xargs -n1 bash -c < FILE.)
    if (cmd !== undefined) return (repl !== undefined && cmd.trim() === repl) || (repl === undefined && cmd === '' && args.at(-1) !== undefined && /^-[a-zA-Z]*c[a-zA-Z]*$/.test(args.at(-1)!)) ? `as the shell code ${name} -c runs` : undefined;
    return filled(scriptOperand([...args])) ? `as the script ${name} runs` : undefined;
  }
  const lang = languageOf(name);
  if (lang !== undefined) {
    const { code } = inlineCodeOf(lang, args);
    if (code !== undefined) return repl !== undefined && code.trim() === repl ? `as the code ${name} runs` : undefined;
    return filled(args.find((a) => !a.startsWith('-'))) ? `as the program ${name} runs` : undefined;
  }
  if (/^[gmn]?awk$/.test(name)) {
    // (-v NAME=VALUE and -F SEP are values, not the program; -f FILE names it.)
    const f = args.findIndex((a) => a === '-f' || a === '--file');
    const program = args.find((a, k) => !a.startsWith('-') && !/^(-v|-F|--assign|--field-separator)$/.test(args[k - 1] ?? ''));
    return filled(f >= 0 ? args[f + 1] : program) ? `as the program ${name} runs` : undefined;
  }
  if (name === 'git') {
    const verb = args.find((a) => !a.startsWith('-'));
    if (filled(verb)) return 'as git\'s subcommand';
    // (Only a placeholder: one item is one word, which can still be `.`, `--hard`, `+main` or `drop`. A safe
    // `branch -d` refuses unmerged work whatever it is given.)
    const safe = verb === 'branch' && args.some((a) => a === '-d' || a === '--delete');
    if (repl !== undefined && verb !== undefined && GIT_CHOOSERS.test(verb) && !safe && args.some((a) => a !== verb && a.includes(repl))) return `as what git ${verb} is given`;
    // (Appended items are the verb's last operands: xargs git checkout given `.` discards every change.)
    if (repl === undefined && verb !== undefined && GIT_CHOOSERS.test(verb) && !safe) return `as what git ${verb} is given`;
  }
  return undefined;
}

/**
 * Where -I's placeholder stands inside the code a shell -c or an interpreter runs (sh -c 'cd {} && npm test', python3 -c
 * 'exec("{}")'): each item is pasted into that code as text, so an item is code too. Undefined when it stands elsewhere.
 */
export function itemsInCode(argv: readonly string[], repl: string): string | undefined {
  const name = posix.basename(argv[0] ?? '');
  const args = argv.slice(1);
  if (isShell(name)) return shellCommandString([...args], name)?.includes(repl) ? `into the code ${name} -c runs` : undefined;
  const lang = languageOf(name);
  return lang !== undefined && inlineCodeOf(lang, args).code?.includes(repl) ? `into the code ${name} runs` : undefined;
}
