// docker/podman run|create: bind mounts expose host files to code in the container; a mount of a
// credential is reading it (ask), and of the Rampart socket or HOME's secrets likewise.
// The daemon it talks to (-H, DOCKER_HOST, CONTAINER_HOST) and a registry named in a pushed
// image or a login are network destinations like any other.
import { newFacts, type Facts } from '../facts.js';
import { addUrl, envValue } from './common.js';
import type { AnalyzerInput } from './types.js';
import { elsewhere, elsewhereLines, hostResolver } from '../line/elsewhere.js';

/** docker/podman run and create options that take a value. */
const VALUE_OPTS = /^(-[ehlmpuvw]|-c|--(add-host|attach|blkio-weight|cap-add|cap-drop|cgroup-parent|cidfile|cpu[\w-]*|device[\w-]*|dns[\w-]*|domainname|entrypoint|env|env-file|expose|gpus|group-add|health[\w-]*|hostname|init-path|ip6?|ipc|isolation|kernel-memory|label|label-file|link|log-driver|log-opt|mac-address|memory[\w-]*|mount|name|network|network-alias|oom-score-adj|pid|pids-limit|platform|publish|pull|restart|runtime|security-opt|shm-size|stop-signal|stop-timeout|storage-opt|sysctl|tmpfs|ulimit|user|userns|uts|volume|volumes-from|workdir))$/;

/** The image of `run|create [OPTIONS] IMAGE …`. */
function imageOf(args: readonly string[]): string | undefined {
  let i = args.findIndex((a) => a === 'run' || a === 'create');
  if (i < 0) return undefined;
  for (i++; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') return args[i + 1];
    if (!a.startsWith('-')) return a;
    if (VALUE_OPTS.test(a)) i++;
  }
  return undefined;
}

/** `docker compose` options (before its verb) that take a value. */
const COMPOSE_VALUE_OPTS = /^(-f|--file|-p|--project-name|--project-directory|--env-file|--profile|--ansi|--parallel|--progress)$/;

/**
 * What `docker compose` (podman compose, docker-compose, podman-compose) reads its project with: its verb, and the env
 * files whose values it puts into the compose file — every --env-file, else .env in the project directory
 * (--project-directory, else the first -f file's, else the working directory). Undefined for anything else.
 */
export function composeProject(tool: string, args: readonly string[]): { verb?: string; envFiles: string[]; defaulted: boolean } | undefined {
  const at = /^(docker|podman)$/.test(tool) ? args.indexOf('compose') : /^(docker-compose|podman-compose)$/.test(tool) ? -1 : -2;
  if (at === -2 || (at < 0 && /^(docker|podman)$/.test(tool))) return undefined;
  // (docker's own options before compose: docker --context x compose …)
  if (at > 0 && args.slice(0, at).some((a, k) => !a.startsWith('-') && !/^(-H|--host|-c|--context|--config|-l|--log-level)$/.test(args[k - 1] ?? ''))) return undefined;
  const own = args.slice(at + 1);
  const verbAt = own.findIndex((a, k) => !a.startsWith('-') && !COMPOSE_VALUE_OPTS.test(own[k - 1] ?? ''));
  const verb = verbAt < 0 ? undefined : own[verbAt];
  const global = verbAt < 0 ? own : own.slice(0, verbAt);
  const value = (re: RegExp) => global.flatMap((a, k) => (re.test(global[k - 1] ?? '') ? [a] : /^--[\w-]+=/.test(a) && re.test(a.slice(0, a.indexOf('='))) ? [a.slice(a.indexOf('=') + 1)] : []));
  const envFiles = value(/^--env-file$/);
  if (envFiles.length) return { verb, envFiles, defaulted: false };
  const file = value(/^(-f|--file)$/)[0];
  const dir = value(/^--project-directory$/)[0] ?? (file !== undefined && file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '.');
  return { verb, envFiles: [`${dir.replace(/\/+$/, '') || '/'}/.env`], defaulted: true };
}

