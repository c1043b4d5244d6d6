// The real agent clients the end-to-end tests drive, installed from npm into a cache outside the
// checkout so reruns are quick. Versions are pinned: the tests prove behaviour of these builds.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const CLIENTS = {
  'claude-code': { pkg: '@anthropic-ai/claude-code', version: '2.1.197', bin: 'node_modules/@anthropic-ai/claude-code/bin/claude.exe' },
  codex: { pkg: '@openai/codex', version: '0.171.0', bin: 'node_modules/.bin/codex' },
  gemini: { pkg: '@google/gemini-cli', version: '0.61.0', bin: 'node_modules/.bin/gemini' },
} as const;
export type ClientName = keyof typeof CLIENTS;

export function cacheDir(): string {
  return process.env.RAMPART_E2E_CACHE || '/var/tmp/rampart-e2e-cache';
}

/** The client's executable if it is installed in the cache. */
export function clientPath(name: ClientName): string | undefined {
  const c = CLIENTS[name];
  const p = path.join(cacheDir(), `${name}-${c.version}`, c.bin);
  return fs.existsSync(p) ? p : undefined;
}

/** Installs the client into the cache (npm), unless it is there; returns its executable or why not. */
export function installClient(name: ClientName, log: (m: string) => void = () => {}): { path?: string; error?: string } {
  const have = clientPath(name);
  if (have) return { path: have };
  const c = CLIENTS[name];
  const prefix = path.join(cacheDir(), `${name}-${c.version}`);
  fs.mkdirSync(prefix, { recursive: true });
  log(`installing ${c.pkg}@${c.version} into ${prefix} (first run only)`);
  const r = spawnSync('npm', ['install', '--prefix', prefix, '--no-audit', '--no-fund', '--loglevel=error', `${c.pkg}@${c.version}`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const p = clientPath(name);
  if (r.status !== 0 || !p) return { error: `npm install ${c.pkg}@${c.version} failed: ${(r.stderr || r.stdout || '').trim().slice(-500)}` };
  return { path: p };
}

// `node dist/e2e/helpers/clients.js`: install every client (npm run e2e does this first).
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  let failed = false;
  for (const name of Object.keys(CLIENTS) as ClientName[]) {
    const r = installClient(name, (m) => console.log(`e2e: ${m}`));
    if (r.error) {
      failed = true;
      console.error(`e2e: ${name}: ${r.error}`);
    } else console.log(`e2e: ${name}: ${r.path}`);
  }
  process.exitCode = failed ? 1 : 0;
}
