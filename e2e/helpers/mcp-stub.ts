// A tiny MCP server over stdio (newline-delimited JSON-RPC) with two tools, for proving that
// tools Rampart has no model of are judged by what their input names. Every call that reaches
// it is appended to the log file named by argv[2]: a denied call must never appear there.
import fs from 'node:fs';
import readline from 'node:readline';

const log = process.argv[2]!;
const send = (msg: object) => process.stdout.write(JSON.stringify(msg) + '\n');
const TOOLS = [
  { name: 'fetch_url', description: 'Fetch a URL', inputSchema: { type: 'object', properties: { url: { type: 'string' } }, required: ['url'] } },
  { name: 'write_note', description: 'Write a note to a file', inputSchema: { type: 'object', properties: { path: { type: 'string' }, text: { type: 'string' } }, required: ['path', 'text'] } },
];

readline.createInterface({ input: process.stdin }).on('line', (line) => {
  let m: any;
  try {
    m = JSON.parse(line);
  } catch {
    return;
  }
  if (m.id === undefined) return; // notifications
  if (m.method === 'initialize') send({ jsonrpc: '2.0', id: m.id, result: { protocolVersion: m.params?.protocolVersion ?? '2025-06-18', capabilities: { tools: {} }, serverInfo: { name: 'stub', version: '1.0.0' } } });
  else if (m.method === 'tools/list') send({ jsonrpc: '2.0', id: m.id, result: { tools: TOOLS } });
  else if (m.method === 'tools/call') {
    fs.appendFileSync(log, JSON.stringify(m.params) + '\n');
    send({ jsonrpc: '2.0', id: m.id, result: { content: [{ type: 'text', text: `called ${m.params?.name}` }] } });
  } else send({ jsonrpc: '2.0', id: m.id, result: {} });
});
