// Runs one agent session for an end-to-end test, inside a private network namespace when the
// test could make one (only loopback exists there): canary listeners, the model stand-in, then
// the real client; writes what happened to a JSON report. Invoked as
//   node driver.js CONFIG.json        (the test writes CONFIG and reads CONFIG.out)
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { recordingServer } from '../../test/helpers/harness.js';
import { anthropicStub, geminiStub, responsesStub, type Turn } from './model-stub.js';

export interface DriverConfig {
  /** The client and its arguments. */
  argv: string[];
  env: Record<string, string>;
  cwd: string;
  turns: Turn[];
  /** Loopback addresses to listen on; the first is {{CANARY}}, the second {{CANARY2}}. */
  canaries: string[];
  /** Text substitutions in the turns (besides the canaries). */
  vars: Record<string, string>;
  timeoutMs: number;
  out: string;
  /** The model API the client speaks (default: Anthropic's). */
  api?: 'anthropic' | 'responses' | 'gemini';
  /** Files whose {{MODEL_PORT}} is filled in once the stand-in listens (Codex reads its URL from config.toml). */
  portFiles?: string[];
}

export interface DriverReport {
  code: number | null;
  stdout: string;
  stderr: string;
  results: { id: string; isError: boolean; text: string }[];
  /** Requests each canary received: method, path and body. */
  canaryHits: Record<string, string[]>;
}

function substitute(x: unknown, vars: Record<string, string>): unknown {
  if (typeof x === 'string') return x.replace(/\{\{(\w+)\}\}/g, (m, k: string) => vars[k] ?? m);
  if (Array.isArray(x)) return x.map((y) => substitute(y, vars));
  if (x && typeof x === 'object') return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, substitute(v, vars)]));
  return x;
}

async function main(): Promise<void> {
  const cfg = JSON.parse(fs.readFileSync(process.argv[2]!, 'utf8')) as DriverConfig;
  const cans = await Promise.all(cfg.canaries.map((h) => recordingServer(h)));
  const vars = { ...cfg.vars };
  cans.forEach((c, i) => (vars[i === 0 ? 'CANARY' : `CANARY${i + 1}`] = `${cfg.canaries[i]}:${c.port}`));
  const turns = substitute(cfg.turns, vars) as Turn[];
  const api = cfg.api ?? 'anthropic';
  const stub = api === 'responses' ? await responsesStub(turns) : api === 'gemini' ? await geminiStub(turns) : await anthropicStub(turns);
  for (const f of cfg.portFiles ?? []) fs.writeFileSync(f, fs.readFileSync(f, 'utf8').replaceAll('{{MODEL_PORT}}', String(stub.port)));
  const apiEnv: Record<string, string> =
    api === 'anthropic' ? { ANTHROPIC_BASE_URL: `http://127.0.0.1:${stub.port}`, ANTHROPIC_API_KEY: 'dummy' }
    : api === 'gemini' ? { GOOGLE_GEMINI_BASE_URL: `http://127.0.0.1:${stub.port}`, GEMINI_API_KEY: 'dummy' }
    : {};
  const env = { ...(substitute(cfg.env, vars) as Record<string, string>), ...apiEnv };
  const child = spawn(cfg.argv[0]!, cfg.argv.slice(1), { cwd: cfg.cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const timer = setTimeout(() => child.kill('SIGKILL'), cfg.timeoutMs);
  const code = await new Promise<number | null>((r) => child.on('close', (c) => r(c)));
  clearTimeout(timer);
  // Give a hook's or a script's late connection a moment to land before reading the canaries.
  await new Promise((r) => setTimeout(r, 300));
  const report: DriverReport = { code, stdout, stderr, results: stub.results(), canaryHits: Object.fromEntries(cfg.canaries.map((h, i) => [h, cans[i]!.hits.map((x) => `${x.method} ${x.url} ${x.body}`)])) };
  fs.writeFileSync(cfg.out, JSON.stringify(report, null, 2));
  await stub.close();
  for (const c of cans) void c.close();
  process.exit(0);
}

await main();