/** Facts of one docker/podman invocation. */
export function analyzeDocker({ tool, args, env, cwd, home }: AnalyzerInput): Facts {
  const f = newFacts(tool);
  const verbAt = args.findIndex((a, k) => !a.startsWith('-') && !/^(-H|--host|-c|--context|--config|-l|--log-level|--tlscacert|--tlscert|--tlskey|--url|--connection|--identity)$/.test(args[k - 1] ?? ''));
  const verb = verbAt >= 0 ? args[verbAt] : undefined;
  f.subcommand = verb;
  // (podman names its service by --url; docker context create NAME --docker host=tcp://H makes a context that goes to H.)
  const daemons = args.slice(0, verbAt < 0 ? args.length : verbAt).flatMap((a, k, all) => (/^(-H|--host|--url)$/.test(all[k - 1] ?? '') ? [a] : /^--(host|url)=/.test(a) ? [a.slice(a.indexOf('=') + 1)] : /^-H./.test(a) ? [a.slice(2)] : []))
    .concat(verb === 'context' && args.includes('create') ? args.flatMap((a) => [.../(?:^|,)host=([^,\s]+)/.exec(a)?.slice(1) ?? []]) : []);
  const fromEnv = envValue(env, 'DOCKER_HOST', 'CONTAINER_HOST');
  // (So do a buildx builder's endpoint — buildx create tcp://H — and BuildKit's own BUILDKIT_HOST: the build context goes there.)
  const builders = verb === 'buildx' && args.includes('create') ? args.slice(verbAt + 1).filter((a) => /^(tcp|ssh|https?):\/\//.test(a)) : [];
  for (const d of [...daemons, ...builders, ...(daemons.length ? [] : fromEnv ? [fromEnv] : [])]) {
    if (!/^(unix|npipe|fd):/.test(d)) addUrl(f, d.replace(/^(tcp|ssh):\/\//, 'https://'), 'target', 'https');
  }
  // A named context (--context X, DOCKER_CONTEXT=X) is a daemon endpoint stored in Docker's configuration: not read here.
  const context = args.slice(0, verbAt < 0 ? args.length : verbAt).find((a, k, all) => /^(-c|--context|--connection)$/.test(all[k - 1] ?? '') || /^--(context|connection)=/.test(a))
    ?? (verb === 'context' && args[verbAt + 1] === 'use' ? args[verbAt + 2] : undefined) ?? envValue(env, 'DOCKER_CONTEXT', 'CONTAINER_CONNECTION');
  if (context !== undefined && !/^(--(context|connection)=)?(default|desktop-linux|rootless|colima|podman-machine-default)$/.test(context) && !daemons.length) {
    f.tags.add('opaque-config');
    f.notes.push(`${tool} talks to the daemon of context ${context.replace(/^--context=/, '')}, whose endpoint Rampart has not read`);
  }
  // push/login to REGISTRY/…: a registry written as a host (with a dot, a port or localhost) is
  // where the image (and the build context in it) or the credentials go.
  if (verb === 'push' || verb === 'login') {
    const rest = args.slice(verbAt + 1);
    const ref = rest.find((a, k) => !a.startsWith('-') && !/^(-u|--username|-p|--password)$/.test(rest[k - 1] ?? ''));
    const first = ref?.split('/')[0];
    if (first && (verb === 'login' || (ref!.includes('/') && /[.:]|^localhost$/.test(first)))) addUrl(f, `https://${first}`, 'target', 'https');
  }
  // An image pulled or run from a registry written as a host (evil.example/x, 10.0.0.5:5000/x) is
  // a download from that host, and what runs in it is its code; a build context given as a URL is
  // fetched from there; buildx --push -t REGISTRY/… uploads. (Docker Hub's implicit names stay
  // allowed: they name no host.)
  const registry = (ref: string | undefined) => {
    const first = ref?.split('/')[0];
    // (docker.io spelt out is Docker Hub, as a bare name is.)
    if (first && ref!.includes('/') && /[.:]|^localhost$/.test(first) && !/^((index|registry-1)\.)?docker\.io$/i.test(first)) addUrl(f, `https://${first}`, 'target', 'https');
  };
  if (verb === 'run' || verb === 'create') registry(imageOf(args));
  if (verb === 'pull') registry(args.slice(verbAt + 1).find((a) => !a.startsWith('-')));
  const buildAt = args.findIndex((a) => a === 'build');
  if (buildAt >= 0 && (verb === 'build' || verb === 'buildx' || verb === 'image' || verb === 'builder')) {
    const rest = args.slice(buildAt + 1);
    const context = rest.filter((a, k) => !a.startsWith('-') && !/^(-t|--tag|-f|--file|--build-arg|--target|--platform|--secret|--ssh|--label|--cache-from|--cache-to|--output|-o|--network|--progress|--iidfile|--metadata-file|--builder|--build-context|--add-host|--shm-size|--ulimit)$/.test(rest[k - 1] ?? '')).at(-1);
    if (context && /^[a-z][\w+.-]*:\/\//i.test(context)) addUrl(f, context.replace(/^git:/, 'https:').replace(/#.*$/, ''), 'target');
    if (rest.includes('--push') || rest.some((a) => /^--output=.*push=true/.test(a))) for (const t of rest.filter((a, k) => /^(-t|--tag)$/.test(rest[k - 1] ?? ''))) registry(t);
  }
  // docker build/buildx --secret id=…,src=FILE: the file goes into the build (an image that may be pushed).
  for (let i = 0; i < args.length; i++) {
    const v = args[i] === '--secret' ? args[i + 1] : args[i]!.startsWith('--secret=') ? args[i]!.slice(9) : undefined;
    const src = v && /(?:^|,)(?:src|source)=([^,]+)/.exec(v)?.[1];
    if (src) f.sends.push(src);
  }
  // A proxy variable handed to a build or a container (--build-arg HTTPS_PROXY=URL, -e https_proxy=URL) sends
  // every connection made there through that host, as https_proxy= on the line does.
  for (let i = 0; i < args.length; i++) {
    const m = /^(?:--build-arg|-e|--env)(?:=(.*))?$/s.exec(args[i]!);
    const kv = m ? m[1] ?? args[++i] ?? '' : '';
    const proxy = /^(?:https?|all|ftp)_proxy=(.+)$/is.exec(kv)?.[1];
    if (proxy) {
      addUrl(f, proxy, 'proxy');
      f.tags.add('routed-env');
    }
  }
  // docker cp SRC CONTAINER:DST hands a local file to the container: a send of it.
  // (Also docker container cp and docker compose cp.)
  const cpAt = verb === 'cp' ? verbAt : /^(container|compose)$/.test(verb ?? '') ? args.findIndex((a, k) => k > verbAt && a === 'cp') : -1;
  if (cpAt >= 0) {
    const ops = args.slice(cpAt + 1).filter((a, k, all) => !a.startsWith('-') && !/^(-f|--file|-p|--project-name|--index)$/.test(all[k - 1] ?? ''));
    if (ops.length === 2 && !/^[\w.-]+:/.test(ops[0]!) && /^[\w.-]+:/.test(ops[1]!)) f.sends.push(ops[0]!);
    // (…and docker cp CONTAINER:SRC DST writes DST here: a file from the container, ~/.bashrc if DST says so.)
    // (Into a directory — DST/, ~, . — it lands under its own name: docker cp ctr:/x/.bashrc ~/ writes ~/.bashrc.)
    if (ops.length === 2 && /^[\w.-]+:/.test(ops[0]!) && !/^[\w.-]+:/.test(ops[1]!) && ops[1] !== '-') {
      f.writes.push(ops[1]!);
      const base = ops[0]!.replace(/\/+$/, '').split(/[:/]/).pop();
      if (base && base !== '.' && base !== '..') f.writes.push(`${ops[1]!.replace(/\/+$/, '')}/${base}`);
    }
  }
  // exec CONTAINER CMD, run IMAGE CMD (compose exec|run SERVICE CMD): CMD runs in the container's file system, judged
  // as a command line with its paths mapped (a bind mount to its host side, the rest to scratch; see elsewhere.ts).
  const there = elsewhere(tool, args);
  if (there) f.runs.push(...elsewhereLines(there, hostResolver({ cwd, home }), home));
  if (verb !== 'run' && verb !== 'create' && !(verb === 'container' && /^(run|create)$/.test(args[verbAt + 1] ?? ''))) return f;
  // --env-file FILE hands the file's variables to the image's code: an image from someone's
  // namespace or another registry (owner/img, ghcr.io/…) is code from elsewhere; a local tag or an
  // official library image (app:dev, postgres:16) is the project's own stack.
  const image = imageOf(args);
  if (image && image.includes('/')) {
    for (let i = 0; i < args.length; i++) {
      const v = args[i] === '--env-file' ? args[i + 1] : args[i]!.startsWith('--env-file=') ? args[i]!.slice(11) : undefined;
      if (v) f.sends.push(/^<\(\s*(env|printenv|export -p|set)\s*\)$/.test(v) ? '/proc/self/environ' : v);
    }
  }
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    let spec: string | undefined;
    if (a === '-v' || a === '--volume' || a === '--mount') spec = args[++i];
    else if (/^(-v|--volume=|--mount=)/.test(a)) spec = a.replace(/^(-v|--volume=|--mount=)/, '');
    if (!spec) continue;
    const src = spec.includes('source=') || spec.includes('src=') ? /(?:source|src)=([^,]+)/.exec(spec)?.[1] : spec.split(':')[0];
    if (src && (src.startsWith('/') || src.startsWith('~') || src.startsWith('$') || src.startsWith('.'))) f.reads.push(src);
  }
  // A mount gives the image's code the whole tree below it (a home directory: its credentials).
  if (f.reads.length) f.tags.add('recursive-read');
  // -e NAME (or NAME=$NAME) of a credential hands it to the image's code: from someone's namespace, a send.
  if (image && image.includes('/') && !/^(localhost|127\.0\.0\.1)(:\d+)?\//.test(image)) {
    for (let i = 0; i < args.length; i++) {
      const v = /^(-e|--env)$/.test(args[i]!) ? args[i + 1] : /^--env=/.test(args[i]!) ? args[i]!.slice(6) : /^-e./.test(args[i]!) ? args[i]!.slice(2) : undefined;
      const name = v ? /^([A-Za-z_]\w*)(=|$)/.exec(v)?.[1] : undefined;
      // (Also a credential forwarded under another name: -e GH="$GITHUB_TOKEN".)
      const value = v && v.includes('=') ? v.slice(v.indexOf('=') + 1) : '';
      const credential = /KEY|TOKEN|SECRET|PASSW|PWD|PASS$|SESSION|JWT|CRED|AUTH|DSN/i;
      if ((name && !v!.includes('=') && credential.test(name)) || [...value.matchAll(/\$\{?([A-Za-z_]\w*)/g)].some((m) => credential.test(m[1]!))) f.sends.push('/proc/self/environ');
    }
  }
  // (Options come before the image; what follows is the container's command.)
  const reach = there?.hostReach;
  if (reach) {
    f.tags.add('host-control');
    f.notes.push(`the container ${reach}: it controls the machine, not only the project`);
  }
  return f;
}

/**
 * OCI registry tools (oras, crane, skopeo, buildah, regctl): every image reference that names its
 * registry as a host (evil.example/x, docker://10.0.0.5:5000/x) is a registry contacted; what oras
 * pushes (its file operands) is sent.
 */
export function analyzeOci({ tool, args }: AnalyzerInput): Facts {
  const f = newFacts(tool);
  const ops = args.filter((a, k) => !a.startsWith('-') && !/^(-t|--tag|-u|--username|-p|--password|--authfile|--creds|--src-creds|--dest-creds|--platform|-a|--annotation|--artifact-type|--config|--format|-f|--registry-config)$/.test(args[k - 1] ?? ''));
  f.subcommand = ops[0] === 'image' ? ops.slice(0, 2).join(' ') : ops[0];
  // (Reading a registry — digest, inspect, ls — sends nothing and runs nothing.)
  const verb = /^(image|manifest|artifact|tag|repo|blob|index)$/.test(ops[0] ?? '') && tool === 'regctl' ? ops[1] : ops[0];
  if (/^(digest|inspect|manifest|get|ls|list|list-tags|config|catalog|validate|export|pull|discover|version|auth|login|logout|help)$/.test(verb ?? '')) return f;
  for (const o of ops.slice(tool === 'regctl' ? 2 : 1)) {
    const ref = o.replace(/^(docker|oci-archive|docker-archive|oci|containers-storage|docker-daemon):(\/\/)?/, (m) => (m.startsWith('docker:') ? '' : 'local:'));
    if (ref.startsWith('local:')) continue;
    const first = ref.split('/')[0]!;
    if (ref.includes('/') && /[.:]|^localhost$/.test(first) && !/^((index|registry-1)\.)?docker\.io$/i.test(first)) addUrl(f, `https://${first}`, 'target', 'https');
  }
  if (tool === 'oras' && ops[0] === 'push') for (const o of ops.slice(2)) f.sends.push(o.split(':')[0]!);
  return f;
}
