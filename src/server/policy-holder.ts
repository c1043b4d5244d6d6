// Keeps one compiled policy in memory and reloads it when any file it was read from
// changes. A broken edit keeps the last good policy and records why.
import { createHash } from 'node:crypto';
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
  /** Files left out of the policy in force, and why. */
  warnings?: string[];
  /** The user policy in force is the copy saved at the last good load (the file itself is broken). */
  lastGood?: string;
}

/** Where the last user policy that loaded is kept, per user policy file (inside RAMPART_HOME). */
export function lastGoodPath(rampartHome: string, userFile: string): string {
  return path.join(rampartHome, 'last-good', `${createHash('sha256').update(path.resolve(userFile)).digest('hex').slice(0, 16)}.yaml`);
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
      const { policy, files, warnings } = await loadPolicy(this.opts);
      this.policy = policy;
      this.state = { ok: true, loadedAt: new Date().toISOString(), files, problems: [], error: null, warnings };
      this.watch(files);
      this.saveLastGood();
      this.log(`policy loaded (${files.length} file(s))${warnings.length ? `; ${warnings.join('; ')}` : ''}`);
    } catch (e) {
      const problems = e instanceof PolicyError ? e.problems : [];
      const error = e instanceof Error ? e.message : String(e);
      this.state = { ...this.state, ok: false, problems, error };
      // A server (or a project's holder) that starts on a broken edit uses the user policy as it
      // last loaded, like one that was already running: one behaviour everywhere.
      if (!this.policy) await this.loadLastGood();
      this.log(`policy NOT reloaded, ${this.policy ? 'keeping the last good policy' : 'no policy in force (every command is denied)'}: ${error}`);
      // Keep watching the files we know, plus whatever the error names, to recover on the next edit.
      this.watch([...new Set([...this.state.files, ...problems.map((p) => p.file).filter(Boolean)])]);
    }
  }

  /** Beside a verdict while a broken edit waits: which file and line to fix. */
  get problemNote(): string | undefined {
    if (this.state.ok || !this.policy) return undefined;
    const p = this.state.problems[0];
    const where = p ? `${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}` : (this.state.error ?? 'unknown error').split('\n')[0];
    return `the policy has a problem (${where}), so the last good policy decided this; fix that file`;
  }

  private get userFile(): string {
    return this.opts.policyFile ? path.resolve(this.opts.policyFile) : path.join(this.opts.rampartHome, 'policy.yaml');
  }

  private saveLastGood(): void {
    try {
      // No user file is a state too (the built-in profile alone): an empty copy stands for it.
      const text = fs.existsSync(this.userFile) || this.opts.policyFile ? fs.readFileSync(this.userFile) : Buffer.from('# no user policy: the built-in profile alone\n');
      const copy = lastGoodPath(this.opts.rampartHome, this.userFile);
      if (fs.existsSync(copy) && fs.readFileSync(copy).equals(text)) return;
      fs.mkdirSync(path.dirname(copy), { recursive: true, mode: 0o700 });
      const tmp = `${copy}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, text, { mode: 0o600 });
      fs.renameSync(tmp, copy);
    } catch {
      /* RAMPART_HOME read-only (contained), or the file went away: nothing to keep */
    }
  }

  private async loadLastGood(): Promise<void> {
    const copy = lastGoodPath(this.opts.rampartHome, this.userFile);
    if (!fs.existsSync(copy)) return;
    try {
      const { policy, files, warnings } = await loadPolicy({ ...this.opts, policyFile: copy });
      this.policy = policy;
      this.state = { ...this.state, loadedAt: new Date().toISOString(), files: files.map((f) => (f === copy ? this.userFile : f)), warnings, lastGood: copy };
    } catch {
      /* the copy no longer loads (the built-in profile changed): nothing in force */
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
