import type { CommandModule } from '../command.js';
import { EXIT } from '../errors.js';
import { request } from '../../server/client.js';
import { resolvePaths } from '../../server/paths.js';

/** `rampart status`: whether the server runs, and the state of its policy. */
export const statusCommand: CommandModule = {
  command: 'status',
  describe: 'Show whether the decision server runs and whether its policy loaded',
  builder: (y) => y.option('json', { type: 'boolean', describe: 'Print JSON' }),
  handler: async (args: { json?: boolean }, ctx) => {
    const paths = resolvePaths(ctx.env);
    const r = await request(paths.socket, { type: 'status' }, { timeoutMs: 3000 }).catch(() => null);
    if (!r || r.type !== 'ok') {
      if (args.json) ctx.output.out(JSON.stringify({ running: false, socket: paths.socket }));
      else ctx.output.out(`rampart: server not running (socket ${paths.socket}); \`rampart start\` starts it (shims and hooks also start it on demand)`);
      return EXIT.server;
    }
    const s = r as Record<string, any>;
    if (args.json) {
      ctx.output.out(JSON.stringify({ running: true, ...s, v: undefined, type: undefined }));
      return s.policy?.ok ? EXIT.ok : EXIT.config;
    }
    const lines = [
      `server:    running, pid ${s.pid}, since ${s.startedAt}`,
      `socket:    ${s.socket}`,
      `sessions:  ${s.sessions}   pending approvals: ${s.pending}   decisions: ${s.decisions}`,
      `memory:    ${(s.rssBytes / 1048576).toFixed(1)} MB RSS`,
      `policy:    ${s.policy?.ok ? 'ok' : 'BROKEN — ' + String(s.policy?.error ?? 'unknown').split('\n')[0]}${s.policy?.loadedAt ? ` (loaded ${s.policy.loadedAt})` : ''}`,
    ];
    if (s.policy && !s.policy.ok) {
      lines.push(s.policy.loadedAt
        ? `           the last good policy stays in force until the file is fixed${s.policy.lastGood ? ` (saved copy: ${s.policy.lastGood})` : ''}`
        : '           NO policy in force: every guarded command and tool call is denied until the file is fixed');
    }
    for (const f of s.policy?.files ?? []) lines.push(`           ${f}`);
    for (const p of s.policy?.problems ?? []) lines.push(`  problem: ${p.file}:${p.line}: ${p.key ? p.key + ': ' : ''}${p.message}`);
    for (const w of s.policy?.warnings ?? []) lines.push(`  warning: ${w}`);
    ctx.output.out(lines.join('\n'));
    return s.policy?.ok ? EXIT.ok : EXIT.config;
  },
};
