// The programs Rampart's PATH shims stand in for by default (DESIGN): shared by the installer and
// by the judge, which treats a real one found before the shims as a bypass. Pure.
export const DEFAULT_BINS: readonly string[] = ['curl', 'wget', 'ssh', 'scp', 'sftp', 'rsync', 'git', 'rm', 'npm', 'npx', 'nc', 'ncat', 'netcat', 'socat'];
