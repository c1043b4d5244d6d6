import fs from 'node:fs';
import path from 'node:path';
import type { CommandModule } from '../command.js';
import { setupRecords } from '../../integrations/shared/setup-state.js';
import { AGENTS } from '../../integrations/dialects.js';
import { EXIT, RampartError } from '../errors.js';
import { refuseAgentCaller } from '../guard.js';
import { resolvePaths } from '../../server/paths.js';
import { installShims, listShims, uninstallShims, type Entry } from '../../shims/install.js';

interface ShimsArgs {
  action: 'install' | 'list' | 'uninstall';
  dir?: string;
  bin?: string;
  'remove-bin'?: string;
  force?: boolean;
  fallback?: boolean;
  'fail-open'?: boolean;
  project?: string;
  json?: boolean;
}

function report(entries: Entry[]): string {
  return entries.map((e) => `${e.status.padEnd(9)} ${e.name}`).join('\n');
}

/** `rampart shims install|list|uninstall`. */
export const shimsCommand: CommandModule<ShimsArgs> = {
  command: 'shims <action>',
  describe: 'Install, list or remove the PATH shims',
  builder: (y) =>
    y
      .positional('action', { choices: ['install', 'list', 'uninstall'] as const, describe: 'What to do' })
      .option('dir', { type: 'string', describe: 'Shims directory (default $RAMPART_HOME/shims)' })
      .option('bin', { type: 'string', describe: 'Comma-separated binaries to guard in addition (to the defaults curl,wget,ssh,scp,sftp,rsync,git,rm,npm,npx,nc,ncat,netcat,socat, or to what an earlier install guards)' })
      .option('remove-bin', { type: 'string', describe: 'Comma-separated binaries to stop guarding' })
      .option('force', { type: 'boolean', describe: 'uninstall: remove the hook entry even while an agent setup still runs it (its tool calls are then blocked)' })
      .option('fallback', { type: 'boolean', describe: 'Install the POSIX-sh + Node shims instead of compiling the native one (slower)' })
      .option('fail-open', { type: 'boolean', describe: 'Run commands when no decision can be had (default: fail closed)' })
      .option('project', { type: 'string', describe: 'Project root for calls outside `rampart run` sessions (default: none)' })
      .option('json', { type: 'boolean', describe: 'Print JSON' }),
  handler: (args, ctx) => {
    const paths = resolvePaths(ctx.env);
    const dir = args.dir ?? paths.shimsDir;
    if (args.action !== 'list') refuseAgentCaller(`shims ${args.action}`, ctx.env, paths);
    if (args.action === 'install') {
      const list = (v?: string) => (v ? v.split(',').map((s) => s.trim()).filter(Boolean) : undefined);
      const bins = list(args.bin);
      const removeBins = list(args['remove-bin']);
      const r = installShims({ paths, dir, ...(bins ? { bins } : {}), ...(removeBins ? { removeBins } : {}), fallback: Boolean(args.fallback), failOpen: Boolean(args['fail-open']), ...(args.project ? { project: args.project } : {}) });
      if (args.json) ctx.output.out(JSON.stringify(r));
      else {
        ctx.output.out(`${r.kind} shims in ${r.dir}\n${report(r.entries)}`);
        const kept = r.entries.filter((e) => e.status === 'kept').map((e) => e.name);
        if (kept.length) ctx.output.err(`rampart: ${kept.join(', ')} in ${r.dir} ${kept.length > 1 ? 'are files' : 'is a file'} Rampart did not create; left as ${kept.length > 1 ? 'they are' : 'it is'} (not guarded). Move ${kept.length > 1 ? 'them' : 'it'} away and install again to guard ${kept.length > 1 ? 'those names' : 'that name'}.`);
        if (r.note) ctx.output.err(`rampart: ${r.note}`);
        ctx.output.out(`Put ${r.dir} first on the agent's PATH, or start the agent with \`rampart run -- AGENT\`.`);
      }
      return EXIT.ok;
    }
    if (args.action === 'list') {
      const { conf, shims } = listShims(dir, ctx.env.PATH ?? '');
      if (!conf) throw new RampartError('NOT_FOUND', `no shims installed in ${dir}`, 'Run `rampart shims install`.');
      if (args.json) ctx.output.out(JSON.stringify({ dir, kind: conf.kind, fail: conf.fail, socket: conf.socket, shims }));
      else {
        ctx.output.out(`${conf.kind} shims in ${dir} (fail ${conf.fail}, socket ${conf.socket})`);
        for (const s of shims) ctx.output.out(`${s.name.padEnd(8)} ${s.kind === 'missing' ? 'MISSING ENTRY' : '→ ' + (s.real ?? 'not found on PATH (runs exit 127)')}`);
      }
      return EXIT.ok;
    }
    // The agents' hooks run rampart-hook from here: removing it would block every tool call.
    const users = [...new Set(setupRecords(paths.rampartHome, AGENTS).map((r) => r.agent))];
    if (users.length && !args.force && path.resolve(dir) === path.resolve(paths.shimsDir)) {
      throw new RampartError('CONFIG', `the ${users.join(', ')} hook${users.length > 1 ? 's run' : ' runs'} ${path.join(dir, 'rampart-hook')}; removing it would block every tool call`, `Run \`rampart setup ${users[0]} --remove\` first${users.length > 1 ? ' (for each agent)' : ''}, or add --force.`);
    }
    const entries = uninstallShims(dir);
    ctx.output.out(entries.length ? report(entries) : `rampart: no shims installed in ${dir}`);
    return EXIT.ok;
  },
};
