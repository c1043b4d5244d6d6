/*
 * rampart-shim: one multi-call PATH shim. Installed once per shims directory; each guarded
 * binary (curl, git, rm, ...) is a symlink to it, and basename(argv[0]) says which one ran.
 *
 * Per call: read the config written at install time beside this binary (never from the
 * environment: the agent controls the environment), send one JSON line describing the
 * call to the decision server over its Unix socket, and on "allow" execv() the real binary
 * (first match on PATH outside the shims directory) with the argv exactly as received.
 * Anything else -- deny, no server, a malformed reply, a timeout -- exits 126 (fail closed).
 *
 * Wire strings: a byte string that is valid UTF-8 travels as a JSON string; otherwise as
 * {"b64":"..."} holding the raw bytes, so the server judges the exact bytes.
 *
 * Build: cc -O2 -Wall -Wextra [-static] -o rampart-shim rampart-shim.c   (static saves the
 * dynamic loader, ~0.2 ms per call; `rampart shims install` tries it first)
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define PROTOCOL_VERSION 1
#define GUARD_VAR "RAMPART_SHIM_GUARD"
#define REPLY_TIMEOUT_MS 15000
#define START_WAIT_MS 10000

extern char **environ;

/* ---- growable buffer ---------------------------------------------------------------- */
typedef struct { char *p; size_t n, cap; } buf_t;

static void die_oom(void) { fputs("rampart: denied: no decision (out of memory)\n", stderr); _exit(126); }

static void put(buf_t *b, const char *s, size_t len) {
  if (b->n + len + 1 > b->cap) {
    size_t cap = b->cap ? b->cap : 4096;
    while (cap < b->n + len + 1) cap *= 2;
    char *p = realloc(b->p, cap);
    if (!p) die_oom();
    b->p = p; b->cap = cap;
  }
  memcpy(b->p + b->n, s, len);
  b->n += len;
  b->p[b->n] = 0;
}
static void puts_(buf_t *b, const char *s) { put(b, s, strlen(s)); }
static void putnum(buf_t *b, long v) { char t[32]; snprintf(t, sizeof t, "%ld", v); puts_(b, t); }

