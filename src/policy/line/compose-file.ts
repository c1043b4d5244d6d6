// What a compose file the line wrote gives one of its services: bind mounts (short `SRC:DST[:ro]` and long `type: bind`
// entries, named volumes whose driver_opts bind a device), the machine's privileges (privileged, pid: host, cap_add …)
// and its working directory. Read with a small YAML reader for the block and flow forms compose files are written in;
// what it cannot read (anchors, merges, includes, extends) is said to be unreadable, and judged as a mount the judge
// cannot place.
import { posix } from 'node:path';
import type { Mount } from './elsewhere.js';
import { boundDevice } from './container-setup.js';

type Yaml = string | Yaml[] | { [k: string]: Yaml };

const unquote = (s: string): string => {
  const t = s.trim();
  if (/^".*"$/s.test(t)) return t.slice(1, -1).replace(/\\"/g, '"').replace(/\\\\/g, '\\');
  if (/^'.*'$/s.test(t)) return t.slice(1, -1).replace(/''/g, "'");
  return t;
};

/** Splits a flow collection's body at its top-level commas. */
function splitFlow(body: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quote = '';
  let cur = '';
  for (const ch of body) {
    if (quote) { if (ch === quote) quote = ''; cur += ch; continue; }
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '[' || ch === '{') depth++;
    else if (ch === ']' || ch === '}') depth--;
    if (ch === ',' && depth === 0) { out.push(cur); cur = ''; } else cur += ch;
  }
  if (cur.trim() !== '') out.push(cur);
  return out;
}

/** A scalar or a flow collection written on one line. */
function flow(text: string): Yaml {
  const t = text.trim();
  if (t.startsWith('[') && t.endsWith(']')) return splitFlow(t.slice(1, -1)).map(flow);
  if (t.startsWith('{') && t.endsWith('}')) {
    const o: Record<string, Yaml> = {};
    for (const p of splitFlow(t.slice(1, -1))) {
      const m = /^\s*("[^"]*"|'[^']*'|[^:]+?)\s*:(?:\s+|$)(.*)$/s.exec(p);
      if (m) o[unquote(m[1]!)] = flow(m[2]!);
    }
    return o;
  }
  return unquote(t);
}

