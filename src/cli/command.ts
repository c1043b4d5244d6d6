import type { Argv } from 'yargs';
import { processOutput, type Output } from './output.js';

/** Everything a command handler receives: parsed args and the world it may touch. */
export interface CommandEnv {
  output: Output;
  env: NodeJS.ProcessEnv;
  cwd: string;
  stdinIsTTY: boolean;
  stdoutIsTTY: boolean;
}

/** The real process's world; parts a caller passes (tests do) take their place. */
export function commandEnv(over: Partial<CommandEnv> = {}): CommandEnv {
  return {
    output: over.output ?? processOutput(),
    env: over.env ?? process.env,
    cwd: over.cwd ?? process.cwd(),
    stdinIsTTY: over.stdinIsTTY ?? Boolean(process.stdin.isTTY),
    stdoutIsTTY: over.stdoutIsTTY ?? Boolean(process.stdout.isTTY),
  };
}

/** One CLI command module: static metadata plus a handler that returns an exit code. */
export interface CommandModule<A = any> {
  command: string;
  describe: string;
  builder?: (y: Argv) => Argv<any>;
  handler: (args: A, ctx: CommandEnv) => Promise<number> | number;
  /** Nested commands (`rampart policy explain`); the parent's handler is then unused. */
  subcommands?: CommandModule[];
}

/**
 * Examples for a command's help, each command on a line of its own and its description indented
 * below it: yargs' two-column example layout breaks a long command in the middle, and a half
 * command copied from help is worse than none.
 */
export function examplesText(rows: [command: string, description: string][]): string {
  return ['Examples:', ...rows.flatMap(([c, d]) => [`  ${c}`, `      ${d}`])].join('\n');
}
