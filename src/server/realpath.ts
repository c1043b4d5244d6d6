// Path resolution for the engine, kept apart from the server so the CLI can use it cheaply.
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
