import type { CommandModule } from '../command.js';

/** The command registry: every top-level command, in the order --help lists them. */
export const commands: CommandModule[] = [];
