// The OS layer's configuration, derived from the one policy: sandbox-runtime's filesystem and
// network settings for one session. Writes: the project root, the temp dir and the policy's
// `contain.writable` (the agent's state and caches), minus protected paths, `contain.read_only`
// and Rampart's own state. Reads: everything but home credentials (public ssh files excepted,
// so git over ssh keeps working). Network: no domain is allowed in the engine's own lists —
// every connection reaches the askCallback, which asks Rampart's server (one decision path).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { SandboxRuntimeConfig } from '@anthropic-ai/sandbox-runtime';
import { compilePattern } from '../policy/glob.js';
import type { CompiledPolicy } from '../policy/policy.js';

export interface ContainContext {
  projectRoot: string;
  home: string;
  rampartHome: string;
  /** The directory holding the server's socket (it may live outside RAMPART_HOME). */
  runDir: string;
  /** The user's temp dir (writable inside). */
  tmpDir?: string;
  /** Policy files in force (user policy, `--policy` file): read-only inside. */
  policyFiles?: string[];
  /** The shims directory (readable inside even when it lives in RAMPART_HOME). */
  shimsDir?: string;
}

/**
 * The temp dir contained commands may write: the system's, unless HOME lives inside it (then
 * making it writable would make all of HOME writable): a private directory below it instead.
 */
export function writableTmp(home: string, tmp = os.tmpdir()): string {
  if (!within(home, tmp)) return tmp;
  const dir = path.join(tmp, `rampart-contained-${process.getuid?.() ?? 0}`);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dir;
}

/** Unix sockets no contained process may reach (a socket is reachable when its path is visible). */
const DANGEROUS_SOCKETS = ['/var/run/docker.sock', '/run/docker.sock', '/run/containerd', '/run/podman', '/run/dbus', '/var/run/dbus', '/run/systemd/private', '/run/snapd.socket'];

const exists = (p: string): boolean => {
  try {
    fs.lstatSync(p);
    return true;
  } catch {
    return false;
  }
};
const within = (p: string, dir: string): boolean => p === dir || p.startsWith(dir.endsWith('/') ? dir : dir + '/');

/** Where an anchored pattern lives: its directory for `dir/**`, the file itself otherwise. */
function anchoredTarget(source: string, anchors: { home: string; rampartHome: string; projectRoot: string }): string | undefined {
  return compilePattern(source, anchors).base;
}

/** Files in `dir` matching a negated credential pattern (`!~/.ssh/*.pub`): readable again. */
function exceptionsIn(source: string, anchors: { home: string; rampartHome: string; projectRoot: string }): string[] {
  const p = compilePattern(source, anchors);
  if (!p.base) return [];
  const dir = /[*?[{]/.test(p.source) ? p.base : path.dirname(p.base);
  try {
    return fs.readdirSync(dir).map((n) => path.join(dir, n)).filter((f) => p.regex.test(f));
  } catch {
    return [];
  }
}

/** Protected paths relative to the project (`.git/hooks/**`, `.ramparterc*`): the existing ones under the project root. */
function projectTargets(source: string, root: string): string[] {
  const stem = source.replace(/\/\*\*$/, '');
  if (!/[*?[{]/.test(stem)) return [path.join(root, stem)];
  const dir = path.join(root, path.dirname(stem));
  const re = new RegExp(`^${path.basename(stem).replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
  try {
    return fs.readdirSync(dir).filter((n) => re.test(n)).map((n) => path.join(dir, n));
  } catch {
    return [];
  }
}

/** The sandbox-runtime configuration for one contained session. */
export function containConfig(policy: CompiledPolicy, ctx: ContainContext): SandboxRuntimeConfig {
  const anchors = { home: ctx.home, rampartHome: ctx.rampartHome, projectRoot: ctx.projectRoot };
  const tmp = ctx.tmpDir ?? os.tmpdir();
  const anchor = (p: string) => compilePattern(p, anchors).base ?? path.resolve(ctx.projectRoot, p);
  const writable = [ctx.projectRoot, tmp, ...policy.contain.writable.map(anchor)];
  const inWritable = (p: string) => writable.some((w) => within(p, w));

  // Home credentials: unreadable (and unwritable); public exceptions stay readable.
  const denyRead: string[] = [];
  const allowRead: string[] = [];
  for (const c of policy.paths.homeCredentials) {
    if (c.startsWith('!')) allowRead.push(...exceptionsIn(c.slice(1), anchors));
    else {
      const t = anchoredTarget(c, anchors);
      if (t && t !== ctx.home && exists(t)) denyRead.push(t);
    }
  }
  // ssh needs known_hosts and config to reach an allowed host with an agent-held key.
  for (const f of ['known_hosts', 'config']) if (exists(path.join(ctx.home, '.ssh', f))) allowRead.push(path.join(ctx.home, '.ssh', f));
  // gh's token is a credential to the line judge, but gh authenticates pull requests with it:
  // hiding it would break everyday agent work, so it is not hidden (README: what containment does not stop).
  const ghHosts = path.join(ctx.home, '.config', 'gh', 'hosts.yml');
  if (denyRead.includes(ghHosts)) denyRead.splice(denyRead.indexOf(ghHosts), 1);
  denyRead.push(...DANGEROUS_SOCKETS.filter(exists));
  // Rampart's own state (sessions and their keys, trust, the audit log) is not readable inside;
  // the shims and the socket directory are (contained shims must reach the server).
  if (exists(ctx.rampartHome)) {
    denyRead.push(ctx.rampartHome);
    for (const d of [ctx.shimsDir, ctx.runDir]) if (d && within(d, ctx.rampartHome) && exists(d)) allowRead.push(d);
  }

  // Read-only even where writable: protected paths, contain.read_only, credentials, Rampart itself.
  const readOnly = new Set<string>([ctx.rampartHome, ctx.runDir, ...(ctx.policyFiles ?? [])]);
  for (const pr of policy.paths.protected) {
    if (pr.startsWith('!')) continue;
    const t = anchoredTarget(pr, anchors);
    // `~/.claude/**` protects the agent's settings from the agent; the agent's own process, when
    // contained whole, must still write its state there: a writable root wins over a protected
    // pattern that covers it, and contain.read_only names the files inside that stay read-only.
    if (t) {
      if (!writable.some((w) => within(w, t))) readOnly.add(t);
    } else if (pr.includes('/') || /^\.[\w-]/.test(pr)) for (const p of projectTargets(pr, ctx.projectRoot)) readOnly.add(p);
  }
  for (const c of denyRead) readOnly.add(c);
  // Only what lies inside a writable root needs a deny; the rest is read-only already. A path
  // that does not exist would need a placeholder on the host (the engine makes one while a
  // sandbox runs), so only contain.read_only names such paths on purpose.
  const denyWrite = [...readOnly].filter((p) => inWritable(p) && exists(p));
  for (const r of policy.contain.readOnly) {
    const p = anchor(r.replace(/\/+$/, ''));
    if (!inWritable(p)) continue;
    // A missing directory: deny a path below it, so the engine's placeholder is an empty
    // read-only directory (git lists no empty directory; a placeholder file would show).
    const target = r.endsWith('/') && !exists(p) ? path.join(p, '.rampart-read-only') : p;
    if (!denyWrite.includes(target)) denyWrite.push(target);
  }

  return {
    network: { allowedDomains: [], deniedDomains: [], allowAllUnixSockets: true },
    filesystem: { denyRead, allowRead, allowWrite: writable.filter(exists), denyWrite },
  };
}
