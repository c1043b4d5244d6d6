// One end-to-end world: a temp HOME with the real client's settings written by `rampart setup`,
// a project, and sessions of the real client driven by a scripted model (driver.ts), inside a
// private network namespace when one can be made. Everything is removed at teardown, servers and
// containment hosts included (by pid).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BIN, exec, sandboxPids, type Result } from '../../test/helpers/harness.js';
import { resolvePaths, type RampartPaths } from '../../src/server/paths.js';
import type { DriverConfig, DriverReport } from './driver.js';
import type { Turn } from './model-stub.js';

const DRIVER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'driver.js');

/** The environment variables that keep Claude Code off the network and quiet. */
export const CLAUDE_QUIET = {
  CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1', DISABLE_TELEMETRY: '1', DISABLE_ERROR_REPORTING: '1', DISABLE_AUTOUPDATER: '1',
  DISABLE_BUG_COMMAND: '1', DISABLE_NON_ESSENTIAL_MODEL_CALLS: '1', CLAUDE_CODE_DISABLE_FEEDBACK_SURVEY: '1', CLAUDE_CODE_DISABLE_OFFICIAL_MARKETPLACE_AUTOINSTALL: '1',
};

let netnsOk: boolean | undefined;
/** True when `unshare -n` works here (root, or unprivileged user namespaces). */
export function canIsolateNetwork(): boolean {
  netnsOk ??= spawnSync('unshare', ['-n', 'sh', '-c', 'ip link set lo up'], { stdio: 'ignore' }).status === 0;
  return netnsOk;
}

interface T {
  teardown(fn: () => void | Promise<void>): void;
}

export interface SessionOptions {
  turns: Turn[];
  args?: string[];
  env?: Record<string, string>;
  canaries?: string[];
  timeoutMs?: number;
  /** A command the client runs under (`['rampart', 'run', '--contain', '--']`). */
  wrap?: string[];
  /** Written to $RAMPART_HOME/policy.yaml first. */
  setupPolicy?: string;
}

export interface World {
  dir: string;
  home: string;
  project: string;
  paths: RampartPaths;
  /** Environment for the rampart CLI in this world. */
  env: NodeJS.ProcessEnv;
  rampart(args: string[]): Promise<Result>;
  audit(): any[];
  /** One client session: `-p` with the scripted turns; returns the driver's report. */
  session(o: SessionOptions): Promise<DriverReport>;
}

/** What differs per client: files before setup, the session's command line, its model API. */
interface ClientSpec {
  agent: 'claude-code' | 'codex' | 'gemini';
  /** Writes the client's own configuration (before `rampart setup`). */
  prepare(home: string, project: string): void;
  argv(client: string, o: SessionOptions): string[];
  env: Record<string, string>;
  api: DriverConfig['api'];
  /** Files holding {{MODEL_PORT}}. */
  portFiles(home: string): string[];
}

const CLAUDE: ClientSpec = {
  agent: 'claude-code',
  prepare(home, project) {
    // Onboarding done, the stand-in's key approved, the project trusted: no dialogs in -p.
    fs.writeFileSync(path.join(home, '.claude.json'), JSON.stringify({
      hasCompletedOnboarding: true, lastOnboardingVersion: '9.9.9', customApiKeyResponses: { approved: ['dummy'], rejected: [] },
      projects: { [project]: { hasTrustDialogAccepted: true, allowedTools: [] } },
    }));
  },
  argv: (client, o) => [client, '-p', 'go', ...(o.args ?? [])],
  env: { IS_SANDBOX: '1', ...CLAUDE_QUIET },
  api: 'anthropic',
  portFiles: () => [],
};

/** Codex: a model provider pointing at the stand-in (its port filled in by the driver). */
const CODEX: ClientSpec = {
  agent: 'codex',
  prepare(home) {
    fs.mkdirSync(path.join(home, '.codex'), { recursive: true });
    fs.writeFileSync(path.join(home, '.codex', 'config.toml'), 'model = "gpt-5.5"\nmodel_provider = "stub"\n\n[model_providers.stub]\nname = "stub"\nbase_url = "http://127.0.0.1:{{MODEL_PORT}}/v1"\nwire_api = "responses"\n');
  },
  argv: (client, o) => [client, 'exec', '--skip-git-repo-check', '-s', 'danger-full-access', '-c', 'approval_policy="never"', ...(o.args ?? []), 'go'],
  env: {},
  api: 'responses',
  portFiles: (home) => [path.join(home, '.codex', 'config.toml')],
};

