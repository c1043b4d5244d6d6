// CMake scripts (cmake -P FILE, a CMakeLists.txt the line wrote) read as the shell commands they amount to:
// file(DOWNLOAD|UPLOAD|READ|WRITE|REMOVE…|COPY|RENAME) and execute_process(COMMAND …) are curl, cat, echo >,
// rm -rf, cp, mv and the command itself. The rest of the language configures a build and touches nothing.
import { quote } from './unwrap.js';

/** The arguments of one CMake command invocation: quoted or bare words, $ENV{X} read as $X. */
function words(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/"((?:[^"\\]|\\.)*)"|\[(=*)\[([\s\S]*?)\]\2\]|([^\s"()]+)/g)) {
    const w = m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : m[3] ?? m[4] ?? '';
    out.push(w.replace(/\$ENV\{(\w+)\}/g, '$$$1'));
  }
  return out;
}

/** The CMake script files a cmake or ctest command line runs as code: -P, -C (initial cache), --toolchain, -S, and the
 *  variables naming files CMake includes (CMAKE_TOOLCHAIN_FILE, CMAKE_PROJECT_INCLUDE…, CMAKE_USER_MAKE_RULES_OVERRIDE). */
export function cmakeScripts(name: string, args: readonly string[]): string[] {
  const out: string[] = [];
  const OPT = name === 'ctest' ? /^(-S|-SP|-SR|--script)$/ : /^(-P|-C|--toolchain)$/;
  const ATTACHED = name === 'ctest' ? /^(?:-S[PR]?|--script=)(.+)$/s : /^(?:-[PC]|--toolchain=)(.+)$/s;
  for (let k = 0; k < args.length; k++) {
    const a = args[k]!;
    if (a === '--') break;
    if (OPT.test(a) && args[k + 1] !== undefined) out.push(args[++k]!);
    else if (ATTACHED.exec(a)) out.push(ATTACHED.exec(a)![1]!);
    // (-D NAME=VALUE as two words too.)
    else if (name !== 'ctest' && a === '-D' && /^CMAKE_(TOOLCHAIN_FILE|PROJECT_\w*INCLUDE\w*|USER_MAKE_RULES_OVERRIDE\w*)(?::\w+)?=./s.test(args[k + 1] ?? '')) out.push(args[++k]!.replace(/^[^=]*=/, ''));
    else if (name !== 'ctest') { const m = /^-D(CMAKE_TOOLCHAIN_FILE|CMAKE_PROJECT_\w*INCLUDE\w*|CMAKE_USER_MAKE_RULES_OVERRIDE\w*)(?::\w+)?=(.+)$/s.exec(a); if (m) out.push(m[2]!); }
  }
  // (ctest -S takes SCRIPT[,ARGS].)
  return name === 'ctest' ? out.map((s) => s.replace(/,.*$/s, '')) : out;
}

/** The calls cmakeCommands reads as shell lines: what is left of a script once they are taken out is what it does unread. */
export const CMAKE_READ_CALLS = /\b(?:execute_process|exec_program|configure_file|include|message|add_custom_target|add_custom_command|FetchContent_Declare|ExternalProject_Add|CPMAddPackage)\s*\([^)]*\)|\bfile\s*\(\s*(?:DOWNLOAD|UPLOAD|READ|STRINGS|SHA\d+|MD5|SIZE|TIMESTAMP|CONFIGURE|GENERATE|WRITE|APPEND|REMOVE|REMOVE_RECURSE|COPY|INSTALL|RENAME|COPY_FILE|CREATE_LINK|TOUCH|ARCHIVE_EXTRACT|MAKE_DIRECTORY)\b[^)]*\)|\bset\s*\(\s*ENV\{\w+\}[^)]*\)/gi;

/** The text with CMake's indirections spelled out: bracket comments gone, cmake_language(CALL cmd …) as cmd(…),
 *  cmake_language(EVAL CODE "…") as its code, and each call of a function or macro that hands its arguments on
 *  (${ARGN}, ${ARGV}, ${ARGV0}…) followed by its body with them filled in. */
