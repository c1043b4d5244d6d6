// Web frameworks' consoles and runners run code in a language Rampart reads, given on their command line or stdin:
// Django's `manage.py shell -c CODE` (or its stdin), Rails' `rails runner CODE` and `rails console` fed stdin,
// Laravel's `artisan tinker --execute=CODE` (or its stdin). The code is the interpreter's own one-liner with the
// application loaded: judged as `python3 -c CODE`, `ruby -e CODE`, `php -r CODE` would be. Their database consoles
// (`manage.py dbshell`, `rails dbconsole`) fed stdin run that SQL in the project's database client.
import { posix } from 'node:path';

interface Console {
  /** The framework's entry, by the program's name or (for `python manage.py`, `php artisan`) its first operand. */
  entry: RegExp;
  /** Interpreters that run the entry when it is given as their operand. */
  via: RegExp;
  verbs: RegExp;
  /** The one-liner form of the language: the interpreter and its inline-code option. */
  inline: [string, string];
  /** Options that give the code. */
  codeOptions: RegExp;
  /** A short code option whose value may be glued to it (-c'CODE', as argparse reads it). */
  glued?: string;
  /** The first operand after the verb is code, unless it names a script file (rails runner scripts/x.rb). */
  operandCode?: boolean;
}

const CONSOLES: Console[] = [
  // (`python -m django` is django-admin: the tool's identity is the module's name, django — identity.ts.)
  { entry: /^(manage\.py|django-admin(\.py)?|django)$/, via: /^python[\d.]*$/, verbs: /^(shell|shell_plus)$/, inline: ['python3', '-c'], codeOptions: /^(-c|--command)$/, glued: '-c' },
  { entry: /^rails$/, via: /^ruby[\d.]*$/, verbs: /^(runner|r)$/, inline: ['ruby', '-e'], codeOptions: /^$/, operandCode: true },
  { entry: /^rails$/, via: /^ruby[\d.]*$/, verbs: /^(console|c)$/, inline: ['ruby', '-e'], codeOptions: /^$/ },
  { entry: /^artisan$/, via: /^php[\d.]*$/, verbs: /^tinker$/, inline: ['php', '-r'], codeOptions: /^--execute$/ },
];

/** Database consoles of the same frameworks: what they read on stdin is SQL for the project's database client, and the
 *  words after `--` (manage.py dbshell -- -c SQL) are the client's own arguments. */
const DB_CONSOLES: { entry: RegExp; via: RegExp; verbs: RegExp }[] = [
  { entry: /^(manage\.py|django-admin(\.py)?|django)$/, via: /^python[\d.]*$/, verbs: /^dbshell$/ },
  { entry: /^rails$/, via: /^ruby[\d.]*$/, verbs: /^(dbconsole|db)$/ },
];
const DB_CLIENTS = ['psql', 'mysql', 'sqlite3'];

/** Interpreters' options that take a value as the next word (python -W ignore, php -d memory_limit=-1, ruby -I lib):
 *  that word is not the framework's entry. */
const VIA_VALUED = /^-[WXQdcIrEzC]$/;

/** Where the framework's verb is: after the entry, whether it is the program or an interpreter's operand. */
function verbAt(entry: RegExp, via: RegExp, name: string, args: readonly string[]): number | undefined {
  if (entry.test(posix.basename(name))) return 0;
  if (!via.test(posix.basename(name))) return undefined;
  const k = args.findIndex((a, j) => !a.startsWith('-') && !VIA_VALUED.test(args[j - 1] ?? ''));
  return k >= 0 && entry.test(posix.basename(args[k]!)) ? k + 1 : undefined;
}

/** The one-liners a framework console's call runs (argv of the language's interpreter), and the SQL a database console
 *  is fed (argv of the database clients). Empty for anything else. */
export function consoleCode(name: string, args: readonly string[], stdinText: string | undefined): string[][] {
  const out: string[][] = [];
  for (const c of CONSOLES) {
    const at = verbAt(c.entry, c.via, name, args);
    if (at === undefined || !c.verbs.test(args[at] ?? '')) continue;
    const rest = args.slice(at + 1);
    const code: string[] = [];
    rest.forEach((a, k) => {
      if (c.codeOptions.test(rest[k - 1] ?? '') && !a.startsWith('-')) code.push(a);
      else if (a.startsWith('--') && c.codeOptions.test(a.slice(0, a.indexOf('=')))) code.push(a.slice(a.indexOf('=') + 1));
      else if (c.glued && a.startsWith(c.glued) && a.length > c.glued.length) code.push(a.slice(c.glued.length));
    });
    if (c.operandCode) {
      const op = rest.find((a, k) => !a.startsWith('-') && !/^(-e|--environment)$/.test(rest[k - 1] ?? ''));
      // (A script of the project — rails runner scripts/backfill.rb — is its code, run as `ruby FILE` would be.)
      if (op !== undefined && !/^[\w./-]+\.rb$/.test(op)) code.push(op);
    }
    if (stdinText !== undefined) code.push(stdinText);
    for (const text of code) if (text.trim() !== '') out.push([...c.inline, text]);
  }
  for (const d of DB_CONSOLES) {
    const at = verbAt(d.entry, d.via, name, args);
    if (at === undefined || !d.verbs.test(args[at] ?? '')) continue;
    if (stdinText !== undefined) out.push(['psql', '-c', stdinText], ['mysql', '-e', stdinText], ['sqlite3', ':memory:', stdinText]);
    const dd = args.indexOf('--', at);
    if (dd >= 0 && dd < args.length - 1) for (const client of DB_CLIENTS) out.push([client, ...args.slice(dd + 1)]);
  }
  return out;
}