/** Gemini: API-key auth against the stand-in, the workspace trusted (headless refuses otherwise). */
const GEMINI: ClientSpec = {
  agent: 'gemini',
  prepare(home) {
    fs.mkdirSync(path.join(home, '.gemini'), { recursive: true });
    fs.writeFileSync(path.join(home, '.gemini', 'settings.json'), JSON.stringify({ security: { auth: { selectedType: 'gemini-api-key' } }, privacy: { usageStatisticsEnabled: false }, general: { enableAutoUpdate: false, enableAutoUpdateNotification: false } }, null, 2) + '\n');
  },
  argv: (client, o) => [client, '-p', 'go', '-m', 'gemini-2.5-flash', '--yolo', ...(o.args ?? [])],
  env: { GEMINI_CLI_TRUST_WORKSPACE: 'true' },
  api: 'gemini',
  portFiles: () => [],
};

export const SPECS = { 'claude-code': CLAUDE, codex: CODEX, gemini: GEMINI };

/** A world for Claude Code: `rampart setup claude-code` (plus `setupArgs`) in a temp HOME. */
export function claudeWorld(t: T, client: string, setupArgs: string[] = []): Promise<World> {
  return agentWorld(t, CLAUDE, client, setupArgs);
}

/** A world for any client: its files, then `rampart setup <agent>` (plus `setupArgs`) in a temp HOME. */
export async function agentWorld(t: T, spec: ClientSpec, client: string, setupArgs: string[] = []): Promise<World> {
  const dir = fs.mkdtempSync('/var/tmp/rpe-');
  const home = path.join(dir, 'home');
  const project = path.join(dir, 'proj');
  const bin = path.join(dir, 'bin');
  for (const d of [home, project, bin]) fs.mkdirSync(d, { recursive: true });
  fs.symlinkSync(BIN, path.join(bin, 'rampart'));
  const env: NodeJS.ProcessEnv = { HOME: home, RAMPART_HOME: path.join(home, '.rampart'), PATH: `${bin}:/usr/local/bin:/usr/bin:/bin`, LANG: 'C.UTF-8' };
  const paths = resolvePaths(env);
  t.teardown(() => {
    for (const pid of sandboxPids(paths.rampartHome)) process.kill(pid, 'SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  });
  spec.prepare(home, project);
  const git = (args: string[]) => spawnSync('git', args, { cwd: project, env: { ...env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.invalid', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.invalid' } });
  fs.writeFileSync(path.join(home, '.gitconfig'), '[user]\n\tname = t\n\temail = t@example.invalid\n');
  git(['init', '-q', '-b', 'main']);
  git(['commit', '-q', '--allow-empty', '-m', 'init']);
  const rampart = (args: string[]) => exec(process.execPath, [BIN, ...args], { cwd: project, env });
  const r = await rampart(['setup', spec.agent, ...setupArgs]);
  if (r.code !== 0) throw new Error(`rampart setup ${spec.agent} ${setupArgs.join(' ')}: ${r.stderr}`);
  let n = 0;
  return {
    dir, home, project, paths, env, rampart,
    audit: () => {
      try {
        return fs.readFileSync(paths.audit, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
      } catch {
        return [];
      }
    },
    session: async (o) => {
      const out = path.join(dir, `report-${n++}.json`);
      // A stand-in listens on a new port each session: put the placeholder back.
      for (const f of spec.portFiles(home)) fs.writeFileSync(f, fs.readFileSync(f, 'utf8').replace(/(http:\/\/127\.0\.0\.1:)\d+/g, '$1{{MODEL_PORT}}'));
      if (o.setupPolicy) fs.writeFileSync(path.join(paths.rampartHome, 'policy.yaml'), o.setupPolicy);
      const cfg: DriverConfig = {
        argv: [...(o.wrap ?? []).map((w) => (w === 'rampart' ? path.join(bin, 'rampart') : w)), ...spec.argv(client, o)],
        env: { HOME: home, RAMPART_HOME: paths.rampartHome, USER: 'root', LANG: 'C.UTF-8', SHELL: '/bin/bash', PATH: env.PATH!, ...spec.env, ...o.env },
        cwd: project, turns: o.turns, canaries: o.canaries ?? ['127.0.0.1'], vars: { PROJECT: project, HOME: home },
        timeoutMs: o.timeoutMs ?? 90_000, out, api: spec.api, portFiles: spec.portFiles(home),
      };
      const cfgFile = `${out}.config.json`;
      fs.writeFileSync(cfgFile, JSON.stringify(cfg));
      // `env -i`: nothing from the test runner reaches the client (tap's process-info hook adds
      // NODE_OPTIONS to every child it spawns, whatever env is given).
      const argv = [
        'env', '-i', 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'LANG=C.UTF-8',
        ...(canIsolateNetwork() ? ['unshare', '-n', 'sh', '-c', 'ip link set lo up && exec "$0" "$@"'] : []),
        process.execPath, DRIVER, cfgFile,
      ];
      await new Promise<void>((resolve) => {
        const child = spawn(argv[0]!, argv.slice(1), { stdio: 'ignore' });
        child.on('close', () => resolve());
      });
      return JSON.parse(fs.readFileSync(out, 'utf8')) as DriverReport;
    },
  };
}
