// `connect HOST:PORT`: one connection a contained process asked the containment proxy to open.
// Its host is judged by the same network rules as curl's; the proxy sees no URL, no scheme and
// no payload, so only the destination is known.
import { newFacts, type Facts } from '../facts.js';
import { addHost, hostOfHostPort } from './common.js';
import type { AnalyzerInput } from './types.js';

/** Facts of a proxied connection: its destination host. */
export function analyzeConnect({ tool, args }: AnalyzerInput): Facts {
  const f = newFacts(tool);
  const dest = args[0];
  if (dest) addHost(f, hostOfHostPort(dest), 'target');
  else f.notes.push('a connection without a destination');
  return f;
}
