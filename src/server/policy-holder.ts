// Keeps one compiled policy in memory and reloads it when any file it was read from
// changes. A broken edit keeps the last good policy and records why.
import fs from 'node:fs';
import path from 'node:path';
import * as config from '../config/load.js';
import { loadPolicy, type LoadOptions } from '../config/load.js';
import type { CompiledPolicy } from '../policy/evaluate.js';
import { PolicyError, type PolicyProblem } from '../policy/errors.js';

export interface PolicyState {
  ok: boolean;
  loadedAt: string | null;
  files: string[];
  /** Problems of the last failed load, while the last good policy stays in force. */
  problems: PolicyProblem[];
  error: string | null;
}

export class PolicyHolder {
  policy: CompiledPolicy | null = null;
  state: PolicyState = { ok: false, loadedAt: null, files: [], problems: [], error: null };
  private stamps = new Map<string, string>();
  private watchers: fs.FSWatcher[] = [];
  private poll: NodeJS.Timeout | null = null;
  private reloading: Promise<void> | null = null;

  constructor(
    private readonly opts: LoadOptions,
    private readonly log: (msg: string) => void,
  ) {}

  /** Loads now; throws nothing — failures land in `state`. */
  async load(): Promise<void> {
    try {
      const { policy, files } = await loadPolicy(this.opts);
      this.policy = policy;
      this.state = { ok: true, loadedAt: new Date().toISOString(), files, problems: [], error: null };
      this.watch(files);
      this.log(`policy loaded (${files.length} file(s))`);
    } catch (e) {
      const problems = e instanceof PolicyError ? e.problems : [];
      const error = e instanceof Error ? e.message : String(e);
      this.state = { ...this.state, ok: false, problems, error };
      this.log(`policy NOT reloaded, ${this.policy ? 'keeping the last good policy' : 'no policy in force (every command is denied)'}: ${error}`);
      // Keep watching the files we know, plus whatever the error names, to recover on the next edit.
      this.watch([...new Set([...this.state.files, ...problems.map((p) => p.file).filter(Boolean)])]);
    }
  }

  private stamp(f: string): string {
    try {
      const st = fs.statSync(f);
      return `${st.mtimeMs}:${st.size}:${st.ino}`;
    } catch {
      return 'missing';
    }
  }

  /** Files that do not exist yet but would join the policy when created (user and project policy). */
  private candidates(): string[] {
    const names: string[] = (config as { PROJECT_POLICY_NAMES?: string[] }).PROJECT_POLICY_NAMES ?? [];
    const out = this.opts.policyFile ? [] : [path.join(this.opts.rampartHome, 'policy.yaml')];
    if (!(this.opts as { noProject?: boolean }).noProject) for (const n of names) out.push(path.join(this.opts.projectRoot, n));
    return out;
  }

  /** fs.watch for speed, plus a 1 s mtime poll because fs.watch misses atomic renames and some filesystems. */
  private watch(loaded: string[]): void {
    this.unwatch();
    const files = [...new Set([...loaded, ...this.candidates()])];
    this.stamps = new Map(files.map((f) => [f, this.stamp(f)]));
    for (const f of files) {
      try {
        const w = fs.watch(f, { persistent: false }, () => this.check());
        w.on('error', () => {});
        this.watchers.push(w);
      } catch {
        /* missing file: the poll covers it */
      }
    }
    this.poll = setInterval(() => this.check(), 1000);
    this.poll.unref();
  }

  private check(): void {
    let changed = false;
    for (const [f, s] of this.stamps) if (this.stamp(f) !== s) changed = true;
    if (!changed || this.reloading) return;
    this.reloading = this.load().finally(() => (this.reloading = null));
  }

  unwatch(): void {
    for (const w of this.watchers) w.close();
    this.watchers = [];
    if (this.poll) clearInterval(this.poll);
    this.poll = null;
  }
}
