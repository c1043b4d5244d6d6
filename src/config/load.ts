// find → read → validate (schema) → layer → check examples. Every problem names file, line, key.
import { existsSync, lstatSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { cosmiconfig } from 'cosmiconfig';
import { compileLayers, type Layer } from '../policy/compile.js';
import { parsePolicyText } from '../policy/document.js';
import { PolicyError, type PolicyProblem } from '../policy/errors.js';
import { checkExamples } from '../policy/examples.js';
import type { CompiledPolicy } from '../policy/policy.js';
import { validatePolicy } from '../policy/validate.js';
import { BUILTIN_POLICY, policySchema } from './package-files.js';
import { isTrusted } from './trust.js';

export interface LoadOptions {
  rampartHome: string;
  home: string;
  projectRoot: string;
  /** An explicit policy file replacing the user policy (rampart run --policy). */
  policyFile?: string;
  /** Skip the project policy (e.g. when the project root is unknown). */
  noProject?: boolean;
  /**
   * Also check the built-in profile's own examples (`policy lint`, `policy test`, the tests).
   * They do not depend on the machine, so a server start or a CLI verdict skips them: on a
   * 2-core box they were a third of the server's start.
   */
  checkBuiltinExamples?: boolean;
}

export interface LoadedPolicy {
  policy: CompiledPolicy;
  /** Every file read, so a server can watch them and reload. */
  files: string[];
  /** Files left out, and why (a broken untrusted project file, a dangling policy.yaml link). */
  warnings: string[];
}

export const PROJECT_POLICY_NAMES = ['.ramparterc', '.ramparterc.yaml', '.ramparterc.yml', '.ramparterc.json', 'rampart.policy.yaml'];

/** The project policy file in the project root, if any (cosmiconfig search, root only). */
export async function findProjectPolicy(projectRoot: string): Promise<string | undefined> {
  const explorer = cosmiconfig('rampart', {
    searchPlaces: PROJECT_POLICY_NAMES,
    searchStrategy: 'none',
    loaders: { '.yaml': (_p, c) => c, '.yml': (_p, c) => c, '.json': (_p, c) => c, noExt: (_p, c) => c },
  });
  const found = await explorer.search(projectRoot);
  return found?.filepath;
}

function readLayer(file: string, layer: Layer['layer'], problems: PolicyProblem[], trusted?: boolean): Layer {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    problems.push({ file, line: 0, key: '', message: `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` });
    text = '';
  }
  const doc = parsePolicyText(text, file);
  problems.push(...doc.problems, ...validatePolicy(doc, policySchema()));
  return { doc, layer, trusted };
}

/**
 * Loads built-in profile → user policy → project policy; throws PolicyError on any problem. An
 * untrusted project file can only tighten: one that does not read, validate or compile is left
 * out with a warning (leaving it out is the safe reading), never a reason to deny everything.
 */
export async function loadPolicy(opts: LoadOptions): Promise<LoadedPolicy> {
  const problems: PolicyProblem[] = [];
  const warnings: string[] = [];
  const layers: Layer[] = [readLayer(BUILTIN_POLICY, 'builtin', problems)];
  const userFile = opts.policyFile ? resolve(opts.policyFile) : join(opts.rampartHome, 'policy.yaml');
  if (opts.policyFile || existsSync(userFile)) layers.push(readLayer(userFile, 'user', problems));
  else if (dangling(userFile)) warnings.push(`${userFile} is a symbolic link to a file that does not exist; no user policy is in force`);
  if (!opts.noProject) {
    const projectFile = await findProjectPolicy(opts.projectRoot);
    if (projectFile) {
      const text = readFileSync(projectFile);
      const own: PolicyProblem[] = [];
      const layer = readLayer(projectFile, 'project', own, isTrusted(opts.rampartHome, projectFile, text));
      // Whether it breaks the other layers can only be asked of layers that load themselves.
      if (own.length === 0 && problems.length === 0 && !layer.trusted && projectBreaks(layers, layer)) own.push({ file: projectFile, line: 0, key: '', message: 'does not compile with the other layers' });
      if (own.length > 0 && !layer.trusted) warnings.push(`ignored the untrusted project policy ${projectFile}: ${own.map((p) => `${p.line ? `line ${p.line}: ` : ''}${p.message}`).join('; ')}`);
      else {
        problems.push(...own);
        layers.push(layer);
      }
    }
  }
  if (problems.length > 0) throw new PolicyError(problems);
  const { policy, problems: layerProblems } = compileLayers(layers);
  problems.push(...layerProblems);
  // Each layer's examples are checked against the policy as that layer leaves it: a later layer
  // that allows a host does not make the built-in examples about that host wrong.
  for (let i = opts.checkBuiltinExamples ? 0 : 1; i < layers.length; i++) {
    const stage = i === layers.length - 1 ? policy : compileLayers(layers.slice(0, i + 1)).policy;
    problems.push(...checkExamples(stage, layers[i]!.doc.file));
  }
  if (problems.length > 0) throw new PolicyError(problems);
  return { policy, files: layers.map((l) => l.doc.file), warnings };
}

/** True for a path that is a symbolic link whose target is missing. */
function dangling(file: string): boolean {
  try {
    return lstatSync(file).isSymbolicLink() && !existsSync(file);
  } catch {
    return false;
  }
}

/** An untrusted project layer that would make compiling or the examples fail. */
function projectBreaks(layers: Layer[], project: Layer): boolean {
  const { policy, problems } = compileLayers([...layers, project]);
  return problems.some((p) => p.file === project.doc.file) || checkExamples(policy, project.doc.file).length > 0;
}

/** What trusting a project policy would change: its problems (it must parse) and what it loosens. */
export function projectLoosening(opts: Omit<LoadOptions, 'noProject'>, file: string): { problems: PolicyProblem[]; loosens: string[] } {
  const problems: PolicyProblem[] = [];
  const layers: Layer[] = [readLayer(BUILTIN_POLICY, 'builtin', problems)];
  const userFile = opts.policyFile ? resolve(opts.policyFile) : join(opts.rampartHome, 'policy.yaml');
  if (opts.policyFile || existsSync(userFile)) layers.push(readLayer(userFile, 'user', problems));
  const project = readLayer(file, 'project', problems, false);
  if (problems.some((p) => p.file === file)) return { problems: problems.filter((p) => p.file === file), loosens: [] };
  const { policy, problems: layerProblems } = compileLayers([...layers, project]);
  const mine = layerProblems.filter((p) => p.file === file);
  if (mine.length) return { problems: mine, loosens: [] };
  const notes = policy.sources.find((s) => s.file === file)?.notes ?? [];
  return { problems: [], loosens: notes.map((n) => n.replace(/^ignored /, '').replace(/: an untrusted project policy may only tighten.*$/, '')) };
}
