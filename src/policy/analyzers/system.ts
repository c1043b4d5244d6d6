// Tools that write keys, disks or start listeners: ssh-keygen, dd/mkfs-style disk writers, and
// `python -m http.server` style servers that listen on every interface.
import { newFacts, type Facts } from '../facts.js';
import type { AnalyzerInput } from './types.js';
import { has, optionTable, scan } from '../options.js';

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

/**
 * Tools that destroy what a device or a file holds: per tool, the short options that take a value,
 * and when it writes at all (wipefs only lists signatures without -a/-o, badblocks only reads without
 * -w, fallocate only destroys in its hole/zero/collapse/insert modes, fdisk -l and parted print read).
 * An image file is a disk to them: mkfs or mkswap on ~/Documents/thesis.tex replaces its content.
 */
const MKE2FS_OPTIONS = optionTable([...'bCdEgGiIJLmMNoOrtTUez'].map((c) => `${c}=`).concat([...'cDFjnqSvVK']));

const DISK_WRITERS: Readonly<Record<string, { values: string; writes?: (args: readonly string[]) => boolean }>> = {
  // (-n: mke2fs only shows what it would do; found the way its getopt reads the cluster, so -L -n names a label.)
  mke2fs: { values: 'bCdEgGiIJLmMNoOrtTUez', writes: (a) => !has(scan(a, MKE2FS_OPTIONS), 'n') },
  mkfs: { values: 't' },
  'mkfs.fat': { values: 'AbDfFghiLmMnrRsS' },
  'mkfs.xfs': { values: 'bdilnmprsL' },
  'mkfs.btrfs': { values: 'bdLmnOrRsU' },
  mkswap: { values: 'LUpveos' },
  wipefs: { values: 'otO', writes: (a) => a.some((w) => /^(-[a-zA-Z]*[ao]|--all|--offset)/.test(w)) && !a.some((w) => /^(-[a-zA-Z]*n|--no-act)$/.test(w)) },
  badblocks: { values: 'bcdeiopt', writes: (a) => a.some((w) => /^-[a-zA-Z]*w/.test(w)) },
  // (--dig-holes keeps the bytes but rewrites the file's blocks in place: judged with the other modes.)
  fallocate: { values: 'ol', writes: (a) => a.some((w) => /^(-[a-zA-Z]*[pczid]|--(punch-hole|collapse-range|zero-range|insert-range|dig-holes))/.test(w)) },
  fdisk: { values: 'bcuLSHCso', writes: (a) => !a.some((w) => /^(-[a-zA-Z]*l|--list)/.test(w)) },
  sfdisk: { values: 'NOoXYu', writes: (a) => !a.some((w) => /^(-[a-zA-Z]*[lsdJVgF]|--(list|show-size|dump|json|verify|show-geometry|list-free|version|help))/.test(w)) },
  sgdisk: { values: 'aAbcdhilmnrRtTuU', writes: (a) => !a.every((w) => !w.startsWith('-') || /^(-[pivPOLb]+|--(print|info|verify|pretend|print-mbr|list-types|backup))$/.test(w)) },
  gdisk: { values: 'l' },
  cfdisk: { values: 'Lz' },
  // (parted DEVICE with no command is interactive, and reads its commands from stdin.)
  parted: { values: 'a', writes: (a) => !a.some((w) => /^(-[a-zA-Z]*l|--list)$/.test(w)) && (a.filter((w) => !w.startsWith('-')).length <= 1 || a.some((w) => /^(mklabel|mktable|mkpart|mkpartfs|rm|resizepart|resize|name|set|toggle|disk_set|disk_toggle|rescue|move|cp|mkfs|type)$/.test(w))) },
  blkdiscard: { values: 'olp' },
};

/** The row of a disk writer (every mkfs.TYPE and mke2fs spelling shares its family's). */
function diskRow(tool: string) {
  if (/^(mkfs\.ext[234]|mkfs\.ext4dev|mke2fs)$/.test(tool)) return DISK_WRITERS.mke2fs;
  if (/^(mkfs\.(vfat|fat|msdos)|mkdosfs|mkfs\.exfat|mkexfatfs)$/.test(tool)) return DISK_WRITERS['mkfs.fat'];
  if (/^mkfs\.\w+$|^(mkntfs|mkfs\.ntfs)$/.test(tool)) return DISK_WRITERS[tool] ?? DISK_WRITERS['mkfs.xfs'];
  return DISK_WRITERS[tool];
}

/** mkfs*, mkswap, wipefs, fdisk, sgdisk, parted, badblocks -w, fallocate -p …: the devices and files whose content they destroy. */
export function analyzeDiskWriter({ tool, args }: AnalyzerInput): Facts {
  const f = newFacts(tool);
  const row = diskRow(tool) ?? { values: '' };
  if (row.writes && !row.writes(args)) return f;
  // (A value after an option that takes one is no target; a bare number is a size or a block count.)
  const takes = (o: string) => /^-[a-zA-Z]$/.test(o) && row.values.includes(o[1]!) || /^--(offset|length|label|type|types|output|block-size|size|uuid|pagesize)$/.test(o);
  const targets = args.filter((a, k) => !a.startsWith('-') && !takes(args[k - 1] ?? '') && !/^\d+[kKmMgGtT]?$/.test(a));
  // (parted DEVICE COMMAND…: only the first operand is the target.)
  f.deletes.push(...(tool === 'parted' ? targets.slice(0, 1) : tool === 'sgdisk' ? targets.slice(-1) : targets));
  f.tags.add('force');
  return f;
}

/** Every tool name analyzeDiskWriter reads. */
export const DISK_TOOLS: readonly string[] = [
  'mkfs', 'mke2fs', 'mkfs.ext2', 'mkfs.ext3', 'mkfs.ext4', 'mkfs.xfs', 'mkfs.btrfs', 'mkfs.vfat', 'mkfs.fat', 'mkfs.msdos', 'mkdosfs',
  'mkfs.exfat', 'mkexfatfs', 'mkfs.ntfs', 'mkntfs', 'mkfs.f2fs', 'mkfs.minix', 'mkfs.bfs', 'mkfs.cramfs', 'mkfs.jfs', 'mkfs.reiserfs', 'mkfs.udf',
  'mkswap', 'wipefs', 'badblocks', 'fallocate', 'fdisk', 'sfdisk', 'sgdisk', 'gdisk', 'cfdisk', 'parted', 'blkdiscard',
];
