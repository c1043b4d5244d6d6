import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import t from 'tap';
import { readAudit, summarize } from '../../src/audit/read.js';
import { AuditWriter, type AuditRecord } from '../../src/audit/writer.js';

const rec = (i: number, decision = 'allow'): AuditRecord => ({
  ts: new Date().toISOString(), id: String(i), session: null, source: 'shim', binary: 'curl', argv: ['curl', String(i)],
  cwd: '/tmp', decision, enforced: true, rule: decision === 'deny' ? 'r1' : null, reason: 'x',
});

t.test('appends whole lines and rotates by size', async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rpa-'));
  t.teardown(() => fs.rmSync(dir, { recursive: true, force: true }));
  const file = path.join(dir, 'audit.jsonl');
  const w = new AuditWriter(file, 2000);
  for (let i = 0; i < 40; i++) w.append(rec(i, i % 4 === 0 ? 'deny' : 'allow'));
  w.close();
  t.ok(fs.existsSync(file + '.1'), 'rotated');
  t.ok(fs.statSync(file).size <= 2000);
  t.equal((fs.statSync(file).mode & 0o777).toString(8), '600');
  const all = readAudit(file);
  t.ok(all.length > 10 && all.length <= 40);
  t.equal(all[all.length - 1].id, '39', 'newest last');
  const s = summarize(all);
  t.ok(s.find((e) => e.rule === 'r1' && e.decision === 'deny'));
});
