// Deletes inside a container whose mounts the judge cannot see. A named volume the line did not create (docker run -v
// data:/d) may have been created earlier as a bind of any host directory; a running container (docker exec), a compose
// service whose file is on disk, a pod or a VM may have anything of this machine mounted. A recursive delete there is
// judged as scratch by elsewhereLines — but it may destroy what the mount holds, so a delete of such a volume's whole
// mount point, or of a top directory that is no image's own (/d, /srv, /data, / itself), or of the directory a database
// or search image keeps its data volume in (/var/lib/postgresql/data), is asked. What lies deeper (/srv/tmp, a volume's
// pg_wal/tmp), the image's own directories (/tmp, /var/cache, /usr …) and the directories projects are worked on in
// (/app, /src …) stay the container's work, as round 54 ruled.
// A write in such a container below /host (where node-admin pods mount this machine's root), or a file copied there by
// docker/kubectl cp, is judged as the write to this machine it would be: a start-up file, a key, a cron entry is asked.
// The deleted paths are those the line judge found when it judged the container's command with its paths mapped below
// SCRATCH: the same parser, cwd and variable tracking as on this machine (cd -- DIR, pushd, D=/srv; rm -rf "$D", "$1"
// after sh -c TEXT _ /srv, here-docs fed to the container's shell, xargs and find -exec), not a second reader.
import { posix } from 'node:path';
import { nameMatchesGlob } from '../glob.js';
import { resolvePath } from '../paths.js';
import type { Context } from '../types.js';
import { SCRATCH, type Elsewhere } from './elsewhere.js';
import type { State } from './state.js';

/** Top directories an image brings itself, and those a project is built in. */
const IMAGE_OWN = /^\/(bin|sbin|lib|lib32|lib64|libx32|usr|etc|var|tmp|run|proc|sys|dev|opt|root|boot|nix|app|src|work|workspace|workdir|code|project|repo|go|build|dist)(\/|$)/;
/** The directories official database, queue and search images declare as their VOLUME: a running one has its data mounted there. */
const DATA_VOLUMES = ['/var/lib/postgresql/data', '/var/lib/mysql', '/var/lib/mariadb', '/var/lib/mongodb', '/var/lib/redis', '/var/lib/rabbitmq', '/var/lib/cassandra',
  '/var/lib/clickhouse', '/var/lib/influxdb', '/var/lib/influxdb2', '/var/lib/grafana', '/var/lib/neo4j/data', '/var/lib/docker', '/var/lib/etcd', '/var/lib/minio',
  '/var/opt/mssql', '/var/jenkins_home', '/usr/share/elasticsearch/data', '/usr/share/opensearch/data', '/opt/couchdb/data', '/var/lib/couchdb', '/var/lib/elasticsearch'];
/** Directories whose entries are mount points by convention (/mnt/backup, /media/usb): each may be a mount of this machine. */
const MOUNT_PARENTS = /^\/(mnt|media)\/[^/]+$/;
/** A device's scratch directory (adb's /data/local/tmp), as /tmp is here. */
const DEVICE_SCRATCH = /^\/data\/local\/tmp\/[^/]/;
/** Where the line judge places a relative path in a container whose working directory it does not know (elsewhereLines). */
const UNKNOWN_WORKDIR = '/.workdir';

/** The container path a host path judged for `there` stands for: below SCRATCH, where elsewhereLines put the container's own. */
// (A path the mapping met twice — "${T:?}"/* has its /* mapped too — is the container's path once: /data/*.)
export function containerPath(hostPath: string): string | undefined {
  return hostPath === SCRATCH || hostPath.startsWith(`${SCRATCH}/`) ? hostPath.slice(SCRATCH.length).split(SCRATCH).join('') || '/' : undefined;
}

/** Top directories node-admin pods and debugging containers mount this machine's root at (-v /:/host, hostPath / at /host). */
const HOST_ROOTS = /^\/(host|hostfs|host-root|host_root|hostroot|node-root)(\/.*)$/;

/** Of `writes` (paths on this machine the line judge resolved), those in a container whose mounts are unseen that would be
 *  this machine's own were its root mounted where such containers mount it — /host/root/.bashrc is /root/.bashrc — as this
 *  machine's paths, to be judged as such. (/rootfs is an image build's staging tree as often: not read so.) */
export function hostRootWrites(there: Elsewhere, writes: readonly string[]): string[] {
  if (there.hostReach !== undefined || there.mountsKnown) return [];
  return writes.flatMap((w) => {
    const p = containerPath(w);
    const at = p === undefined || there.mounts.some((x) => p === x.target || p.startsWith(`${x.target}/`)) ? undefined : hostRootPath(p);
    return at !== undefined ? [at] : [];
  });
}

