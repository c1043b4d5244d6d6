// docker/podman run|create: bind mounts expose host files to code in the container; a mount of a
// credential is reading it (ask), and of the Rampart socket or HOME's secrets likewise.
import { newFacts, type Facts } from '../facts.js';
import type { AnalyzerInput } from './types.js';

/** docker/podman run and create options that take a value. */
const VALUE_OPTS = /^(-[ehlmpuvw]|-c|--(add-host|attach|blkio-weight|cap-add|cap-drop|cgroup-parent|cidfile|cpu[\w-]*|device[\w-]*|dns[\w-]*|domainname|entrypoint|env|env-file|expose|gpus|group-add|health[\w-]*|hostname|init-path|ip6?|ipc|isolation|kernel-memory|label|label-file|link|log-driver|log-opt|mac-address|memory[\w-]*|mount|name|network|network-alias|oom-score-adj|pid|pids-limit|platform|publish|pull|restart|runtime|security-opt|shm-size|stop-signal|stop-timeout|storage-opt|sysctl|tmpfs|ulimit|user|userns|uts|volume|volumes-from|workdir))$/;

/** The command after the image of `run IMAGE CMD…` (the image's default command is unknown: none). */
function containerCommand(args: readonly string[]): string[] {
  let i = args.findIndex((a) => a === 'run' || a === 'create');
  if (i < 0) return [];
  for (i++; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      i++;
      break;
    }
    if (!a.startsWith('-')) break;
    if (VALUE_OPTS.test(a)) i++;
  }
  return args.slice(i + 1);
}

/** Facts of one docker/podman invocation. */
export function analyzeDocker({ tool, args }: AnalyzerInput): Facts {
  const f = newFacts(tool);
  const verb = args.find((a) => !a.startsWith('-'));
  f.subcommand = verb;
  if (verb !== 'run' && verb !== 'create') return f;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    let spec: string | undefined;
    if (a === '-v' || a === '--volume' || a === '--mount') spec = args[++i];
    else if (/^(-v|--volume=|--mount=)/.test(a)) spec = a.replace(/^(-v|--volume=|--mount=)/, '');
    if (!spec) continue;
    const src = spec.includes('source=') || spec.includes('src=') ? /(?:source|src)=([^,]+)/.exec(spec)?.[1] : spec.split(':')[0];
    if (src && (src.startsWith('/') || src.startsWith('~') || src.startsWith('$') || src.startsWith('.'))) f.reads.push(src);
  }
  if (args.includes('--privileged')) f.tags.add('privileged-container');
  // The command the container runs is judged as a command line: its network and its mounted
  // host paths are this machine's (conservative: paths are read as host paths).
  const cmd = containerCommand(args);
  if (cmd.length) f.runs.push(cmd.map((w) => (/^[\w@%+=:,./~-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`)).join(' '));
  return f;
}
