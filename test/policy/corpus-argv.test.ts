// The public corpus lines a shim can decide (layer shim|both), as the argv one binary receives.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { parse } from 'yaml';
import { ROOT } from '../helpers/harness.js';
import { builtin, verdict } from '../helpers/engine.js';

interface Case { id: string; expect: string; argv: string[]; stdin?: string; stdout?: string }

const cases = parse(readFileSync(join(ROOT, 'test', 'fixtures', 'corpus-argv.yaml'), 'utf8')) as Case[];

t.test('corpus argv cases', async (t) => {
  const policy = await builtin();
  t.ok(cases.length >= 70, 'the fixture holds the public shim/both lines');
  for (const c of cases) {
    const e = verdict(policy, c.argv, { stdin: c.stdin, stdout: c.stdout });
    t.equal(e.decision, c.expect, `${c.id}: ${c.argv.join(' ')} → ${e.decision} (${e.rule})`);
  }
});
