// Host extraction and matching. Hosts are compared in one canonical spelling, so that
// 2130706433, 0x7f.1, [::1] and GitHub.COM. mean what the network stack will make of them.

/** One network endpoint a command will contact, and in what role. */
export interface HostRef {
  /** Canonical host: lowercase, no trailing dot, IPv6 without brackets, IPv4 dotted. */
  host: string;
  role: 'target' | 'proxy' | 'resolve' | 'registry' | 'remote' | 'listen';
  scheme?: string;
  raw: string;
}

const canonicalCache = new Map<string, string>();

/** Canonical spelling of a host name or address (WHATWG rules, as curl and browsers resolve them). */
export function canonicalHost(input: string): string {
  let c = canonicalCache.get(input);
  if (c === undefined) {
    // Memoised: URL parsing dominates evaluation, and agents repeat the same hosts.
    if (canonicalCache.size > 4096) canonicalCache.clear();
    c = computeCanonicalHost(input);
    canonicalCache.set(input, c);
  }
  return c;
}

function computeCanonicalHost(input: string): string {
  let h = input.trim().toLowerCase();
  if (h.startsWith('[') && h.endsWith(']')) h = h.slice(1, -1);
  if (h.includes(':')) return canonicalIPv6(h);
  try {
    h = new URL(`http://${h}/`).hostname;
  } catch {
    return h;
  }
  return h.replace(/\.$/, '');
}

function canonicalIPv6(h: string): string {
  try {
    const c = new URL(`http://[${h}]/`).hostname.slice(1, -1);
    // IPv4-mapped addresses reach the IPv4 host.
    const m = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(c);
    if (m) {
      const hi = parseInt(m[1]!, 16);
      const lo = parseInt(m[2]!, 16);
      return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
    }
    return c;
  } catch {
    return h;
  }
}

/** True when `host` matches a pattern: exact name, or `*.example.com` for any subdomain. */
export function hostMatches(host: string, pattern: string): boolean {
  const p = pattern.toLowerCase();
  if (p === '*') return true;
  if (p.startsWith('*.')) return host.endsWith(p.slice(1)) && host.length > p.length - 1;
  return host === canonicalHost(p);
}

/** True for loopback addresses and localhost in any spelling. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host) || host === 'localhost.localdomain';
}

/**
 * True for an endpoint on this machine: loopback, and 0.0.0.0 / :: when connected to (what dev
 * servers print as their address). Listening on them is not loopback: that binds every interface.
 */
export function isLocalEndpoint(h: HostRef): boolean {
  return isLoopback(h.host) || (h.role !== 'listen' && (h.host === '0.0.0.0' || h.host === '::'));
}

/** The names the stock /etc/hosts of Debian, Ubuntu, Fedora and RHEL give ::1 (a resolver on this machine answers them so). */
const HOSTS_FILE_LOOPBACK = /^(ip6-localhost|ip6-loopback|localhost6|localhost6\.localdomain6)$/;

/**
 * True for a host a connection reaches this machine at: a local endpoint, or a loopback name from /etc/hosts. What a login
 * there runs (ssh 0 'rm -rf ~', ssh ip6-localhost …) runs here. (Only for that: the network allowlist keeps its own names.)
 */
export function isThisMachine(h: HostRef): boolean {
  return isLocalEndpoint(h) || HOSTS_FILE_LOOPBACK.test(h.host);
}

export interface ParsedUrl {
  scheme: string;
  host: string;
  /** Every host a lenient parser could see in this URL (guards against parser differentials). */
  hosts: string[];
}

/** Parses a URL as a network client would; a missing scheme means `defaultScheme`. */
export function parseUrl(raw: string, defaultScheme = 'http'): ParsedUrl {
  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw);
  const text = hasScheme ? raw : `${defaultScheme}://${raw}`;
  const scheme = text.slice(0, text.indexOf(':')).toLowerCase();
  const hosts = new Set<string>();
  try {
    const u = new URL(text);
    if (u.hostname) hosts.add(canonicalHost(u.hostname));
  } catch {
    /* fall through to the lenient parse */
  }
  // A second, curl-like reading: authority runs to the first / ? # and userinfo ends at the last @.
  const afterScheme = text.slice(text.indexOf('://') + 3);
  const authority = afterScheme.split(/[/?#]/)[0]!;
  const hostPort = authority.slice(authority.lastIndexOf('@') + 1);
  const lenient = hostPort.startsWith('[') ? hostPort.slice(0, hostPort.indexOf(']') + 1) : hostPort.replace(/:\d*$/, '');
  if (lenient) hosts.add(canonicalHost(lenient));
  // Backslashes are path separators to WHATWG but not to every client.
  const bs = authority.split('\\')[0]!;
  const bsHost = bs.slice(bs.lastIndexOf('@') + 1).replace(/:\d*$/, '');
  if (bsHost) hosts.add(canonicalHost(bsHost));
  const list = [...hosts].filter(Boolean);
  return { scheme, host: list[0] ?? '', hosts: list };
}

/** Expands curl-style {a,b} alternatives in a URL so every host is seen. */
export function expandBraces(s: string, limit = 64): string[] {
  // (A shell expansion left in the text — ${PORT}, ${ports[api]} — is no brace list.)
  const m = /(?<!\$)\{([^{}]*)\}/.exec(s);
  if (!m) return [s];
  const out: string[] = [];
  for (const alt of m[1]!.split(',')) {
    for (const rest of expandBraces(s.slice(0, m.index) + alt + s.slice(m.index + m[0].length), limit)) {
      if (out.length < limit) out.push(rest);
    }
  }
  return out;
}

/** Splits an scp-like `[user@]host:path` spec; undefined when it is a local path. */
export function scpLikeHost(spec: string): string | undefined {
  if (spec.startsWith('/') || spec.startsWith('./') || spec.startsWith('../') || spec.startsWith('~')) return undefined;
  const m = /^(?:[^@/:]+@)?(\[[^\]]+\]|[^:/\s]+):/.exec(spec);
  return m ? canonicalHost(m[1]!) : undefined;
}
