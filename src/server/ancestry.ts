// Whether one process descends from another, read from /proc. A session started by
// `rampart run` is honoured only for its own descendants: an agent that copies another
// session's id (say, one in audit mode) into RAMPART_SESSION gets no session at all.
import fs from 'node:fs';

function parentOf(pid: number): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    return Number.isInteger(ppid) ? ppid : undefined;
  } catch {
    return undefined;
  }
}

/** True when `pid` is `ancestor` or one of its descendants (walks at most 128 levels). */
export function descendsFrom(pid: number | undefined, ancestor: number): boolean {
  let cur = pid;
  for (let i = 0; i < 128 && cur !== undefined && cur > 0; i++) {
    if (cur === ancestor) return true;
    if (cur === 1) return false;
    cur = parentOf(cur);
  }
  return false;
}

export interface Ancestor {
  pid: number;
  comm: string;
  /** argv[0] and argv[1] basenames (an agent run by Node shows as `node …/claude`). */
  names: string[];
}

function describe(pid: number): Ancestor | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    let names: string[] = [];
    try {
      names = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').slice(0, 2).filter(Boolean).map((a) => a.split('/').pop() ?? a);
    } catch {
      /* gone */
    }
    return { pid, comm, names };
  } catch {
    return undefined;
  }
}

/** The chain of processes above `pid` (its parent first), up to init. */
export function ancestorsOf(pid: number): Ancestor[] {
  const out: Ancestor[] = [];
  let cur = parentOf(pid);
  for (let i = 0; i < 128 && cur !== undefined && cur > 1; i++) {
    const a = describe(cur);
    if (!a) break;
    out.push(a);
    cur = parentOf(cur);
  }
  return out;
}

const SHELLS = /^(sh|bash|dash|zsh|ksh|mksh|ash|fish|busybox)$/;

/** The first ancestor of `pid` that is not a shell: the program that ran a hook through `sh -c`. */
export function firstNonShellAncestor(pid: number): number | undefined {
  return ancestorsOf(pid).find((a) => !SHELLS.test(a.comm))?.pid;
}