/* ---- JSON encoding ------------------------------------------------------------------ */
static int valid_utf8(const unsigned char *s, size_t n) {
  size_t i = 0;
  while (i < n) {
    unsigned c = s[i];
    size_t k;
    unsigned min;
    if (c < 0x80) { i++; continue; }
    else if ((c & 0xE0) == 0xC0) { k = 1; min = 0x80; c &= 0x1F; }
    else if ((c & 0xF0) == 0xE0) { k = 2; min = 0x800; c &= 0x0F; }
    else if ((c & 0xF8) == 0xF0) { k = 3; min = 0x10000; c &= 0x07; }
    else return 0;
    for (size_t j = 1; j <= k; j++) {
      if (i + j >= n || (s[i + j] & 0xC0) != 0x80) return 0;
      c = (c << 6) | (s[i + j] & 0x3F);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return 0;
    i += k + 1;
  }
  return 1;
}

static void put_b64(buf_t *b, const unsigned char *s, size_t n) {
  static const char T[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  char q[4];
  for (size_t i = 0; i < n; i += 3) {
    unsigned v = s[i] << 16 | (i + 1 < n ? s[i + 1] << 8 : 0) | (i + 2 < n ? s[i + 2] : 0);
    q[0] = T[v >> 18 & 63]; q[1] = T[v >> 12 & 63];
    q[2] = i + 1 < n ? T[v >> 6 & 63] : '=';
    q[3] = i + 2 < n ? T[v & 63] : '=';
    put(b, q, 4);
  }
}

/* A wire string: JSON string when valid UTF-8, else {"b64":...}. */
static void put_str(buf_t *b, const char *str) {
  const unsigned char *s = (const unsigned char *)str;
  size_t n = strlen(str);
  if (!valid_utf8(s, n)) { puts_(b, "{\"b64\":\""); put_b64(b, s, n); puts_(b, "\"}"); return; }
  put(b, "\"", 1);
  for (size_t i = 0; i < n; i++) {
    unsigned char c = s[i];
    if (c == '"' || c == '\\') { char e[2] = {'\\', (char)c}; put(b, e, 2); }
    else if (c < 0x20 || c == 0x7f) { char e[8]; snprintf(e, sizeof e, "\\u%04x", c); put(b, e, 6); }
    else put(b, (const char *)&s[i], 1);
  }
  put(b, "\"", 1);
}

/* ---- install-time configuration ----------------------------------------------------- */
static struct { char socket[PATH_MAX], shims_dir[PATH_MAX], fail[16], node[PATH_MAX], rampart[PATH_MAX],
                rampart_home[PATH_MAX], home[PATH_MAX], project[PATH_MAX], log[PATH_MAX]; } conf;
static char self_exe[PATH_MAX];

static int read_conf(void) {
  ssize_t k = readlink("/proc/self/exe", self_exe, sizeof self_exe - 1);
  if (k <= 0) return -1;
  self_exe[k] = 0;
  char path[PATH_MAX + 32];
  char *slash = strrchr(self_exe, '/');
  snprintf(path, sizeof path, "%.*s/.rampart-shim.conf", (int)(slash - self_exe), self_exe);
  FILE *f = fopen(path, "r");
  if (!f) return -1;
  char line[PATH_MAX + 64];
  strcpy(conf.fail, "closed");
  while (fgets(line, sizeof line, f)) {
    line[strcspn(line, "\n")] = 0;
    char *eq = strchr(line, '=');
    if (!eq || line[0] == '#') continue;
    *eq = 0;
    const char *k2 = line, *v = eq + 1;
#define SET(name) if (!strcmp(k2, #name)) snprintf(conf.name, sizeof conf.name, "%s", v);
    SET(socket) SET(shims_dir) SET(fail) SET(node) SET(rampart) SET(rampart_home) SET(home) SET(project) SET(log)
#undef SET
  }
  fclose(f);
  return conf.socket[0] ? 0 : -1;
}

/* ---- finding the real binary -------------------------------------------------------- */
/* Canonical comparison by (device, inode): no realpath() walk on the hot path. */
static int find_real(const char *name, char *out) {
  struct stat shims_st, self_st, st;
  int have_shims = stat(conf.shims_dir, &shims_st) == 0;
  if (stat("/proc/self/exe", &self_st) != 0) return -1;
  const char *path = getenv("PATH");
  if (!path || !*path) path = "/usr/local/bin:/usr/bin:/bin";
  const char *p = path;
  while (1) {
    const char *e = strchr(p, ':');
    size_t len = e ? (size_t)(e - p) : strlen(p);
    char dir[PATH_MAX], cand[PATH_MAX + 256];
    snprintf(dir, sizeof dir, "%.*s", (int)len, len ? p : ".");
    /* Candidate first (most PATH entries lack it), then rule out the shims directory. */
    struct stat dst;
    if ((size_t)snprintf(cand, sizeof cand, "%s/%s", dir, name) < PATH_MAX &&
        stat(cand, &st) == 0 && S_ISREG(st.st_mode) &&
        !(st.st_dev == self_st.st_dev && st.st_ino == self_st.st_ino) &&
        !(have_shims && stat(dir, &dst) == 0 && dst.st_dev == shims_st.st_dev && dst.st_ino == shims_st.st_ino) &&
        access(cand, X_OK) == 0) {
      strcpy(out, cand);
      return 0;
    }
    if (!e) return -1;
    p = e + 1;
  }
}

/* ---- the request -------------------------------------------------------------------- */
static int env_wanted(const char *kv) {
  static const char *exact[] = {"http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "all_proxy",
                                "no_proxy", "NO_PROXY", "ftp_proxy", "FTP_PROXY", "LD_PRELOAD", "LD_LIBRARY_PATH",
                                "LD_AUDIT", "BASH_ENV", "ENV", "CURL_HOME", "WGETRC", "RSYNC_RSH", "RSYNC_CONNECT_PROG",
                                "RSYNC_PROXY", "SSH_ASKPASS", "PATH", "HOME", "XDG_CONFIG_HOME", NULL};
  static const char *prefix[] = {"GIT_", "npm_config_", "NPM_CONFIG_", NULL};
  size_t n = strcspn(kv, "=");
  for (int i = 0; exact[i]; i++) if (strlen(exact[i]) == n && !strncmp(kv, exact[i], n)) return 1;
  for (int i = 0; prefix[i]; i++) if (!strncmp(kv, prefix[i], strlen(prefix[i]))) return 1;
  return 0;
}

/* `,"env":{NAME:VALUE,…}` for the variables `wanted` picks. */
static void put_env(buf_t *b, int (*wanted)(const char *kv)) {
  puts_(b, ",\"env\":{");
  int first = 1;
  for (char **e = environ; *e; e++) {
    if (!wanted(*e)) continue;
    size_t n = strcspn(*e, "=");
    char name[256];
    if (n >= sizeof name) continue;
    memcpy(name, *e, n); name[n] = 0;
    if (!first) puts_(b, ",");
    first = 0;
    put_str(b, name); puts_(b, ":"); put_str(b, (*e)[n] ? *e + n + 1 : "");
  }
  puts_(b, "}");
}

/* Where fd points, when it is a regular file (redirections: `< .env`, `>> ~/.ssh/authorized_keys`). */
static void put_fd_target(buf_t *b, int fd, const char *key) {
  char lnk[64], target[PATH_MAX];
  struct stat st;
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) return;
  snprintf(lnk, sizeof lnk, "/proc/self/fd/%d", fd);
  ssize_t k = readlink(lnk, target, sizeof target - 1);
  if (k <= 0) return;
  target[k] = 0;
  puts_(b, ",\""); puts_(b, key); puts_(b, "\":"); put_str(b, target);
}

/* The chain of parent processes (pid, comm), nearest first, up to 6 levels. */
static void put_parents(buf_t *b) {
  puts_(b, ",\"parents\":[");
  pid_t pid = getppid();
  for (int i = 0; i < 6 && pid > 1; i++) {
    char path[64], stat[1024];
    snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
    int fd = open(path, O_RDONLY);
    if (fd < 0) break;
    ssize_t k = read(fd, stat, sizeof stat - 1);
    close(fd);
    if (k <= 0) break;
    stat[k] = 0;
    char *l = strchr(stat, '('), *r = strrchr(stat, ')');
    if (!l || !r) break;
    *r = 0;
    if (i) puts_(b, ",");
    puts_(b, "{\"pid\":"); putnum(b, pid); puts_(b, ",\"comm\":"); put_str(b, l + 1); puts_(b, "}");
    int ppid = 0;
    if (sscanf(r + 2, "%*c %d", &ppid) != 1) break;
    pid = ppid;
  }
  puts_(b, "]");
}

static void build_request(buf_t *b, int argc, char **argv) {
  char cwd[PATH_MAX];
  puts_(b, "{\"v\":"); putnum(b, PROTOCOL_VERSION); puts_(b, ",\"type\":\"decide\",\"source\":\"shim\",\"argv\":[");
  for (int i = 0; i < argc; i++) { if (i) puts_(b, ","); put_str(b, argv[i]); }
  puts_(b, "],\"cwd\":");
  put_str(b, getcwd(cwd, sizeof cwd) ? cwd : "/nonexistent/unknown-cwd");
  puts_(b, ",\"pid\":"); putnum(b, getpid());
  puts_(b, ",\"ppid\":"); putnum(b, getppid());
  const char *session = getenv("RAMPART_SESSION"); /* selects a session; cannot loosen anything */
  if (session && *session) { puts_(b, ",\"session\":"); put_str(b, session); }
  if (conf.project[0]) { puts_(b, ",\"project\":"); put_str(b, conf.project); }
  if (conf.shims_dir[0]) { puts_(b, ",\"shims\":"); put_str(b, conf.shims_dir); }
  put_fd_target(b, 0, "stdin");
  put_fd_target(b, 1, "stdout");
  put_parents(b);
  put_env(b, env_wanted);
  puts_(b, "}\n");
}

/* ---- talking to the server ---------------------------------------------------------- */
static int connect_socket(void) {
  struct sockaddr_un a = {.sun_family = AF_UNIX};
  if (strlen(conf.socket) >= sizeof a.sun_path) return -1;
  strcpy(a.sun_path, conf.socket);
  int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return -1;
  if (connect(fd, (struct sockaddr *)&a, sizeof a) != 0) { close(fd); return -1; }
  return fd;
}

static long now_ms(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec * 1000L + t.tv_nsec / 1000000; }

/* Starts `node rampart serve` fully detached, with a clean environment from the config.
   Returns the read end of a close-on-exec pipe that sees a byte when Node could not be
   started at all (EOF once it was), or -1 when another shim is the launcher. */
static int start_server(void) {
  if (!conf.node[0] || !conf.rampart[0]) return -1;
  /* One launcher at a time: when many shims find no server at once (a build's first
     second), only the one that creates the spawn lock starts Node; the rest just retry.
     A lock older than 15 s is from a launch that failed and is taken over. */
  char dir[PATH_MAX], lock[PATH_MAX + 8];
  snprintf(dir, sizeof dir, "%s", conf.socket);
  char *slash = strrchr(dir, '/');
  if (slash) {
    *slash = 0;
    char *up = strrchr(dir, '/');
    if (up && up != dir) { *up = 0; mkdir(dir, 0700); *up = '/'; }
    mkdir(dir, 0700);
  }
  snprintf(lock, sizeof lock, "%s.spawn", conf.socket);
  int lfd = open(lock, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
  if (lfd < 0 && errno == EEXIST) {
    struct stat st;
    if (stat(lock, &st) == 0 && time(NULL) - st.st_mtime > 15 && unlink(lock) == 0)
      lfd = open(lock, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
    if (lfd < 0) return -1;
  }
  if (lfd >= 0) close(lfd);
  int failed[2];
  if (pipe2(failed, O_CLOEXEC) != 0) failed[0] = failed[1] = -1;
  pid_t p = fork();
  if (p < 0) { if (failed[0] >= 0) { close(failed[0]); close(failed[1]); } return -1; }
  if (p > 0) {
    waitpid(p, NULL, 0);
    if (failed[1] >= 0) close(failed[1]);
    return failed[0];
  }
  setsid();
  if (fork() != 0) _exit(0);
  /* The server must not hold the caller's descriptors (a pipe kept open would make a
     `$(curl …)` or a build wait forever) nor pin its working directory. */
  for (int fd = 3; fd < 1024; fd++) if (fd != failed[1]) close(fd);
  if (chdir("/") != 0) _exit(127);
  int nul = open("/dev/null", O_RDWR);
  int lg = conf.log[0] ? open(conf.log, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600) : -1;
  if (nul >= 0) dup2(nul, 0);
  dup2(lg >= 0 ? lg : nul, 1);
  dup2(lg >= 0 ? lg : nul, 2);
  char h[PATH_MAX + 8], rh[PATH_MAX + 16];
  snprintf(h, sizeof h, "HOME=%s", conf.home);
  snprintf(rh, sizeof rh, "RAMPART_HOME=%s", conf.rampart_home);
  char *envp[] = {h, rh, "PATH=/usr/local/bin:/usr/bin:/bin", "LANG=C.UTF-8", NULL};
  execle(conf.node, conf.node, "--max-semi-space-size=2", conf.rampart, "serve", (char *)NULL, envp);
  if (failed[1] >= 0) { ssize_t w = write(failed[1], "x", 1); (void)w; }
  _exit(127);
}

/* Waits for the socket up to START_WAIT_MS: a cold Node start on a loaded 2-core machine takes
   seconds. Gives up at once when our launch could not exec Node. */
static int connect_or_start(void) {
  int fd = connect_socket();
  if (fd >= 0) return fd;
  int failed = start_server();
  long deadline = now_ms() + START_WAIT_MS;
  while (now_ms() < deadline) {
    struct pollfd pf = {failed, POLLIN, 0};
    if (failed >= 0 && poll(&pf, 1, 20) > 0) {
      char c;
      ssize_t k = read(failed, &c, 1);
      close(failed);
      failed = -1;
      if (k == 1) return -1;
    } else if (failed < 0) {
      struct timespec ts = {0, 20 * 1000000};
      nanosleep(&ts, NULL);
    }
    if ((fd = connect_socket()) >= 0) break;
  }
  if (failed >= 0) close(failed);
  return fd;
}

static int write_all(int fd, const char *p, size_t n) {
  while (n) {
    ssize_t k = write(fd, p, n);
    if (k < 0) { if (errno == EINTR) continue; return -1; }
    p += k; n -= (size_t)k;
  }
  return 0;
}

/* Reads one line (without the newline) into b; -1 on EOF, error or timeout. */
static int read_line(int fd, buf_t *b, buf_t *rest, int timeout_ms) {
  b->n = 0;
  for (;;) {
    char *nl = rest->n ? memchr(rest->p, '\n', rest->n) : NULL;
    if (nl) {
      size_t len = (size_t)(nl - rest->p);
      put(b, rest->p, len);
      memmove(rest->p, nl + 1, rest->n - len - 1);
      rest->n -= len + 1;
      return 0;
    }
    struct pollfd pf = {fd, POLLIN, 0};
    int r = poll(&pf, 1, timeout_ms);
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) return -1;
    char tmp[8192];
    ssize_t k = read(fd, tmp, sizeof tmp);
    if (k < 0 && errno == EINTR) continue;
    if (k <= 0) return -1;
    put(rest, tmp, (size_t)k);
    if (rest->n > 16 * 1024 * 1024) return -1;
  }
}

/* Appends the UTF-8 encoding of a code point. */
static void put_utf8(buf_t *b, unsigned u) {
  char t[4];
  if (u < 0x80) { t[0] = (char)u; put(b, t, 1); }
  else if (u < 0x800) { t[0] = (char)(0xC0 | u >> 6); t[1] = (char)(0x80 | (u & 63)); put(b, t, 2); }
  else { t[0] = (char)(0xE0 | u >> 12); t[1] = (char)(0x80 | (u >> 6 & 63)); t[2] = (char)(0x80 | (u & 63)); put(b, t, 3); }
}

/* The first "key":"..." string value in a reply line, unescaped into out (any length). */
static int json_str(const char *line, const char *key, buf_t *out) {
  char pat[64];
  snprintf(pat, sizeof pat, "\"%s\":\"", key);
  const char *p = strstr(line, pat);
  out->n = 0;
  put(out, "", 0);
  if (!p) return -1;
  for (p += strlen(pat); *p && *p != '"'; p++) {
    if (*p != '\\' || !p[1]) { put(out, p, 1); continue; }
    p++;
    switch (*p) {
      case 'n': put(out, "\n", 1); break;
      case 't': put(out, "\t", 1); break;
      case 'r': put(out, "\r", 1); break;
      case 'b': put(out, "\b", 1); break;
      case 'f': put(out, "\f", 1); break;
      case 'u': {
        unsigned u = 0;
        if (sscanf(p + 1, "%4x", &u) == 1 && p[1] && p[2] && p[3] && p[4]) { put_utf8(out, u); p += 4; }
        break;
      }
      default: put(out, p, 1);
    }
  }
  return 0;
}

/* The first "key":"..." string value, unescaped and truncated to cap bytes. */
static int json_field(const char *line, const char *key, char *out, size_t cap) {
  buf_t b = {0};
  int r = json_str(line, key, &b);
  snprintf(out, cap, "%s", b.p ? b.p : "");
  free(b.p);
  return r;
}

static int json_int_field(const char *line, const char *key) {
  char pat[64];
  snprintf(pat, sizeof pat, "\"%s\":", key);
  const char *p = strstr(line, pat);
  return p ? atoi(p + strlen(pat)) : -1;
}

/* ---- main --------------------------------------------------------------------------- */
static void no_decision(const char *why, const char *real, char **argv) {
  if (real && !strcmp(conf.fail, "open")) {
    fprintf(stderr, "rampart: warning: no decision (%s); running anyway because fail-open was chosen at install\n", why);
    if (conf.rampart_home[0]) {
      char path[PATH_MAX + 32];
      snprintf(path, sizeof path, "%s/failopen.jsonl", conf.rampart_home);
      int fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
      if (fd >= 0) {
        buf_t b = {0};
        puts_(&b, "{\"ts\":"); putnum(&b, (long)time(NULL)); puts_(&b, ",\"why\":"); put_str(&b, why);
        puts_(&b, ",\"binary\":"); put_str(&b, real); puts_(&b, ",\"pid\":"); putnum(&b, getpid()); puts_(&b, "}\n");
        write_all(fd, b.p, b.n);
        close(fd);
      }
    }
    char g[32];
    snprintf(g, sizeof g, "%d", (int)getpid());
    setenv(GUARD_VAR, g, 1);
    execv(real, argv);
  }
  fprintf(stderr, "rampart: denied: no decision (%s)\n", why);
  exit(126);
}

/* ---- hook mode ---------------------------------------------------------------------- */
/* `rampart-hook [AGENT]`: forward the agent hook's stdin to the server's `hook` verb, then
   print the reply's stdout/stderr and exit with its code. Agents run the tool on any exit
   other than 2 (Claude Code, Gemini CLI) or on a hook that outlives its timeout, so every
   path that is not a server verdict ends here in exit 2 with a reason: no config, no
   server, a bad reply, oversized input, SIGPIPE, SIGTERM, or our own deadline (alarm). */
#define HOOK_DEADLINE_S 10
#define HOOK_MAX_INPUT (3 * 1024 * 1024)

static void hook_block(const char *why) { /* async-signal-safe: called from handlers too */
  static const char a[] = "rampart: no decision (", b[] = "); the tool call is blocked [rampart-no-decision]\n";
  ssize_t w = write(2, a, sizeof a - 1);
  w = write(2, why, strlen(why));
  w = write(2, b, sizeof b - 1);
  (void)w;
  _exit(2);
}
static void on_hook_alarm(int s) { (void)s; hook_block("the hook reached its deadline"); }
static void on_hook_term(int s) { (void)s; hook_block("the hook was terminated"); }

/* Environment variables that say how the agent runs (print mode, remote, CI): never secrets. */
static int hook_env_wanted(const char *kv) {
  static const char *exact[] = {"CLAUDE_CODE_ENTRYPOINT", "CLAUDECODE", "CLAUDE_PROJECT_DIR", "CLAUDE_CODE_REMOTE",
                                "CODEX_SANDBOX", "GEMINI_CLI", "GEMINI_PROJECT_DIR", "CI", "RAMPART_SESSION", NULL};
  size_t n = strcspn(kv, "=");
  for (int i = 0; exact[i]; i++) if (strlen(exact[i]) == n && !strncmp(kv, exact[i], n)) return 1;
  return 0;
}

static int hook_mode(const char *agent, int have_conf) {
  if (!have_conf) hook_block("cannot read the shim configuration beside the hook; run `rampart setup` again");
  buf_t in = {0}, req = {0};
  char tmp[8192];
  ssize_t k;
  for (;;) {
    k = read(0, tmp, sizeof tmp);
    if (k < 0 && errno == EINTR) continue;
    if (k <= 0) break;
    put(&in, tmp, (size_t)k);
    if (in.n > HOOK_MAX_INPUT) hook_block("the hook input is larger than 3 MiB");
  }
  if (k < 0) hook_block("cannot read the hook input");
  puts_(&req, "{\"v\":"); putnum(&req, PROTOCOL_VERSION); puts_(&req, ",\"type\":\"hook\",\"agent\":"); put_str(&req, agent);
  put_env(&req, hook_env_wanted);
  puts_(&req, ",\"payload\":");
  put_str(&req, in.p ? in.p : "");
  puts_(&req, "}\n");
  int fd = connect_or_start();
  buf_t line = {0}, rest = {0}, out = {0}, err = {0};
  if (fd < 0) hook_block("decision server unavailable and could not be started");
  if (write_all(fd, req.p, req.n) != 0) hook_block("could not send the request to the decision server");
  if (read_line(fd, &line, &rest, HOOK_DEADLINE_S * 1000) != 0) hook_block("no reply from the decision server");
  if (!strstr(line.p, "\"type\":\"hook-reply\"")) hook_block("malformed reply from the decision server");
  int code = json_int_field(line.p, "exitCode");
  if ((code != 0 && code != 2) || json_str(line.p, "stdout", &out) != 0 || json_str(line.p, "stderr", &err) != 0)
    hook_block("malformed reply from the decision server");
  if (out.n) { fwrite(out.p, 1, out.n, stdout); if (out.p[out.n - 1] != '\n') fputc('\n', stdout); }
  if (err.n) { fwrite(err.p, 1, err.n, stderr); if (err.p[err.n - 1] != '\n') fputc('\n', stderr); }
  if (fflush(stdout) != 0 && code == 0) hook_block("cannot write the verdict");
  return code;
}

/* ---- contain mode ------------------------------------------------------------------- */
/* `rampart-contain CMDLINE`: Claude Code's CLAUDE_CODE_SHELL_PREFIX. The client runs every Bash
   command (and shell-form hooks, MCP servers) as `PREFIX 'command line'`. The command line runs
   contained: `bash -c TEMPLATE` with RAMPART_CMD set, where TEMPLATE is the session's bubblewrap
   command written by its containment host (`rampart contain-host`) at
   <run dir>/contain/<agent pid>.sh. Rampart's own hook commands, listed at setup in
   <shims>/.rampart-uncontained, run as they are: they must reach the server and start the host.
   No template, a dead host, anything unreadable: the command does not run (exit 126). */

/* The first ancestor that is not a shell: the agent (the client runs the prefix through bash). */
static pid_t agent_pid(void) {
  pid_t pid = getppid();
  for (int i = 0; i < 8 && pid > 1; i++) {
    char path[64], st[512];
    snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
    int fd = open(path, O_RDONLY);
    if (fd < 0) return -1;
    ssize_t k = read(fd, st, sizeof st - 1);
    close(fd);
    if (k <= 0) return -1;
    st[k] = 0;
    char *l = strchr(st, '('), *r = strrchr(st, ')');
    if (!l || !r) return -1;
    *r = 0;
    const char *comm = l + 1;
    if (strcmp(comm, "sh") && strcmp(comm, "bash") && strcmp(comm, "dash") && strcmp(comm, "zsh")) return pid;
    int ppid = 0;
    if (sscanf(r + 2, "%*c %d", &ppid) != 1) return -1;
    pid = ppid;
  }
  return -1;
}

/* Reads a whole file (up to 4 MiB) into b; -1 when it cannot. */
static int slurp(const char *path, buf_t *b) {
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return -1;
  char tmp[8192];
  ssize_t k;
  while ((k = read(fd, tmp, sizeof tmp)) > 0) {
    put(b, tmp, (size_t)k);
    if (b->n > 4 * 1024 * 1024) { close(fd); return -1; }
  }
  close(fd);
  return k < 0 ? -1 : 0;
}

static int is_uncontained(const char *cmd) {
  char path[PATH_MAX + 32];
  snprintf(path, sizeof path, "%s/.rampart-uncontained", conf.shims_dir);
  buf_t b = {0};
  if (slurp(path, &b) != 0 || !b.p) return 0;
  for (char *line = b.p; line && *line;) {
    char *nl = strchr(line, '\n');
    if (nl) *nl = 0;
    if (*line && !strcmp(line, cmd)) return 1;
    line = nl ? nl + 1 : NULL;
  }
  return 0;
}

/* A live process (not a zombie) whose command line names `contain-host`. */
static int host_alive(pid_t pid) {
  char path[64], st[512];
  if (pid <= 1) return 0;
  snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
  int fd = open(path, O_RDONLY);
  if (fd < 0) return 0;
  ssize_t k = read(fd, st, sizeof st - 1);
  close(fd);
  if (k <= 0) return 0;
  st[k] = 0;
  char *r = strrchr(st, ')');
  if (!r || r[1] != ' ' || r[2] == 'Z' || r[2] == 'X') return 0;
  buf_t cmd = {0};
  snprintf(path, sizeof path, "/proc/%d/cmdline", (int)pid);
  if (slurp(path, &cmd) != 0 || !cmd.p) return 0;
  return memmem(cmd.p, cmd.n, "contain-host", 12) != NULL;
}

static int contain_refuse(const char *why) {
  fprintf(stderr, "rampart: denied: cannot run contained (%s)\n", why);
  return 126;
}

static int contain_mode(int argc, char **argv) {
  if (argc != 2) return contain_refuse("expected one command line as the only argument");
  if (is_uncontained(argv[1])) {
    execl("/bin/sh", "sh", "-c", argv[1], (char *)NULL);
    return contain_refuse("cannot run /bin/sh");
  }
  pid_t agent = agent_pid();
  if (agent <= 1) return contain_refuse("cannot find the agent process");
  char dir[PATH_MAX], path[PATH_MAX + 64];
  snprintf(dir, sizeof dir, "%s", conf.socket);
  char *slash = strrchr(dir, '/');
  if (slash) *slash = 0;
  snprintf(path, sizeof path, "%s/contain/%d.sh", dir, (int)agent);
  buf_t b = {0};
  if (slurp(path, &b) != 0 || !b.p) return contain_refuse("no containment for this session: start a new Claude Code session, or run `rampart setup claude-code --contain` again");
  /* Header lines: session=ID.KEY, host=PID, then `argv` + NUL-separated words (exec'd
     directly: one shell less per command) or `sh` + a string for bash -c. */
  char *session = NULL, *host = NULL, *kind = NULL, *tpl = b.p;
  for (int i = 0; i < 3; i++) {
    char *nl = memchr(tpl, '\n', (size_t)(b.p + b.n - tpl));
    if (!nl) return contain_refuse("malformed containment template");
    *nl = 0;
    if (!strncmp(tpl, "session=", 8)) session = tpl + 8;
    else if (!strncmp(tpl, "host=", 5)) host = tpl + 5;
    else kind = tpl;
    tpl = nl + 1;
  }
  char *end = b.p + b.n;
  if (!session || !host || !kind || tpl >= end) return contain_refuse("malformed containment template");
  if (!host_alive((pid_t)atoi(host))) return contain_refuse("the containment host of this session is gone; start a new Claude Code session");
  setenv("RAMPART_SESSION", session, 1);
  setenv("RAMPART_CMD", argv[1], 1);
  if (!strcmp(kind, "argv")) {
    size_t n = 1;
    for (char *p = tpl; p < end; p++) if (!*p) n++;
    char **words = calloc(n + 1, sizeof *words);
    if (!words) die_oom();
    size_t k = 0;
    for (char *p = tpl; p < end && k < n; p += strlen(p) + 1) words[k++] = p;
    words[k] = NULL;
    execvp(words[0], words);
    return contain_refuse("cannot run bubblewrap");
  }
  execl("/bin/bash", "bash", "-c", tpl, (char *)NULL);
  return contain_refuse("cannot run /bin/bash");
}

int main(int argc, char **argv) {
  const char *name = strrchr(argv[0], '/');
  name = name ? name + 1 : argv[0];
  if (!strcmp(name, "rampart-hook")) {
    /* Before anything can fail or hang: a bounded, fail-closed exit on every path. */
    signal(SIGPIPE, SIG_IGN);
    signal(SIGALRM, on_hook_alarm);
    signal(SIGTERM, on_hook_term);
    signal(SIGINT, on_hook_term);
    signal(SIGHUP, on_hook_term);
    alarm(HOOK_DEADLINE_S);
    int have_conf = read_conf() == 0;
    return hook_mode(argc > 1 && argv[1][0] ? argv[1] : "claude-code", have_conf);
  }
  if (read_conf() != 0) {
    fprintf(stderr, "rampart: denied: no decision (cannot read the shim configuration beside %s)\n", self_exe[0] ? self_exe : "the shim");
    return 126;
  }
  if (!strcmp(name, "rampart-contain")) return contain_mode(argc, argv);
  if (!strcmp(name, "rampart-shim") || !strcmp(name, ".rampart-shim")) {
    fputs("rampart-shim: invoke through a symlink named after the guarded binary (see `rampart shims list`)\n", stderr);
    return 2;
  }
  /* execv keeps the pid: a guard equal to our own pid means a shim exec'd a shim. */
  const char *guard = getenv(GUARD_VAR);
  if (guard && atoi(guard) == (int)getpid()) {
    fprintf(stderr, "rampart: denied: recursion: the shim for %s would execute a shim\n", name);
    return 126;
  }
  char real[PATH_MAX];
  if (find_real(name, real) != 0) {
    fprintf(stderr, "rampart: %s: command not found (no %s on PATH outside the shims directory)\n", name, name);
    return 127;
  }
  buf_t req = {0}, line = {0}, rest = {0};
  build_request(&req, argc, argv);
  int restarted = 0;
retry:;
  int fd = connect_or_start();
  if (fd < 0) no_decision("decision server unavailable and could not be started", real, argv);
  if (write_all(fd, req.p, req.n) != 0) no_decision("could not send the request", real, argv);
  int timeout = REPLY_TIMEOUT_MS;
  rest.n = 0;
  for (;;) {
    if (read_line(fd, &line, &rest, timeout) != 0) no_decision("no reply from the decision server", real, argv);
    if (strncmp(line.p, "{\"v\":", 5) != 0) no_decision("malformed reply", real, argv);
    if (json_int_field(line.p, "v") != PROTOCOL_VERSION || strstr(line.p, "\"code\":\"version\"")) {
      /* An older server steps down when a newer client speaks to it; wait for it to go, then
         start the current one (once). A newer server than this shim: reinstall the shims. */
      close(fd);
      if (restarted++ || json_int_field(line.p, "v") > PROTOCOL_VERSION) no_decision("protocol version mismatch; run `rampart shims install`", real, argv);
      long deadline = now_ms() + 3000;
      int probe;
      while (now_ms() < deadline && (probe = connect_socket()) >= 0) {
        close(probe);
        struct timespec ts = {0, 20 * 1000000};
        nanosleep(&ts, NULL);
      }
      goto retry;
    }
    char type[32] = "", decision[16] = "", msg[8192] = "";
    json_field(line.p, "type", type, sizeof type);
    json_field(line.p, "message", msg, sizeof msg);
    if (!strcmp(type, "pending")) {
      if (msg[0]) fprintf(stderr, "%s\n", msg);
      int t = json_int_field(line.p, "timeoutSec");
      timeout = (t > 0 ? t + 30 : 3600) * 1000; /* the server enforces the ask timeout */
      continue;
    }
    if (strcmp(type, "verdict") != 0) {
      char why[8300];
      snprintf(why, sizeof why, "server error: %s", msg[0] ? msg : "unknown");
      no_decision(why, real, argv);
    }
    json_field(line.p, "decision", decision, sizeof decision);
    close(fd);
    if (!strcmp(decision, "allow")) {
      if (msg[0]) fprintf(stderr, "%s\n", msg);
      char g[32];
      snprintf(g, sizeof g, "%d", (int)getpid());
      setenv(GUARD_VAR, g, 1);
      execv(real, argv);
      fprintf(stderr, "rampart: %s: cannot execute %s: %s\n", name, real, strerror(errno));
      return 126;
    }
    fprintf(stderr, "%s\n", msg[0] ? msg : "rampart: denied");
    return 126;
  }
}
