// The wire protocol between shims, the Node client, the hook and the decision server:
// newline-delimited JSON, one request per line, every message carrying `v`.
import { isUtf8 } from 'node:buffer';
import type { Decision } from '../policy/types.js';

/** Bumped on any incompatible change; a server that sees a newer client steps down. */
export const PROTOCOL_VERSION = 1;

/** One request line may not exceed this; longer input is answered with an error and dropped. */
export const MAX_LINE_BYTES = 4 * 1024 * 1024;

/**
 * A string as it travels: plain JSON when the bytes are valid UTF-8, otherwise
 * `{b64}` carrying the raw bytes (argv may hold any bytes; the shim never guesses).
 */
export type WireString = string | { b64: string };

export interface ParentProcess {
  pid: number;
  comm: string;
}

export interface DecideRequest {
  v: number;
  type: 'decide';
  rid?: string | number;
  argv: WireString[];
  cwd: WireString;
  pid?: number;
  ppid?: number;
  session?: string;
  stdin?: WireString;
  stdout?: WireString;
  parents?: ParentProcess[];
  env?: Record<string, WireString>;
  /** Project root fixed at shim install time, used when the session is unknown. */
  project?: WireString;
  /** The caller's shims directory (from its install-time config). */
  shims?: WireString;
  /** `shim` (native), `node-shim` (fallback) or `cli`. */
  source?: string;
}

export interface HookRequest {
  v: number;
  type: 'hook';
  rid?: string | number;
  payload: unknown;
  agent?: string;
  /** The hook process's environment, the few variables that say how the agent runs (print mode …). */
  env?: Record<string, WireString>;
}
export interface ApproveRequest { v: number; type: 'approve' | 'deny'; rid?: string | number; id: string; /** The approving process (the CLI sends its own). */ pid?: number; /** The admin token (admin-token.ts). */ token?: string }
export interface PendingRequest { v: number; type: 'pending'; rid?: string | number }
export interface StatusRequest { v: number; type: 'status'; rid?: string | number }
export interface StopRequest { v: number; type: 'stop'; rid?: string | number; /** The admin token (admin-token.ts). */ token?: string }
export interface SessionRequest {
  v: number;
  type: 'session';
  rid?: string | number;
  op: 'register' | 'end';
  id?: string;
  projectRoot?: string;
  audit?: boolean;
  auditNotice?: boolean;
  policyFile?: string;
  agent?: string;
  agentSession?: string;
  /** The registering process; when set, only its descendants may use the session. */
  pid?: number;
  /** Set when nobody can answer an ask in this session (`rampart run` without a terminal). */
  unattended?: string;
  /** A contained session: the reply carries a key its processes prove membership with. */
  contained?: boolean;
  /** Variables the containment sets inside (see Session.containEnv). */
  containEnv?: Record<string, string>;
}

/** `rampart policy check` answered by the running server (its policy already loaded): judges, runs nothing, logs nothing. */
export interface CheckRequest { v: number; type: 'check'; rid?: string | number; line: string; cwd: string; projectRoot: string }

export type Request =
  | DecideRequest | HookRequest | ApproveRequest | PendingRequest | StatusRequest | StopRequest | SessionRequest | CheckRequest;

export const REQUEST_TYPES = ['decide', 'hook', 'approve', 'deny', 'pending', 'status', 'session', 'stop', 'check'] as const;

/**
 * The final answer to a decide/hook request. Field order matters: the C shim reads the
 * first `"decision":` and `"message":` keys, so they come before any free text.
 */
export interface Verdict {
  v: number;
  type: 'verdict';
  decision: Decision;
  /** The line the shim prints to stderr (deny reason, audit-mode notice), if any. */
  message?: string;
  id: string;
  rid?: string | number;
  rule: string | null;
  reason: string;
  /** False in audit mode: the decision was logged but not applied. */
  enforced: boolean;
  /** The decision the policy gave; differs from `decision` only in audit mode. */
  policyDecision: Decision;
  ask?: AskOutcome;
}

export type AskOutcome = 'approved' | 'denied' | 'timeout' | 'abandoned' | 'unattended';

