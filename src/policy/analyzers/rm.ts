// rm: recursion, force, and every target (resolution against cwd/home/project is the evaluator's).
import { newFacts, type Facts } from '../facts.js';
import { has, optionTable, scan } from '../options.js';
import type { AnalyzerInput } from './types.js';

const TABLE = optionTable([
  'r,R,recursive', 'f,force', 'i', 'I', 'interactive?=', 'd,dir', 'v,verbose', 'one-file-system',
  'no-preserve-root', 'preserve-root?=', 'help', 'version',
]);

/** Facts of one rm invocation. */
export function analyzeRm({ tool, args }: AnalyzerInput): Facts {
  const f = newFacts(tool);
  const s = scan(args, TABLE);
  if (has(s, 'recursive')) f.tags.add('recursive');
  if (has(s, 'force')) f.tags.add('force');
  if (has(s, 'no-preserve-root')) f.tags.add('no-preserve-root');
  if (s.unknown.length > 0) f.notes.push(`unknown options ${s.unknown.join(' ')}: rm will refuse to run`);
  f.deletes.push(...s.positionals);
  return f;
}
