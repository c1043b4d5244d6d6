// `rampart contain-host`: containment for one agent session whose commands arrive one by one
// (Claude Code's CLAUDE_CODE_SHELL_PREFIX → the native `rampart-contain`). Started detached by the
// SessionStart hook; registers the contained session, writes the session's template where
// `rampart-contain` finds it (<run dir>/contain/<agent pid>.sh), keeps the proxy alive while the
// agent lives, and removes everything when it is gone.
import fs from 'node:fs';
import path from 'node:path';
import { call, ensureServer } from '../server/client.js';
import type { RampartPaths } from '../server/paths.js';
import { containSession } from './session.js';

export interface AgentHostOptions {
  paths: RampartPaths;
  projectRoot: string;
  agentPid: number;
  agent: string;
  agentSession?: string;
  /** Called once the template is in place, with the session variable for the agent's commands. */
  ready(sessionVar: string): void;
  log(msg: string): void;
}

/** Where `rampart-contain` looks for the template of the agent process `pid`. */
export function templatePath(paths: RampartPaths, agentPid: number): string {
  return path.join(paths.runDir, 'contain', `${agentPid}.sh`);
}

/** The live host's session for an agent, if its template is there and its host runs. */
export function liveTemplate(paths: RampartPaths, agentPid: number): { session: string; host: number } | undefined {
  try {
    const [a, b] = fs.readFileSync(templatePath(paths, agentPid), 'utf8').split('\n');
    const session = a?.startsWith('session=') ? a.slice(8) : undefined;
    const host = b?.startsWith('host=') ? Number(b.slice(5)) : NaN;
    if (!session || !Number.isInteger(host)) return undefined;
    process.kill(host, 0);
    return { session, host };
  } catch {
    return undefined;
  }
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Runs until the agent exits (or SIGTERM); resolves with the exit code. */
export async function runAgentHost(o: AgentHostOptions): Promise<number> {
  await ensureServer(o.paths, process.env);
  const ref = { id: '' };
  const contained = await containSession({ paths: o.paths, session: () => ref.id, projectRoot: o.projectRoot });
  const file = templatePath(o.paths, o.agentPid);
  let sessionId = '';
  let sessionVar = '';
  const cleanup = async () => {
    fs.rmSync(file, { force: true });
    await contained.stop().catch(() => undefined);
    if (sessionId) await call(o.paths.socket, { type: 'session', op: 'end', id: sessionId }).catch(() => undefined);
  };
  try {
    const reg = await call(o.paths.socket, {
      type: 'session', op: 'register', projectRoot: o.projectRoot, agent: o.agent, pid: o.agentPid,
      ...(o.agentSession ? { agentSession: o.agentSession } : {}), contained: true, containEnv: contained.env,
    });
    const s = reg.session as { id: string; key: string };
    sessionId = s.id;
    sessionVar = ref.id = `${s.id}.${s.key}`;
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    const tmp = `${file}.${process.pid}.tmp`;
    // After the header: `argv` and NUL-separated words when the template is a plain bwrap command
    // line (exec'd directly), else `sh` and the string for bash -c.
    const body = contained.argv ? `argv\n${contained.argv.join('\0')}` : `sh\n${contained.template}`;
    fs.writeFileSync(tmp, `session=${sessionVar}\nhost=${process.pid}\n${body}`, { mode: 0o600 });
    fs.renameSync(tmp, file);
  } catch (e) {
    await cleanup();
    throw e;
  }
  o.ready(sessionVar);
  o.log(`containing agent ${o.agentPid} (session ${sessionId}) in ${o.projectRoot}`);
  const code = await new Promise<number>((resolve) => {
    const timer = setInterval(() => {
      if (!alive(o.agentPid)) {
        clearInterval(timer);
        resolve(0);
      }
    }, 1000);
    const stop = () => {
      clearInterval(timer);
      resolve(0);
    };
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
    process.once('SIGHUP', stop);
  });
  await cleanup();
  o.log(`agent ${o.agentPid} is gone; containment stopped`);
  return code;
}
