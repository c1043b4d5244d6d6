import { quote } from 'shell-quote';
import yargs from 'yargs';
import { commandsFor } from './commands/index.js';
import type { Argv } from 'yargs';
import { commandEnv, type CommandEnv, type CommandModule } from './command.js';
import { EXIT, renderError, RampartError } from './errors.js';
import type { Output } from './output.js';

/** Parses argv, runs one command and returns the exit code; never calls process.exit. */
export async function main(argv: string[], ctx?: Partial<CommandEnv>): Promise<number> {
  const env: CommandEnv = commandEnv(ctx);
  const output: Output = env.output;
  let exitCode: number = EXIT.ok;
  let failed = false;
  const y = yargs(argv)
    .scriptName('rampart')
    .usage('rampart — a firewall for AI coding agents\n\nUsage: rampart <command> [options]')
    .strict()
    .demandCommand(1, 'Name a command; `rampart --help` lists them.')
    .recommendCommands()
    .help()
    .alias('h', 'help')
    .version()
    .alias('v', 'version')
    .completion('completion', 'Print a bash/zsh completion script (add `source <(rampart completion)` to ~/.bashrc or ~/.zshrc)')
    .wrap(Math.min(100, process.stdout.columns || 100))
    .exitProcess(false)
    .fail((msg, err) => {
      failed = true;
      // An option's own check (yargs coerce) is a usage error, said in its words.
      if (err && err.name === 'YError') throw new RampartError('USAGE', err.message, 'Run `rampart --help` (or `rampart <command> --help`) for usage.');
      if (err) throw err;
      // `rampart run bash -c …`: the command's own options were read as rampart's.
      if (argv[0] === 'run' && !argv.includes('--') && /^Unknown argument/.test(msg ?? '')) {
        throw new RampartError('USAGE', `${msg}: put \`--\` before the command so its options are not read as rampart's`, `Example: rampart run -- ${quote(argv.slice(1))}`);
      }
      throw new RampartError('USAGE', msg ?? 'invalid usage', 'Run `rampart --help` (or `rampart <command> --help`) for usage.');
    });
  const register = (into: Argv<any>, c: CommandModule): void => {
    const builder = (a: Argv<any>): Argv<any> => {
      const b = c.builder ? c.builder(a) : a;
      if (!c.subcommands) return b;
      for (const s of c.subcommands) register(b, s);
      return b.demandCommand(1, `Name a subcommand: ${c.subcommands.map((s) => s.command.split(' ')[0]).join(', ')}.`);
    };
    into.command(c.command, c.describe, builder, async (args) => {
      exitCode = await c.handler(args, env);
    });
  };
  for (const c of await commandsFor(argv)) register(y, c);
  try {
    let parseError: Error | undefined;
    await y.parseAsync(argv, {}, (err, _parsed, text) => {
      if (err) parseError = err;
      else if (text) output.out(text);
    });
    if (parseError) throw parseError;
  } catch (e) {
    const r = renderError(e);
    output.err(r.text);
    return r.exitCode;
  }
  return failed ? EXIT.usage : exitCode;
}
