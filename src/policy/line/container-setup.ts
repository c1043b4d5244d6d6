// What a line's commands set up for the containers and VMs a later command of it runs in: a named volume created as a
// bind of a host directory (docker/podman volume create -o o=bind -o device=/srv sv), a disk added to a system container
// (lxc/incus config device add C NAME disk source=/srv path=/h, or to a profile every instance may have), a directory
// mounted into a VM (multipass mount /srv vm:/mnt/s, multipass launch --mount). `docker run -v sv:/d … rm -rf /d` then
// removes /srv: the run's own options do not show it, the line does.
import { posix } from 'node:path';
import { optionTable, scan, values } from '../options.js';
import { COMPOSE_FILES, COMPOSE_GLOBAL, type Mount } from './elsewhere.js';

export interface ContainerSetup {
  /** Named volumes the line created → the host directory each binds, or undefined for the daemon's own storage. */
  volumes: Map<string, string | undefined>;
  /** Mounts the line gave a system container or a VM, by its name ('*': a profile's, which any instance may have). */
  instances: Map<string, Mount[]>;
  /** The compose files the line's compose commands named (-f FILE, --project-directory DIR's defaults): the containers
   *  they start (docker exec PROJECT-SERVICE-1) have those files' mounts. */
  composeFiles: string[];
}

export const newContainerSetup = (): ContainerSetup => ({ volumes: new Map(), instances: new Map(), composeFiles: [] });

const VOLUME_CREATE = optionTable(['d,driver=', 'o,opt=', 'l,label=', 'name=', 'ignore', 'scope=', 'sharing=', 'availability=', 'group=', 'limit-bytes=', 'required-bytes=',
  'topology-preferred=', 'topology-required=', 'secret=', 'type=', 'cluster-volume'], { stopAtPositional: false });
const MULTIPASS_MOUNT = optionTable(['g,gid-map=', 'u,uid-map=', 't,type=', 'v,verbose'], { stopAtPositional: false });
const MULTIPASS_LAUNCH = optionTable(['c,cpus=', 'd,disk=', 'm,memory=', 'n,name=', 'cloud-init=', 'network=', 'mount=', 'bridged', 'timeout=', 'v,verbose'], { stopAtPositional: false });

/** A local driver's options bind a host directory: o=bind (among others) with device=PATH. */
export function boundDevice(opts: Record<string, string>): string | undefined {
  return /(^|,)r?bind(,|$)/.test(opts.o ?? '') && opts.device !== undefined ? opts.device : undefined;
}

const add = (setup: ContainerSetup, name: string, m: Mount) => setup.instances.set(name, [...(setup.instances.get(name) ?? []), m]);

/** docker|podman volume create [-o K=V…] NAME: a local volume whose options bind a device is that host directory. */
function volumeCreate(setup: ContainerSetup, args: readonly string[]): void {
  const v = args.indexOf('volume');
  if (v < 0 || args[v + 1] !== 'create') return;
  const s = scan(args.slice(v + 2), VOLUME_CREATE);
  const name = s.positionals[0] ?? values(s, 'name').at(-1);
  if (name === undefined) return;
  const opts: Record<string, string> = {};
  for (const o of values(s, 'opt')) {
    const eq = o.indexOf('=');
    if (eq > 0) opts[o.slice(0, eq).toLowerCase()] = o.slice(eq + 1);
  }
  setup.volumes.set(name, boundDevice(opts));
}

/** lxc|incus config device add INSTANCE DEV disk source=… path=…, or profile device add PROFILE … (any instance's). */
function deviceAdd(setup: ContainerSetup, args: readonly string[]): void {
  const ops = args.filter((a) => !a.startsWith('-'));
  const at = ops.findIndex((a, k) => a === 'device' && ops[k + 1] === 'add' && (ops[k - 1] === 'config' || ops[k - 1] === 'profile'));
  if (at < 0 || ops[at + 4] !== 'disk') return;
  const kv = Object.fromEntries(ops.slice(at + 5).filter((a) => a.includes('=')).map((a) => [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]));
  if (kv.source === undefined || kv.path === undefined) return;
  add(setup, ops[at - 1] === 'profile' ? '*' : ops[at + 2] ?? '*', { target: kv.path, source: kv.source, readOnly: /^(true|1|yes|on)$/i.test(kv.readonly ?? '') });
}

/** multipass mount SOURCE NAME[:PATH]… (without a path, at the source's own path), multipass launch --mount SRC:DST. */
function multipassMount(setup: ContainerSetup, args: readonly string[]): void {
  const verb = args.find((a) => !a.startsWith('-'));
  if (verb === 'mount') {
    const [src, ...targets] = scan(args.slice(args.indexOf('mount') + 1), MULTIPASS_MOUNT).positionals;
    for (const t of src !== undefined ? targets : []) {
      const c = t.indexOf(':');
      add(setup, c < 0 ? t : t.slice(0, c), { target: c < 0 || t.slice(c + 1) === '' ? src! : t.slice(c + 1), source: src! });
    }
  } else if (verb === 'launch') {
    const s = scan(args.slice(args.indexOf('launch') + 1), MULTIPASS_LAUNCH);
    const vm = values(s, 'name').at(-1) ?? '*';
    for (const m of values(s, 'mount')) {
      const c = m.indexOf(':');
      add(setup, vm, { target: c < 0 ? m : m.slice(c + 1), source: c < 0 ? m : m.slice(0, c) });
    }
  }
}

/** docker compose [-f FILE…] [--project-directory DIR] VERB, docker-compose …: the files it reads, where the line names them. */
function composeNamed(setup: ContainerSetup, args: readonly string[]): void {
  const at = args.indexOf('compose');
  const words = at >= 0 ? args.slice(at + 1) : args;
  const s = scan(words, COMPOSE_GLOBAL);
  const files = values(s, 'file').filter((f) => f !== '-');
  const dir = values(s, 'project-directory').at(-1);
  setup.composeFiles.push(...files, ...(dir !== undefined && !files.length ? COMPOSE_FILES.map((f) => `${dir.replace(/\/+$/, '')}/${f}`) : []));
}

/** The programs that set up what a later command's container has, and how each one's words say it. */
const SETTERS: { tools: RegExp; record: (setup: ContainerSetup, args: readonly string[]) => void }[] = [
  { tools: /^(docker|podman|nerdctl|finch)$/, record: (setup, args) => { volumeCreate(setup, args); if (args.includes('compose')) composeNamed(setup, args); } },
  { tools: /^(docker-compose|podman-compose)$/, record: composeNamed },
  { tools: /^(lxc|incus)$/, record: deviceAdd },
  { tools: /^multipass$/, record: multipassMount },
];

/** Records what one command of the line sets up (nothing for any other command). */
export function recordContainerSetup(setup: ContainerSetup, name: string, args: readonly string[]): void {
  SETTERS.find((r) => r.tools.test(name))?.record(setup, args);
}

/** The mounts the line gave an instance by name (and every profile's). */
export function instanceMounts(setup: ContainerSetup | undefined, instance: string | undefined): Mount[] {
  if (!setup) return [];
  return [...(instance !== undefined ? setup.instances.get(instance) ?? [] : []), ...(setup.instances.get('*') ?? [])].map((m) => ({ ...m, target: posix.normalize(m.target) }));
}
