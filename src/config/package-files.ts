// Files shipped with Rampart (the built-in profile and the schema), located from this module.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

/** The package root (the directory holding package.json and policies/). */
export const PACKAGE_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

export const BUILTIN_POLICY = join(PACKAGE_ROOT, 'policies', 'claude-code.yaml');

let schema: object | undefined;

/** The policy JSON Schema, read once. */
export function policySchema(): object {
  return (schema ??= JSON.parse(readFileSync(join(PACKAGE_ROOT, 'policies', 'schema.json'), 'utf8')) as object);
}
