// Tools that write keys, disks or start listeners: ssh-keygen, dd/mkfs-style disk writers, and
// `python -m http.server` style servers that listen on every interface.
import { newFacts, type Facts } from '../facts.js';
import type { AnalyzerInput } from './types.js';

/** ssh-keygen: the key files it creates or rewrites (-f FILE and FILE.pub, or ~/.ssh/id_TYPE). */
export function analyzeSshKeygen({ tool, args }: AnalyzerInput): Facts {
  const f = newFacts(tool);
  const fi = args.indexOf('-f');
  const file = fi >= 0 ? args[fi + 1] : undefined;
  // ssh-keygen has no long options: `--help` (or any) prints its usage and writes nothing.
  if (args.some((a) => a.startsWith('--'))) return f;
  // Fingerprints, the public half (-y), signatures (-Y sign/verify), checks: the private key is
  // used, never printed, and no key file is written.
  const readOnly = args.some((a) => /^-[lFyeQkDBY]/.test(a) && !/^-[lFyeQkDBY]*f/.test(a)) || args.some((a) => /^-[a-zA-Z]*[lyQY]/.test(a));
  const rewrites = args.some((a) => /^-[a-zA-Z]*[Rpc]/.test(a));
  if (readOnly && !rewrites) return f;
  const type = args[args.indexOf('-t') + 1] ?? 'ed25519';
  // (-R removes a host from known_hosts and keeps the old file as known_hosts.old.)
  const hosts = args.includes('-R');
  const target = file ?? (hosts ? '~/.ssh/known_hosts' : `~/.ssh/id_${args.includes('-t') ? type : 'ed25519'}`);
  f.writes.push(target, hosts ? `${target}.old` : `${target}.pub`);
  return f;
}

/** mkfs, wipefs, fdisk and friends: the devices they overwrite. */
export function analyzeDiskWriter({ tool, args }: AnalyzerInput): Facts {
  const f = newFacts(tool);
  f.deletes.push(...args.filter((a) => a.startsWith('/dev/')));
  f.tags.add('force');
  return f;
}
