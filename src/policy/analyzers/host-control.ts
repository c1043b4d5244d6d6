// Commands that take control of the machine itself rather than the project: kernel modules and
// settings, mounts, namespaces and chroots, stopping the machine's services (its security and logging daemons too).
// A coding task rarely needs them, and each can hide or undo what the other layers see: a person
// decides (rule `host-control`, ask). (A debugger attached to a process — gdb -p, strace -p — is
// everyday debugging of one's own server, and the kernel's ptrace rules keep it to the user's own
// processes: not judged here.)
// Container options with the same reach (--privileged, the Docker socket …) are the docker
// analyzer's; kills of watchers found by name (kill $(pgrep auditd)) are read by the line judge.

/** Daemons that watch or record the machine: stopping one blinds whoever audits it. */
const WATCHERS = /^(auditd|osqueryd?|falco|falcon-sensor|crowdstrike|wazuh-agentd?|wazuh-agent|ossec\w*|aide|chkrootkit|rkhunter|rsyslogd?|syslog-ng|systemd-journald|journald|clamd|fail2ban-server|fail2ban|sysdig|tetragon|santad?|auditbeat|filebeat|elastic-agent|sentinel\w*|cbagentd|cbdaemon|tanium\w*|qualys-cloud-agent|nessus\w*|lulu|littlesnitch\w*)$/i;

/** Why a command controls the machine, or undefined. */
export function hostControl(name: string, args: readonly string[]): string | undefined {
  const first = args.find((a) => !a.startsWith('-'));
  switch (name) {
    case 'insmod': case 'rmmod':
      return `${name} changes the running kernel's modules`;
    case 'modprobe':
      // (-n/--dry-run, -c/--showconfig, --show-depends and -D only print.)
      return args.some((a) => /^(-n|--dry-run|-c|--showconfig|--show-depends|-D|--show|-V|--version|-h|--help)$/.test(a)) ? undefined : 'modprobe changes the running kernel\'s modules';
    case 'kmod':
      return /^(load|unload|insert|remove)$/.test(first ?? '') ? 'kmod changes the running kernel\'s modules' : undefined;
    case 'mount': case 'umount':
      // (mount with no operands, -l or --list only lists; findmnt is the reader.)
      return args.some((a) => !/^(-l|--list|-h|--help|-V|--version)$/.test(a)) ? `${name} changes what the machine's file systems show` : undefined;
    case 'sysctl':
      return args.some((a) => /^(-w|--write|-p|--load|--system)$|^--load=/.test(a) || (!a.startsWith('-') && a.includes('='))) ? 'sysctl changes a kernel setting' : undefined;
    case 'unshare': {
      // A network, user, pid, ipc or uts namespace of its own only takes from what the command can reach (unshare -r -n
      // npm test runs the tests offline); the command itself is judged as any other. A mount namespace or a new root can
      // hide what this machine's programs see (the shims among them).
      const opts = args.slice(0, Math.max(0, args.findIndex((a) => !a.startsWith('-')))).filter((a) => a !== '--');
      const isolating = opts.every((a) => /^-[nrUpfiuc]+$|^--(net|map-root-user|map-current-user|user|pid|fork|ipc|uts|kill-child)(=.*)?$/.test(a));
      return isolating && args.some((a) => !a.startsWith('-')) ? undefined : 'unshare changes the root or the namespaces programs run in';
    }
    case 'chroot': case 'pivot_root': case 'nsenter': case 'switch_root':
      return `${name} changes the root or the namespaces programs run in`;
    case 'ip':
      return args[0] === 'netns' && /^(add|del|delete|exec|attach|set)$/.test(args[1] ?? '') ? 'ip netns changes or enters network namespaces' : undefined;
    // Stopping, disabling or masking one of the machine's services (not the user's own: --user).
    case 'systemctl': {
      // (Options with a value — -H host, -s SIGNAL, --kill-whom=… — are no verb or unit.)
      const words = args.filter((a, k) => !a.startsWith('-') && !/^(-[HMtpsnoP]|--(host|machine|type|property|signal|kill-whom|lines|output|state|root|job-mode|what|when|message|timestamp|kill-value))$/.test(args[k - 1] ?? ''));
      if (args.includes('--user') || !/^(stop|disable|mask|kill)$/.test(words[0] ?? '')) return undefined;
      return words.length > 1 ? `systemctl ${words[0]} ${words.slice(1).join(' ')} stops a service of the machine` : undefined;
    }
    case 'service': {
      const [unit, verb] = args.filter((a) => !a.startsWith('-'));
      return unit && /^(stop|disable)$/.test(verb ?? '') ? `service ${unit} ${verb} stops a service of the machine` : undefined;
    }
    default:
      return undefined;
  }
}

/** A kill whose targets are found by name (kill $(pgrep auditd), pkill falco, killall -STOP osqueryd) stopping a watcher. */
export function stopsWatcher(name: string, args: readonly string[], text: string): string | undefined {
  const names = name === 'pkill' || name === 'killall' ? args.filter((a) => !a.startsWith('-')) : name === 'kill' ? [...text.matchAll(/\b(?:pgrep|pidof)\s+(?:-\S+\s+)*['"]?([\w.-]+)/g)].map((m) => m[1]!) : [];
  const hit = names.find((n) => WATCHERS.test(n));
  return hit ? `${name} stops ${hit}, which watches or records the machine` : undefined;
}
