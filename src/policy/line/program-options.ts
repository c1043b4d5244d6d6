// Options and settings through which a tool runs another program later: make's variables
// (CC=, SHELL=), cmake's launchers and compilers, go -toolexec/-exec/-vettool, cargo's runner, ripgrep's
// preprocessor, npm/pnpm/yarn configuration of the script shell, the init module or node options.
// Each is returned as [what, value] for programSetting to judge.

/** Make variables that recipes run as programs. */
const MAKE_PROGRAMS = /^(CC|CXX|CPP|LD|AR|AS|FC|F77|RANLIB|STRIP|OBJCOPY|NM|SHELL|MAKE|INSTALL|RM|LEX|YACC|PERL|PYTHON)$/;
/** Package-manager settings that name a program or module it runs. */
const PKG_PROGRAM_KEYS = /^(script-shell|shell|git|editor|browser|viewer|init-module|init\.module|yarnPath|yarn-path|node-options|nodeOptions)$/;

export function programOptions(name: string, args: readonly string[]): [string, string][] {
  const out: [string, string][] = [];
  const valueOf = (k: number, flag: string): string | undefined => (args[k] === flag ? args[k + 1] : args[k]!.startsWith(`${flag}=`) ? args[k]!.slice(flag.length + 1) : undefined);
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
    }
  }
  if (/^(npm|pnpm|yarn)$/.test(name)) {
    // config set KEY VALUE (the value may start with a dash: --require …).
    const set = args.findIndex((a, k) => a === 'set' && args[k - 1] === 'config');
    const keyArg = set >= 0 ? args.slice(set + 1).find((a) => !/^--?(global|location|-g|-L|workspaces?)(=|$)/.test(a)) : undefined;
    if (keyArg) {
      const rest = args.slice(args.indexOf(keyArg, set + 1) + 1);
      const [key, val] = keyArg.includes('=') ? [keyArg.slice(0, keyArg.indexOf('=')), keyArg.slice(keyArg.indexOf('=') + 1)] : [keyArg, rest[0] ?? ''];
      if (PKG_PROGRAM_KEYS.test(key)) out.push([`${name} config ${key}`, val]);
    }
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
