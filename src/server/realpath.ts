// Path resolution (and directory listing, for globs) for the engine, kept apart from the server so the CLI can use it cheaply.
import fs from 'node:fs';

/**
 * Paths that name the calling process's own descriptors (/dev/stderr, /dev/fd/N, /proc/self/…):
 * resolved here they would be the server's (its log file), not the client's.
 */
const PER_PROCESS = /^\/(dev\/(std(in|out|err)$|fd(\/|$))|proc\/(self|thread-self|\d+)(\/|$))/;

/** Symlinks resolved for the engine (a link to .env is judged as .env); undefined when absent. */
export function realpathOrUndefined(p: string): string | undefined {
  if (PER_PROCESS.test(p)) return undefined;
  try {
    return fs.realpathSync(p);
  } catch {
    return undefined;
  }
}

/** The names in a directory, for the engine to expand a glob the way the shell will (at most 2,000); undefined when it cannot be read. */
export function listDirOrUndefined(dir: string): string[] | undefined {
  if (PER_PROCESS.test(dir)) return undefined;
  try {
    const names: string[] = [];
    const d = fs.opendirSync(dir);
    try {
      for (let e = d.readSync(); e !== null && names.length < 2000; e = d.readSync()) names.push(e.name);
    } finally {
      d.closeSync();
    }
    return names;
  } catch {
    return undefined;
  }
}

/**
 * The two lookups for one judgement, remembered for its length: the same path is resolved many
 * times while one line is judged (each fact's path classes, the project's .git), and the disk does
 * not change under one decision.
 */
export function lookupsForOneDecision(): { realpath: (p: string) => string | undefined; listDir: (dir: string) => string[] | undefined; rampartPids: number[] } {
  const paths = new Map<string, string | undefined>();
  const dirs = new Map<string, string[] | undefined>();
  return {
    // (The server's own pid: `kill 1234` after the agent read it elsewhere stops the firewall.)
    rampartPids: [process.pid],
    realpath: (p) => {
      if (!paths.has(p)) paths.set(p, realpathOrUndefined(p));
      return paths.get(p);
    },
    listDir: (d) => {
      if (!dirs.has(d)) dirs.set(d, listDirOrUndefined(d));
      return dirs.get(d);
    },
  };
}
