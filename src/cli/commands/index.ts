import type { CommandModule } from '../command.js';
import { approveCommand, denyCommand, pendingCommand } from './approvals.js';
import { doctorCommand } from './doctor.js';
import { containHostCommand } from './contain-host.js';
import { hookCommand } from './hook.js';
import { logCommand } from './log.js';
import { policyCommand } from './policy.js';
import { trustCommand } from './trust.js';
import { runCommand } from './run.js';
import { serveCommand } from './serve.js';
import { setupCommand } from './setup.js';
import { shimsCommand } from './shims.js';
import { startCommand, stopCommand } from './start.js';
import { statusCommand } from './status.js';

/** The command registry: every top-level command, in the order --help lists them. */
export const commands: CommandModule[] = [
  policyCommand,
  trustCommand,
  runCommand,
  shimsCommand,
  serveCommand,
  startCommand,
  stopCommand,
  statusCommand,
  logCommand,
  pendingCommand,
  approveCommand,
  denyCommand,
  doctorCommand,
  setupCommand,
  hookCommand,
  containHostCommand,
];
