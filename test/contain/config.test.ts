// The OS layer's configuration derived from the policy (pure: a temp HOME with files in it).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import t from 'tap';
import { containConfig } from '../../src/contain/config.js';
import { builtin } from '../helpers/engine.js';

t.test('home credentials are hidden; public ssh files and gh\'s token stay readable', async (t) => {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'rpt-cfg-'));
  t.teardown(() => fs.rmSync(home, { recursive: true, force: true }));
  for (const f of ['.ssh/id_ed25519', '.ssh/known_hosts', '.aws/credentials', '.azure/msal_token_cache.json', '.config/gh/hosts.yml']) {
    fs.mkdirSync(path.dirname(path.join(home, f)), { recursive: true });
    fs.writeFileSync(path.join(home, f), 'x');
  }
  const project = path.join(home, 'project');
  fs.mkdirSync(project);
  const cfg = containConfig(await builtin(), { projectRoot: project, home, rampartHome: path.join(home, '.rampart'), runDir: path.join(home, '.rampart', 'run') });
  const denied = cfg.filesystem.denyRead;
  for (const d of ['.ssh', '.aws', '.azure']) t.ok(denied.includes(path.join(home, d)), `${d} hidden`);
  t.notOk(denied.some((d) => path.join(home, '.config/gh/hosts.yml').startsWith(d)), 'gh can still authenticate');
  t.ok((cfg.filesystem.allowRead ?? []).includes(path.join(home, '.ssh', 'known_hosts')), 'known_hosts readable for git over ssh');
});