/** The path on this machine a container's path below a host-root mount point stands for (/host/etc/x → /etc/x), or undefined. */
export const hostRootPath = (p: string): string | undefined => HOST_ROOTS.exec(posix.normalize(p))?.[2];

const COPIERS = /^(docker|podman|nerdctl|finch|kubectl|oc)$/;
/** Options of docker/kubectl cp (and their globals) that take a value: their value is no operand. */
const COPY_VALUED = /^(-c|--container|-n|--namespace|--context|--kubeconfig|-H|--host|--retries|-s|--server|--cluster|--user|--as)$/;

/** The path inside a container or pod that `docker|kubectl cp SRC… TARGET:PATH` copies into, or undefined. */
export function copiedIntoContainer(name: string, args: readonly string[]): string | undefined {
  if (!COPIERS.test(name)) return undefined;
  const ops = args.filter((a, k) => !a.startsWith('-') && !COPY_VALUED.test(args[k - 1] ?? ''));
  const cp = ops.findIndex((a) => a === 'cp');
  if (cp < 0 || cp > 2 || ops.length < cp + 3) return undefined;
  return /^(?:[\w.-]+\/)?[\w][\w.-]*:(\/.*)$/.exec(ops.at(-1)!)?.[1];
}

/** Of `deletes` (paths on this machine the line judge resolved), one that may be a mount of this machine the judge cannot place, or undefined. */
export function deletesUnplacedMount(there: Elsewhere, deletes: readonly string[]): string | undefined {
  if (there.hostReach !== undefined) return undefined;
  for (const d of deletes) {
    const p0 = containerPath(d);
    if (p0 === undefined || p0 === UNKNOWN_WORKDIR || p0.startsWith(`${UNKNOWN_WORKDIR}/`)) continue;
    // (/srv/* and /srv/. take what /srv holds, /srv/tmp/.. is /srv; a name only the run knows — a listing fed to xargs,
    // find's matches — is any entry of the directory it is in.)
    const p = posix.normalize(p0.replace(/\/(__listed__|-find-match-|\$\w+|\$\{\w+\})$/, '/*').replace(/\*.*$/, '')).replace(/(.)\/+$/, '$1').replace(/(.)\/\.$/, '$1');
    const known = there.mounts.some((m) => p === m.target || p.startsWith(`${m.target}/`));
    const above = (t: string) => p === t || t.startsWith(p === '/' ? '/' : `${p}/`);
    if ((there.volumeTargets ?? []).some(above)) return p0;
    if (there.mountsKnown || known) continue;
    if ((/^\/[^/]*$/.test(p) && !IMAGE_OWN.test(p)) || MOUNT_PARENTS.test(p) || DATA_VOLUMES.some(above)) return p0;
    // (A pattern reaches each directory it matches: /var/lib/postgres*, /var/lib/mysq?, /var/lib/[p]ostgresql.)
    const parts = posix.normalize(p0).split('/');
    const g = parts.findIndex((c) => /[*?[]/.test(c));
    if (g > 0) {
      const base = parts.slice(0, g).join('/');
      if (DATA_VOLUMES.some((t) => t.startsWith(`${base}/`) && nameMatchesGlob(parts[g]!, t.split('/')[g] ?? ''))) return p0;
    }
  }
  return undefined;
}

/** Asks about a delete by `name` (rm, find, a one-liner's rmtree) in the container the line is judged inside, where it may
 *  destroy a mount of this machine (see deletesUnplacedMount). */
export function askUnplacedDeletes(st: State, name: string, deletes: readonly string[], ctx: Pick<Context, 'cwd' | 'home'>, forced = false): void {
  // (A device's own files — a phone's photos, an app's data — are nobody's backup: a recursive or forced removal there is
  // asked for, whatever runs it — su -c, busybox, find -exec, a loop — except below its temp directory, /data/local/tmp.)
  const device = st.inside?.device && forced ? deletes.map((d) => containerPath(resolvePath(d, ctx))).find((p) => p !== undefined && !DEVICE_SCRATCH.test(posix.normalize(p))) : undefined;
  if (device !== undefined) {
    st.lineTags.tags.add('destroys-outside');
    st.lineTags.notes.push(`${name} deletes ${device} on a connected device`);
  }
  const lost = st.inside && deletes.length ? deletesUnplacedMount(st.inside, deletes.map((d) => resolvePath(d, ctx))) : undefined;
  if (lost === undefined) return;
  st.lineTags.tags.add('destroys-outside');
  st.lineTags.notes.push(`${name} deletes ${lost} in a container whose mounts Rampart cannot see: it may be a directory of this machine mounted there`);
}
