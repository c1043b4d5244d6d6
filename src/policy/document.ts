// Policy text → plain value plus a way to find the line of any key (for messages that name
// file, line and key). Pure: the caller reads the file.
import { isMap, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { PolicyProblem } from './errors.js';

export type KeyPath = (string | number)[];

export interface PolicyDocument {
  file: string;
  value: unknown;
  /** 1-based line of the node at a key path (the closest existing ancestor when missing). */
  lineOf(path: KeyPath): number;
  problems: PolicyProblem[];
}

/** Parses YAML policy text, collecting syntax errors as problems instead of throwing. */
export function parsePolicyText(text: string, file: string): PolicyDocument {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
  const problems: PolicyProblem[] = doc.errors.map((e) => ({
    file,
    line: e.linePos?.[0]?.line ?? lc.linePos(e.pos[0]).line,
    key: '',
    message: e.message.split('\n')[0]!,
  }));
  const lineOf = (path: KeyPath): number => {
    let node: unknown = doc.contents;
    let line = 1;
    const take = (n: unknown) => {
      const r = (n as Node | undefined)?.range;
      if (r) line = lc.linePos(r[0]).line;
    };
    take(node);
    for (const k of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => (p.key as { value?: unknown })?.value === k);
        if (!pair) break;
        take(pair.key);
        node = pair.value;
      } else if (isSeq(node) && typeof k === 'number') {
        node = node.items[k];
        take(node);
      } else break;
    }
    return line;
  };
  return { file, value: problems.length ? undefined : doc.toJS(), lineOf, problems };
}

/** Renders a key path the way users write it: rules[3].when.tags. */
export function keyName(path: KeyPath): string {
  return path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? k : `.${k}`)).join('');
}
