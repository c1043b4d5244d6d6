/** One problem in a policy file, located by file, line and key. */
export interface PolicyProblem {
  file: string;
  line: number;
  key: string;
  message: string;
}

/** A policy that cannot be used; carries every problem found, not just the first. */
export class PolicyError extends Error {
  constructor(readonly problems: PolicyProblem[]) {
    super(problems.map((p) => `${p.file}:${p.line}: ${p.key ? p.key + ': ' : ''}${p.message}`).join('\n'));
  }
}
