// src/policy/** is the pure core: no file system, network, processes or environment.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { ROOT } from '../helpers/harness.js';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

const FORBIDDEN = /from\s+['"](node:)?(fs|fs\/promises|net|child_process|http|https|dgram|dns|os|worker_threads|cluster)['"]|process\.env|import\(\s*['"](node:)?(fs|net|child_process)/;

t.test('policy core imports no I/O module', async (t) => {
  const list = files(join(ROOT, 'src', 'policy'));
  t.ok(list.length > 10, 'found the policy sources');
  for (const f of list) {
    const text = readFileSync(f, 'utf8');
    t.notMatch(text, FORBIDDEN, `${f.slice(ROOT.length + 1)} stays pure`);
  }
});

t.test('the purity check itself catches an import', async (t) => {
  t.match("import { readFileSync } from 'node:fs';", FORBIDDEN);
  t.match('const x = process.env.HOME;', FORBIDDEN);
});
