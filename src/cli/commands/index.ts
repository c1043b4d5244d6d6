import type { CommandModule } from '../command.js';

/**
 * The command registry, in the order --help lists them. Each entry loads its module only when
 * that command runs (or for --help): `rampart status` does not pay for the policy engine, the
 * schema compiler or the containment runtime.
 */
export const COMMANDS: { name: string; load: () => Promise<CommandModule[]> }[] = [
  { name: 'policy', load: async () => [(await import('./policy.js')).policyCommand] },
  { name: 'trust', load: async () => [(await import('./trust.js')).trustCommand] },
  { name: 'allow-host', load: async () => [(await import('./hosts.js')).allowHostCommand] },
  { name: 'deny-host', load: async () => [(await import('./hosts.js')).denyHostCommand] },
  { name: 'run', load: async () => [(await import('./run.js')).runCommand] },
  { name: 'shims', load: async () => [(await import('./shims.js')).shimsCommand] },
  { name: 'serve', load: async () => [(await import('./serve.js')).serveCommand] },
  { name: 'start', load: async () => [(await import('./start.js')).startCommand] },
  { name: 'stop', load: async () => [(await import('./start.js')).stopCommand] },
  { name: 'status', load: async () => [(await import('./status.js')).statusCommand] },
  { name: 'log', load: async () => [(await import('./log.js')).logCommand] },
  { name: 'pending', load: async () => [(await import('./approvals.js')).pendingCommand] },
  { name: 'approve', load: async () => [(await import('./approvals.js')).approveCommand] },
  { name: 'deny', load: async () => [(await import('./approvals.js')).denyCommand] },
  { name: 'doctor', load: async () => [(await import('./doctor.js')).doctorCommand] },
  { name: 'setup', load: async () => [(await import('./setup.js')).setupCommand] },
  { name: 'hook', load: async () => [(await import('./hook.js')).hookCommand] },
  { name: 'contain-host', load: async () => [(await import('./contain-host.js')).containHostCommand] },
];

/** The modules for an argv: the named command's only, or all of them (help, typos, completion). */
export async function commandsFor(argv: readonly string[]): Promise<CommandModule[]> {
  const first = argv.find((a) => !a.startsWith('-'));
  const hit = COMMANDS.find((c) => c.name === first);
  if (hit && !argv.includes('--help') && !argv.includes('-h')) return hit.load();
  return (await Promise.all(COMMANDS.map((c) => c.load()))).flat();
}
