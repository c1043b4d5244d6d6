import fs from 'node:fs';
import path from 'node:path';
import type { CommandModule } from '../command.js';
import { EXIT } from '../errors.js';
import { request } from '../../server/client.js';
import { MAX_SOCKET_PATH, resolvePaths } from '../../server/paths.js';
import { readConf } from '../../shims/conf.js';
import { haveCompiler, listShims } from '../../shims/install.js';
import { containmentProblems, SANDBOX_RUNTIME_VERSION } from '../../contain/host.js';
import { AGENTS } from '../../integrations/dialects.js';
import { setupRecords } from '../../integrations/shared/setup-state.js';
import { checkSetup } from '../../integrations/claude-code/check.js';
import { checkCodex } from '../../integrations/codex/setup.js';
import { checkGemini } from '../../integrations/gemini/setup.js';

const isExecutable = (f: string): boolean => {
  try {
    fs.accessSync(f, fs.constants.X_OK);
    return fs.statSync(f).isFile();
  } catch {
    return false;
  }
};

type Level = 'ok' | 'warn' | 'fail';

/** `rampart doctor`: what is installed and running, and what to fix. */
export const doctorCommand: CommandModule = {
  command: 'doctor',
  describe: 'Check the installation: rampart on PATH, shims (native or fallback), each agent hook (runs it on canaries), server, policy, containment',
  builder: (y) => y.option('json', { type: 'boolean', describe: 'Print JSON' }),
  handler: async (args: { json?: boolean }, ctx) => {
    const paths = resolvePaths(ctx.env);
    const checks: { level: Level; what: string; detail: string }[] = [];
    const add = (level: Level, what: string, detail: string) => checks.push({ level, what, detail });
    const [major, minor] = process.versions.node.split('.').map(Number);
    add(major > 20 || (major === 20 && minor >= 19) ? 'ok' : 'warn', 'node', process.versions.node);
    add(haveCompiler() ? 'ok' : 'warn', 'C compiler', haveCompiler() ? 'cc found (native shims)' : 'no cc: only the slower fallback shims can be installed');
    const conf = readConf(paths.shimsDir);
    if (!conf) add('fail', 'shims', `none installed in ${paths.shimsDir}; run \`rampart shims install\``);
    else {
      add('ok', 'shims', `${conf.kind === 'native' ? 'native (C) shim' : 'fallback (POSIX sh + Node) shims'} in ${paths.shimsDir}, fail ${conf.fail}`);
      if (conf.socket !== paths.socket) add('fail', 'shim socket', `shims point at ${conf.socket}, server uses ${paths.socket}; rerun \`rampart shims install\``);
      if (conf.kind === 'native' && !fs.existsSync(`${paths.shimsDir}/.rampart-shim`)) add('fail', 'shim binary', 'missing; rerun `rampart shims install`');
      const { shims } = listShims(paths.shimsDir, ctx.env.PATH ?? '');
      const missing = shims.filter((s) => !s.real).map((s) => s.name);
      if (missing.length) add('warn', 'guarded binaries', `not on PATH (their shims exit 127): ${missing.join(', ')}`);
    }
    const pathDirs = (ctx.env.PATH ?? '').split(':');
    const onPath = pathDirs.filter(Boolean).map((d) => path.join(d, 'rampart')).find(isExecutable);
    add(onPath ? 'ok' : 'warn', 'rampart on PATH', onPath ?? `not found on this PATH; add the directory install.sh linked it into (default ~/.local/bin): echo 'export PATH="$HOME/.local/bin:$PATH"' >> ~/.bashrc`);
    add(pathDirs[0] === paths.shimsDir ? 'ok' : 'warn', 'PATH', pathDirs[0] === paths.shimsDir ? 'shims first' : 'shims not first on this PATH (fine outside `rampart run` sessions)');
    add(Buffer.byteLength(paths.socket) <= MAX_SOCKET_PATH ? 'ok' : 'fail', 'socket path', paths.socket);
    // Containment is optional: missing pieces are a warning that names the fix, not a failure.
    const missing = containmentProblems();
    add(missing.length ? 'warn' : 'ok', 'containment', missing.length
      ? `not ready: ${missing.join('; ')} — install with: sudo apt-get install bubblewrap socat ripgrep (Debian/Ubuntu)`
      : `ready (bubblewrap, socat, ripgrep; sandbox-runtime ${SANDBOX_RUNTIME_VERSION}): \`rampart run --contain\`, \`setup claude-code --contain\``);
    // Each agent setup on record: its hook must actually run and block the canaries.
    const setups = setupRecords(paths.rampartHome, AGENTS);
    if (!setups.length) add('ok', 'agent hooks', 'none set up (`rampart setup claude-code|codex|gemini`)');
    const checked = new Set<string>();
    for (const { agent, record } of setups) {
      const where = agent === 'codex' ? path.dirname(record.settingsPath) : record.settingsPath;
      if (checked.has(`${agent}\0${where}`)) continue;
      checked.add(`${agent}\0${where}`);
      const o = { env: ctx.env, cwd: ctx.cwd, home: paths.home };
      const r = agent === 'codex' ? await checkCodex(where, paths, o) : agent === 'gemini' ? await checkGemini(where, paths, o) : await checkSetup(where, o);
      add(r.ok ? 'ok' : 'fail', `${agent} hook`, r.ok ? `runs and blocks the canaries (${where})` : `${where}: ${r.lines.filter((l) => /FAIL|fail|not|missing/i.test(l)).join('; ') || 'the check failed'} — see \`rampart setup ${agent} --check\``);
    }
    const st = await request(paths.socket, { type: 'status' }, { timeoutMs: 3000 }).catch(() => null);
    if (!st || st.type !== 'ok') add('warn', 'server', 'not running (the shims start it on first use; or `rampart start`)');
    else {
      const s = st as Record<string, any>;
      add('ok', 'server', `pid ${s.pid}, ${s.decisions} decisions, ${(s.rssBytes / 1048576).toFixed(0)} MB`);
      add(s.policy?.ok ? 'ok' : 'fail', 'policy', s.policy?.ok ? `${s.policy.files.length} file(s)` : String(s.policy?.error));
    }
    if (args.json) ctx.output.out(JSON.stringify(checks));
    else for (const c of checks) ctx.output.out(`${c.level.padEnd(4)}  ${c.what}: ${c.detail}`);
    return checks.some((c) => c.level === 'fail') ? EXIT.failed : EXIT.ok;
  },
};
