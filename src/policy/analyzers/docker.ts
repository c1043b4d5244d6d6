// docker/podman run|create: bind mounts expose host files to code in the container; a mount of a
// credential is reading it (ask), and of the Rampart socket or HOME's secrets likewise.
import { newFacts, type Facts } from '../facts.js';
import type { AnalyzerInput } from './types.js';

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
  return f;
}
