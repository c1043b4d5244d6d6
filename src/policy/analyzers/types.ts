import type { Facts } from '../facts.js';
import type { GitReader } from '../types.js';

/** What every analyzer receives: the tool name, its arguments and read-only context. */
export interface AnalyzerInput {
  tool: string;
  args: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  home: string;
  git?: GitReader;
  /** The command runs in a directory the line moved to, outside the project (see Context.movedOut). */
  movedOut?: boolean;
  /** The file system's answer for a path (undefined: it does not exist), where the context can look (see Context.realpath). */
  realpath?: (absPath: string) => string | undefined;
  /** Recursion depth, for tools that re-enter analysis (git aliases). */
  depth: number;
}

export type Analyzer = (input: AnalyzerInput) => Facts;
