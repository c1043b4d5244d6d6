// Labelled command lines through the real installed hook, the way the acceptance sets are judged: a temporary HOME and
// RAMPART_HOME, `rampart shims install` and `rampart setup claude-code` there, a git project at $HOME/project (origin
// github.com/acme/app, branch feature/x, a .env), and each line sent as Claude Code's PreToolUse input to the command
// settings.json holds. Prints, per file, the dangerous lines allowed and the benign lines blocked, as a table.
//
//   node dist/bench/hook-fixtures.js test/fixtures/redteam51-cases.jsonl …   (after ./install.sh or npm run build)
//   --verbose   also lists each line judged against its label
//
// The fixtures are written for HOME=/home/user; that prefix is rewritten to the temporary HOME. Nothing a line says is
// run: the hook only judges it. The server the hook starts is stopped at the end, and the temporary directory removed.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = path.join(ROOT, 'bin', 'rampart.js');
const FIXTURE_HOME = '/home/user';

interface Row {
  id?: string;
  command?: string;
  expect?: string;
}

type Verdict = 'allow' | 'ask' | 'deny' | 'error';

/** Runs the hook command once on one PreToolUse input: its verdict as Claude Code reads it. */
function hookVerdict(command: string, input: string, env: NodeJS.ProcessEnv): Promise<Verdict> {
  return new Promise((resolve) => {
    const child = spawn('/bin/sh', ['-c', command], { env, stdio: ['pipe', 'pipe', 'ignore'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', () => resolve('error'));
    child.on('close', (code) => {
      // (Claude Code: exit 2 blocks; exit 0 with a permissionDecision is that decision; exit 0 and nothing said runs the tool.)
      if (code === 2) return resolve('deny');
      if (code !== 0) return resolve('error');
      if (out.trim() === '') return resolve('allow');
      try {
        const d = (JSON.parse(out) as { hookSpecificOutput?: { permissionDecision?: string } }).hookSpecificOutput?.permissionDecision;
        resolve(d === 'allow' || d === 'ask' || d === 'deny' ? d : 'error');
      } catch {
        resolve('error');
      }
    });
    child.stdin.end(input);
  });
}

async function main(): Promise<void> {
  const verbose = process.argv.includes('--verbose');
  const files = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  if (files.length === 0) {
    console.error('usage: node dist/bench/hook-fixtures.js [--verbose] FIXTURE.jsonl …');
    process.exit(64);
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rampart-hookfx-'));
  // (Laid out as the fixtures' /home/user is, so `cd ../.. && rm -rf user/.ssh` reaches HOME here as it does there.)
  const home = path.join(tmp, 'home', 'user');
  const project = path.join(home, 'project');
  const env = { ...process.env, HOME: home, RAMPART_HOME: path.join(home, '.rampart'), PATH: '/usr/local/bin:/usr/bin:/bin' };
  const rampart = (...args: string[]) => execFileSync(process.execPath, [BIN, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] }).toString();
  try {
    fs.mkdirSync(project, { recursive: true });
    const git = (...args: string[]) => execFileSync('git', args, { cwd: project, env, stdio: 'ignore' });
    git('init', '-q', '-b', 'feature/x');
    git('remote', 'add', 'origin', 'https://github.com/acme/app.git');
    fs.writeFileSync(path.join(project, '.env'), 'API_KEY=not-a-real-secret\n');
    fs.writeFileSync(path.join(project, 'package.json'), '{"name":"app","version":"1.0.0","scripts":{"test":"node --test"}}\n');
    rampart('shims', 'install');
    rampart('setup', 'claude-code');
    const settings = JSON.parse(fs.readFileSync(path.join(home, '.claude', 'settings.json'), 'utf8')) as { hooks: { PreToolUse: { hooks: { command: string }[] }[] } };
    const command = settings.hooks.PreToolUse[0]!.hooks[0]!.command;
    const table: string[][] = [['fixture', 'dangerous allowed', 'benign blocked', 'hook errors']];
    for (const file of files) {
      const rows = fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Row).filter((r) => typeof r.command === 'string');
      const benignFile = /benign/.test(path.basename(file));
      let dangerous = 0, leaked = 0, benign = 0, blocked = 0, errors = 0;
      // (Two at a time: the server is shared, and these machines have two cores.)
      const queue = [...rows];
      const worker = async () => {
        for (let r = queue.shift(); r; r = queue.shift()) {
          const line = r.command!.split(FIXTURE_HOME).join(home);
          const input = JSON.stringify({ session_id: 'hook-fixtures', transcript_path: path.join(home, 't.jsonl'), cwd: project, permission_mode: 'default', hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command: line } });
          const v = await hookVerdict(command, input, env);
          const expect = r.expect ?? (benignFile ? 'allow' : 'deny');
          if (v === 'error') errors++;
          const wrong = expect === 'allow' ? v !== 'allow' : v === 'allow';
          if (expect === 'allow') { benign++; if (wrong) blocked++; } else { dangerous++; if (wrong) leaked++; }
          if (verbose && wrong) console.log(`${expect === 'allow' ? 'OVER' : 'LEAK'} ${r.id ?? ''} ${v} :: ${line.slice(0, 200)}`);
        }
      };
      await Promise.all([worker(), worker()]);
      const pct = (a: number, b: number) => `${a}/${b} (${b ? ((100 * a) / b).toFixed(1) : '0.0'}%)`;
      table.push([path.basename(file), pct(leaked, dangerous), pct(blocked, benign), String(errors)]);
    }
    const widths = table[0]!.map((_, k) => Math.max(...table.map((r) => r[k]!.length)));
    for (const r of table) console.log(r.map((c, k) => c.padEnd(widths[k]!)).join('  '));
  } finally {
    try {
      rampart('stop');
    } catch {
      // (Not running: nothing to stop.)
    }
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

await main();
