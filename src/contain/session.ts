// Containment for one Rampart session: load the session's policy, derive the OS layer's
// configuration from it, and start the proxy whose every decision is the server's.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadPolicy } from '../config/load.js';
import { PolicyError } from '../policy/errors.js';
import { RampartError } from '../cli/errors.js';
import type { RampartPaths } from '../server/paths.js';
import { containConfig, writableTmp } from './config.js';
import { startContainment, type Containment } from './host.js';
import { serverDecider } from './proxy-decision.js';

export interface ContainSessionOptions {
  paths: RampartPaths;
  /** The session claim, `<id>.<key>` (known once the session is registered, before any connection is made). */
  session: () => string;
  projectRoot: string;
  policyFile?: string;
}

/** Starts containment for a registered session (its proxy asks the server about every connection). */
export async function containSession(o: ContainSessionOptions): Promise<Containment> {
  let loaded;
  try {
    loaded = await loadPolicy({ rampartHome: o.paths.rampartHome, home: o.paths.home, projectRoot: o.projectRoot, ...(o.policyFile ? { policyFile: o.policyFile } : {}) });
  } catch (e) {
    if (e instanceof PolicyError) throw new RampartError('CONFIG', `cannot contain: the policy does not load:\n${e.message}`, 'Fix it (`rampart policy lint`), then try again.');
    throw e;
  }
  const tmpDir = writableTmp(o.paths.home, os.tmpdir());
  const config = containConfig(loaded.policy, {
    projectRoot: o.projectRoot,
    home: o.paths.home,
    rampartHome: o.paths.rampartHome,
    runDir: o.paths.runDir,
    tmpDir,
    policyFiles: loaded.files.filter((f) => !f.endsWith('policies/claude-code.yaml')),
    shimsDir: o.paths.shimsDir,
  });
  // The engine protects a fixed list of files (.bashrc, .git/hooks, .vscode, …) relative to its
  // process's cwd, and for the ones that do not exist it leaves empty placeholder files on the
  // host for as long as a sandbox runs: in the project, `git status` would list them all session
  // long. Rampart derives the project's protected paths from the policy instead (containConfig),
  // so the engine works from an empty directory of its own that is not writable inside.
  const quiet = path.join(o.paths.rampartHome, 'contain-cwd');
  fs.mkdirSync(quiet, { recursive: true, mode: 0o700 });
  const before = process.cwd();
  process.chdir(quiet);
  try {
    return await startContainment(config, serverDecider({ socket: o.paths.socket, session: o.session, cwd: o.projectRoot }), { tmpDir, shimsDir: o.paths.shimsDir });
  } finally {
    process.chdir(before);
  }
}
