// Reads and filters the audit log for `rampart log`.
import fs from 'node:fs';
import type { AuditRecord } from './writer.js';

export interface LogFilter {
  decision?: string;
  session?: string;
}

/** Parses JSONL text; a malformed line (never written by us, but possible after a disk error) is skipped. */
export function parseLines(text: string): AuditRecord[] {
  const out: AuditRecord[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      out.push(JSON.parse(line));
    } catch {
      /* skip */
    }
  }
  return out;
}

/** All records, oldest first, including the rotated generation. */
export function readAudit(file: string): AuditRecord[] {
  const read = (f: string) => (fs.existsSync(f) ? fs.readFileSync(f, 'utf8') : '');
  return parseLines(read(file + '.1') + read(file));
}

export function matches(r: AuditRecord, f: LogFilter): boolean {
  if (f.decision && r.decision !== f.decision && r.policyDecision !== f.decision) return false;
  if (f.session && r.session !== f.session) return false;
  return true;
}

/** Counts by rule and decision, most frequent first. */
export function summarize(recs: AuditRecord[]): { rule: string; decision: string; enforced: boolean; count: number }[] {
  const m = new Map<string, { rule: string; decision: string; enforced: boolean; count: number }>();
  for (const r of recs) {
    const decision = r.policyDecision ?? r.decision;
    // `setup --check` feeds the hook canary calls: counted apart from real decisions.
    const rule = `${r.rule ?? '(default)'}${r.canary ? ' (setup --check canary)' : ''}`;
    const key = `${rule}\0${decision}\0${r.enforced}`;
    const e = m.get(key) ?? { rule, decision, enforced: r.enforced, count: 0 };
    e.count++;
    m.set(key, e);
  }
  return [...m.values()].sort((a, b) => b.count - a.count);
}
