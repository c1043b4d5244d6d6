// One client connection: split lines, decode, dispatch, answer. A bad line gets an error
// reply and the connection stays usable; requests on one connection may overlap (asks).
import type net from 'node:net';
import { decodeRequest, encode, LineSplitter, PROTOCOL_VERSION, ProtocolError, type ErrorReply, type Reply, type Request } from './protocol.js';

export type Dispatch = (req: Request, send: (r: Reply) => void, onClose: (fn: () => void) => void) => Promise<Reply | null>;

/** Wires a socket to the dispatcher; `onNewerClient` fires when a client speaks a newer protocol. */
export function handleConnection(sock: net.Socket, dispatch: Dispatch, onNewerClient: () => void): void {
  let inflight = 0;
  let ended = false;
  const closers: (() => void)[] = [];
  const send = (r: Reply) => {
    if (!sock.destroyed && sock.writable) sock.write(encode(r));
  };
  const maybeFinish = () => {
    if (ended && inflight === 0 && !sock.destroyed) sock.end();
  };
  const error = (code: ErrorReply['code'], message: string, rid?: string | number) =>
    send({ v: PROTOCOL_VERSION, type: 'error', code, message, ...(rid !== undefined ? { rid } : {}) });

  const splitter = new LineSplitter(
    (line) => {
      let req: Request;
      try {
        req = decodeRequest(line);
      } catch (e) {
        const pe = e as ProtocolError;
        error(pe.code ?? 'parse', pe.message);
        if (pe.code === 'version') {
          const v = (() => {
            try {
              return JSON.parse(line).v;
            } catch {
              return 0;
            }
          })();
          if (typeof v === 'number' && v > PROTOCOL_VERSION) onNewerClient();
        }
        return;
      }
      inflight++;
      dispatch(req, send, (fn) => closers.push(fn))
        .then((r) => r && send(r))
        .catch((e) => {
          if (e instanceof ProtocolError) error(e.code, e.message, req.rid);
          else error('internal', (e as Error).message ?? String(e), req.rid);
        })
        .finally(() => {
          inflight--;
          maybeFinish();
        });
    },
    () => error('too-large', 'request line exceeds the size limit'),
  );
  sock.on('data', (d) => splitter.push(d));
  sock.on('end', () => {
    ended = true;
    maybeFinish();
  });
  sock.on('close', () => {
    for (const fn of closers.splice(0)) fn();
  });
  sock.on('error', () => {});
}
