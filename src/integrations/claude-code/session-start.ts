// The SessionStart hook: put the shims first on the Bash tool's PATH through $CLAUDE_ENV_FILE
// (settings `env.PATH` is overwritten by Claude Code's shell snapshot) and register the
// session's project root with the server, fixed for the session whatever `cd` does later.
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { liveTemplate } from '../../contain/agent-host.js';
import { call, ensureServer, RAMPART_BIN } from '../../server/client.js';
import type { RampartPaths } from '../../server/paths.js';
import { firstNonShellAncestor } from '../../server/ancestry.js';
import { acceptableProjectRoot } from '../../server/sessions.js';
import { readConf } from '../../shims/conf.js';
import type { AgentId } from '../dialects.js';

export interface SessionStartResult {
  /** Shown to the user (exit 1 is Claude Code's non-blocking notice); '' on success. */
  stderr: string;
  exitCode: 0 | 1;
  /** The lines appended to the env file. */
  lines: string[];
  session?: string;
}

/** A shell word in single quotes: sourced as shell, so nothing in it may expand. */
export function shSingle(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** PATH with the shims directory first, once; the rest as Claude Code has it now. */
export function shimsFirst(shimsDir: string, envPath: string): string {
  const canon = (d: string) => {
    try {
      return fs.realpathSync(d);
    } catch {
      return path.resolve(d);
    }
  };
  const mine = canon(shimsDir);
  const rest = envPath.split(':').filter((d) => d !== '' && canon(d) !== mine);
  return [shimsDir, ...rest].join(':');
}

/** The lines for $CLAUDE_ENV_FILE; values are expanded now and quoted (the file is sourced). */
export function envFileLines(shimsDir: string, envPath: string, session: string | undefined, projectRoot: string | undefined): string[] {
  return [
    `# rampart: shims first on PATH${projectRoot ? `; project root ${projectRoot.replace(/[\r\n]/g, ' ')}` : ''}`,
    `export PATH=${shSingle(shimsFirst(shimsDir, envPath))}`,
    ...(session ? [`export RAMPART_SESSION=${shSingle(session)}`] : []),
  ];
}

function parseInput(text: string): Record<string, unknown> {
  try {
    const j = JSON.parse(text);
    return j && typeof j === 'object' && !Array.isArray(j) ? j : {};
  } catch {
    return {};
  }
}

/**
 * Starts (or finds) the containment host for this agent process: a detached `rampart contain-host`
 * that lives as long as the agent. Resolves with the session variable its commands carry.
 */
async function containHost(paths: RampartPaths, projectRoot: string, agentPid: number, agentSession: string | undefined): Promise<string> {
  const live = liveTemplate(paths, agentPid);
  if (live) return live.session; // resume, /clear, compact: the same agent process, the same host
  const log = fs.openSync(paths.serverLog, 'a', 0o600);
  const child = spawn(process.execPath, [RAMPART_BIN, 'contain-host', '--project', projectRoot, '--agent-pid', String(agentPid), '--rampart-home', paths.rampartHome, ...(agentSession ? ['--agent-session', agentSession] : [])], {
    detached: true, // its own session: Claude Code ends the hook's process group when the hook ends
    stdio: ['ignore', 'pipe', log],
    cwd: '/',
    env: { HOME: paths.home, RAMPART_HOME: paths.rampartHome, PATH: process.env.PATH ?? '/usr/bin:/bin', LANG: 'C.UTF-8' },
  });
  fs.closeSync(log);
  try {
    return await new Promise<string>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error('the containment host did not start within 20 s (see server.log)')), 20_000);
      child.stdout!.on('data', (d) => {
        out += d;
        const m = /^READY (\S+)$/m.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      });
      child.on('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`the containment host exited (${code}) before it was ready (see ${paths.serverLog})`));
      });
    });
  } finally {
    child.stdout!.destroy();
    child.unref();
  }
}

