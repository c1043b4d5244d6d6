// Development VMs' and containers' own `ssh` verbs run a command line there: `vagrant ssh -c CMD`, `lando ssh -c CMD`,
// `minikube ssh CMD`, `podman machine ssh [NAME] CMD`. What runs is a shell line, not ssh's options and host (lando's -c
// is no cipher). Where the tool syncs the project (vagrant's /vagrant, lando's /app) a path there is the project's, and
// where it shares the user's home elsewhere (lando's /user) a path there is the home's; a VM with a file system of its
// own (vagrant, lando, minikube) is judged there; one that mounts the user's home at the same path (podman machine), or
// one not known, as if it ran here. (colima and lima are elsewhere.ts's, with the mounts they are given.)

interface VmShell {
  /** The tool, and the words before its ssh verb's own options (podman machine ssh). */
  tool: RegExp;
  verb: readonly string[];
  /** Options of the verb that take a value (not the command). */
  valued: RegExp;
  /** Directories inside that are this machine's: the synced project, the shared home. */
  mounts?: Record<string, 'project' | 'home'>;
  /** The tool has a file system of its own (a VM's, not a mount of this machine's home): judged there, and here only
   *  for what names the synced project. */
  ownFs?: boolean;
}

const VM_SHELLS: VmShell[] = [
  { tool: /^vagrant$/, verb: ['ssh'], valued: /^(-p|--plain)$/, mounts: { '/vagrant': 'project' }, ownFs: true },
  { tool: /^lando$/, verb: ['ssh'], valued: /^(-s|--service|-u|--user)$/, mounts: { '/app': 'project', '/user': 'home' }, ownFs: true },
  { tool: /^minikube$/, verb: ['ssh'], valued: /^(-p|--profile|-n|--node)$/, ownFs: true },
  { tool: /^podman$/, verb: ['machine', 'ssh'], valued: /^(--username)$/ },
  { tool: /^docker-machine$/, verb: ['ssh'], valued: /^$/ },
];

/** The command line a VM's ssh verb runs, where the project is synced there, and whether it has a file system of its own. */
export function vmShellCommand(name: string, args: readonly string[]): { line: string; mounts?: Record<string, 'project' | 'home'>; ownFs: boolean } | undefined {
  const vm = VM_SHELLS.find((v) => v.tool.test(name) && v.verb.every((w, k) => args[k] === w));
  if (!vm) return undefined;
  const rest = args.slice(vm.verb.length);
  const dd = rest.indexOf('--');
  let line: string | undefined;
  const before = dd < 0 ? rest : rest.slice(0, dd);
  for (let k = 0; k < before.length; k++) {
    const a = before[k]!;
    if (/^(-c|--command)$/.test(a)) line = before[++k];
    else if (a.startsWith('--command=')) line = a.slice(10);
    else if (a.startsWith('-c=')) line = a.slice(3);
    else if (vm.valued.test(a)) k++;
  }
  // (ssh joins the words it runs with blanks, and the far shell reads them again; so does an operand with spaces.)
  if (line === undefined && dd >= 0 && dd < rest.length - 1) line = rest.slice(dd + 1).join(' ');
  if (line === undefined) {
    const ops = before.filter((a, k) => !a.startsWith('-') && !vm.valued.test(before[k - 1] ?? ''));
    // (A first operand without blanks may name the machine: podman machine ssh dev 'uptime'.
    // Or not: podman machine ssh rm -rf ~ runs rm -rf ~ on the default machine. Both readings are judged, each with the
    // words as written — options included.)
    const cmd = ops.findIndex((a) => /\s/.test(a));
    const f = before.findIndex((a, k) => !a.startsWith('-') && !vm.valued.test(before[k - 1] ?? ''));
    if (cmd >= 0) line = ops.slice(cmd).join(' ');
    else if (ops.length > 0 && name === 'podman') line = [before.slice(f + 1), before.slice(f)].filter((w) => w.length > 0).map((w) => w.join(' ')).join('\n');
    else if (ops.length > 0 && name === 'minikube') line = ops.join(' ');
  }
  return line === undefined ? undefined : { line, ...(vm.mounts ? { mounts: vm.mounts } : {}), ownFs: vm.ownFs === true };
}
