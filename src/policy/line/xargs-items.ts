// Where the items xargs reads (from input the line does not show) choose what the command does: its name, an
// option, the whole code or the script a shell or interpreter runs, the program awk runs, git's subcommand or the
// ref or path a work-discarding git verb is given. There the command cannot be judged before the line runs.
import { posix } from 'node:path';
import type { Context } from '../types.js';
import type { Info } from './state.js';
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

// Programs whose output is (part of) the files they are given: the lines they print are those files' lines.
export const FILE_READERS = /^(cat|tac|head|tail|jq|yq|cut|sort|uniq|grep|egrep|fgrep|rg|sed|awk|gawk|column|tr|nl|paste)$/;

// git verbs that print text others wrote: commit messages and authors (log, show, shortlog, reflog, blame, notes, cat-file,
// rev-list --format), ref names (for-each-ref, tag, branch, ls-remote, describe, name-rev). A file list (ls-files, diff
// --name-only, status) is the project's own names, as ls's are.
const GIT_FOREIGN = /^(log|show|shortlog|reflog|blame|notes|cat-file|rev-list|for-each-ref|tag|branch|ls-remote|describe|name-rev|interpret-trailers)$/;

/** What a command feeding xargs prints that others wrote (git's commit messages, ref names), or undefined. */
export function foreignText(argv: readonly string[]): string | undefined {
  if (posix.basename(argv[0] ?? '') !== 'git') return undefined;
  // (git's own options before the verb: -C DIR, -c k=v, --no-pager.)
  const verb = argv.slice(1).find((a, k, all) => !a.startsWith('-') && !/^(-C|-c|--git-dir|--work-tree|--namespace)$/.test(all[k - 1] ?? ''));
  if (verb === undefined || !GIT_FOREIGN.test(verb)) return undefined;
  // (Local branches are the user's own names — git branch --format=… | xargs -I{} sh -c 'git log -1 {}'; remote ones, -r/-a, are not.)
  if (verb === 'branch' && !argv.some((a) => /^(-[a-zA-Z]*[ra][a-zA-Z]*|--remotes|--all)$/.test(a))) return undefined;
  // (…only where it prints names or text, not a file list: git log --name-only --format= is paths.)
  if (/^(log|show)$/.test(verb) && argv.some((a) => /^--(name-only|name-status)$/.test(a)) && argv.some((a) => /^--(format|pretty)=(format:|tformat:)?$/.test(a))) return undefined;
  // (…nor where its format prints only hashes, dates and separators — git log --format=%H, rev-list without one.)
  const format = argv.map((a) => /^--(?:format|pretty)=(?:format:|tformat:)?(.*)$/s.exec(a)?.[1]).find((f) => f !== undefined);
  if (format !== undefined ? !/%(?![HhTtPp]|[acm][tdDIirs]|%|n)/.test(format) && !/^(oneline|short|medium|full|fuller|reference|email|raw)$/.test(format) : verb === 'rev-list') return undefined;
  return `what git ${verb} prints (text others wrote)`;
}

/**
 * The commands whose printed text reaches a command from `fed` (its feeders): each feeder and, behind a filter that passes
 * its input on — head, sort, uniq, sed, tr, cut, awk, grep — that filter's own feeders, and so on up the pipe: commit text
 * through `git log | head -1` is still commit text. `stdinFrom(k)` are command k's feeders.
 */
export function throughFilters(fed: readonly number[], info: readonly (Info | undefined)[], stdinFrom: (k: number) => readonly number[]): number[] {
  const out: number[] = [];
  for (const todo = [...fed]; todo.length > 0;) {
    const k = todo.shift()!;
    if (out.includes(k)) continue;
    out.push(k);
    if (FILE_READERS.test(info[k]?.name ?? '')) todo.push(...stdinFrom(k));
  }
  return out;
}

/** What wrote the text a command prints, when others did: a download, git's commit text or ref names, a reader's file from
 *  outside the project; undefined for the project's own text and names. */
export function foreignOutput(i: Info | undefined, ctx: Pick<Context, 'cwd' | 'home' | 'projectRoot'>): string | undefined {
  if (i === undefined) return undefined;
  if (i.downloadOut) return `what ${i.name} downloaded`;
  const git = foreignText(i.argv);
  if (git !== undefined) return git;
  if (!FILE_READERS.test(i.name)) return undefined;
  const file = i.argv.slice(1).filter((a) => !a.startsWith('-')).find((a) => !posix.resolve(ctx.cwd, a.replace(/^~(?=\/|$)/, ctx.home)).startsWith(`${ctx.projectRoot}/`));
  return file === undefined ? undefined : `the lines of ${file}`;
}