function spelledOut(text: string, depth = 0): string {
  let src = text.replace(/#\[(=*)\[[\s\S]*?\]\1\]/g, ' ').replace(/(^|\n)\s*#[^\n]*/g, '$1').replace(/#(?!\[)[^\n"]*$/gm, '');
  src = src.replace(/\bcmake_language\s*\(\s*(?:DEFER\s+(?:(?:DIRECTORY|ID|ID_VAR)\s+\S+\s+)*)?CALL\s+([A-Za-z_]\w*)\s*/gi, '$1(');
  src = src.replace(/\bcmake_language\s*\(\s*EVAL\s+CODE\s+((?:"(?:[^"\\]|\\.)*"\s*|\[(=*)\[[\s\S]*?\]\2\]\s*|[^\s()"]+\s*)+)\)/gi, (_m, code: string) =>
    `\n${depth < 3 ? spelledOut(words(code).join(' '), depth + 1) : ''}\n`);
  const defs = [...src.matchAll(/\b(function|macro)\s*\(\s*([A-Za-z_]\w*)[^)]*\)([\s\S]*?)\bend\1\s*\([^)]*\)/gi)].map((m) => [m[2]!.toLowerCase(), m[3]!] as const);
  for (const [fn, body] of defs) {
    if (!/\$\{ARG(N|V\d*)\}/.test(body)) continue;
    for (const call of src.matchAll(new RegExp(`\\b${fn}\\s*\\(((?:[^()"]|"(?:[^"\\\\]|\\\\.)*")*)\\)`, 'gi'))) {
      if (/^\s*(function|macro)\s*\(\s*$/i.test(src.slice(Math.max(0, call.index! - 12), call.index!))) continue;
      const given = words(call[1]!);
      src += `\n${body.replace(/\$\{ARG(N|V)\}/g, call[1]!).replace(/\$\{ARGV(\d+)\}/g, (_m, n: string) => given[Number(n)] ?? '')}`;
    }
  }
  return src;
}

