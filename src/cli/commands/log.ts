import fs from 'node:fs';
import { Chalk } from 'chalk';
import type { CommandModule } from '../command.js';
import { EXIT, RampartError } from '../errors.js';
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
  utc?: boolean;
  id?: string;
}

/** `2026-11-30 21:05:40` in the local zone (or UTC), and the zone's name for the header. */
function clock(utc: boolean): { zone: string; at: (iso: string) => string } {
  const pad = (n: number) => String(n).padStart(2, '0');
  const offset = utc ? 0 : -new Date().getTimezoneOffset();
  const zone = `UTC${offset < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
  return {
    zone,
    at: (iso) => {
      const d = new Date(iso);
      if (Number.isNaN(d.getTime())) return iso.slice(0, 19);
      const [y, mo, da, h, mi, se] = utc
        ? [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()]
        : [d.getFullYear(), d.getMonth() + 1, d.getDate(), d.getHours(), d.getMinutes(), d.getSeconds()];
      return `${y}-${pad(mo)}-${pad(da)} ${pad(h)}:${pad(mi)}:${pad(se)}`;
    },
  };
}

const decisionOf = (r: AuditRecord): string => r.policyDecision ?? r.decision;

function row(r: AuditRecord, c: InstanceType<typeof Chalk>, at: (iso: string) => string): string {
  const d = decisionOf(r);
  const paint = r.canary ? c.dim : d === 'deny' ? c.red : d === 'ask' ? c.yellow : c.green;
  const mark = r.enforced ? d : `${d}*`;
  const cmd = r.argv.join(' ').replace(/\s+/g, ' ');
  const extra = [r.canary ? '(setup --check canary)' : '', r.rule ? `[${r.rule}]` : '', r.ask ? `ask:${r.ask}` : '', r.outcome === 'blocked' && d !== 'deny' ? 'blocked' : '', r.id].filter(Boolean).join(' ');
  const chain = r.parents?.length ? c.dim(` ← ${r.parents.map((p) => p.comm).slice(0, 4).join(' ← ')}`) : '';
  return `${c.dim(at(r.ts))} ${paint(mark.padEnd(6))} ${cmd.length > 80 ? cmd.slice(0, 77) + '...' : cmd}${chain} ${c.dim(extra)}`;
}

/** One past decision in full: what ran, where, who asked, which rule decided and why. */
function explain(r: AuditRecord, at: (iso: string) => string, zone: string): string {
  const d = decisionOf(r);
  const lines: [string, unknown][] = [
    ['id', r.id],
    ['time', `${at(r.ts)} ${zone}`],
    ['decision', `${d}${r.enforced ? '' : ' (audit mode: logged, not enforced)'}${r.outcome ? ` — ${r.outcome}` : ''}`],
    ['rule', r.rule ?? '(no rule matched: the default)'],
    ['reason', r.reason],
    ['what', r.source === 'hook' ? `${String(r.tool ?? 'tool call')}: ${r.argv.join(' ')}` : r.argv.join(' ')],
    ['layer', `${r.source}${r.agent ? ` (${String(r.agent)})` : ''}${r.canary ? ' — a `setup --check` canary, not an agent\'s action' : ''}`],
    ['cwd', r.cwd],
    ['project', r.projectRoot],
    ['session', r.session],
    ['ask', r.ask],
    ['unattended', r.unattended],
    ['stdin', r.stdin],
    ['stdout', r.stdout],
    ['started by', r.parents?.length ? r.parents.map((p) => `${p.comm}[${p.pid}]`).join(' ← ') : undefined],
  ];
  return lines.filter(([, v]) => v !== undefined && v !== null && v !== '').map(([k, v]) => `${(k + ':').padEnd(12)} ${String(v)}`).join('\n');
}

/** `rampart log`: the audit log as a table, JSON, or counts by rule. */
export const logCommand: CommandModule<LogArgs> = {
  command: 'log',
  describe: 'Show the audit log (* marks decisions not enforced: audit mode)',
  builder: (y) =>
    y
      .option('n', {
        type: 'number', default: 50, describe: 'Show the last N records (a whole number; 0 shows none, e.g. with --follow)',
        coerce: (v: unknown) => {
          if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) throw new Error(`-n takes a whole number of records, 0 or more (got ${String(v)})`);
          return v;
        },
      })
      .option('follow', { alias: 'f', type: 'boolean', describe: 'Keep printing new records' })
      .option('json', { type: 'boolean', describe: 'One JSON object per line' })
      .option('decision', { choices: ['allow', 'ask', 'deny'], describe: 'Only this decision' })
      .option('session', { type: 'string', describe: 'Only this session id' })
      .option('summary', { type: 'boolean', describe: 'Counts by rule and decision' })
      .option('utc', { type: 'boolean', describe: 'Times in UTC (default: the local time zone, named in the header)' })
      .option('id', { type: 'string', describe: 'Explain one past decision in full (its id, or the start of it, from the last column)' })
      .conflicts('id', ['summary', 'follow']),
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
    const { zone, at } = clock(Boolean(args.utc));
    if (args.id) {
      const hits = recs.filter((r) => typeof r.id === 'string' && r.id.startsWith(args.id!));
      if (hits.length === 0) throw new RampartError('NOT_FOUND', `no record with id ${args.id} in ${file}`, 'Ids are in the last column of `rampart log`.');
      if (hits.length > 1 && !hits.some((r) => r.id === args.id)) throw new RampartError('USAGE', `${hits.length} records start with ${args.id}`, 'Give more of the id.');
      const hit = hits.find((r) => r.id === args.id) ?? hits[0]!;
      ctx.output.out(args.json ? JSON.stringify(hit) : explain(hit, at, zone));
      return EXIT.ok;
    }
    const print = (r: AuditRecord) => ctx.output.out(args.json ? JSON.stringify(r) : row(r, c, at));
    // -n 0: no past records (with --follow: only new ones).
    const shown = args.n === 0 ? [] : recs.slice(-args.n);
    if (!args.json) {
      if (shown.length) ctx.output.out(c.bold(`${`time (${zone})`.padEnd(19)} ${'decision'.padEnd(6)} command  [rule] id`));
      else if (args.n !== 0) ctx.output.out(`no records${args.decision || args.session ? ' match' : ''} in ${file}${recs.length === 0 && !args.decision && !args.session ? ' (nothing has been decided yet)' : ''}`);
    }
    for (const r of shown) print(r);
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
