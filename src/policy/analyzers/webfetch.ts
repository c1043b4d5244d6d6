// The agent's WebFetch tool, written as `WebFetch URL`: the host and scheme it reaches.
import { newFacts, type Facts } from '../facts.js';
import { credentialText } from '../credential-text.js';
import { addUrl } from './common.js';
import type { AnalyzerInput } from './types.js';

/** Facts of a WebFetch call. */
export function analyzeWebFetch({ tool, args }: AnalyzerInput): Facts {
  const f = newFacts(tool);
  if (args[0]) addUrl(f, args[0], 'target', 'https');
  // A key or token written into the URL itself leaves with the request, whatever the host.
  const material = args[0] ? credentialText(args[0]) : undefined;
  if (material) {
    f.tags.add('credential-text');
    f.notes.push(`the URL carries ${material}`);
  }
  return f;
}
