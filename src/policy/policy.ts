// The compiled policy: rules with conditions over analyzed facts, host lists and path lists.
import type { PathClass, PathLists } from './paths.js';
import type { Decision } from './types.js';

/** Host classes rules can ask about. */
export type HostClass = 'any' | 'disallowed' | 'non_loopback' | 'ssh_disallowed';
export const HOST_CLASSES: readonly HostClass[] = ['any', 'disallowed', 'non_loopback', 'ssh_disallowed'];

/** A rule's condition: every key present must hold; within a key any listed value is enough. */
export interface Condition {
  tool?: string[];
  subcommand?: string[];
  /** Any of these tags. */
  tags?: string[];
  /** None of these tags. */
  not_tags?: string[];
  hosts?: HostClass[];
  schemes_not_in?: string[];
  sends?: PathClass[];
  writes?: PathClass[];
  deletes?: PathClass[];
  reads?: PathClass[];
  stages?: PathClass[];
  /** Regular expression tested against argv joined by spaces. */
  argv?: string;
  /** Environment variables that are set. */
  env?: string[];
}

export interface Examples {
  match: string[];
  not_match: string[];
}

export interface Rule {
  id: string;
  action: Decision;
  /** `line`: the rule speaks of whole command lines (hook layer); its examples are lines. */
  scope: 'argv' | 'line';
  reason: string;
  when: Condition;
  examples: Examples;
  /** file:line of the rule, for messages. */
  where: string;
  /** file:line of each example, parallel to examples.match / not_match. */
  exampleWhere: { match: string[]; not_match: string[] };
  argvRegex?: RegExp;
  /** when.tool as a set (the network rule lists many tools; checked for every judged unit). */
  toolSet?: ReadonlySet<string>;
}

export interface NetworkLists {
  allowHosts: string[];
  denyHosts: string[];
  sshHosts: string[];
}

/** What contained commands may write besides the project root and the temp dir. */
export interface ContainLists {
  writable: string[];
  readOnly: string[];
}

export interface CompiledPolicy {
  name: string;
  mode: 'enforce' | 'audit';
  /** Decision when no rule matches: an explicit input, never a hidden default. */
  default: Decision;
  askTimeoutSec: number;
  network: NetworkLists;
  paths: PathLists;
  contain: ContainLists;
  rules: Rule[];
  /** Where each part came from, for `policy show`. */
  sources: { file: string; layer: 'builtin' | 'user' | 'project'; trusted?: boolean; notes: string[] }[];
}