/**
 * SessionStart for any agent: register the session (project root fixed from here on, keyed by
 * the agent's session id, usable only by the agent's descendants). Claude Code also gets the
 * shims first on its Bash tool's PATH through $CLAUDE_ENV_FILE; Codex's PATH is set in its
 * config at setup, Gemini's by launching it through `rampart run`.
 */
export async function runSessionStart(stdin: string, paths: RampartPaths, env: NodeJS.ProcessEnv, o: { contain?: boolean; agent?: AgentId } = {}): Promise<SessionStartResult> {
  const agent = o.agent ?? 'claude-code';
  const input = parseInput(stdin);
  const envFile = env.CLAUDE_ENV_FILE;
  const problems: string[] = [];
  const conf = readConf(paths.shimsDir);
  if (!conf) {
    return { stderr: `rampart: no shims installed in ${paths.shimsDir}; the agent's shell runs unguarded by PATH shims. Run \`rampart setup ${agent}\` again.`, exitCode: 1, lines: [] };
  }
  // The agent's project directory: fixed at session start, unlike the input's cwd.
  const dir = (agent === 'claude-code' ? env.CLAUDE_PROJECT_DIR : agent === 'gemini' ? env.GEMINI_PROJECT_DIR : undefined) || (typeof input.cwd === 'string' ? input.cwd : '');
  let projectRoot: string | undefined;
  try {
    projectRoot = dir ? fs.realpathSync(dir) : undefined;
  } catch {
    projectRoot = undefined;
  }
  let session: string | undefined;
  let home = paths.home;
  try {
    home = fs.realpathSync(home);
  } catch {
    /* keep as given */
  }
  if (projectRoot && acceptableProjectRoot(projectRoot, home)) {
    try {
      await ensureServer(paths, env);
      const agentSession = typeof input.session_id === 'string' ? input.session_id : undefined;
      // The agent process (Claude Code runs hooks through `sh -c`): only its descendants may use
      // the session, and admin commands refuse anything below it.
      const agentPid = firstNonShellAncestor(process.pid);
      if (o.contain) {
        if (!agentPid) throw new Error('cannot find the Claude Code process to contain');
        session = await containHost(paths, projectRoot, agentPid, agentSession);
      } else {
        const r = await call(paths.socket, { type: 'session', op: 'register', projectRoot, agent, ...(agentSession ? { agentSession } : {}), ...(agentPid ? { pid: agentPid } : {}) }, { timeoutMs: 5000 });
        session = (r.session as { id?: string } | undefined)?.id;
      }
    } catch (e) {
      problems.push(o.contain
        ? `could not start containment (${(e as Error).message}); every Bash command will be refused until a new session starts`
        : `could not register the session with the decision server (${(e as Error).message}); shim calls will have no project root`);
    }
  } else {
    problems.push(`no usable project root (${dir || 'none given'}: it must be a directory other than / or your home); shim calls will have no project root`);
  }
  if (agent !== 'claude-code') return { stderr: problems.map((p) => `rampart: ${p}`).join('\n'), exitCode: 0, lines: [], ...(session ? { session } : {}) };
  const lines = envFileLines(paths.shimsDir, env.PATH ?? '', session, projectRoot);
  if (!envFile) {
    problems.unshift('CLAUDE_ENV_FILE is not set for this SessionStart hook, so the shims cannot be put on the Bash tool\'s PATH (start Claude Code with `rampart run -- claude` instead)');
    return { stderr: problems.map((p) => `rampart: ${p}`).join('\n'), exitCode: 1, lines: [], ...(session ? { session } : {}) };
  }
  try {
    fs.appendFileSync(envFile, lines.join('\n') + '\n', { mode: 0o600 });
  } catch (e) {
    problems.unshift(`cannot write ${envFile}: ${(e as Error).message}`);
    return { stderr: problems.map((p) => `rampart: ${p}`).join('\n'), exitCode: 1, lines: [], ...(session ? { session } : {}) };
  }
  return { stderr: problems.map((p) => `rampart: ${p}`).join('\n'), exitCode: problems.length ? 1 : 0, lines, ...(session ? { session } : {}) };
}
