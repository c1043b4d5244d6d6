// What an analyzer learns from one argv: the typed facts rules match on. Pure data.
import type { HostRef } from './hosts.js';

export interface Facts {
  /** The tool as invoked (basename of argv[0]). */
  tool: string;
  /** Normalised subcommand (git push, npm install, npm config set). */
  subcommand?: string;
  /** Named properties rules can test (force-push, recursive, exec, listen-public, …). */
  tags: Set<string>;
  hosts: HostRef[];
  /** URL schemes used for network access (http, https, file, gopher, ext, …). */
  schemes: string[];
  /** Local files whose content leaves the machine. Raw paths, resolved by the evaluator. */
  sends: string[];
  /** Local files the command creates, overwrites or appends to. */
  writes: string[];
  /** Those of `writes` it only appends to (>>, tee -a): their content stays. */
  appends?: string[];
  /** Those of `writes` a redirection truncates first (>, >|, &>): their content goes. */
  truncates?: string[];
  /** Those of `writes` filled with text the line judge read and judged itself (settings echoed into a package
   *  manager's token file): their new content is known, so a secret's name there is no blind overwrite. */
  shownWrites?: string[];
  /** Local files or trees the command removes. */
  deletes: string[];
  /** Local files whose content the command prints (into the agent's context). */
  reads: string[];
  /** Files staged into version control (git add). */
  stages: string[];
  /** Command strings the tool will run through a shell (npx -c, watch, ssh ProxyCommand…). */
  runs: string[];
  /** Human notes on how argv was understood (shown by `policy explain`). */
  notes: string[];
}

/** An empty fact set for a tool. */
export function newFacts(tool: string): Facts {
  return { tool, tags: new Set(), hosts: [], schemes: [], sends: [], writes: [], deletes: [], reads: [], stages: [], runs: [], notes: [] };
}

/** The value after an `@` that curl/wget read as a file (`@file`, `name@file`); `-` means stdin. */
export function atFile(value: string, allowNamePrefix: boolean): string | undefined {
  if (value.startsWith('@')) return value.slice(1);
  if (!allowNamePrefix) return undefined;
  const at = value.indexOf('@');
  const eq = value.indexOf('=');
  // name@file is a file only when '@' comes before any '=' (name=content is literal content).
  if (at > 0 && (eq < 0 || at < eq)) return value.slice(at + 1);
  return undefined;
}
