// GNU tar's and cpio's remote archives: an archive name `[user@]host:path` makes them start the
// remote shell (rsh, often ssh) to HOST and run rmt there, so the archive is written to — or read
// from — another machine. As GNU tar (rtapelib's _remdev) reads a name: it is remote when it holds a
// colon, not as its first character, with no `/` before it, unless --force-local is given.
import type { Facts } from '../facts.js';
import { addHost, systemProgram, wholeTree } from './common.js';
import type { AnalyzerInput } from './types.js';

/** Short options that take a value, per tool (tar: -b -C -f -F -g -H -I -K -L -N -T -V -X; cpio: -C -E -F -H -I -M -O -R). */
const VALUED: Readonly<Record<string, string>> = { tar: 'bCfFgHIKLNTVX', gtar: 'bCfFgHIKLNTVX', cpio: 'CEFHIMOR' };
/** Options whose value is an archive name. */
const ARCHIVE: Readonly<Record<string, RegExp>> = { tar: /^(-f|--file)$/, gtar: /^(-f|--file)$/, cpio: /^(-F|--file|-O|-I)$/ };
const LONG_VALUED = /^--(file|directory|files-from|exclude-from|exclude|blocking-factor|format|use-compress-program|info-script|new-volume-script|listed-incremental|newer|newer-mtime|label|tape-length|starting-file|rsh-command|rmt-command|owner|group|mode|mtime|transform|xform|to-command|checkpoint-action|pattern-file|io-size|block-size|message|rename-batch-file)$/;

/** The option words with their values, and the operands, of a tar or cpio command line. */
function split(tool: string, args: readonly string[]): { opts: [string, string][]; ops: string[] } {
  const letters = VALUED[tool]!;
  const opts: [string, string][] = [];
  const ops: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      ops.push(...args.slice(i + 1));
      break;
    }
    const long = /^(--[\w-]+)(?:=(.*))?$/s.exec(a);
    if (long) {
      opts.push([long[1]!, long[2] ?? (LONG_VALUED.test(long[1]!) ? args[++i] ?? '' : '')]);
      continue;
    }
    // (tar's old style, `tar czf NAME …`: the first word is a cluster whose value letters take the next words in turn.)
    const old = tool !== 'cpio' && i === 0 && /^[a-zA-Z]+$/.test(a) && /[ctxruAd]/.test(a);
    if (old || /^-[a-zA-Z]/.test(a)) {
      const cluster = old ? a : a.slice(1);
      for (let j = 0; j < cluster.length; j++) {
        const l = cluster[j]!;
        if (!letters.includes(l)) {
          opts.push([`-${l}`, '']);
          continue;
        }
        // (In a dash cluster the first value letter takes the rest of the word, or the next word.)
        if (!old && j + 1 < cluster.length) {
          opts.push([`-${l}`, cluster.slice(j + 1)]);
          break;
        }
        opts.push([`-${l}`, args[++i] ?? '']);
      }
      continue;
    }
    ops.push(a);
  }
  return { opts, ops };
}

/** An archive name on another machine: a colon, not first, with no `/` before it (the host may be computed). */
const REMOTE_NAME = /^[^/:]+:/;

/** Whether TOOL's options (not an operand after `--`, not -T's list file) hold --force-local: every archive name is local. */
function forcedLocal(tool: string, args: readonly string[]): boolean {
  return split(tool, args).opts.some(([o]) => o === '--force-local');
}

/** Whether NAME, an archive name TOOL is given, is a remote one (HOST:PATH, no --force-local) — or may be: a host only the
 *  running shell knows ("$H:/x") is one the judge cannot place. */
export function remoteArchiveName(tool: string, args: readonly string[], name: string): boolean {
  return VALUED[tool] !== undefined && REMOTE_NAME.test(name) && !forcedLocal(tool, args);
}

/** The archive names a tar or cpio command line gives (-f, cpio's -F/-O/-I, clustered -oF, --file=), or for tar
 *  without one, $TAPE: GNU tar's default archive. */
export function archiveNames(tool: string, args: readonly string[], env: AnalyzerInput['env'] = {}): string[] {
  if (!VALUED[tool]) return [];
  const named = split(tool, args).opts.filter(([o]) => ARCHIVE[tool]!.test(o)).map(([, v]) => v);
  return named.length || tool === 'cpio' || !env.TAPE ? named : [env.TAPE];
}

// (The remote shell tar or cpio starts for a remote archive: the system's ssh or rsh with options is the usual one.)
const USUAL_RSH = /^(ssh|rsh|remsh)$/;
// (…and the program that shell runs there, tar's rmt: run on the other machine, here when the host is this one.)
const USUAL_RMT = /^((\/usr(\/local)?)?\/(s?bin|libexec)\/|\/etc\/)?rmt(-tar)?$/;

/** Adds to f the host of a remote archive, the remote shell started for it, and for an archive created there, what it carries. */
export function remoteArchive({ tool, args, env, cwd, home }: AnalyzerInput, f: Facts): void {
  if (!VALUED[tool] || forcedLocal(tool, args)) return;
  const { opts, ops } = split(tool, args);
  const names = archiveNames(tool, args, env);
  const remote = names.filter((v) => REMOTE_NAME.test(v));
  // (--rsh-command=PROG is run for a remote archive — or for the one $TAPE names when no archive is given: a command
  // line the line judge judges, and a program of its own unless it is the system's ssh or rsh with plain options;
  // --rmt-command=PROG is what that shell runs, judged the same.)
  if (remote.length || names.length === 0) {
    for (const [o, v] of opts.filter(([o]) => /^--(rsh|rmt)-command$/.test(o))) {
      const words = v.trim().split(/\s+/);
      const usual = o === '--rsh-command' ? systemProgram(words[0] ?? '', USUAL_RSH) && !/ProxyCommand|LocalCommand|KnownHostsCommand/i.test(v) : USUAL_RMT.test(v.trim());
      if (!usual) {
        f.tags.add('exec');
        f.notes.push(`${tool} ${o}=${v} runs a program of its own for the remote archive`);
      }
      f.runs.push(v);
    }
  }
  if (!remote.length) return;
  for (const r of remote) {
    const host = r.slice(0, r.indexOf(':')).replace(/^.*@/, '');
    if (/[$`]/.test(host)) {
      f.tags.add('unresolved-remote');
      f.notes.push(`${tool}'s archive ${r} is on a machine only the running shell knows`);
    } else addHost(f, host, 'target', 'ssh');
  }
  // (tar -c/-r/-u/-A and cpio -o/-O write the archive there: the operands travel; cpio -o reads its names from stdin.)
  const creates = opts.some(([o]) => (tool !== 'cpio' ? /^(-[cruA]|--(create|append|update|catenate|concatenate))$/ : /^(-o|--create|-O)$/).test(o));
  if (!creates) return;
  f.sends.push(...ops);
  const whole = ops.find((o) => wholeTree(o, cwd, home));
  if (whole !== undefined) {
    f.tags.add('uploads-project');
    f.notes.push(`${tool} sends the whole tree ${whole} to ${remote.join(', ')}`);
  }
}
