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
const PY_CALLS = /^(socket|bind|listen|getsockname|setsockopt|close|closing|print|str|int|write|flush)$/;
const JS_CALLS = /^(require|createServer|listen|address|close|unref|log|write|String|Number)$/;
/** Modules a probe loads. */
const PY_IMPORTS = /^\s*(?:import\s+(?:socket|sys|contextlib)(?:\s*,\s*(?:socket|sys|contextlib))*|from\s+(?:socket|contextlib)\s+import\s+[\w\s,]+)\s*$/;
const JS_MODULE = String.raw`["'](?:node:)?(?:net|http)["']`;

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
    if (/(?<![\w.])[fF][rR]?["'][^"'\n]*\{/.test(code)) return false;
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
    const netLoads = [...code.matchAll(new RegExp(String.raw`\brequire\s*\(\s*${JS_MODULE}\s*\)|\bimport\s+(?:\w+|\*\s+as\s+\w+|\{[\w\s,]*\})\s+from\s+${JS_MODULE}`, 'g'))].length;
    if (loads === 0 || loads !== netLoads) return false;
    if (!callsOnly(bare, JS_CALLS)) return false;
    if ([...bare.matchAll(/createServer\s*\(([^)]*)\)/g)].some((m) => m[1]!.trim() !== '')) return false;
    if ([...bare.matchAll(/([\w$.]+)\.write\s*\(/g)].some((m) => m[1] !== 'process.stdout')) return false;
    if (/\bprocess\.(?!stdout\.write\b)/.test(bare)) return false;
    // (listen(0 …), listen(PORT, "127.0.0.1" …): the port is 0 on any interface, any literal port on this machine.)
    const listens = [...bare.matchAll(/\.listen\s*\(/g)].map((m) => code.slice(m.index! + m[0].length));
    return listens.length > 0 && listens.every((rest) => {
      const m = /^\s*(\d+)\s*(?:,\s*(["'])([^"'\\]*)\2)?\s*[,)]/.exec(rest);
      return m !== null && boundOk(m[3] ?? '', m[1]!);
    });
  }
  return false;
}
