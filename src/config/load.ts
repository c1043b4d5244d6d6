// TEMPORARY STUB — replaced by the real layered loader; the signature is stable.
import type { CompiledPolicy } from '../policy/evaluate.js';

export interface LoadOptions {
  rampartHome: string;
  home: string;
  projectRoot: string;
  /** An explicit policy file replacing the user policy (rampart run --policy). */
  policyFile?: string;
}

export interface LoadedPolicy {
  policy: CompiledPolicy;
  /** Every file read, so a server can watch them and reload. */
  files: string[];
}

/** Loads built-in profile → user policy → project policy; throws PolicyError on a broken file. */
export async function loadPolicy(_opts: LoadOptions): Promise<LoadedPolicy> {
  return { policy: { mode: 'enforce', askTimeoutSec: 120 }, files: [] };
}