/** Sent before the verdict when a request waits for a human. */
export interface PendingNotice {
  v: number;
  type: 'pending';
  message: string;
  id: string;
  rid?: string | number;
  timeoutSec: number;
}

export interface ErrorReply {
  v: number;
  type: 'error';
  /** `version` tells the client to restart the server; the rest are client mistakes. */
  code: 'version' | 'parse' | 'too-large' | 'bad-request' | 'not-found' | 'internal';
  message: string;
  rid?: string | number;
}

export interface OkReply {
  v: number;
  type: 'ok';
  rid?: string | number;
  [k: string]: unknown;
}

export type Reply = Verdict | PendingNotice | ErrorReply | OkReply;

/** Serializes one message as a line. */
export function encode(msg: object): string {
  return JSON.stringify(msg) + '\n';
}

/** The bytes a wire string stands for, as the engine's string: UTF-8 when valid, else latin1 (1 byte = 1 char). */
export function fromWire(x: WireString | undefined): string | undefined {
  if (x === undefined || x === null) return undefined;
  if (typeof x === 'string') return x;
  if (typeof x === 'object' && typeof x.b64 === 'string') {
    const buf = Buffer.from(x.b64, 'base64');
    return isUtf8(buf) ? buf.toString('utf8') : buf.toString('latin1');
  }
  throw new ProtocolError('bad-request', 'expected a string or {b64}');
}

/** Encodes a string for the wire (the Node client sends plain strings). */
export function toWire(s: string): WireString {
  return s;
}

export class ProtocolError extends Error {
  constructor(readonly code: ErrorReply['code'], message: string) {
    super(message);
  }
}

/** Parses and validates one request line; throws ProtocolError with the reply code. */
export function decodeRequest(line: string): Request {
  let msg: any;
  try {
    msg = JSON.parse(line);
  } catch {
    throw new ProtocolError('parse', 'request is not valid JSON');
  }
  if (!msg || typeof msg !== 'object' || Array.isArray(msg)) throw new ProtocolError('bad-request', 'expected a JSON object');
  if (msg.v !== PROTOCOL_VERSION) {
    throw new ProtocolError('version', `protocol version ${JSON.stringify(msg.v)} but server speaks ${PROTOCOL_VERSION}`);
  }
  if (!REQUEST_TYPES.includes(msg.type)) throw new ProtocolError('bad-request', `unknown request type ${JSON.stringify(msg.type)}`);
  if (msg.type === 'decide') {
    if (!Array.isArray(msg.argv) || msg.argv.length === 0) throw new ProtocolError('bad-request', 'decide needs a non-empty argv');
    if (msg.cwd === undefined) throw new ProtocolError('bad-request', 'decide needs cwd');
  }
  if ((msg.type === 'approve' || msg.type === 'deny') && typeof msg.id !== 'string') {
    throw new ProtocolError('bad-request', `${msg.type} needs an id`);
  }
  return msg as Request;
}

/**
 * Splits a byte stream into lines, refusing any line longer than `max` bytes.
 * `onLine` gets each complete line; `onOversize` fires once per oversized line,
 * whose remaining bytes are discarded up to the next newline.
 */
export class LineSplitter {
  private chunks: Buffer[] = [];
  private size = 0;
  private skipping = false;
  constructor(
    private readonly onLine: (line: string) => void,
    private readonly onOversize: () => void,
    private readonly max = MAX_LINE_BYTES,
  ) {}

  push(data: Buffer): void {
    let start = 0;
    while (start < data.length) {
      const nl = data.indexOf(10, start);
      const end = nl === -1 ? data.length : nl;
      if (!this.skipping) {
        const piece = data.subarray(start, end);
        if (this.size + piece.length > this.max) {
          this.skipping = true;
          this.chunks = [];
          this.size = 0;
          this.onOversize();
        } else {
          this.chunks.push(piece);
          this.size += piece.length;
        }
      }
      if (nl === -1) break;
      if (!this.skipping) {
        // Common case: the whole line arrived in one chunk, no copy needed.
        const line = (this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks)).toString('utf8');
        this.chunks = [];
        this.size = 0;
        if (line.trim() !== '') this.onLine(line);
      }
      this.skipping = false;
      start = nl + 1;
    }
  }
}
