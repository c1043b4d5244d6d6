// What the Node client learns about its caller from /proc (Linux), like the native shim.
import fs from 'node:fs';

/** Parent processes (pid, comm), nearest first, up to `depth` levels. */
export function parentChain(start: number, depth = 8): { pid: number; comm: string }[] {
  const out: { pid: number; comm: string }[] = [];
  let pid = start;
  for (let i = 0; i < depth && pid > 1; i++) {
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      break;
    }
    const l = stat.indexOf('(');
    const r = stat.lastIndexOf(')');
    if (l < 0 || r < 0) break;
    out.push({ pid, comm: stat.slice(l + 1, r) });
    pid = Number(stat.slice(r + 2).split(' ')[1]);
  }
  return out;
}

/** Where fd points when it is a regular file (a redirection), else undefined. */
export function fdTarget(fd: number): string | undefined {
  try {
    if (!fs.fstatSync(fd).isFile()) return undefined;
    return fs.readlinkSync(`/proc/self/fd/${fd}`);
  } catch {
    return undefined;
  }
}

const ENV_EXACT = new Set(['http_proxy', 'https_proxy', 'HTTP_PROXY', 'HTTPS_PROXY', 'ALL_PROXY', 'all_proxy', 'no_proxy', 'NO_PROXY',
  'ftp_proxy', 'FTP_PROXY', 'LD_PRELOAD', 'LD_LIBRARY_PATH', 'LD_AUDIT', 'BASH_ENV', 'ENV', 'CURL_HOME', 'WGETRC', 'RSYNC_RSH',
  'RSYNC_CONNECT_PROG', 'RSYNC_PROXY', 'SSH_ASKPASS', 'PATH', 'HOME', 'XDG_CONFIG_HOME']);

/** The environment variables that can change what a guarded binary does (same set as the native shim). */
export function envSubset(env: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) continue;
    if (ENV_EXACT.has(k) || k.startsWith('GIT_') || k.startsWith('npm_config_') || k.startsWith('NPM_CONFIG_')) out[k] = v;
  }
  return out;
}
