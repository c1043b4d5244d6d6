// Layering: built-in profile → user policy → project policy. A project layer may only tighten
// unless the user trusted its exact content; what it tried to loosen is reported, not applied.
import { stricter } from './decision.js';
import type { PolicyDocument } from './document.js';
import type { PolicyProblem } from './errors.js';
import type { CompiledPolicy, Condition, Rule } from './policy.js';
import type { Decision } from './types.js';

export interface Layer {
  doc: PolicyDocument;
  layer: 'builtin' | 'user' | 'project';
  /** For project layers: the user trusted this exact content. */
  trusted?: boolean;
}

interface RawRule {
  id: string;
  action: Decision;
  scope?: 'argv' | 'line';
  reason: string;
  when: Condition;
  examples: { match: string[]; not_match: string[] };
}

interface RawPolicy {
  name?: string;
  mode?: 'enforce' | 'audit';
  default?: Decision;
  ask_timeout?: number;
  network?: { allow_hosts?: string[]; deny_hosts?: string[]; ssh_hosts?: string[] };
  paths?: { home_credentials?: string[]; project_secrets?: string[]; protected?: string[]; system_dirs?: string[] };
  contain?: { writable?: string[]; read_only?: string[] };
  disable?: string[];
  rules?: RawRule[];
}

const EMPTY: CompiledPolicy = {
  name: 'empty',
  mode: 'enforce',
  default: 'deny',
  askTimeoutSec: 120,
  network: { allowHosts: [], denyHosts: [], sshHosts: [] },
  paths: { homeCredentials: [], projectSecrets: [], protected: [], systemDirs: [] },
  contain: { writable: [], readOnly: [] },
  rules: [],
  sources: [],
};

/** Merges validated layers into one policy; problems are returned, not thrown. */
export function compileLayers(layers: readonly Layer[]): { policy: CompiledPolicy; problems: PolicyProblem[] } {
  const problems: PolicyProblem[] = [];
  const p: CompiledPolicy = structuredClone(EMPTY);
  for (const { doc, layer, trusted } of layers) {
    const raw = (doc.value ?? {}) as RawPolicy;
    const full = layer !== 'project' || trusted === true;
    const notes: string[] = [];
    const ignored = (what: string) => notes.push(`ignored ${what}: an untrusted project policy may only tighten (run \`rampart trust\` to accept it)`);
    if (layer === 'builtin' && raw.name) p.name = raw.name;
    if (raw.mode) {
      if (full || raw.mode === 'enforce') p.mode = raw.mode;
      else ignored('mode: audit');
    }
    if (raw.default) {
      if (full || stricter(raw.default, p.default) === raw.default) p.default = raw.default;
      else ignored(`default: ${raw.default}`);
    }
    if (raw.ask_timeout !== undefined) {
      if (full) p.askTimeoutSec = raw.ask_timeout;
      else ignored('ask_timeout');
    }
    const n = raw.network ?? {};
    if (n.allow_hosts?.length) {
      if (full) p.network.allowHosts.push(...n.allow_hosts);
      else ignored(`network.allow_hosts (${n.allow_hosts.join(', ')})`);
    }
    if (n.ssh_hosts?.length) {
      if (full) p.network.sshHosts.push(...n.ssh_hosts);
      else ignored(`network.ssh_hosts (${n.ssh_hosts.join(', ')})`);
    }
    if (n.deny_hosts) p.network.denyHosts.push(...n.deny_hosts);
    const paths = raw.paths ?? {};
    // Adding protected or secret paths tightens; a `!` exception loosens.
    const addPaths = (into: string[], xs: string[] | undefined, key: string) => {
      for (const x of xs ?? []) {
        if (x.startsWith('!') && !full) ignored(`paths.${key} exception ${x}`);
        else into.push(x);
      }
    };
    addPaths(p.paths.homeCredentials as string[], paths.home_credentials, 'home_credentials');
    addPaths(p.paths.projectSecrets as string[], paths.project_secrets, 'project_secrets');
    addPaths(p.paths.protected as string[], paths.protected, 'protected');
    addPaths(p.paths.systemDirs as string[], paths.system_dirs, 'system_dirs');
    // More writable directories loosen containment; more read-only files tighten it.
    if (raw.contain?.writable?.length) {
      if (full) p.contain.writable.push(...raw.contain.writable);
      else ignored(`contain.writable (${raw.contain.writable.join(', ')})`);
    }
    p.contain.readOnly.push(...(raw.contain?.read_only ?? []));
    for (const id of raw.disable ?? []) {
      if (!full) ignored(`disable: ${id}`);
      else if (!p.rules.some((r) => r.id === id)) {
        problems.push({ file: doc.file, line: doc.lineOf(['disable', raw.disable!.indexOf(id)]), key: 'disable', message: `no rule with id "${id}" to disable` });
      } else p.rules = p.rules.filter((r) => r.id !== id);
    }
    (raw.rules ?? []).forEach((r, i) => {
      const where = `${doc.file}:${doc.lineOf(['rules', i])}`;
      const rule = compileRule(r, where, doc, i, problems);
      if (!rule) return;
      const existing = p.rules.findIndex((x) => x.id === rule.id);
      if (!full && rule.action === 'allow') return ignored(`rule ${rule.id} (action allow)`);
      if (existing >= 0) {
        if (!full) return ignored(`rule ${rule.id} (it would replace a rule of the same id)`);
        p.rules[existing] = rule;
      } else p.rules.push(rule);
    });
    p.sources.push({ file: doc.file, layer, trusted: layer === 'project' ? trusted === true : undefined, notes });
  }
  return { policy: p, problems };
}

function compileRule(r: RawRule, where: string, doc: PolicyDocument, i: number, problems: PolicyProblem[]): Rule | undefined {
  let argvRegex: RegExp | undefined;
  if (r.when.argv !== undefined) {
    try {
      argvRegex = new RegExp(r.when.argv);
    } catch (e) {
      problems.push({ file: doc.file, line: doc.lineOf(['rules', i, 'when', 'argv']), key: `rules[${i}].when.argv`, message: `invalid regular expression: ${(e as Error).message}` });
      return undefined;
    }
  }
  const lines = (kind: 'match' | 'not_match') => r.examples[kind].map((_, k) => `${doc.file}:${doc.lineOf(['rules', i, 'examples', kind, k])}`);
  return {
    id: r.id,
    action: r.action,
    scope: r.scope ?? 'argv',
    reason: r.reason,
    when: r.when,
    examples: r.examples,
    where,
    exampleWhere: { match: lines('match'), not_match: lines('not_match') },
    argvRegex,
    toolSet: r.when.tool ? new Set(r.when.tool) : undefined,
  };
}
