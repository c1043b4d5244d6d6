// Options and settings through which a tool runs another program later: make's variables
// (CC=, SHELL=), cmake's launchers and compilers, go -toolexec/-exec/-vettool, cargo's runner, ripgrep's
// preprocessor, npm/pnpm/yarn configuration of the script shell, the init module or node options.
// Each is returned as [what, value] for programSetting to judge.

import { configSetPairs } from './package-settings.js';

/** Make variables that recipes run as programs. */
const MAKE_PROGRAMS = /^(CC|CXX|CPP|LD|AR|AS|FC|F77|RANLIB|STRIP|OBJCOPY|NM|SHELL|MAKE|INSTALL|RM|LEX|YACC|PERL|PYTHON)$/;
/** Package-manager settings that name a program or module it runs. */
const PKG_PROGRAM_KEYS = /^(script-shell|shell|git|editor|browser|viewer|init-module|init\.module|yarnPath|yarn-path|node-options|nodeOptions)$/;

/** The JVM's failure hooks: /bin/sh -c runs the text (`;` separates commands, %p is the JVM's pid) when it crashes or runs out
 *  of memory, which the same line can force (-Xmx1m). Launchers hand -J options to their JVM. */
const JVM_HOOKS = ['-XX:OnError', '-XX:OnOutOfMemoryError', '-XX:+OnError', '-XX:+OnOutOfMemoryError', '-J-XX:OnError', '-J-XX:OnOutOfMemoryError'];
/** Per tool, options whose value is a program or command line it runs later, and how the tool fills in its placeholders. */
const PROGRAM_FLAGS: Record<string, { flags: string[]; fill?: (v: string) => string }> = {
  // (tcpdump -z PROG runs PROG FILE on each file -C/-G rotates out of -w.)
  tcpdump: { flags: ['-z'] },
  // (What a backup or sync tool runs to get its repository password, through the shell.)
  restic: { flags: ['--password-command'] },
  rclone: { flags: ['--password-command'] },
  // (bazel run/test --run_under=PREFIX: the target runs under that command.)
  bazel: { flags: ['--run_under'] },
  bazelisk: { flags: ['--run_under'] },
  yarn: { flags: ['--script-shell'] },
  // (The program that gains root for the build, and the hooks run at each stage.)
  'dpkg-buildpackage': { flags: ['--rootcmd', '--check-command', '--sign-command', '--hook-init', '--hook-preclean', '--hook-source', '--hook-build', '--hook-binary', '--hook-buildinfo', '--hook-changes', '--hook-postclean', '--hook-check', '--hook-sign', '--hook-done'] },
  debuild: { flags: ['--rootcmd'] },
  java: { flags: JVM_HOOKS, fill: (v) => v.replace(/%p/g, '4242').replace(/%%/g, '%') },
};
for (const v of ['javaw', 'javac', 'jshell', 'jar', 'javadoc', 'jdb', 'keytool', 'jarsigner', 'jlink', 'jpackage', 'kotlin', 'kotlinc', 'scala', 'groovy', 'sbt', 'clj', 'clojure']) PROGRAM_FLAGS[v] = PROGRAM_FLAGS.java!;

/** apt -o KEY=VALUE: the hooks apt runs through sh -c (APT::Update::Pre-Invoke, DPkg::Post-Invoke …) and the programs it runs in
 *  place of its own (Dir::Bin::dpkg, APT::Key::gpgvcommand, Acquire::http::Proxy-Auto-Detect), in every spelling of -o. */
function aptPrograms(name: string, args: readonly string[]): [string, string][] {
  const out: [string, string][] = [];
  for (let k = 0; k < args.length && args[k] !== '--'; k++) {
    const a = args[k]!;
    const kv = /^(-o|--option)$/.test(a) ? args[k + 1] : /^--option=/.test(a) ? a.slice(9) : /^-o./.test(a) ? a.slice(2) : undefined;
    const m = kv === undefined ? null : /^\s*([\w:.\-/]+?)(?:::)?\s*=\s*(.*)$/s.exec(kv);
    if (!m) continue;
    const key = m[1]!.toLowerCase();
    const value = m[2]!.replace(/^"(.*)"$/s, '$1');
    if (value !== '' && /^(apt::update::(pre|post)-invoke(-success)?|dpkg::(pre|post)-invoke(-success)?|dpkg::(pre|post)-install-pkgs|dir::bin::[\w-]+|apt::key::gpgvcommand|acquire::[\w-]+::proxy-?auto-?detect|dpkg::path)$/.test(key)) out.push([`${name} -o ${m[1]}`, value]);
  }
  return out;
}

