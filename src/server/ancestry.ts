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
