// The agent's WebFetch tool, written as `WebFetch URL`: the host and scheme it reaches.
import { newFacts, type Facts } from '../facts.js';
import { addUrl } from './common.js';
import type { AnalyzerInput } from './types.js';

/** Facts of a WebFetch call. */
export function analyzeWebFetch({ tool, args }: AnalyzerInput): Facts {
  const f = newFacts(tool);
  if (args[0]) addUrl(f, args[0], 'target', 'https');
  return f;
}
