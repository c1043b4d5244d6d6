import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CommandModule } from '../command.js';
import { EXIT, RampartError } from '../errors.js';
import { call, ensureServer } from '../../server/client.js';
import { resolvePaths } from '../../server/paths.js';
import { acceptableProjectRoot } from '../../server/sessions.js';
import { refuseAgentCaller } from '../guard.js';
import { readConf } from '../../shims/conf.js';
import { installShims } from '../../shims/install.js';
import { shq, type Containment } from '../../contain/host.js';
import { containSession } from '../../contain/session.js';

interface RunArgs {
  contain?: boolean;
  audit?: boolean;
  'audit-notice'?: boolean;
  policy?: string;
  cmd?: string[];
  '--'?: string[];
  _: (string | number)[];
}

/** True when this process has a controlling terminal (someone who could run `rampart approve`). */
function hasTerminal(): boolean {
  try {
    fs.closeSync(fs.openSync('/dev/tty', 'r'));
    return true;
  } catch {
    return false;
  }
}

/** `rampart run -- CMD …`: a session with a fixed project root, CMD run with the shims first on PATH. */
export const runCommand: CommandModule<RunArgs> = {
  command: 'run [cmd..]',
  describe: 'Run a command (an agent) with the shims first on PATH, in a session rooted at the current directory',
  builder: (y) =>
    y
      .parserConfiguration({ 'populate--': true, 'parse-numbers': false, 'parse-positional-numbers': false })
      .option('contain', { type: 'boolean', describe: 'Run CMD and everything it starts contained: network only through Rampart (every connection decided by the policy), writes only to the project, the temp dir and the agent\'s state, home credentials unreadable' })
      .option('audit', { type: 'boolean', describe: 'Audit mode: block nothing, log what would have been blocked' })
      .option('audit-notice', { type: 'boolean', default: true, describe: 'In audit mode, print `rampart(audit): would deny …` on stderr (--no-audit-notice: only log)' })
      .option('policy', { type: 'string', describe: 'Use this policy file instead of the user policy' })
      .positional('cmd', { type: 'string', array: true, describe: 'The command and its arguments (after --)' }),
  handler: async (args, ctx) => {
    const argv = [...(args.cmd ?? []), ...(args["--"] ?? [])].map(String);
    if (!argv.length) throw new RampartError('USAGE', 'rampart run needs a command', 'Example: rampart run -- claude');
    const paths = resolvePaths(ctx.env);
    // A nested `rampart run` is fine (stricter, if anything); one that loosens is the user's to start.
    if (args.audit || args.policy) refuseAgentCaller(`run ${args.audit ? '--audit' : '--policy'}`, ctx.env, paths);
    const projectRoot = fs.realpathSync(ctx.cwd);
    if (!acceptableProjectRoot(projectRoot, fs.realpathSync(paths.home))) {
      throw new RampartError('USAGE', `refusing to start a session in ${projectRoot}: the project root may not be / or your home directory`, 'cd into the project directory first.');
    }
    const policyFile = args.policy ? path.resolve(ctx.cwd, args.policy) : undefined;
    if (policyFile && !fs.existsSync(policyFile)) throw new RampartError('CONFIG', `policy file not found: ${policyFile}`);
    // Re-running install is idempotent and cheap; it rebuilds a shim whose source changed
    // (an upgrade) and keeps what the user chose at install (entries, kind, fail mode).
    const conf = readConf(paths.shimsDir);
    const r = installShims({
      paths,
      ...(conf?.bins ? { bins: conf.bins.split(',').filter(Boolean) } : {}),
      fallback: conf?.kind === 'fallback',
      failOpen: conf?.fail === 'open',
      ...(conf?.project ? { project: conf.project } : {}),
    });
    if (r.entries.some((e) => e.status !== 'unchanged')) {
      ctx.output.err(`rampart: ${conf ? 'updated' : 'installed'} ${r.kind} shims in ${r.dir}${r.note ? ` (${r.note})` : ''}`);
    }
    await ensureServer(paths, ctx.env);
    // Asks wait for `rampart approve` from a terminal; without one here, nobody is there to answer.
    const unattended = hasTerminal() ? undefined : 'rampart run has no terminal';
    // Containment starts before the session exists: the session records what the sandbox sets
    // itself (its proxies), fixed at registration, and hands out the key contained processes use.
    const sessionRef = { id: '' };
    const contained: Containment | undefined = args.contain ? await containSession({ paths, session: () => sessionRef.id, projectRoot, ...(policyFile ? { policyFile } : {}) }) : undefined;
    let reg;
    try {
      reg = await call(paths.socket, {
        type: 'session', op: 'register', projectRoot, audit: Boolean(args.audit), auditNotice: args['audit-notice'] !== false, pid: process.pid,
        ...(policyFile ? { policyFile } : {}), ...(unattended ? { unattended } : {}), ...(contained ? { contained: true, containEnv: contained.env } : {}),
      });
    } catch (e) {
      await contained?.stop();
      throw e;
    }
    const session = reg.session as { id: string; key?: string };
    sessionRef.id = session.key ? `${session.id}.${session.key}` : session.id;
    if (reg.policy && !reg.policy.ok) ctx.output.err(`rampart: warning: policy problem: ${reg.policy.error} (see \`rampart status\`)`);
    const env: NodeJS.ProcessEnv = { ...ctx.env, PATH: `${paths.shimsDir}:${ctx.env.PATH ?? '/usr/bin:/bin'}`, RAMPART_SESSION: session.key ? `${session.id}.${session.key}` : session.id };
    const inner = contained?.argv ?? ['/bin/bash', '-c', contained?.template ?? ''];
    const child = contained
      ? spawn(inner[0]!, inner.slice(1), { stdio: 'inherit', env: { ...env, PATH: ctx.env.PATH ?? '/usr/bin:/bin', RAMPART_CMD: `exec ${argv.map(shq).join(' ')}` }, cwd: ctx.cwd })
      : spawn(argv[0], argv.slice(1), { stdio: 'inherit', env, cwd: ctx.cwd });
    // The terminal delivers SIGINT to the whole group; SIGTERM/SIGHUP sent to us are passed on.
    const forward = (s: NodeJS.Signals) => () => child.kill(s);
    const handlers = (['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT'] as const).map((s) => [s, forward(s)] as const);
    for (const [s, h] of handlers) process.on(s, h);
    const code = await new Promise<number>((res) => {
      child.on('error', (e: NodeJS.ErrnoException) => {
        ctx.output.err(`rampart: cannot run ${argv[0]}: ${e.code === 'ENOENT' ? 'command not found' : e.message}`);
        res(e.code === 'ENOENT' ? 127 : 126);
      });
      child.on('exit', (c, sig) => res(sig ? 128 + (os.constants.signals[sig] ?? 0) : (c ?? 1)));
    });
    for (const [s, h] of handlers) process.off(s, h);
    await contained?.stop();
    await call(paths.socket, { type: 'session', op: 'end', id: session.id }).catch(() => undefined);
    return code;
  },
};
