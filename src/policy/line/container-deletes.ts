// Deletes inside a container whose mounts the judge cannot see. A named volume the line did not create (docker run -v
// data:/d) may have been created earlier as a bind of any host directory; a running container (docker exec), a compose
// service whose file is on disk, a pod or a VM may have anything of this machine mounted. A recursive delete there is
// judged as scratch by elsewhereLines — but it may destroy what the mount holds, so a delete of such a volume's whole
// mount point, or of a top directory that is no image's own (/d, /srv, /data, / itself), is asked. What lies deeper
// (/srv/tmp, a volume's pg_wal/tmp), the image's own directories (/tmp, /var/cache, /usr …) and the directories projects
// are worked on in (/app, /src …) stay the container's work, as round 54 ruled.
import { posix } from 'node:path';
import type { Elsewhere } from './elsewhere.js';

const DELETERS = /^(rm|rmdir|shred|unlink|truncate)$/;
/** Top directories an image brings itself, and those a project is built in. */
const IMAGE_OWN = /^\/(bin|sbin|lib|lib32|lib64|libx32|usr|etc|var|tmp|run|proc|sys|dev|opt|root|boot|nix|app|src|work|workspace|workdir|code|project|repo|go|build|dist)(\/|$)/;
const SHELLS = /^(sh|bash|ash|dash|zsh|ksh|busybox)$/;

/**
 * The operands of the deleters the container runs — its command, or the commands of the shell text it is given — made
 * absolute where the working directory is known (-w DIR, a `cd` earlier in the text, $PWD): `cd /srv && rm -rf *` deletes /srv/*.
 */
function deleted(command: readonly string[], workdir: string | undefined): string[] {
  const base = (w: string) => w.replace(/^.*\//, '');
  let cwd = workdir !== undefined && workdir.startsWith('/') ? workdir : undefined;
  const placed = (w: string): string | undefined => {
    const v = cwd !== undefined ? w.replace(/^\$(PWD\b|\{PWD\})/, cwd) : w;
    return v.startsWith('/') ? v : cwd !== undefined && !/^[$~`]/.test(v) ? posix.resolve(cwd, v) : undefined;
  };
  const operands = (words: readonly string[]): string[] => {
    const name = base(words[0] ?? '');
    if (name === 'cd') {
      const to = words[1] === undefined ? undefined : placed(words[1]);
      cwd = to;
      return [];
    }
    if (!(DELETERS.test(name) || (name === 'find' && words.includes('-delete')))) return [];
    const ops = words.slice(1).filter((w) => !w.startsWith('-'));
    return (name === 'find' ? ops.slice(0, 1) : ops).map(placed).filter((x): x is string => x !== undefined);
  };
  const c = SHELLS.test(base(command[0] ?? '')) ? command.findIndex((w) => /^-[a-z]*c$/.test(w)) : -1;
  if (c < 0) return operands(command);
  const text = command[c + 1] ?? '';
  return text.split(/[;&|\n()]+/).flatMap((part) => operands(part.trim().split(/\s+/).map((w) => w.replace(/^["']|["']$/g, ''))));
}

/** A path the container deletes that may be a mount of this machine the judge cannot place, or undefined. */
export function deletesUnplacedMount(there: Elsewhere): string | undefined {
  if (there.hostReach !== undefined) return undefined;
  for (const p0 of deleted(there.command, there.workdir)) {
    // (/srv/* and /srv/. take what /srv holds, /srv/tmp/.. is /srv.)
    const p = posix.normalize(p0.replace(/\*.*$/, '')).replace(/(.)\/+$/, '$1').replace(/(.)\/\.$/, '$1');
    const known = there.mounts.some((m) => p === m.target || p.startsWith(`${m.target}/`));
    if ((there.volumeTargets ?? []).some((t) => p === t || t.startsWith(p === '/' ? '/' : `${p}/`))) return p0;
    if (!there.mountsKnown && !known && /^\/[^/]*$/.test(p) && !IMAGE_OWN.test(p)) return p0;
  }
  return undefined;
}
