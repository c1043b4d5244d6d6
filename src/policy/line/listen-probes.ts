// A socket that only binds or listens — the free-port probe before a dev server starts
// (`python3 -c 'import socket;s=socket.socket();s.bind(("",0));print(s.getsockname()[1])'`,
// `node -e 'const s=require("net").createServer().listen(0,()=>{console.log(s.address().port);s.close()})'`)
// — sends nothing anywhere and runs nothing: it is no network egress. Only code whose every call is one such
// a probe needs (make the socket, bind or listen, read its address, print, close) qualifies; a connect, an
// accept, a send, a connection handler, a process call or any name looked up at run time leaves it a network
// one-liner (bind shells, reverse shells, a server handing out .env).
import { stripStrings } from './interpreters.js';

/** Addresses a probe may bind: every interface (then only port 0, the kernel's pick) or this machine (any port). */
const ANY = /^(|0\.0\.0\.0|::)$/;
const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|::1)$/;
const boundOk = (host: string, port: string): boolean => LOOPBACK.test(host) || (ANY.test(host) && /^0+$/.test(port));

/** The calls each language's probe makes, by their last dotted part. */
const PY_CALLS = /^(socket|bind|listen|getsockname|setsockopt|close|closing|print|str|int|write|flush|exit)$/;
const JS_CALLS = /^(require|import|then|createServer|listen|on|once|address|close|unref|log|write|String|Number|exit)$/;
/** Events a probe waits for: its listener ready, its own close or failure — not a connection or a request. */
const JS_EVENTS = /^\s*(["'])(listening|close|error)\1\s*,/;
/** Ruby calls without parentheses too: every name in the code is one of these, or a variable it sets. */
const RB_NAMES = /^(require|socket|TCPServer|Socket|new|addr|local_address|ip_port|puts|print|p|close|to_s|to_i|do|end|exit)$/;
/** Modules a probe loads. (`import socket as so`: the caller has already read so. as socket., see unalias.) */
const PY_MODULE = String.raw`(?:socket|sys|contextlib)(?:\s+as\s+\w+)?`;
const PY_IMPORTS = new RegExp(String.raw`^\s*(?:import\s+${PY_MODULE}(?:\s*,\s*${PY_MODULE})*|from\s+(?:socket|contextlib)\s+import\s+[\w\s,]+)\s*$`);
const JS_MODULE = String.raw`["'](?:node:)?(?:net|http)["']`;

/** A listen call's arguments (the text after its parenthesis): a literal port, with a literal host or none. */
function listenArgsOk(rest: string): boolean {
  const m = /^\s*(\d+)\s*(?:,\s*(["'])([^"'\\]*)\2)?\s*[,)]/.exec(rest);
  if (m) return boundOk(m[3] ?? '', m[1]!);
  // ({port: 0}, {host: "127.0.0.1", port: 8080}, {hostname: …, port: …})
  const o = /^\s*\{\s*((?:\s*(?:port|host|hostname)\s*:\s*(?:\d+|"[^"\\]*"|'[^'\\]*')\s*,?)+)\}\s*[,)]/.exec(rest);
  if (!o) return false;
  const port = /\bport\s*:\s*(\d+)/.exec(o[1]!)?.[1];
  const host = /\bhost(?:name)?\s*:\s*["']([^"']*)["']/.exec(o[1]!)?.[1] ?? '';
  return port !== undefined && boundOk(host, port);
}

/** Whether every `(` is a call of an allowed name or a plain grouping (no call of a call's or a subscript's result). */
function callsOnly(bare: string, names: RegExp): boolean {
  for (const m of bare.matchAll(/\(/g)) {
    const before = bare.slice(0, m.index).replace(/\s+$/, '');
    const name = /([A-Za-z_$][\w$]*)$/.exec(before)?.[1];
    if (name !== undefined) {
      // (Keywords before a parenthesis group; any other name is a call.)
      if (/^(if|for|while|with|return|and|or|not|in|await|of)$/.test(name)) continue;
      if (!names.test(name)) return false;
      continue;
    }
    if (/[)\]`'"]$/.test(before)) return false;
  }
  return true;
}

/** Whether one-liner code only binds or listens a socket and shows its address (see the file comment). */
export function listensOnly(code: string, lang: string): boolean {
  // (Names reached by lookup or built at run time — dunders, f-string holes, tagged templates — are not read.)
  if (/__\w+__|\b(eval|exec|getattr|globals|vars|import_module|Function|Reflect|process\.binding)\b/.test(code)) return false;
  const bare = stripStrings(code);
  if (lang === 'python') {
    // (…nor are a decorator's implicit call and an f-string's holes.)
    if (/(?<![\w.])[fF][rR]?["'][^"'\n]*\{/.test(code) || bare.includes('@')) return false;
    const statements = bare.split(/[;\n]/);
    if (!statements.every((s) => !/^\s*(import|from)\b/.test(s) || PY_IMPORTS.test(s))) return false;
    if (!callsOnly(bare, PY_CALLS)) return false;
    // (Writing is printing only: sys.stdout.write.)
    if ([...bare.matchAll(/([\w.]+)\.(write|flush)\s*\(/g)].some((m) => m[1] !== 'sys.stdout')) return false;
    const binds = [...code.matchAll(/\.bind\s*\(\s*\(\s*(["'])([^"'\\]*)\1\s*,\s*(\d+)\s*\)\s*\)/g)];
    const bindCalls = bare.match(/\.bind\s*\(/g)?.length ?? 0;
    return binds.length > 0 && binds.length === bindCalls && binds.every((m) => boundOk(m[2]!, m[3]!));
  }
  if (lang === 'node' || lang === 'bun') {
    if (/[\w$)\]]\s*`/.test(code)) return false;
    // (The only module is net or http, loaded by name; every server made without a connection handler.)
    const loads = [...code.matchAll(/\b(require|import)\b/g)].length;
    // (…or imported at run time: a dynamic import of net, .then(({createServer}) => …), its names taken as they are — a renaming
    // pattern ({connect: listen}) would hide a connect under a probe's name, and only unalias's forms are read back.)
    const netLoads = [...code.matchAll(new RegExp(String.raw`\brequire\s*\(\s*${JS_MODULE}\s*\)|\bimport\s+(?:\w+|\*\s+as\s+\w+|\{[\w\s,]*\})\s+from\s+${JS_MODULE}|\bimport\s*\(\s*${JS_MODULE}\s*\)`, 'g'))].length;
    if (loads === 0 || loads !== netLoads || /\{[^{}]*:[^{}]*\}\s*\)?\s*(=>|=(?!=))/.test(bare)) return false;
    if (!callsOnly(bare, JS_CALLS)) return false;
    // (s.on("listening", …), s.once("listening", …): a probe waits for its own listener, never for a connection.)
    if ([...bare.matchAll(/\.(on|once)\s*\(/g)].some((m) => !JS_EVENTS.test(code.slice(m.index! + m[0].length)))) return false;
    if ([...bare.matchAll(/createServer\s*\(([^)]*)\)/g)].some((m) => m[1]!.trim() !== '')) return false;
    if ([...bare.matchAll(/([\w$.]+)\.write\s*\(/g)].some((m) => m[1] !== 'process.stdout')) return false;
    if (/\bprocess\.(?!stdout\.write\b|exit\b)/.test(bare)) return false;
    // (listen(0 …), listen(PORT, "127.0.0.1" …), listen({port: 0, host: …}): the port is 0 on any interface, any literal
    // port on this machine.)
    const listens = [...bare.matchAll(/\.listen\s*\(/g)].map((m) => code.slice(m.index! + m[0].length));
    return listens.length > 0 && listens.every(listenArgsOk);
  }
  if (lang === 'deno') {
    // (Deno.listen({port: 0}) / Deno.listen({hostname: "127.0.0.1", port: 8000}): a listener, its address printed.)
    if (/[\w$)\]]\s*`|\b(require|import)\b/.test(code) || !callsOnly(bare, /^(listen|log|close|String|Number|exit)$/)) return false;
    if (/\bDeno\.(?!listen\s*\(|exit\s*\()/.test(bare) || /\bprocess\./.test(bare)) return false;
    const listens = [...bare.matchAll(/\bDeno\.listen\s*\(/g)].map((m) => code.slice(m.index! + m[0].length));
    return listens.length > 0 && listens.every(listenArgsOk);
  }
  if (lang === 'ruby') {
    // (TCPServer.new(0), TCPServer.new("127.0.0.1", 0): a listener whose port is printed.)
    if (!/\brequire\s*\(?\s*["']socket["']/.test(code) || /#\{|`|%x|\b(send|eval|instance_eval|method|const_get)\b/.test(code)) return false;
    const vars = new Set([...bare.matchAll(/\b([a-z_]\w*)\s*=(?!=)/g)].map((m) => m[1]!));
    // (A name called on a receiver — Socket.tcp, c.write — is a method whatever locals share its spelling.)
    if (![...bare.matchAll(/[A-Za-z_]\w*[?!]?/g)].every((m) => RB_NAMES.test(m[0]) || (vars.has(m[0]) && !/(\.|::)\s*$/.test(bare.slice(0, m.index))))) return false;
    const servers = [...code.matchAll(/\bTCPServer\.new\s*\(?\s*(?:(["'])([^"'\\]*)\1\s*,\s*)?(\d+)\s*\)?/g)];
    return servers.length > 0 && servers.length === (bare.match(/\bTCPServer\b/g)?.length ?? 0) && servers.every((m) => boundOk(m[2] ?? '', m[3]!));
  }
  return false;
}
