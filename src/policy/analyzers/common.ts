// Helpers analyzers share: recording URLs and hosts on a fact set.
import { canonicalHost, expandBraces, parseUrl, type HostRef } from '../hosts.js';
import type { Facts } from '../facts.js';

/** Marker in `sends` for "whatever the command's stdin is"; the evaluator substitutes it. */
export const STDIN = '<stdin>';

/** Records every host and scheme of a URL (after curl-style brace expansion). */
export function addUrl(f: Facts, raw: string, role: HostRef['role'], defaultScheme = 'http', braces = false): void {
  for (const u of braces ? expandBraces(raw) : [raw]) {
    const p = parseUrl(u, defaultScheme);
    if (!f.schemes.includes(p.scheme)) f.schemes.push(p.scheme);
    if (p.hosts.length === 0 && p.scheme !== 'file') {
      f.tags.add('unparsed-url');
      f.notes.push(`could not find a host in ${JSON.stringify(raw)}`);
    }
    // A host only known when the line runs ("$BASE/health", "$(cat host)"): a destination Rampart
    // cannot place, which asks; it is no host name to look up on the allowlist.
    for (const h0 of p.hosts) {
      // (A computed port — localhost:${PORT:-3000} — leaves the host known.)
      const h = h0.replace(/:(\$\{[^}]*\}|\$\w+)$/, '');
      if (/[$`]/.test(h)) {
        f.tags.add('unparsed-url');
        f.notes.push(`the host in ${JSON.stringify(raw)} is only known when the line runs`);
      } else f.hosts.push({ host: h, role, scheme: p.scheme, raw });
    }
  }
}

/** Records a bare host (no scheme) such as an ssh destination or a proxy address. */
export function addHost(f: Facts, raw: string, role: HostRef['role'], scheme?: string): void {
  const host = canonicalHost(raw);
  if (!host) return;
  f.hosts.push({ host, role, scheme, raw });
}

/** Splits `host:port` / `[v6]:port` and returns the host part. */
export function hostOfHostPort(s: string): string {
  if (s.startsWith('[')) return s.slice(1, s.indexOf(']'));
  const parts = s.split(':');
  return parts.length > 2 ? s : parts[0]!;
}

/** Environment variable lookup that treats empty strings as unset. */
export function envValue(env: Readonly<Record<string, string | undefined>>, ...names: string[]): string | undefined {
  for (const n of names) {
    const v = env[n];
    if (v) return v;
  }
  return undefined;
}

/** `npm pkg set KEY=VALUE …` (and pnpm's, bun pm's): lifecycle scripts written now run on the next
 *  install or run; a dependency given as a URL is fetched from there. */
export function packageJsonSets(f: Facts, kvs: readonly string[]): void {
  for (const kv of kvs) {
    const m = /^scripts\.([^=]+)=(.*)$/s.exec(kv);
    if (m) f.runs.push(m[2]!);
    const dep = /^(dependencies|devDependencies|optionalDependencies|peerDependencies|overrides|resolutions)\.[^=]+=(.*)$/s.exec(kv);
    if (dep && /^(git\+)?(https?|ssh|git):\/\//i.test(dep[2]!)) addUrl(f, dep[2]!.replace(/^git\+/, ''), 'target');
  }
}