const stripComment = (l: string): string => l.replace(/(^|\s)#.*$/, '');

/** Reads block YAML (maps, `- ` sequences, one-line flow values); undefined for what it does not read. */
export function readYaml(text: string): Yaml | undefined {
  if (/(^|[\s:[{,-])[&*][\w-]|<<:|^\s*(include|extends)\s*:|^%|!!?\w/m.test(text)) return undefined;
  const lines = text.split('\n').map(stripComment).filter((l) => l.trim() !== '' && l.trim() !== '---').map((l) => ({ indent: l.search(/\S/), text: l.trim() }));
  let i = 0;
  const block = (indent: number): Yaml => {
    if (i < lines.length && lines[i]!.text.startsWith('- ') || lines[i]?.text === '-') {
      const seq: Yaml[] = [];
      const at = lines[i]!.indent;
      while (i < lines.length && lines[i]!.indent === at && (lines[i]!.text.startsWith('- ') || lines[i]!.text === '-')) {
        const rest = lines[i]!.text.slice(1).trim();
        if (rest === '') { i++; seq.push(i < lines.length && lines[i]!.indent > at ? block(lines[i]!.indent) : ''); continue; }
        // (`- key: value` opens a map whose further keys are indented below the dash.)
        if (/^("[^"]*"|'[^']*'|[^\s"'[{][^:]*?)\s*:(\s|$)/.test(rest) && !/^[/.~]/.test(rest)) {
          lines[i] = { indent: at + 2, text: rest };
          seq.push(block(at + 2));
        } else { seq.push(flow(rest)); i++; }
      }
      return seq;
    }
    const map: Record<string, Yaml> = {};
    const at = lines[i]?.indent ?? indent;
    while (i < lines.length && lines[i]!.indent === at) {
      const m = /^("[^"]*"|'[^']*'|[^\s"'][^:]*?)\s*:(?:\s+(.*))?$/.exec(lines[i]!.text);
      if (!m) { i++; continue; }
      const key = unquote(m[1]!);
      const value = m[2]?.trim();
      i++;
      if (value !== undefined && value !== '' && value !== '|' && value !== '>') map[key] = flow(value);
      else if (value === '|' || value === '>') { while (i < lines.length && lines[i]!.indent > at) i++; map[key] = ''; }
      // (A nested block, or a sequence written at the key's own indent: `volumes:` then `- a:b`.)
      else if (i < lines.length && (lines[i]!.indent > at || (lines[i]!.indent === at && lines[i]!.text.startsWith('-')))) map[key] = block(lines[i]!.indent);
      else map[key] = '';
    }
    return map;
  };
  return lines.length ? block(0) : {};
}

const obj = (y: Yaml | undefined): Record<string, Yaml> | undefined => (y !== undefined && typeof y === 'object' && !Array.isArray(y) ? y : undefined);
const str = (y: Yaml | undefined): string | undefined => (typeof y === 'string' ? y : undefined);

export interface ComposeService {
  mounts: Mount[];
  /** Some mount the judge cannot place (a spec it cannot read, another service's volumes). */
  unplaced?: string;
  /** Its options as run/create options (privileged, pid host, cap_add …), for hostReach. */
  options: [string, string][];
  workdir?: string;
}

/** What the compose file (its text, its directory) gives the service; undefined when it does not define it or cannot be read. */
export function composeService(text: string, dir: string, service: string, volumes: ReadonlyMap<string, string | undefined>): ComposeService | 'unreadable' | undefined {
  const doc = obj(readYaml(text));
  if (!doc) return 'unreadable';
  const svc = obj(obj(doc.services)?.[service]);
  if (!svc) return undefined;
  const named = obj(doc.volumes) ?? {};
  const place = (src: string) => (/^\.\.?(\/|$)/.test(src) ? posix.join(dir, src) : src);
  const namedSource = (name: string): string | undefined => {
    const v = obj(named[name]);
    const opts = obj(v?.driver_opts);
    const device = opts ? boundDevice(Object.fromEntries(Object.entries(opts).map(([k, x]) => [k.toLowerCase(), str(x) ?? '']))) : undefined;
    return device ?? (str(v?.name) !== undefined ? volumes.get(str(v!.name)!) : volumes.get(name));
  };
  const out: ComposeService = { mounts: [], options: [] };
  const entries = Array.isArray(svc.volumes) ? svc.volumes : svc.volumes !== undefined ? [svc.volumes] : [];
  for (const e of entries) {
    const long = obj(e);
    if (long) {
      const type = str(long.type) ?? 'volume';
      const src = str(long.source);
      const dst = str(long.target);
      if (type === 'tmpfs' || dst === undefined) continue;
      const host = type === 'bind' ? src : src !== undefined ? namedSource(src) : undefined;
      if (type === 'bind' && src === undefined) out.unplaced = 'mounts something the judge cannot read';
      if (host !== undefined) out.mounts.push({ target: posix.normalize(dst), source: place(host), readOnly: str(long.read_only) === 'true' });
      continue;
    }
    const spec = str(e);
    if (spec === undefined) { out.unplaced = 'mounts something the judge cannot read'; continue; }
    const parts = spec.split(':');
    if (parts.length < 2) continue;
    const src = parts[0]!;
    const host = /^[/~.$]/.test(src) ? src : namedSource(src);
    if (host !== undefined) out.mounts.push({ target: posix.normalize(parts[1]!), source: place(host), readOnly: (parts[2] ?? '').split(',').includes('ro') });
  }
  if (svc.volumes_from !== undefined) out.unplaced = 'takes the volumes of another container';
  if (str(svc.privileged) === 'true') out.options.push(['privileged', '']);
  for (const k of ['pid', 'ipc', 'userns_mode', 'cgroup', 'uts', 'network_mode']) if (str(svc[k]) === 'host') out.options.push([k.replace(/_mode$/, '').replace(/^cgroup$/, 'cgroupns'), 'host']);
  for (const [k, opt] of [['cap_add', 'cap-add'], ['security_opt', 'security-opt'], ['devices', 'device']] as const) {
    const v = svc[k];
    for (const x of Array.isArray(v) ? v : v !== undefined ? [v] : []) if (str(x) !== undefined) out.options.push([opt, str(x)!]);
  }
  const wd = str(svc.working_dir);
  if (wd !== undefined) out.workdir = wd;
  return out;
}

/** The service of a compose file's text whose container is `name`: by its container_name, or by the name compose derives,
 *  PROJECT-SERVICE-N (PROJECT_SERVICE_N before Compose v2), whatever the project is called (-p, COMPOSE_PROJECT_NAME, the directory). */
export function containerService(text: string, name: string): string | undefined {
  const services = obj(obj(readYaml(text))?.services);
  if (!services) return undefined;
  const escape = (x: string) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return Object.keys(services).find((k) => str(obj(services[k])?.container_name) === name)
    ?? Object.keys(services).find((k) => new RegExp(`^[a-z0-9][\\w.-]*[-_]${escape(k)}[-_]\\d+$`).test(name));
}
