// Commands that run somewhere else than this machine's file system: inside a container (docker/podman/nerdctl/finch
// exec|run|create, compose run|exec), a pod (kubectl/oc exec|run|debug, oc rsh), a system container or VM (lxc/incus
// exec, multipass exec, limactl shell, colima ssh, systemd-nspawn). Their paths are the container's: /etc/hosts or
// /app/tmp there is not this machine's. The command is judged by the same line judge with its paths mapped: a bind
// mount (-v HOST:CTR, --mount type=bind,src=,dst=, --bind) maps CTR/… to HOST/…, the container's secrets (/run/secrets,
// /var/run/secrets) stay secrets, and every other path lands in a scratch root below /tmp. A container that has the
// machine (--privileged, --pid=host, / or the docker socket mounted) has its paths judged as this machine's.
import { posix } from 'node:path';
import { optionTable, scan, values, type OptionTable } from '../options.js';
import { resolvePath } from '../paths.js';
import { instanceMounts, type ContainerSetup } from './container-setup.js';
import { composeService, containerService } from './compose-file.js';
import { isShell } from './unwrap.js';

/** Shell-quotes a word (a leading ~ stays a home to expand). */
const quote = (w: string): string => (/^[A-Za-z0-9_@%+=:,./~-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`);

/** Where a container's own file system is judged to be: below /tmp, scratch to this machine. */
export const SCRATCH = '/tmp/.rampart-elsewhere';

/** One program that runs a command elsewhere: its verbs and how their words are read. */
interface Row {
  tools: RegExp;
  /** Options before the verb (the tool's global ones). */
  global: OptionTable;
  /** Verb paths (`container exec`, `compose run`) → the options of that verb. */
  verbs: Record<string, Verb>;
}

interface Verb {
  opts: OptionTable;
  /** How the command is found: after the first operand (a container, an image, a pod), or only after `--`. */
  command: 'after-target' | 'after-dashdash' | 'all-operands';
  /** Option names whose values are bind mounts (docker's -v/--mount, nspawn's --bind). */
  mounts?: string[];
  /** Option naming the working directory inside. */
  workdir?: string[];
  /** Option naming a program that replaces the image's (docker --entrypoint). */
  entrypoint?: string;
  /** Mounts every instance has (multipass's primary instance mounts HOME at ~/Home). */
  fixed?: Mount[];
  /** The target names another machine whose root is mounted at /host (kubectl debug node/X): judged on this machine's paths. */
  hostTarget?: RegExp;
  /** Every bind mount is on the command line (docker run; not compose run, whose file adds its own, nor exec into a running container). */
  mountsKnown?: boolean;
  /** The home directory of the user a command runs as there (multipass's ubuntu), where it is not /root. */
  home?: string;
  /** The command starts in this machine's working directory, mounted at its own path (Lima's and colima's shells). */
  hostCwd?: boolean;
  /** The words run on a device's own files (a phone, an emulator), joined into one text its shell reads, as adbd's `sh -c`
   *  does: `adb shell 'curl … URL'` is that line, not a program named by the whole quoted text. */
  device?: boolean;
}

export interface Mount {
  /** The path inside. */
  target: string;
  /** The host path as written (resolved against the caller's context). */
  source: string;
  /** Mounted read-only (-v SRC:DST:ro, --mount …,readonly, --bind-ro): nothing there can change it. */
  readOnly?: boolean;
  /** One every instance has (Verb.fixed), not one this command line gives. */
  standing?: boolean;
}

export interface Elsewhere {
  /** The command run there, as words. */
  command: string[];
  mounts: Mount[];
  workdir?: string;
  /** Why the container's paths are this machine's (privileged, a host mount), or undefined. */
  hostReach?: string;
  /** The words that are the tool's own (options, the container's name): everything before the command. */
  own: string[];
  /** Every bind mount is known (see Verb.mountsKnown). */
  mountsKnown: boolean;
  /** HOME there: an -e HOME=… the line gives, or the VM user's home. */
  home?: string;
  /** A device's own files: the words are one shell text (see Verb.device). */
  device?: boolean;
  /** See Verb.hostCwd. */
  hostCwd?: boolean;
  /** Where named volumes the line did not create are mounted: created earlier, each may bind any host directory. */
  volumeTargets?: string[];
}

const DOCKER_GLOBAL = optionTable(['H,host=', 'context=', 'c=', 'config=', 'l,log-level=', 'D,debug', 'tls', 'tlsverify', 'tlscacert=', 'tlscert=', 'tlskey=',
  'url=', 'connection=', 'identity=', 'root=', 'runroot=', 'storage-driver=', 'storage-opt=', 'remote', 'r', 'cgroup-manager=', 'events-backend=', 'runtime=',
  'n,namespace=', 'a,address=', 'snapshotter=', 'cni-path=', 'data-root=', 'host=', 'debug-full'], { stopAtPositional: true });
export const COMPOSE_GLOBAL = optionTable(['f,file=', 'p,project-name=', 'project-directory=', 'env-file=', 'profile=', 'ansi=', 'parallel=', 'progress=', 'compatibility', 'dry-run', 'all-resources'], { stopAtPositional: true });
const RUN_OPTS = optionTable([
  'v,volume=', 'mount=', 'w,workdir=', 'e,env=', 'env-file=', 'u,user=', 'h,hostname=', 'l,label=', 'm,memory=', 'p,publish=', 'c,cpu-shares=',
  'add-host=', 'attach=', 'a=', 'blkio-weight=', 'cap-add=', 'cap-drop=', 'cgroup-parent=', 'cgroupns=', 'cidfile=', 'cpus=', 'cpuset-cpus=', 'cpuset-mems=', 'cpu-period=', 'cpu-quota=',
  'device=', 'device-cgroup-rule=', 'dns=', 'dns-option=', 'dns-search=', 'domainname=', 'entrypoint=', 'expose=', 'gpus=', 'group-add=', 'health-cmd=', 'health-interval=',
  'health-retries=', 'health-timeout=', 'health-start-period=', 'init-path=', 'ip=', 'ip6=', 'ipc=', 'isolation=', 'kernel-memory=', 'label-file=', 'link=', 'log-driver=',
  'log-opt=', 'mac-address=', 'memory-reservation=', 'memory-swap=', 'memory-swappiness=', 'name=', 'network=', 'net=', 'network-alias=', 'oom-score-adj=', 'pid=',
  'pids-limit=', 'platform=', 'pull=', 'restart=', 'runtime=', 'security-opt=', 'shm-size=', 'stop-signal=', 'stop-timeout=', 'storage-opt=', 'sysctl=', 'tmpfs=',
  'ulimit=', 'userns=', 'uts=', 'volumes-from=', 'volume-driver=', 'detach-keys=', 'annotation=', 'arch=', 'os=', 'pod=', 'secret=', 'systemd=', 'hooks-dir=',
  'd,detach', 'i,interactive', 't,tty', 'rm', 'privileged', 'init', 'read-only', 'P,publish-all', 'q,quiet', 'sig-proxy?=', 'no-healthcheck', 'oom-kill-disable',
  'replace', 'tls-verify?=', 'use-api-socket', 'disable-content-trust?=', 'rootfs'], { stopAtPositional: true });
const EXEC_OPTS = optionTable(['e,env=', 'env-file=', 'u,user=', 'w,workdir=', 'detach-keys=', 'd,detach', 'i,interactive', 't,tty', 'privileged', 'l,latest', 'preserve-fds='], { stopAtPositional: true });
const COMPOSE_RUN_OPTS = optionTable(['e,env=', 'v,volume=', 'w,workdir=', 'u,user=', 'entrypoint=', 'p,publish=', 'l,label=', 'name=', 'cap-add=', 'cap-drop=', 'pull=', 'env-from-file=',
  'd,detach', 'rm', 'T,no-TTY', 'i,interactive', 't,tty', 'no-deps', 'service-ports', 'use-aliases', 'build', 'quiet-pull', 'remove-orphans', 'q,quiet', 'quiet-build'], { stopAtPositional: true });
const COMPOSE_EXEC_OPTS = optionTable(['e,env=', 'u,user=', 'w,workdir=', 'index=', 'd,detach', 'privileged', 'T,no-TTY', 'i,interactive', 't,tty'], { stopAtPositional: true });

const DOCKER_RUN: Verb = { opts: RUN_OPTS, command: 'after-target', mounts: ['volume', 'mount'], workdir: ['workdir'], entrypoint: 'entrypoint', mountsKnown: true };
const DOCKER_EXEC: Verb = { opts: EXEC_OPTS, command: 'after-target', workdir: ['workdir'] };
const COMPOSE_RUN: Verb = { opts: COMPOSE_RUN_OPTS, command: 'after-target', mounts: ['volume'], workdir: ['workdir'], entrypoint: 'entrypoint' };
const COMPOSE_EXEC: Verb = { opts: COMPOSE_EXEC_OPTS, command: 'after-target', workdir: ['workdir'] };

// kubectl reads its global options anywhere on the line.
const KUBE_GLOBAL = ['n,namespace=', 'context=', 'kubeconfig=', 'cluster=', 'user=', 's,server=', 'token=', 'as=', 'as-group=', 'as-uid=', 'request-timeout=', 'v=',
  'cache-dir=', 'certificate-authority=', 'client-certificate=', 'client-key=', 'tls-server-name=', 'insecure-skip-tls-verify', 'match-server-version', 'profile=', 'profile-output=',
  'password=', 'username=', 'log-flush-frequency=', 'warnings-as-errors', 'disable-compression'];
const kube = (specs: string[], command: Verb['command'], extra: Partial<Verb> = {}): Verb => ({ opts: optionTable([...KUBE_GLOBAL, ...specs]), command, ...extra });

const ROWS: Row[] = [
  {
    tools: /^(docker|podman|nerdctl|finch)$/,
    global: DOCKER_GLOBAL,
    verbs: {
      run: DOCKER_RUN, create: DOCKER_RUN, exec: DOCKER_EXEC, 'container run': DOCKER_RUN, 'container create': DOCKER_RUN, 'container exec': DOCKER_EXEC,
      'compose run': COMPOSE_RUN, 'compose exec': COMPOSE_EXEC,
    },
  },
  { tools: /^(docker-compose|podman-compose)$/, global: COMPOSE_GLOBAL, verbs: { run: COMPOSE_RUN, exec: COMPOSE_EXEC } },
  {
    tools: /^(kubectl|oc)$/,
    global: optionTable(KUBE_GLOBAL, { stopAtPositional: true }),
    verbs: {
      exec: kube(['c,container=', 'f,filename=', 'i,stdin', 't,tty', 'q,quiet', 'pod-running-timeout='], 'after-target'),
      run: kube(['image=', 'env=', 'l,labels=', 'overrides=', 'port=', 'restart=', 'image-pull-policy=', 'pod-running-timeout=', 'annotations=', 'serviceaccount=',
        'dry-run?=', 'o,output=', 'field-manager=', 'template=', 'rm', 'i,stdin', 't,tty', 'command', 'attach?=', 'privileged', 'q,quiet', 'expose', 'leave-stdin-open'], 'after-dashdash'),
      debug: kube(['image=', 'target=', 'c,container=', 'copy-to=', 'profile=', 'env=', 'set-image=', 'custom=', 'image-pull-policy=', 'i,stdin', 't,tty', 'q,quiet',
        'attach?=', 'replace', 'same-node', 'share-processes?=', 'keep-annotations', 'keep-labels', 'keep-liveness', 'keep-readiness', 'keep-startup', 'keep-init-containers'], 'after-dashdash', { hostTarget: /^(node|nodes|no)(\.[\w.-]+)?\// }),
      // (oc rsh POD COMMAND…: the words after the pod are the command's, its options too — oc rsh web sh -c 'rm -rf /d'.)
      rsh: { opts: optionTable([...KUBE_GLOBAL, 'c,container=', 'shell=', 't,tty', 'T,no-tty', 'f,filename=', 'timeout=', 'pod-running-timeout='], { stopAtPositional: true }), command: 'after-target' },
    },
  },
  {
    tools: /^(lxc|incus)$/,
    global: optionTable(['project=', 'q,quiet', 'v,verbose', 'debug', 'force-local'], { stopAtPositional: true }),
    verbs: { exec: { opts: optionTable(['env=', 'cwd=', 'user=', 'group=', 'mode=', 'n,disable-stdin', 't,force-interactive', 'T,force-noninteractive', 'project='], { stopAtPositional: true }), command: 'after-target', workdir: ['cwd'] } },
  },
  {
    tools: /^multipass$/,
    global: optionTable(['v,verbose'], { stopAtPositional: true }),
    // (The primary instance mounts HOME at /home/ubuntu/Home: any instance may have it. exec starts in the mapped
    // working directory — this machine's, below that mount — unless told otherwise.)
    verbs: { exec: { opts: optionTable(['d,working-directory=', 'n,no-map-working-directory', 'v,verbose'], { stopAtPositional: true }), command: 'after-target', workdir: ['working-directory'], fixed: [{ target: '/home/ubuntu/Home', source: '~' }], home: '/home/ubuntu', hostCwd: true } },
  },
  {
    // (Lima mounts HOME at its own path, and /tmp/lima: those paths are this machine's.)
    tools: /^limactl$/,
    global: optionTable(['debug', 'log-level=', 'log-format=', 'tty?='], { stopAtPositional: true }),
    verbs: { shell: { opts: optionTable(['workdir=', 'shell=', 'reconnect', 'preserve-env', 'start'], { stopAtPositional: true }), command: 'after-target', workdir: ['workdir'], fixed: [{ target: '~', source: '~' }, { target: '/tmp/lima', source: '/tmp/lima' }], hostCwd: true } },
  },
  {
    // (adb shell and exec-out run their words on the device — an emulator or a phone — through its own sh: its paths are
    // the device's, none of this machine's; what it sends out is judged as any command's.)
    tools: /^adb$/,
    global: optionTable(['a', 'd', 'e', 's=', 't=', 'H=', 'P=', 'L=', 'one-device='], { stopAtPositional: true }),
    verbs: {
      shell: { opts: optionTable(['e=', 'n', 'T', 't', 'x'], { stopAtPositional: true }), command: 'all-operands', home: '/data/local/tmp', device: true },
      'exec-out': { opts: optionTable([], { stopAtPositional: true }), command: 'all-operands', home: '/data/local/tmp', device: true },
    },
  },
  {
    tools: /^colima$/,
    global: optionTable(['p,profile=', 'v,verbose', 'very-verbose'], { stopAtPositional: true }),
    verbs: { ssh: { opts: optionTable(['p,profile=', 'layer?='], { stopAtPositional: true }), command: 'all-operands', fixed: [{ target: '~', source: '~' }], hostCwd: true } },
  },
];

/** nspawn runs a directory of this machine as the container's root: its `/` is that directory. */
const NSPAWN = optionTable(['D,directory=', 'i,image=', 'M,machine=', 'u,user=', 'chdir=', 'bind=', 'bind-ro=', 'E,setenv=', 'capability=', 'drop-capability=', 'template=',
  'network-interface=', 'network-veth-extra=', 'network-bridge=', 'network-zone=', 'p,port=', 'overlay=', 'overlay-ro=', 'tmpfs=', 'inaccessible=', 'S,slice=', 'property=',
  'register=', 'keep-unit', 'x,ephemeral', 'b,boot', 'q,quiet', 'a,as-pid2', 'U', 'private-network', 'n,network-veth', 'read-only', 'private-users?=', 'pivot-root=',
  'personality=', 'link-journal=', 'resolv-conf=', 'timezone=', 'console=', 'P,pipe', 'settings=', 'kill-signal=', 'notify-ready=', 'volatile?=', 'rlimit=', 'hostname=',
  'machine-id=', 'uuid=', 'system-call-filter=', 'oom-score-adjust=', 'cpu-affinity=', 'no-new-privileges=', 'setenv='], { stopAtPositional: true });

/** What earlier commands of the line set up for this one: volumes, devices and mounts they made, compose files they wrote. */
export interface LineGiven {
  setup: ContainerSetup;
  /** The text the line wrote to a file (as written, from the command's directory; `-`: its stdin) and the file's directory. */
  written: (file: string) => { text: string; dir: string } | undefined;
  /** COMPOSE_FILE as the line set it: the files compose reads when no -f names one. */
  composeFile?: string;
}

/** The files `compose` reads by default in its project directory (the override is merged into the first). */
export const COMPOSE_FILES = ['compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml', 'compose.override.yaml', 'compose.override.yml', 'docker-compose.override.yaml', 'docker-compose.override.yml'];

/** The command a tool runs elsewhere, with that place's mounts; undefined when the line runs nothing there. `given`: what
 *  the line set up before it (see LineGiven). */
export function elsewhere(tool: string, args: readonly string[], given?: LineGiven): Elsewhere | undefined {
  if (tool === 'systemd-nspawn') return nspawn(args);
  const row = ROWS.find((r) => r.tools.test(tool));
  if (!row) return undefined;
  const g = scan(args, row.global);
  let rest = g.positionals;
  // (The verb may take two words: container exec, compose run — compose with its own global options between.)
  let verb: Verb | undefined = row.verbs[rest[0] ?? ''];
  let at = 1;
  // (compose's own options: the files it reads, its project directory.)
  let composeOpts = row.global === COMPOSE_GLOBAL ? g : undefined;
  if (!verb && rest[0] === 'compose') {
    const c = scan(rest.slice(1), COMPOSE_GLOBAL);
    composeOpts = c;
    rest = ['compose', ...c.positionals];
    verb = row.verbs[`compose ${rest[1] ?? ''}`];
    at = 2;
  } else if (!verb) {
    verb = row.verbs[`${rest[0] ?? ''} ${rest[1] ?? ''}`];
    at = 2;
  }
  if (!verb) return undefined;
  const words = rest.slice(at);
  const dash = words.indexOf('--');
  const s = scan(verb.command === 'after-dashdash' ? words.slice(0, dash < 0 ? words.length : dash) : words, verb.opts);
  let command: string[];
  let target: string | undefined;
  if (verb.command === 'after-dashdash') {
    target = s.positionals[0];
    command = dash < 0 ? [] : words.slice(dash + 1);
  } else if (verb.command === 'all-operands') {
    command = s.positionals[0] === '--' ? s.positionals.slice(1) : s.positionals;
  } else {
    // (kubectl reads its options anywhere: exec POD -c web -- CMD; scan leaves what follows `--` as operands.)
    const ops = s.positionals;
    target = ops[0];
    command = dash >= 0 && verb.opts.stopAtPositional === false ? words.slice(dash + 1) : ops.slice(1);
    if (command[0] === '--') command = command.slice(1);
  }
  const ownCount = args.length - command.length;
  const entry = verb.entrypoint ? values(s, verb.entrypoint).at(-1) : undefined;
  if (entry !== undefined && entry !== '') command = [...entry.split(/\s+/), ...command];
  // (An image built around one tool runs it as its entrypoint: docker run curlimages/curl -d @/src/.env URL is curl given
  // those words, alpine/git clone URL is git clone URL.)
  const imageTool = entry === undefined && verb === DOCKER_RUN && target !== undefined ? IMAGE_PROGRAMS[target.replace(/[@:][^/]*$/, '').replace(/^.*\//, '')] : undefined;
  if (imageTool !== undefined && command[0]?.replace(/^.*\//, '') !== imageTool) command = [imageTool, ...command];
  const volumes = given?.setup.volumes;
  const volumeTargets = verb.mounts ? s.opts.filter((o) => verb!.mounts!.includes(o.name) && o.value !== undefined).flatMap((o) => namedVolume(o.name, o.value!) ?? []).filter((v) => !volumes?.has(v.name)).map((v) => v.target) : [];
  const bound = verb.mounts ? s.opts.filter((o) => verb!.mounts!.includes(o.name) && o.value !== undefined).map((o) => bindMount(o.name, o.value!, volumes)) : [];
  // (A compose service's mounts are in the files compose reads: those the line wrote are read here.)
  // (…and a container compose started is that service's: docker exec PROJECT-SERVICE-1, or its container_name.)
  const composed = !composeOpts && verb === DOCKER_EXEC && target !== undefined && given ? composedService(target, given) : undefined;
  const service = composeOpts && target !== undefined && given ? composeMounts(composeOpts, target, given)
    : composed !== undefined ? composeMounts(scan(['-f', composed.file], COMPOSE_GLOBAL), composed.service, given!) : undefined;
  const mounts = [...(verb.fixed ?? []).map((m) => ({ ...m, standing: true })), ...bound.flatMap((g) => g ?? []), ...(service?.mounts ?? []), ...instanceMounts(given?.setup, target)];
  const workdir = (verb.workdir ? values(s, ...verb.workdir).at(-1) : undefined) ?? service?.workdir;
  // (Mounts the judge cannot place — a spec it cannot read, another container's volumes, a host directory as the root —
  // may be anything of this machine: the container's paths are judged as this machine's.)
  const unplaced = bound.some((g) => g === undefined) ? 'mounts something the judge cannot read'
    : s.opts.some((o) => o.name === 'volumes-from') ? 'takes the volumes of another container' : s.opts.some((o) => o.name === 'rootfs') ? 'runs a directory of this machine as its root' : service?.unplaced;
  // (…and so do the machine's own directories mounted by another command of the line: a disk of / added to a system container.)
  const hostMount = mounts.find((m) => !m.standing && HOST_MOUNTS.test(m.source));
  const reach = target !== undefined && verb.hostTarget?.test(target) ? `is a shell on the node ${target}`
    : (verb.mounts || service ? unplaced ?? hostReach([...s.opts.map((o) => [o.name, o.value ?? ''] as const), ...(service?.options ?? [])], volumes) : undefined)
      ?? (hostMount ? `mounts the host's ${hostMount.source}` : undefined);
  const home = values(s, 'env').map((v) => /^HOME=(.*)$/.exec(v)?.[1]).filter((v) => v !== undefined).at(-1) ?? verb.home;
  return { command, mounts, ...(workdir !== undefined ? { workdir } : {}), ...(reach ? { hostReach: reach } : {}), own: args.slice(0, Math.max(0, ownCount)), mountsKnown: verb.mountsKnown === true, ...(home !== undefined ? { home } : {}), ...(verb.hostCwd ? { hostCwd: true } : {}), ...(verb.device ? { device: true } : {}), ...(volumeTargets.length ? { volumeTargets } : {}) };
}

/** What the compose files the line wrote (-f FILE…, `-f -` from its stdin, else the project directory's defaults) give
 *  SERVICE; a file it wrote that the judge cannot read leaves the service's mounts unplaced. */
function composeMounts(opts: ReturnType<typeof scan>, service: string, given: LineGiven) {
  const named = composeFiles(opts, given);
  const dir = values(opts, 'project-directory').at(-1) ?? (named[0] !== undefined && named[0] !== '-' && named[0].includes('/') ? posix.dirname(named[0]) : '.');
  const files = named.length ? named : COMPOSE_FILES.map((f) => `${dir.replace(/\/+$/, '')}/${f}`);
  const out: { mounts: Mount[]; options: [string, string][]; workdir?: string; unplaced?: string } = { mounts: [], options: [] };
  for (const f of files) {
    const w = given.written(f);
    if (!w) continue;
    const svc = composeService(w.text, w.dir, service, given.setup.volumes);
    if (svc === 'unreadable') out.unplaced = `runs from a compose file the judge cannot read (${f})`;
    else if (svc) {
      out.mounts.push(...svc.mounts);
      out.options.push(...svc.options);
      out.unplaced ??= svc.unplaced;
      if (svc.workdir !== undefined) out.workdir = svc.workdir;
    }
  }
  return out;
}

/** The compose files named on the line: -f FILE…, else COMPOSE_FILE's (a list split on `:`). */
const composeFiles = (opts: ReturnType<typeof scan>, given: LineGiven): string[] => {
  const named = values(opts, 'file');
  return named.length ? named : given.composeFile?.split(':').filter(Boolean) ?? [];
};

/** The service of a compose file the line wrote (COMPOSE_FILE's, else the working directory's defaults) whose container
 *  `name` is: its container_name, or the PROJECT-SERVICE-N (v1: PROJECT_SERVICE_N) compose gives it. */
function composedService(name: string, given: LineGiven): { service: string; file: string } | undefined {
  // (…and those the line's compose commands named: docker compose -f ops.yml up -d.)
  const files = [...composeFiles(scan([], COMPOSE_GLOBAL), given), ...given.setup.composeFiles];
  for (const f of [...files, ...COMPOSE_FILES.map((x) => `./${x}`)]) {
    const w = given.written(f);
    const service = w ? containerService(w.text, name) : undefined;
    if (service !== undefined) return { service, file: f };
  }
  return undefined;
}

/** systemd-nspawn -D DIR CMD: `/` inside is DIR here; -D / is this machine itself. */
function nspawn(args: readonly string[]): Elsewhere | undefined {
  const s = scan(args, NSPAWN);
  const command = s.positionals[0] === '--' ? s.positionals.slice(1) : s.positionals;
  const dir = values(s, 'directory').at(-1);
  // (A machine's own image — -M NAME, -D /var/lib/machines/NAME — is the container's file system, as docker's layers are.)
  const root = dir !== undefined && !/^\/var\/lib\/machines\/[^/]+\/?$/.test(dir) ? dir : undefined;
  const binds = s.opts.filter((o) => (o.name === 'bind' || o.name === 'bind-ro') && o.value !== undefined).map((o) => {
    const [src, dst] = o.value!.replace(/^\+/, '').split(':');
    return { target: dst || src!, source: src!, readOnly: o.name === 'bind-ro' };
  });
  const workdir = values(s, 'chdir').at(-1);
  const mounts = [...binds, ...(root !== undefined ? [{ target: '/', source: root }] : [])];
  return { command, mounts, ...(workdir !== undefined ? { workdir } : {}), own: args.slice(0, args.length - command.length), mountsKnown: true };
}

/**
 * A -v/--volume or --mount value that binds a host path: `SRC:DST[:opts]`, `type=bind,src=…,dst=…` (named volumes bind
 * none); undefined for a spec the judge cannot read. Read as docker reads it: --mount is CSV (fields may be quoted),
 * keys in any case, `-v=SPEC` is SPEC, a local volume with o=bind and device=PATH binds PATH, targets are cleaned.
 */
function bindMount(opt: string, spec0: string, volumes?: ReadonlyMap<string, string | undefined>): Mount[] | undefined {
  const spec = spec0.replace(/^=/, '');
  const target = (t: string) => posix.normalize(t).replace(/(.)\/+$/, '$1');
  if (opt === 'mount' || /(^|,)"?(type|source|src|target|dst|destination)=/i.test(spec)) {
    if (/[$`]/.test(spec.replace(/\$(\{(PWD|HOME)\}|(PWD|HOME)\b)/g, ''))) return undefined;
    const fields = spec.split(',').map((p) => p.replace(/^"(.*)"$/, '$1'));
    const kv: Record<string, string> = {};
    const volumeOpts: Record<string, string> = {};
    for (const f of fields) {
      const eq = f.indexOf('=');
      const key = (eq < 0 ? f : f.slice(0, eq)).toLowerCase();
      const value = eq < 0 ? '' : f.slice(eq + 1);
      if (key === 'volume-opt') volumeOpts[value.slice(0, value.indexOf('=') < 0 ? value.length : value.indexOf('=')).toLowerCase()] = value.slice(value.indexOf('=') + 1);
      else kv[key] = value;
    }
    // (…or a volume the line created as a bind: docker volume create -o o=bind -o device=/srv sv, then src=sv.)
    const made = volumes?.get(kv.source ?? kv.src ?? '');
    const bindVolume = (/(^|,)bind(,|$)/.test(volumeOpts.o ?? '') && volumeOpts.device !== undefined) || made !== undefined;
    const src = bindVolume ? volumeOpts.device ?? made : kv.source ?? kv.src;
    const dst = kv.target ?? kv.dst ?? kv.destination;
    const readOnly = fields.some((p) => /^(readonly|ro)(=(true|1))?$/i.test(p));
    const type = (kv.type ?? 'volume').toLowerCase();
    if (type === 'tmpfs' || (type === 'volume' && !bindVolume)) return [];
    return src !== undefined && dst !== undefined && hostPath(src) ? [{ target: target(dst), source: src, readOnly }] : undefined;
  }
  const parts = spec.split(':');
  // (A lone path is an anonymous volume; a source that is no path is a named volume — the host directory it binds when
  // the line created it so.)
  const source = parts.length >= 2 ? (hostPath(parts[0]!) ? parts[0]! : volumes?.get(parts[0]!)) : undefined;
  return source !== undefined ? [{ target: target(parts[1]!), source, readOnly: (parts[2] ?? '').split(',').includes('ro') }] : [];
}
const hostPath = (s: string): boolean => /^[/~.$]/.test(s);

/** The named volume a -v/--mount spec mounts (NAME:/dst, type=volume,src=NAME without a bind's options) and where; undefined for any other. */
function namedVolume(opt: string, spec0: string): { name: string; target: string } | undefined {
  const spec = spec0.replace(/^=/, '');
  if (opt === 'mount' || /(^|,)"?(type|source|src|target|dst|destination)=/i.test(spec)) {
    const kv = Object.fromEntries(spec.split(',').map((f) => f.replace(/^"(.*)"$/, '$1')).map((f) => [(f.includes('=') ? f.slice(0, f.indexOf('=')) : f).toLowerCase(), f.slice(f.indexOf('=') + 1)]));
    const name = kv.source ?? kv.src;
    const dst = kv.target ?? kv.dst ?? kv.destination;
    return (kv.type ?? 'volume').toLowerCase() === 'volume' && name && dst && !hostPath(name) && kv['volume-opt'] === undefined ? { name, target: posix.normalize(dst) } : undefined;
  }
  const [name, dst] = spec.split(':');
  return name && dst !== undefined && !hostPath(name) ? { name, target: posix.normalize(dst) } : undefined;
}

/** Host paths whose mount hands a container the machine: its root, kernel interfaces, the container daemons' sockets. */
export const HOST_MOUNTS = /^(\/|\/proc|\/sys|\/sys\/fs\/cgroup|\/dev|\/root|\/etc|\/boot|\/lib\/modules|\/run|\/var\/run|\/var\/lib\/docker|\/var\/lib\/containerd)\/?$|\/(docker|containerd|podman|crio|buildkitd)\.sock$|^\/(var\/)?run\/(docker|containerd|podman|crio)\/?$/;

/** How run/create options (name, value) give the container the machine (privileges, host namespaces, kernel mounts), or undefined. */
export function hostReach(opts: readonly (readonly [string, string])[], volumes?: ReadonlyMap<string, string | undefined>): string | undefined {
  for (const [k, v] of opts) {
    if (k === 'privileged') return 'runs privileged';
    if (/^(pid|ipc|userns|cgroupns|uts)$/.test(k) && v === 'host') return `shares the host's ${k} namespace`;
    if (k === 'cap-add' && /^(CAP_)?(ALL|SYS_ADMIN|SYS_PTRACE|SYS_MODULE|DAC_READ_SEARCH|SYS_RAWIO|BPF)$/i.test(v)) return `gains ${v}`;
    if (k === 'security-opt' && /unconfined|label[=:]disable|no-new-privileges[=:]false/.test(v)) return `runs with ${v}`;
    if (k === 'device') return `gets the host device ${v}`;
    // (Read by the same parser as every other mount: a local volume bound to /var/run/docker.sock is that socket.)
    if (k === 'volume' || k === 'mount') for (const m of bindMount(k, v, volumes) ?? []) if (HOST_MOUNTS.test(m.source)) return `mounts the host's ${m.source}`;
  }
  return undefined;
}

// A path (or ~, $HOME) at the start of a word, after a separator in shell text or as a parameter's default (${x:=/d},
// ${x:-/d}); `//` (a URL's) is none. ($PWD is left to the judge of the line, which follows the text's own cd.)
const PATH_IN_TEXT = /(^|[\s'"=:;|&(<>@,`]|\$\{[#!]?\w+:?[-=+?])(~(?=[/\s'";|&)`}]|$)|\$HOME\b|\$\{HOME\}|\/(?!\/)[^\s'";|&()<>`,:}]*)/g;
// A cd to an absolute directory in shell text: relative paths after it are placed from there.
const CD_IN_TEXT = /(^|[\s;&|(])cd\s+(['"]?)(\/[^\s'";&|)]*)\2/g;
const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Paths that are no file of the container's own: its secrets (docker and compose secrets, a pod's service-account token),
 *  its processes' environment and memory, and bash's network connections (/dev/tcp/HOST/PORT). */
const KEPT = /^\/((var\/)?run\/secrets|proc|dev\/(tcp|udp|fd|stdin|stdout|stderr))(\/|$)/;
/** Images named for the one tool they run as their entrypoint (curlimages/curl, alpine/git, rclone/rclone): by the
 *  repository's last segment. */
const IMAGE_PROGRAMS: Readonly<Record<string, string>> = {
  curl: 'curl', wget: 'wget', git: 'git', socat: 'socat', netcat: 'nc', ncat: 'ncat', nc: 'nc', rclone: 'rclone', httpie: 'http',
  'aws-cli': 'aws', mc: 'mc', rsync: 'rsync', 'openssh-client': 'ssh', ssh: 'ssh', scp: 'scp', gh: 'gh', ngrok: 'ngrok',
};

/** Directories images commonly run in: a bind mount there may be where a relative path lands. */
const WORKDIRS = /^\/(app|src|work|workspace|workdir|code|project|repo|usr\/src\/app|home\/node\/app|opt\/app|go\/src\/[^/]+)\/?$/;

/**
 * The command lines that judge `there` on this machine: its command with every path mapped (see the top of this file),
 * run from its working directory. `resolveHost` places a mount's host side ($PWD, ~, ./data) here. A path above a mount
 * (rm -rf /, rm -rf /srv with /srv/data bound) reaches what is mounted: such a line is also judged with that path as the
 * mount's host side; with no working directory given, a relative path may land in a bound project (-v $PWD:/app).
 */
export function elsewhereLines(there: Elsewhere, resolveHost: (p: string) => string, home?: string): string[] {
  // (Words after an image that are no program — a glob of files — are arguments to its entrypoint.)
  // (…but a glob in a program directory — /bin/r[m], /usr/bin/w?et — names a program, judged with the glob as written.)
  // (A device's words are one text: its first word is the program.)
  const first = there.device ? there.command.join(' ').trim().split(/\s+/)[0] ?? '' : there.command[0] ?? '';
  if (!there.command.length || (/[*?[]/.test(first) && !/^\/(usr\/(local\/)?)?s?bin\/[^/]+$/.test(first))) return [];
  const ctrHome = there.home ?? '/root';
  // (A program that only deletes or empties what it is given changes nothing through a read-only mount — rm -rf /src
  // with -v $PWD:/src:ro fails there — so for it such a mount is the container's own scratch.)
  const changesOnly = /^(rm|rmdir|unlink|shred|truncate)$/.test(there.command[0]!.replace(/^.*\//, ''));
  const mounts = there.mounts.filter((m) => !(changesOnly && m.readOnly)).map((m) => ({ target: m.target === '~' ? '~' : m.target.replace(/\/+$/, '') || '/', source: resolveHost(m.source) }));
  // (~ mounted at ~ — Lima's HOME — is this machine's HOME, spelt as the judge reads it.)
  const homeMounted = mounts.some((m) => m.target === '~');
  const root = there.hostReach !== undefined ? '' : mounts.find((m) => m.target === '/')?.source.replace(/\/+$/, '') ?? SCRATCH;
  const map = (p: string, above?: Mount): string => {
    if (p === '~' || /^\$(HOME\b|\{HOME\})/.test(p)) return homeMounted ? p : map(ctrHome + p.replace(/^(~|\$HOME|\$\{HOME\})/, ''), above);
    // (A path with a glob or a variable: where its fixed part could be the start of a mount's path, that mount is reached.)
    const open = /[*?[$]/.exec(p);
    if (open && p.startsWith('/')) {
      const fixed = p.slice(0, open.index);
      const reached = mounts.find((x) => x.target !== '~' && (x.target.startsWith(fixed) || fixed.startsWith(`${x.target}/`)));
      if (reached) return reached.source.replace(/\/+$/, '') + (fixed.startsWith(`${reached.target}/`) ? p.slice(reached.target.length) : '');
    }
    if (p.startsWith('/') && !open) p = posix.normalize(p);
    const clean = p.replace(/\/+$/, '') || '/';
    const m = mounts.filter((x) => x.target !== '/' && x.target !== '~' && (clean === x.target || clean.startsWith(`${x.target}/`))).sort((a, b) => b.target.length - a.target.length)[0];
    if (m) return (m.source.replace(/\/+$/, '') + p.slice(m.target.length)) || '/';
    if (above && (clean === '/' || above.target.startsWith(`${clean}/`) || /\/\*$/.test(p) && above.target.startsWith(p.slice(0, -1)))) return above.source;
    if (KEPT.test(p) || root === '') return p;
    // (Where the mounts are not all known — exec into a running container, a compose service — a path spelt as this
    // machine's HOME may be that HOME mounted at its own path, as dev containers and Lima do: it stays this machine's.)
    if (!there.mountsKnown && home !== undefined && (clean === home || clean.startsWith(`${home}/`))) return p;
    return root + p;
  };
  // (A relative path is placed from the working directory the line names — -w / — or a directory the container's shell
  // text enters — cd / && … > u/x: with a mount at /u, u/x is the mount's.)
  const bases = new Set([...(there.workdir !== undefined ? [posix.normalize(there.workdir)] : []), ...there.command.flatMap((w) => [...w.matchAll(CD_IN_TEXT)].map((m) => posix.normalize(m[3]!)))]);
  const spelt = mounts.filter((m) => m.target !== '/' && m.target !== '~').flatMap((m) => [...bases].filter((b) => m.target.startsWith(b === '/' ? '/' : `${b}/`))
    .map((b) => ({ re: new RegExp(`(^|[\\s'"=;|&(<>])(?:\\./)?${escapeRe(m.target.slice(b === '/' ? 1 : b.length + 1))}(?=[/\\s'";|&)<>]|$)`, 'g'), source: m.source.replace(/\/+$/, '') || '/' })));
  const rewrite = (word: string, above?: Mount): string => spelt.reduce((w, r) => w.replace(r.re, (_all, pre: string) => pre + r.source), word.replace(PATH_IN_TEXT, (_all, pre: string, p: string) => pre + map(p, above)));
  // (Lima's and colima's shells start in this machine's working directory. Where the line names the working directory
  // there, a relative operand of a deleter, or one that climbs, is placed from it — `-w / … rm -rf d` with /srv at /d
  // removes /srv; with none named, the relative words stay and each likely working directory is tried.)
  const cwds = there.hostCwd && there.workdir === undefined ? [resolveHost('.')] : [map(there.workdir ?? '/.workdir'), ...(there.workdir === undefined ? mounts.filter((m) => WORKDIRS.test(m.target)).map((m) => m.source) : [])];
  const relative = (w: string, k: number) => k > 0 && there.workdir !== undefined && !there.hostCwd && !w.startsWith('-') && !/[=:$`*?[]/.test(w) && /^[\w.][\w./-]*$/.test(w) && (changesOnly || /(^|\/)\.\.(\/|$)/.test(w));
  const command = there.command.map((w, k) => (relative(w, k) ? posix.resolve(there.workdir!, w) : w));
  const lines: string[] = [];
  // (A device's shell is given the words joined: each is shell text there, not one quoted word.)
  const join = (words: readonly string[]) => (there.device ? words.join(' ') : words.map(quote).join(' '));
  for (const cwd of cwds) lines.push(`cd ${quote(cwd)} && ${join(command.map((w) => rewrite(w)))}`);
  // (…and with each path above a bound directory read as that directory's host side.)
  for (const m of mounts.length ? mounts.filter((x) => x.target !== '/' && x.target !== '~') : []) {
    const words = command.map((w) => rewrite(w, m as Mount));
    const line = `cd ${quote(cwds[0]!)} && ${join(words)}`;
    if (!lines.includes(line)) lines.push(line);
  }
  return lines;
}

/** The mounts code Rampart does not read can change: writable ones this command line gives, where what runs inside is
 *  the image's own program (no command given), a glob of files handed to its entrypoint, an option to it, or a word
 *  computed when it runs. (A VM's standing HOME mount — Lima's, colima's — with no command is a login shell, a person's.) */
export function unreadWritableMounts(there: Elsewhere): Mount[] {
  const first = there.command[0];
  const unread = first === undefined || /[*?[$`]/.test(first) || first.startsWith('-') || there.command.some((w) => /[$`]/.test(w));
  return unread ? there.mounts.filter((m) => !m.readOnly && !m.standing) : [];
}

/** A shell run there with no command text or script (sh, bash -l, sh -s): it reads its script from stdin. The words that
 *  run that script as text instead (sh -c), or undefined for any other command. */
export function stdinScript(command: readonly string[]): string[] | undefined {
  const [shell, ...rest] = command;
  if (shell === undefined || !isShell(shell.replace(/^.*\//, '')) || !rest.every((w) => /^[-+][a-zA-Z]*$/.test(w) && !w.includes('c'))) return undefined;
  return [shell, ...rest.filter((w) => !/^-s$/.test(w)), '-c'];
}

/** Places a mount's host side on this machine ($PWD, ~, ./data); a variable only the running shell knows ($out) stays as written. */
export function hostResolver(ctx: { cwd: string; home: string }): (p: string) => string {
  return (p) => (p === '~' || /^[/~.]|^\$(HOME\b|\{HOME\}|PWD\b|\{PWD\})/.test(p) ? resolvePath(p, ctx) : p);
}
