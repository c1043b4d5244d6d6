// Contract tests that walk the registries: every command is described and handled and its
// --help is true; every shipped rule has an id, a reason and examples both ways.
import t from 'tap';
import { commandsFor, COMMANDS } from '../../src/cli/commands/index.js';
import type { CommandModule } from '../../src/cli/command.js';
import { main } from '../../src/cli/main.js';
import { captureOutput } from '../../src/cli/output.js';
import { builtin } from '../helpers/engine.js';

function walk(cs: CommandModule[], prefix: string[] = []): [string[], CommandModule][] {
  return cs.flatMap((c) => {
    const path = [...prefix, c.command.split(' ')[0]!];
    return [[path, c] as [string[], CommandModule], ...walk(c.subcommands ?? [], path)];
  });
}

t.test('every command has a description, a handler and a working --help', async (t) => {
  let examplesSeen = 0;
  const all = walk(await commandsFor([]));
  t.ok(all.length >= 15, `${all.length} commands`);
  t.same(all.filter(([p]) => p.length === 1).map(([p]) => p[0]), COMMANDS.map((c) => c.name), 'the lazy registry names each module by its command');
  for (const [path, c] of all) {
    t.ok(c.describe && c.describe.length > 10, `${path.join(' ')} is described`);
    t.type(c.handler, 'function', `${path.join(' ')} has a handler`);
    const out = captureOutput();
    const code = await main([...path, '--help'], { output: out, env: { HOME: '/nonexistent' }, cwd: '/' });
    t.equal(code, 0, `${path.join(' ')} --help exits 0`);
    const help = out.stdout.join('\n');
    t.match(help, path[path.length - 1]!, `${path.join(' ')} --help names the command`);
    // An option line with nothing between the flag and its [type] has no description.
    const bare = help.split('\n').filter((l) => /^\s+(-\w, )?--[\w-]+\s+\[/.test(l));
    t.same(bare, [], `${path.join(' ')}: every option is described`);
    // Help examples are whole commands: each on one line of at most 80 columns, quotes balanced
    // (yargs' own example columns broke long ones in the middle).
    const lines = help.split('\n');
    const ex = lines.indexOf('Examples:');
    const examples = ex < 0 ? [] : lines.slice(ex + 1).filter((l) => /^  rampart /.test(l));
    if (ex >= 0) examplesSeen += examples.length;
    for (const l of examples) {
      t.ok(l.length <= 80 && (l.match(/'/g) ?? []).length % 2 === 0, `${path.join(' ')}: example on one line: ${l.trim()}`);
    }
    t.notMatch(help, /^\s{20,}\S.*'$/m, `${path.join(' ')}: no example command continues on a second line`);
  }
  t.ok(examplesSeen >= 3, `${examplesSeen} help examples checked`);
});

t.test('every shipped rule has an id, an action, a reason and examples both ways', async (t) => {
  const policy = await builtin();
  const ids = new Set<string>();
  for (const r of policy.rules) {
    t.notOk(ids.has(r.id), `${r.id} is unique`);
    ids.add(r.id);
    t.ok(r.reason.length > 10, `${r.id} has a reason`);
    t.ok(r.examples.match.length > 0 && r.examples.not_match.length > 0, `${r.id} has examples both ways`);
  }
});
