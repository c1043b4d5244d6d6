import fs from 'node:fs';
import { Chalk } from 'chalk';
import type { CommandModule } from '../command.js';
import { EXIT } from '../errors.js';
import { matches, parseLines, readAudit, summarize, type LogFilter } from '../../audit/read.js';
import type { AuditRecord } from '../../audit/writer.js';
import { resolvePaths } from '../../server/paths.js';

interface LogArgs {
  n: number;
  follow?: boolean;
  json?: boolean;
  decision?: string;
  session?: string;
  summary?: boolean;
}

function row(r: AuditRecord, c: InstanceType<typeof Chalk>): string {
  const d = r.policyDecision ?? r.decision;
  const paint = d === 'deny' ? c.red : d === 'ask' ? c.yellow : c.green;
  const mark = r.enforced ? d : `${d}*`;
  const cmd = r.argv.join(' ').replace(/\s+/g, ' ');
  const ts = r.ts.replace('T', ' ').slice(0, 19);
  const extra = [r.rule ? `[${r.rule}]` : '', r.ask ? `ask:${r.ask}` : '', r.outcome === 'blocked' && d !== 'deny' ? 'blocked' : ''].filter(Boolean).join(' ');
  const chain = r.parents?.length ? c.dim(` ← ${r.parents.map((p) => p.comm).slice(0, 4).join(' ← ')}`) : '';
  return `${c.dim(ts)} ${paint(mark.padEnd(6))} ${cmd.length > 80 ? cmd.slice(0, 77) + '...' : cmd}${chain} ${c.dim(extra)}`;
}

/** `rampart log`: the audit log as a table, JSON, or counts by rule. */
export const logCommand: CommandModule<LogArgs> = {
  command: 'log',
  describe: 'Show the audit log (* marks decisions not enforced: audit mode)',
  builder: (y) =>
    y
      .option('n', { type: 'number', default: 50, describe: 'Show the last N records' })
      .option('follow', { alias: 'f', type: 'boolean', describe: 'Keep printing new records' })
      .option('json', { type: 'boolean', describe: 'One JSON object per line' })
      .option('decision', { choices: ['allow', 'ask', 'deny'], describe: 'Only this decision' })
      .option('session', { type: 'string', describe: 'Only this session id' })
      .option('summary', { type: 'boolean', describe: 'Counts by rule and decision' }),
  handler: async (args, ctx) => {
    const file = resolvePaths(ctx.env).audit;
    const filter: LogFilter = { ...(args.decision ? { decision: args.decision } : {}), ...(args.session ? { session: args.session } : {}) };
    const c = new Chalk({ level: ctx.output.color ? 1 : 0 });
    const recs = readAudit(file).filter((r) => matches(r, filter));
    if (args.summary) {
      const s = summarize(recs);
      if (args.json) ctx.output.out(JSON.stringify(s));
      else {
        ctx.output.out(c.bold(`${'count'.padStart(7)}  ${'decision'.padEnd(9)} rule`));
        for (const e of s) ctx.output.out(`${String(e.count).padStart(7)}  ${(e.decision + (e.enforced ? '' : '*')).padEnd(9)} ${e.rule}`);
      }
      return EXIT.ok;
    }
    const print = (r: AuditRecord) => ctx.output.out(args.json ? JSON.stringify(r) : row(r, c));
    for (const r of recs.slice(-Math.max(0, args.n))) print(r);
    if (!args.follow) return EXIT.ok;
    let pos = fs.existsSync(file) ? fs.statSync(file).size : 0;
    let rest = '';
    await new Promise<void>((res) => {
      const tick = setInterval(() => {
        let size = 0;
        try {
          size = fs.statSync(file).size;
        } catch {
          return;
        }
        if (size < pos) pos = 0; // rotated
        if (size === pos) return;
        const fd = fs.openSync(file, 'r');
        const buf = Buffer.alloc(size - pos);
        fs.readSync(fd, buf, 0, buf.length, pos);
        fs.closeSync(fd);
        pos = size;
        const text = rest + buf.toString('utf8');
        const cut = text.lastIndexOf('\n') + 1;
        rest = text.slice(cut);
        for (const r of parseLines(text.slice(0, cut))) if (matches(r, filter)) print(r);
      }, 250);
      process.once('SIGINT', () => {
        clearInterval(tick);
        res();
      });
    });
    return EXIT.ok;
  },
};
