// Test tools guarded by the shims in the shim tests: tiny scripts with observable behaviour.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { sandbox, script, type Sandbox } from './harness.js';

export const TOOLS = ['argdump', 'exitwith', 'catter', 'selfkill', 'touchit', 'argv0', 'curl', 'git', 'rm', 'nosuchbin-xyz'];

/** A sandbox whose shims guard a few test tools kept in <dir>/bin (on PATH after the shims). */
export async function tools(t: Parameters<typeof sandbox>[0]): Promise<Sandbox & { bin: string }> {
  const sb = await sandbox(t, { bins: TOOLS });
  const bin = path.join(sb.dir, 'bin');
  script(bin, 'argdump', '#!/bin/sh\nfor a in "$@"; do printf "%s" "$a" | od -An -tx1 | tr -d " \\n"; echo "|"; done\n');
  script(bin, 'exitwith', '#!/bin/sh\necho "to stdout"; echo "to stderr" >&2; exit "$1"\n');
  script(bin, 'catter', '#!/bin/sh\nexec cat\n');
  script(bin, 'selfkill', '#!/bin/sh\nkill -"$1" $$\nsleep 5\n');
  script(bin, 'touchit', '#!/bin/sh\ntouch "$1"\n');
  const src = path.join(sb.dir, 'argv0.c');
  fs.writeFileSync(src, '#include <stdio.h>\nint main(int c, char **v) { (void)c; puts(v[0]); return 0; }\n');
  spawnSync('cc', ['-o', path.join(bin, 'argv0'), src]);
  sb.env.PATH = `${bin}:${sb.env.PATH}`;
  return Object.assign(sb, { bin });
}


/** Rewrites the installed shim config (read-only on disk) through `edit`. */
export function editConf(sb: Sandbox, edit: (text: string) => string, dir = sb.shimsDir): void {
  const file = path.join(dir, '.rampart-shim.conf');
  fs.chmodSync(file, 0o644);
  fs.writeFileSync(file, edit(fs.readFileSync(file, 'utf8')));
  fs.chmodSync(file, 0o444);
}

/** Makes the shims unable to start a server (as if Node were gone). */
export function breakAutoStart(sb: Sandbox): void {
  editConf(sb, (s) => s.replace(/^node=.*$/m, 'node=/nonexistent/node'));
}
