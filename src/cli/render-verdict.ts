// Renders an Evaluation for people (coloured when allowed) or as the --json contract.
import { Chalk } from 'chalk';
import type { Facts } from '../policy/facts.js';
import type { Evaluation } from '../policy/types.js';

/** The --json shape: decision, rule, reason, matched, plus what was understood. */
export function verdictJson(e: Evaluation, facts?: Facts): Record<string, unknown> {
  return {
    decision: e.decision,
    rule: e.rule,
    reason: e.reason,
    matched: e.matched,
    ...(facts ? { facts: factsJson(facts) } : {}),
  };
}

export function factsJson(f: Facts): Record<string, unknown> {
  return {
    tool: f.tool,
    subcommand: f.subcommand,
    tags: [...f.tags],
    hosts: f.hosts.map((h) => `${h.role}:${h.host}`),
    schemes: f.schemes,
    sends: f.sends,
    writes: f.writes,
    deletes: f.deletes,
    reads: f.reads,
    stages: f.stages,
    runs: f.runs,
    notes: f.notes,
  };
}

/** Human rendering: the decision first, then why, then what matched. */
export function verdictText(e: Evaluation, color: boolean, facts?: Facts): string {
  const c = new Chalk({ level: color ? 1 : 0 });
  const paint = { allow: c.green, ask: c.yellow, deny: c.red }[e.decision];
  const lines = [`${paint.bold(e.decision.toUpperCase())}  ${e.rule ?? '(default)'}: ${e.reason}`];
  for (const m of e.matched) lines.push(`  matched ${m.id} → ${m.decision}  (${m.where})`);
  if (facts) {
    const bits: string[] = [];
    if (facts.subcommand) bits.push(`subcommand ${facts.subcommand}`);
    if (facts.hosts.length) bits.push(`hosts ${[...new Set(facts.hosts.map((h) => h.host))].join(', ')}`);
    for (const k of ['sends', 'writes', 'deletes', 'reads', 'stages'] as const) if (facts[k].length) bits.push(`${k} ${facts[k].join(', ')}`);
    if (facts.tags.size) bits.push(`tags ${[...facts.tags].join(', ')}`);
    if (bits.length) lines.push(c.dim(`  understood: ${bits.join('; ')}`));
    for (const n of facts.notes) lines.push(c.dim(`  note: ${n}`));
  }
  return lines.join('\n');
}
