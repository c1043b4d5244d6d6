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

/** Starts a loopback HTTP server for a stub; `route` answers one parsed POST body. */
async function jsonServer(route: (url: URL, body: any, res: http.ServerResponse) => boolean): Promise<{ port: number; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      let body: any = {};
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
      } catch {
        /* keep {} */
      }
      if (req.method === 'POST' && route(new URL(req.url ?? '/', 'http://stub'), body, res)) return;
      res.writeHead(req.method === 'GET' ? 200 : 404, { 'content-type': 'application/json' });
      res.end(req.method === 'GET' ? '{"models":[],"data":[]}' : '{"error":{"message":"stub: no route"}}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return { port: (server.address() as AddressInfo).port, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/** One scripted step for Codex and Gemini (one item per model response). */
const stepOf = (turns: Turn[], n: number): Block => turns[n]?.[0] ?? { text: '(script ended)' };

/**
 * OpenAI Responses API stand-in for Codex CLI (`wire_api = "responses"`): the step to play is the
 * number of tool outputs the request already carries. `apply_patch` is sent as a custom tool call
 * (its input is the patch text), everything else as a function call.
 */
export async function responsesStub(turns: Turn[]): Promise<Stub> {
  const seen = new Map<string, ToolResult>();
  let seq = 0;
  const srv = await jsonServer((url, body, res) => {
    if (!/\/responses$/.test(url.pathname)) return false;
    const input: any[] = Array.isArray(body.input) ? body.input : [];
    const outputs = input.filter((i) => /_call_output$/.test(i?.type ?? ''));
    for (const o of outputs) if (!seen.has(o.call_id)) seen.set(o.call_id, { id: String(o.call_id), isError: false, text: typeof o.output === 'string' ? o.output : JSON.stringify(o.output) });
    const step = stepOf(turns, outputs.length);
    const id = `e2e_${++seq}`;
    const item = !('tool' in step)
      ? { type: 'message', role: 'assistant', id: `msg_${id}`, status: 'completed', content: [{ type: 'output_text', text: step.text, annotations: [] }] }
      : step.tool === 'apply_patch'
        ? { type: 'custom_tool_call', id: `ctc_${id}`, call_id: `call_${id}`, name: 'apply_patch', input: String(step.input.patch ?? '') }
        : { type: 'function_call', id: `fc_${id}`, call_id: `call_${id}`, name: step.tool, arguments: JSON.stringify(step.input) };
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    for (const ev of [
      { type: 'response.created', response: { id: `resp_${id}` } },
      { type: 'response.output_item.done', output_index: 0, item },
      { type: 'response.completed', response: { id: `resp_${id}`, usage: { input_tokens: 10, input_tokens_details: null, output_tokens: 5, output_tokens_details: null, total_tokens: 15 } } },
    ]) res.write(`event: ${ev.type}\ndata: ${JSON.stringify(ev)}\n\n`);
    res.end();
    return true;
  });
  return { port: srv.port, results: () => [...seen.values()], close: srv.close };
}

/**
 * Gemini API stand-in for Gemini CLI (GOOGLE_GEMINI_BASE_URL): streamGenerateContent answers the
 * step given by the number of function responses so far; other calls (routing, token counts) get
 * a short answer.
 */
export async function geminiStub(turns: Turn[]): Promise<Stub> {
  const results: ToolResult[] = [];
  const srv = await jsonServer((url, body, res) => {
    const contents: any[] = Array.isArray(body.contents) ? body.contents : [];
    const responses = contents.flatMap((c) => (Array.isArray(c?.parts) ? c.parts : [])).filter((p: any) => p?.functionResponse);
    if (/:countTokens$/.test(url.pathname)) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"totalTokens":10}');
      return true;
    }
    if (!/:(stream)?[gG]enerateContent$/.test(url.pathname)) return false;
    const stream = /:streamGenerateContent$/.test(url.pathname);
    let part: any;
    if (!stream) part = { text: '{"complexity_reasoning":"simple","complexity_score":1}' };
    else {
      const fresh = responses.slice(results.length);
      for (const p of fresh) {
        const r = p.functionResponse.response ?? {};
        results.push({ id: String(p.functionResponse.id ?? p.functionResponse.name), isError: r.error !== undefined, text: typeof (r.error ?? r.output) === 'string' ? (r.error ?? r.output) : JSON.stringify(r) });
      }
      const step = stepOf(turns, responses.length);
      part = 'tool' in step ? { functionCall: { name: step.tool, args: step.input } } : { text: step.text };
    }
    const chunk = { candidates: [{ content: { role: 'model', parts: [part] }, finishReason: 'STOP', index: 0 }], usageMetadata: { promptTokenCount: 10, candidatesTokenCount: 5, totalTokenCount: 15 }, modelVersion: 'gemini-2.5-flash' };
    if (stream) {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.end(`data: ${JSON.stringify(chunk)}\n\n`);
    } else {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(chunk));
    }
    return true;
  });
  return { port: srv.port, results: () => results, close: srv.close };
}
