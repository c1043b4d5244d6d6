// The single writer of audit.jsonl: one line per decision, written to the file before the
// reply goes out, with size-based rotation. Only the server writes, so lines never interleave.
import fs from 'node:fs';
import path from 'node:path';

export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

/** One audit record; every decision, allows included. */
export interface AuditRecord {
  ts: string;
  id: string;
  session: string | null;
  source: string;
  binary: string;
  argv: string[];
  cwd: string;
  pid?: number;
  ppid?: number;
  parents?: { pid: number; comm: string }[];
  /** What the policy decided: allow, ask or deny. */
  decision: string;
  /** False in audit mode: logged, not applied. */
  enforced: boolean;
  /** What happened: allowed (ran), blocked, or asked (the agent's own prompt, hook only). */
  outcome?: string;
  /** Older records: the policy's decision when `decision` held the applied one. */
  policyDecision?: string;
  rule: string | null;
  reason: string;
  ask?: string;
  projectRoot?: string;
  stdin?: string;
  stdout?: string;
  /** A `setup <agent> --check` canary call, not something an agent did. */
  canary?: boolean;
  [k: string]: unknown;
}

export class AuditWriter {
  private fd: number;
  private size: number;
  private dirty = false;
  private timer: NodeJS.Timeout;

  constructor(
    readonly file: string,
    private readonly maxBytes = DEFAULT_MAX_BYTES,
  ) {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    this.fd = fs.openSync(file, 'a', 0o600);
    this.size = fs.fstatSync(this.fd).size;
    // fsync is batched: the write() itself already put the line in the page cache,
    // so a killed server loses nothing; only a machine crash can.
    this.timer = setInterval(() => this.syncSoon(), 1000);
    this.timer.unref();
  }

  private queue: { line: string; then: () => void }[] = [];
  private scheduled = false;

  /** Appends one record now, as one write() on an O_APPEND fd. */
  append(rec: AuditRecord): void {
    this.writeLines(JSON.stringify(rec) + '\n');
  }

  /**
   * Group commit: records queued in the same event-loop turn are written with one write(),
   * and only then are their callbacks (the replies) run — the line is always in the file
   * before the answer leaves.
   */
  appendThen(rec: AuditRecord, then: () => void): void {
    this.queue.push({ line: JSON.stringify(rec) + '\n', then });
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.flush());
    }
  }

  flush(): void {
    this.scheduled = false;
    const batch = this.queue.splice(0);
    if (!batch.length) return;
    this.writeLines(batch.map((b) => b.line).join(''));
    for (const b of batch) b.then();
  }

  private writeLines(text: string): void {
    const buf = Buffer.from(text);
    if (this.size > 0 && this.size + buf.length > this.maxBytes) this.rotate();
    let off = 0;
    while (off < buf.length) off += fs.writeSync(this.fd, buf, off);
    this.size += buf.length;
    this.dirty = true;
  }

  /** audit.jsonl → audit.jsonl.1 (one generation kept), then a fresh file. */
  private rotate(): void {
    this.sync();
    fs.closeSync(this.fd);
    fs.renameSync(this.file, this.file + '.1');
    this.fd = fs.openSync(this.file, 'a', 0o600);
    this.size = 0;
  }

  /** Batched fsync on the thread pool, so the event loop never waits for the disk. */
  private syncSoon(): void {
    if (!this.dirty) return;
    this.dirty = false;
    fs.fdatasync(this.fd, () => {});
  }

  sync(): void {
    if (!this.dirty) return;
    this.dirty = false;
    try {
      fs.fdatasyncSync(this.fd);
    } catch {
      /* best effort */
    }
  }

  close(): void {
    this.flush();
    clearInterval(this.timer);
    this.sync();
    fs.closeSync(this.fd);
  }
}
