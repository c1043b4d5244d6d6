// Programs put where the tools the agent runs look first. npm, npx, yarn and pnpm run scripts with
// node_modules/.bin ahead of PATH; uv run, poetry run, tox and an activated shell put a virtualenv's
// bin there. A file named like a guarded program in such a directory is found before the shims by
// every script those tools start; one named like an interpreter or shell runs in its place.
import { posix } from 'node:path';
import { SYSTEM_DIR } from '../analyzers/common.js';
import { DEFAULT_BINS } from '../shimmed.js';
import { canonicalTool } from '../analyzers/identity.js';
import type { State } from './state.js';

/** Directories a package runner or an activated environment puts ahead of PATH. */
// (…poetry's and conda's environments, direnv's layouts, tox and nox sessions, composer's vendor/bin.)
const TOOL_BIN_DIR = /\/(node_modules\/\.bin|[\w.-]*venv[\w.-]*\/bin|(virtualenvs|envs|\.tox|\.nox|\.direnv)\/[^/]+\/bin|vendor\/bin)$/;
/** Programs scripts call by name besides the guarded ones: runtimes, shells, package and system tools. */
const CALLED = /^(node|nodejs|python[\d.]*|pip[\d.]*|sh|bash|dash|zsh|env|make|sudo|yarn|pnpm|bun|deno|uv|poetry|docker|gh|kubectl|aws|gcloud|openssl|gpg|tar|cp|mv|chmod|cat|ls|sed|awk|grep|find|xargs|tee|dd|ssh-add|ssh-keygen|which|command)$/;
const IN_SYSTEM_DIR = new RegExp(`^${SYSTEM_DIR}`);

/** Tags a file written at W (absolute) that shadows a program in a directory tools put first. TEXT_READ: the
 *  line shows the file's whole new text (judged where it is written) or makes it a link. */
export function plantedProgram(st: State, w: string, textRead: boolean): void {
  if (!TOOL_BIN_DIR.test(posix.dirname(w))) return;
  const name = posix.basename(w);
  const guarded = DEFAULT_BINS.includes(canonicalTool(name));
  if (!guarded && !CALLED.test(name)) {
    // (Any other program there — tsc, jest, activate — rewritten with text Rampart has not read: sed -i '1a …',
    // a file moved over it. Every script that calls it runs that text.)
    // (A link into the project or the system's own programs is what it points to; one into /tmp or HOME is not.)
    const target = st.links.get(w);
    if (textRead || (target !== undefined && (IN_SYSTEM_DIR.test(target) || !posix.isAbsolute(target) || target.startsWith(`${st.ctx.projectRoot}/`)))) return;
    st.lineTags.tags.add('planted-program');
    st.lineTags.notes.push(`${w} is rewritten with text Rampart has not read, and the scripts npm, npx or an activated environment run call it`);
    return;
  }
  // (A link to the system's own interpreter — ln -s /usr/bin/python3 .venv/bin/python — is that interpreter; the
  // system's own curl there is the real curl, found before its shim.)
  const to = st.links.get(w);
  if (!guarded && to !== undefined && IN_SYSTEM_DIR.test(to) && CALLED.test(posix.basename(to))) return;
  const tag = guarded ? 'path-strip' : 'planted-program';
  st.lineTags.tags.add(tag);
  st.lineTags.notes.push(`${w} is found before ${guarded ? 'the Rampart shim' : `the real ${name}`} by the scripts npm, npx or an activated environment run`);
}