export function programOptions(name: string, args: readonly string[]): [string, string][] {
  const out: [string, string][] = [];
  const valueOf = (k: number, flag: string): string | undefined => (args[k] === flag ? args[k + 1] : args[k]!.startsWith(`${flag}=`) ? args[k]!.slice(flag.length + 1) : undefined);
  for (const flag of PROGRAM_FLAGS[name]?.flags ?? []) for (let k = 0; k < args.length && args[k] !== '--'; k++) {
    // (A short option's value may be attached: tcpdump -z/tmp/x.)
    const v = valueOf(k, flag) ?? (/^-[a-zA-Z]$/.test(flag) && args[k]!.startsWith(flag) && args[k]!.length > 2 ? args[k]!.slice(2) : undefined);
    if (v !== undefined) out.push([`${name} ${flag}`, PROGRAM_FLAGS[name]!.fill?.(v) ?? v]);
  }
  if (/^(apt|apt-get|apt-cache|aptitude|apt-mark)$/.test(name)) out.push(...aptPrograms(name, args));
  if (/^(g?make|bmake|remake)$/.test(name)) {
    for (const a of args) {
      const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(a);
      if (m && MAKE_PROGRAMS.test(m[1]!)) out.push([`make ${m[1]}=`, m[2]!]);
    }
  }
  if (name === 'cmake') {
    for (const a of args) {
      const m = /^-D(CMAKE_\w*(LAUNCHER|COMPILER|LINKER)\w*)(?::\w+)?=(.*)$/s.exec(a);
      if (m) out.push([`cmake -D${m[1]}`, m[3]!]);
    }
  }
  if (name === 'go') {
    for (let k = 0; k < args.length; k++) for (const flag of ['-toolexec', '--toolexec', '-exec', '--exec', '-vettool', '--vettool']) {
      const v = valueOf(k, flag);
      if (v !== undefined) out.push([`go ${flag}`, v]);
    }
  }
  if (name === 'cargo') {
    for (let k = 0; k < args.length; k++) {
      const v = valueOf(k, '--config');
      const m = v && /(?:^|\.)(runner|linker|rustc-wrapper|rustc|rustdoc)\s*=\s*["']?([^"'\]]+)/.exec(v);
      if (m) out.push([`cargo --config ${m[1]}`, m[2]!.trim()]);
    }
  }
  if (name === 'tar' || name === 'bsdtar') {
    for (let k = 0; k < args.length; k++) for (const flag of ['--to-command', '--use-compress-program', '--info-script', '--new-volume-script', '-I']) {
      const v = valueOf(k, flag);
      if (v !== undefined) out.push([`tar ${flag}`, v]);
    }
  }
  // aria2c's event hooks run a program with the download's path as an argument: a shell there runs the download.
  if (name === 'aria2c') {
    for (let k = 0; k < args.length; k++) for (const flag of ['--on-download-complete', '--on-download-start', '--on-download-error', '--on-download-pause', '--on-download-stop', '--on-bt-download-complete']) {
      const v = valueOf(k, flag);
      if (v !== undefined) out.push([`aria2c ${flag}`, v]);
    }
  }
  // Libraries and helper programs ssh's tools and openssl load: a PKCS#11 provider, an sftp
  // server, the ssh program scp/sftp run, an engine's shared object.
  const sshLoads: Record<string, string[]> = { 'ssh-add': ['-s', '-S'], 'ssh-keygen': ['-D'], ssh: ['-I'], scp: ['-S'], sftp: ['-S', '-D'] };
  for (const flag of sshLoads[name] ?? []) {
    for (let k = 0; k < args.length; k++) {
      const v = valueOf(k, flag) ?? (args[k]!.startsWith(flag) && args[k]!.length > 2 && !args[k]!.startsWith('--') ? args[k]!.slice(2) : undefined);
      if (v !== undefined) out.push([`${name} ${flag}`, v]);
    }
  }
  if (name === 'openssl') {
    for (let k = 0; k < args.length; k++) {
      const so = /^(?:SO_PATH|LOAD_PATH|MODULE_PATH):(.+)$/.exec(args[k]!);
      if (so && /^-(pre|post)$/.test(args[k - 1] ?? '')) out.push(['openssl engine SO_PATH', so[1]!]);
      for (const flag of ['-provider-path', '-engine']) {
        const v = valueOf(k, flag);
        if (v !== undefined && v.includes('/')) out.push([`openssl ${flag}`, v]);
      }
    }
  }
  // enable -f LIB NAME loads a bash builtin from a shared library.
  if (name === 'enable') for (let k = 0; k < args.length; k++) if (args[k] === '-f' && args[k + 1]) out.push(['enable -f', args[k + 1]!]);
  // compgen -C CMD / complete -C CMD run CMD to produce completions (compgen at once).
  if (name === 'compgen' || name === 'complete') for (let k = 0; k < args.length; k++) if (args[k] === '-C' && args[k + 1]) out.push([`${name} -C`, args[k + 1]!]);
  // sort --compress-program=PROG runs PROG on its temporary files.
  if (name === 'sort') for (let k = 0; k < args.length; k++) {
    const v = valueOf(k, '--compress-program');
    if (v !== undefined) out.push(['sort --compress-program', v]);
  }
  // sqlite3 '.load LIB' loads a shared library into the process.
  if (name === 'sqlite3') for (const a of args) for (const m of a.matchAll(/^\s*\.load\s+(\S+)/gm)) out.push(['sqlite3 .load', m[1]!.replace(/^['"]|['"]$/g, '')]);
  // wget --use-askpass=PROGRAM runs PROGRAM for the credentials.
  if (name === 'wget') for (let k = 0; k < args.length; k++) {
    const v = valueOf(k, '--use-askpass');
    if (v !== undefined) out.push(['wget --use-askpass', v]);
    // (…and so does the wgetrc command use_askpass given to -e/--execute: init.c drops '-' and '_' from its name, any case.)
    const cmd = /^(-e|--execute)$/.test(args[k - 1] ?? '') ? args[k]! : /^(?:-[a-zA-Z]*?e|--execute=)(.+)$/s.exec(args[k]!)?.[1];
    const set = cmd === undefined ? null : /^\s*([A-Za-z_-]+)\s*=\s*(.*?)\s*$/s.exec(cmd);
    if (set && set[1]!.replace(/[-_]/g, '').toLowerCase() === 'useaskpass' && set[2] !== '') out.push(['wget -e use_askpass', set[2]!]);
  }
  // man's pager and browser, install's strip program, zip's test command: run by path as the setting names them.
  const named: Record<string, string[]> = { man: ['-P', '--pager', '-H', '--html'], install: ['--strip-program'], zip: ['-TT', '--unzip-command'] };
  for (const flag of named[name] ?? []) for (let k = 0; k < args.length; k++) {
    // (A short option's value may be attached: man -P/tmp/x.)
    const v = valueOf(k, flag) ?? (/^-[A-Z]$/.test(flag) && args[k]!.startsWith(flag) && args[k]!.length > 2 ? args[k]!.slice(2) : undefined);
    if (v !== undefined) out.push([`${name} ${flag}`, v]);
  }
  if (name === 'rg') {
    for (let k = 0; k < args.length; k++) {
      const v = valueOf(k, '--pre');
      if (v !== undefined) out.push(['rg --pre', v]);
      // (--hostname-bin names the program rg runs to learn the host name for its hyperlinks.)
      const host = valueOf(k, '--hostname-bin');
      if (host !== undefined) out.push(['rg --hostname-bin', host]);
    }
  }
  if (/^(npm|pnpm|yarn)$/.test(name)) {
    // config set KEY VALUE (the value may start with a dash: --require …).
    // (Past the options before the key: -L/--location take the next word, so -L project script-shell X sets script-shell.)
    for (const [key, val] of configSetPairs(name, args)) if (PKG_PROGRAM_KEYS.test(key)) out.push([`${name} config ${key}`, val]);
  }
  return out;
}

/** Key files less takes by option, as the variable that would name them: less -k F as LESSKEY=F. (screen -c is read where screen is unwrapped.) */
export function configOptions(name: string, args: readonly string[]): [string, string][] {
  const rows: Record<string, [RegExp, string][]> = { less: [[/^(-k|--lesskey-file)$/, 'LESSKEY'], [/^--lesskey-src$/, 'LESSKEY_SRC'], [/^--lesskey-content$/, 'LESSKEY_CONTENT']] };
  const out: [string, string][] = [];
  for (const [flag, variable] of rows[name] ?? []) for (let k = 0; k < args.length; k++) {
    const m = /^(--[\w-]+)=(.*)$/s.exec(args[k]!) ?? /^(-k)(.+)$/s.exec(args[k]!);
    if (flag.test(args[k - 1] ?? '')) out.push([variable, args[k]!]);
    else if (m && flag.test(m[1]!)) out.push([variable, m[2]!]);
  }
  return out;
}
