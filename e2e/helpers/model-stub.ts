// A loopback stand-in for an agent's model API that plays a script: each request gets the next
// scripted assistant turn (text and tool calls), and every request is kept so a test can read
// the tool results the real client sent back. Anthropic Messages API (SSE and JSON) for Claude
// Code. Which turn to play is read from the request itself (assistant messages so far), so the
// stub keeps no state and side requests (titles, probes) get a short text.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One scripted block: text, or a tool call. */
export type Block = { text: string } | { tool: string; input: Record<string, unknown> };
export type Turn = Block[];

export interface ToolResult {
  id: string;
  isError: boolean;
  text: string;
}

export interface Stub {
  port: number;
  /** Tool results the client sent back, in order. */
  results(): ToolResult[];
  close(): Promise<void>;
}

function toolResults(body: any): ToolResult[] {
  const last = body?.messages?.at?.(-1);
  if (!last || last.role !== 'user' || !Array.isArray(last.content)) return [];
  return last.content
    .filter((c: any) => c?.type === 'tool_result')
    .map((c: any) => ({
      id: String(c.tool_use_id),
      isError: Boolean(c.is_error),
      text: typeof c.content === 'string' ? c.content : Array.isArray(c.content) ? c.content.map((x: any) => x?.text ?? '').join('\n') : '',
    }));
}

function sse(res: http.ServerResponse, msg: any): void {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  const ev = (type: string, data: object) => res.write(`event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`);
  ev('message_start', { message: { ...msg, content: [], stop_reason: null } });
  msg.content.forEach((c: any, index: number) => {
    if (c.type === 'text') {
      ev('content_block_start', { index, content_block: { type: 'text', text: '' } });
      ev('content_block_delta', { index, delta: { type: 'text_delta', text: c.text } });
    } else {
      ev('content_block_start', { index, content_block: { type: 'tool_use', id: c.id, name: c.name, input: {} } });
      ev('content_block_delta', { index, delta: { type: 'input_json_delta', partial_json: JSON.stringify(c.input) } });
    }
    ev('content_block_stop', { index });
  });
  ev('message_delta', { delta: { stop_reason: msg.stop_reason, stop_sequence: null }, usage: { output_tokens: 10 } });
  ev('message_stop', {});
  res.end();
}

/** Starts the Anthropic Messages stand-in on 127.0.0.1. `mainTool` marks the agent's main requests. */
export async function anthropicStub(turns: Turn[], mainTool = 'Bash'): Promise<Stub> {
  const results: ToolResult[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://stub');
      if (req.method !== 'POST' || url.pathname !== '/v1/messages') {
        res.writeHead(req.method === 'HEAD' || url.pathname === '/' ? 200 : 404, { 'content-type': 'application/json' });
        res.end(req.method === 'HEAD' ? undefined : '{}');
        return;
      }
      let body: any = {};
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        /* keep {} */
      }
      const main = Array.isArray(body.tools) && body.tools.some((t: any) => t?.name === mainTool);
      let content: any[];
      if (main) {
        results.push(...toolResults(body));
        const n = (body.messages ?? []).filter((m: any) => m?.role === 'assistant').length;
        const turn = turns[n] ?? [{ text: '(script ended)' }];
        content = turn.map((b, i) => ('tool' in b ? { type: 'tool_use', id: `toolu_e2e_${n}_${i}`, name: b.tool, input: b.input } : { type: 'text', text: b.text }));
      } else content = [{ type: 'text', text: 'ok' }];
      const msg = {
        id: `msg_e2e_${Date.now()}`, type: 'message', role: 'assistant', model: body.model ?? 'stub', content,
        stop_reason: content.some((c) => c.type === 'tool_use') ? 'tool_use' : 'end_turn', stop_sequence: null,
        usage: { input_tokens: 10, output_tokens: 10, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 },
      };
      if (body.stream) sse(res, msg);
      else {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(msg));
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    port: (server.address() as AddressInfo).port,
    results: () => results,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
