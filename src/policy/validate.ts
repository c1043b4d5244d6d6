// Schema validation with problems located by file, line and key. Unknown keys are errors.
import { Ajv, type ErrorObject } from 'ajv';
import { keyName, type KeyPath, type PolicyDocument } from './document.js';
import type { PolicyProblem } from './errors.js';

const compiled = new WeakMap<object, ReturnType<Ajv['compile']>>();

function pathOf(e: ErrorObject): KeyPath {
  const parts = e.instancePath.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  const path: KeyPath = parts.map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  if (e.keyword === 'additionalProperties') path.push((e.params as { additionalProperty: string }).additionalProperty);
  return path;
}

function messageOf(e: ErrorObject): string {
  switch (e.keyword) {
    case 'additionalProperties':
      return `unknown key "${(e.params as { additionalProperty: string }).additionalProperty}"`;
    case 'enum':
      return `expected one of ${(e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'required':
      return `missing required key "${(e.params as { missingProperty: string }).missingProperty}"`;
    default:
      return e.message ?? e.keyword;
  }
}

/** Validates a parsed policy against the JSON Schema; returns every problem found. */
export function validatePolicy(doc: PolicyDocument, schema: object): PolicyProblem[] {
  let check = compiled.get(schema);
  if (!check) {
    check = new Ajv({ allErrors: true, strict: false }).compile(schema);
    compiled.set(schema, check);
  }
  if (doc.value === null || doc.value === undefined) return [];
  if (check(doc.value)) return [];
  const seen = new Set<string>();
  const out: PolicyProblem[] = [];
  for (const e of check.errors ?? []) {
    const path = pathOf(e);
    const p = { file: doc.file, line: doc.lineOf(path), key: keyName(path), message: messageOf(e) };
    const k = `${p.line}|${p.key}|${p.message}`;
    if (!seen.has(k)) {
      seen.add(k);
      out.push(p);
    }
  }
  return out;
}