/** The shell command lines a CMake text amounts to. */
export function cmakeCommands(text: string): string[] {
  // (In the script's order, so a file downloaded and then included is download-then-run.)
  const found: [number, string][] = [];
  const lines = { push: (l: string) => found.push([at, l]) };
  let at = 0;
  const src = spelledOut(text);
  const q = (w: string) => (/^[\w@%+=:,./~$-]+$/.test(w) ? w : quote(w));
  // (A dependency fetched from a repository or URL and made part of the build — FetchContent, ExternalProject — has its
  // CMakeLists run here: a clone and a build of it.)
  for (const m of src.matchAll(/\b(?:FetchContent_Declare|ExternalProject_Add|CPMAddPackage)\s*\(\s*(\w+)((?:[^()"]|"(?:[^"\\]|\\.)*")*)\)/gi)) {
    const a = words(m[2]!);
    const url = a[a.findIndex((w) => /^(GIT_REPOSITORY|URL|GITHUB_REPOSITORY)$/.test(w)) + 1];
    if (url !== undefined && a.some((w) => /^(GIT_REPOSITORY|URL|GITHUB_REPOSITORY)$/.test(w))) {
      at = m.index;
      const dir = `/tmp/_deps/${m[1]!.toLowerCase()}-src`;
      lines.push(`git clone ${q(/^[\w.-]+\/[\w.-]+$/.test(url) ? `https://github.com/${url}` : url)} ${dir} && cmake -S ${dir} -B ${dir}/build`);
    }
  }
  // (add_custom_target/add_custom_command run their COMMANDs when the build does.)
  for (const m of src.matchAll(/\badd_custom_(?:target|command)\s*\(((?:[^()"]|"(?:[^"\\]|\\.)*")*)\)/gi)) {
    at = m.index;
    const a = words(m[1]!);
    const KEYS = /^(ALL|COMMAND|DEPENDS|BYPRODUCTS|WORKING_DIRECTORY|COMMENT|JOB_POOL|JOB_SERVER_AWARE|VERBATIM|USES_TERMINAL|COMMAND_EXPAND_LISTS|SOURCES|OUTPUT|MAIN_DEPENDENCY|IMPLICIT_DEPENDS|DEPFILE|APPEND|PRE_BUILD|PRE_LINK|POST_BUILD|TARGET|CODEGEN)$/;
    for (let i = 0; i < a.length; i++) if (a[i] === 'COMMAND') { const c: string[] = []; while (a[i + 1] !== undefined && !KEYS.test(a[i + 1]!)) c.push(a[++i]!); if (c.length) lines.push(c.map(q).join(' ')); }
  }
  // (configure_file(IN OUT) copies IN to OUT; include(F) of a file path runs F's commands here, as `sh F` runs a script.)
  for (const m of src.matchAll(/\bconfigure_file\s*\(\s*("[^"]*"|\S+)\s+("[^"]*"|[^\s)]+)/gi)) at = m.index, lines.push(`cp ${q(m[1]!.replace(/^"|"$/g, ''))} ${q(m[2]!.replace(/^"|"$/g, ''))}`);
  for (const m of src.matchAll(/\binclude\s*\(\s*("[^"]*"|[^\s)]+)/gi)) { at = m.index; const f = m[1]!.replace(/^"|"$/g, ''); if (/\/|\.cmake$/.test(f)) lines.push(`sh ${q(f)}`); }
  // (message() of the environment prints it, as echo "$X" does; set(ENV{X} …) is the environment of the programs it starts later.)
  for (const m of src.matchAll(/\bmessage\s*\(((?:[^()"]|"(?:[^"\\]|\\.)*")*)\)/gi)) if (/\$ENV\{/.test(m[1]!)) at = m.index, lines.push(`echo ${words(m[1]!).filter((w) => !/^(STATUS|WARNING|AUTHOR_WARNING|SEND_ERROR|FATAL_ERROR|DEPRECATION|NOTICE|VERBOSE|DEBUG|TRACE|CHECK_START|CHECK_PASS|CHECK_FAIL|CONFIGURE_LOG)$/.test(w)).map((w) => `"${w.replace(/["\\`]/g, '\\$&')}"`).join(' ')}`);
  for (const m of src.matchAll(/\bset\s*\(\s*ENV\{(\w+)\}((?:[^()"]|"(?:[^"\\]|\\.)*")*)\)/gi)) at = m.index, lines.push(`export ${m[1]}="${words(m[2]!).join(';').replace(/\$\{CMAKE_(?:CURRENT_)?(?:SOURCE|BINARY|LIST)_DIR\}/g, '$$PWD').replace(/["\\`]/g, '\\$&')}"`);
  for (const m of src.matchAll(/\b(file|execute_process|exec_program)\s*\(((?:[^()"]|"(?:[^"\\]|\\.)*"|\((?:[^()"]|"(?:[^"\\]|\\.)*")*\))*)\)/gi)) {
    at = m.index;
    const cmd = m[1]!.toLowerCase();
    const a = words(m[2]!);
    if (cmd === 'file') {
      const [verb = '', ...rest] = a;
      const v = verb.toUpperCase();
      if (v === 'DOWNLOAD' && rest[0]) lines.push(`curl -o ${q(rest[1] ?? 'cmake-download')} ${q(rest[0])}`);
      else if (v === 'UPLOAD' && rest[0] && rest[1]) lines.push(`curl -T ${q(rest[0])} ${q(rest[1])}`);
      else if (/^(READ|STRINGS)$/.test(v) && rest[0]) lines.push(`cat ${q(rest[0])}`);
      else if (/^(SHA\d+|MD5|SIZE|TIMESTAMP)$/.test(v) && rest[0]) lines.push(`sha256sum ${q(rest[0])}`);
      // (CONFIGURE OUTPUT F CONTENT "…" and GENERATE OUTPUT F CONTENT "…" write F.)
      else if (/^(CONFIGURE|GENERATE)$/.test(v) && rest.indexOf('OUTPUT') >= 0 && rest[rest.indexOf('OUTPUT') + 1]) lines.push(`printf %s ${q(rest[rest.indexOf('CONTENT') + 1] ?? '')} > ${q(rest[rest.indexOf('OUTPUT') + 1]!)}`);
      else if (/^(WRITE|APPEND)$/.test(v) && rest[0]) lines.push(`printf %s ${q(rest.slice(1).join(''))} ${v === 'APPEND' ? '>>' : '>'} ${q(rest[0])}`);
      else if (/^REMOVE(_RECURSE)?$/.test(v) && rest.length) lines.push(`rm -rf ${rest.map(q).join(' ')}`);
      else if (/^(COPY|INSTALL)$/.test(v)) { const d = rest.indexOf('DESTINATION'); if (d > 0 && rest[d + 1]) lines.push(`cp -r ${rest.slice(0, d).map(q).join(' ')} ${q(rest[d + 1]!)}`); }
      else if (/^(RENAME|COPY_FILE|CREATE_LINK)$/.test(v) && rest[0] && rest[1]) lines.push(`${v === 'RENAME' ? 'mv' : v === 'CREATE_LINK' ? 'ln -s' : 'cp'} ${q(rest[0])} ${q(rest[1])}`);
      else if (v === 'MAKE_DIRECTORY' && rest.length) lines.push(`mkdir -p ${rest.map(q).join(' ')}`);
      else if (v === 'TOUCH' && rest.length) lines.push(`touch ${rest.map(q).join(' ')}`);
      else if (v === 'ARCHIVE_CREATE') {
        // (OUTPUT F PATHS P… [FORMAT …]: an archive of P… written to F.)
        const o = rest.indexOf('OUTPUT');
        const paths = rest.slice(rest.indexOf('PATHS') + 1);
        const end = paths.findIndex((w) => /^(FORMAT|COMPRESSION|COMPRESSION_LEVEL|MTIME|VERBOSE|OUTPUT)$/.test(w));
        if (o >= 0 && rest[o + 1] && rest.includes('PATHS')) lines.push(`tar -czf ${q(rest[o + 1]!)} ${paths.slice(0, end < 0 ? undefined : end).map(q).join(' ')}`);
      }
      else if (v === 'ARCHIVE_EXTRACT') { const i = rest.indexOf('INPUT'); const d = rest.indexOf('DESTINATION'); if (i >= 0 && rest[i + 1]) lines.push(`tar -xf ${q(rest[i + 1]!)}${d >= 0 && rest[d + 1] ? ` -C ${q(rest[d + 1]!)}` : ''}`); }
    } else if (cmd === 'execute_process') {
      // COMMAND a b [COMMAND c d …] are a pipeline; INPUT_FILE / OUTPUT_FILE / ERROR_FILE redirect it.
      const KEYS = /^(COMMAND|WORKING_DIRECTORY|TIMEOUT|RESULT_VARIABLE|RESULTS_VARIABLE|OUTPUT_VARIABLE|ERROR_VARIABLE|INPUT_FILE|OUTPUT_FILE|ERROR_FILE|OUTPUT_QUIET|ERROR_QUIET|COMMAND_ECHO|OUTPUT_STRIP_TRAILING_WHITESPACE|ERROR_STRIP_TRAILING_WHITESPACE|ENCODING|ECHO_OUTPUT_VARIABLE|ECHO_ERROR_VARIABLE|COMMAND_ERROR_IS_FATAL)$/;
      const cmds: string[][] = [];
      const redir: string[] = [];
      for (let i = 0; i < a.length; i++) {
        if (a[i] === 'COMMAND') { const c: string[] = []; while (a[i + 1] !== undefined && !KEYS.test(a[i + 1]!)) c.push(a[++i]!); cmds.push(c); }
        else if (a[i] === 'INPUT_FILE' && a[i + 1]) redir.push(`< ${q(a[++i]!)}`);
        else if (/^(OUTPUT_FILE|ERROR_FILE)$/.test(a[i]!) && a[i + 1]) redir.push(`${a[i] === 'ERROR_FILE' ? '2' : ''}> ${q(a[++i]!)}`);
        else if (a[i] === 'WORKING_DIRECTORY' && a[i + 1]) lines.push(`cd ${q(a[++i]!)}`);
      }
      if (cmds.length) lines.push(`${cmds.map((c) => c.map(q).join(' ')).join(' | ')} ${redir.join(' ')}`.trim());
    } else if (cmd === 'exec_program' && a[0]) {
      const args = a.indexOf('ARGS');
      lines.push([a[0], ...(args >= 0 ? a.slice(args + 1).filter((w) => !/^(OUTPUT_VARIABLE|RETURN_VALUE)$/.test(w)) : [])].join(' '));
    }
  }
  return found.sort((x, y) => x[0] - y[0]).map(([, l]) => l);
}
