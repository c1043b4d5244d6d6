// Removes secrets from argv before it reaches the audit log: headers, URL credentials and
// tokens, `-u user:pass`, npm auth tokens. The log is for humans and may be shared.

export const REDACTED = '[REDACTED]';

const SECRET_HEADER = /^(\s*(?:authorization|proxy-authorization|cookie|set-cookie|x-api-key|x-auth-token|private-token|x-amz-security-token)\s*:\s*)(.*)$/is;
const SECRET_PARAM = /^(?:.*token.*|.*secret.*|.*passw(?:or)?d.*|pwd|key|api[-_]?key|apikey|access[-_]?key|sig|signature|auth|authorization|credentials?|code|client[-_]secret|session)$/i;
const USER_FLAGS = new Set(['-u', '--user', '--proxy-user', '-U', '--password', '--token', '--auth']);
const HEADER_FLAGS = new Set(['-H', '--header', '--proxy-header']);

/** Redacts the password of URL userinfo and secret-named query parameters inside any string. */
export function redactUrls(s: string): string {
  // Bounded quantifiers: argv may be megabytes, and nested unbounded ones would backtrack quadratically.
  return s.replace(/([a-z][a-z0-9+.-]{0,31}:\/\/)([^\s/@?#]{0,512})@/gi, (_m, scheme: string, info: string) => {
    const i = info.indexOf(':');
    return i === -1 ? `${scheme}${REDACTED}@` : `${scheme}${info.slice(0, i)}:${REDACTED}@`;
  }).replace(/([?&;])([^=&#\s?;]{1,128})=([^&#\s]*)/g, (m, sep: string, name: string) =>
    SECRET_PARAM.test(decodeSafe(name)) ? `${sep}${name}=${REDACTED}` : m);
}

function decodeSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Redacts one free-standing string (a header value, a token assignment, URLs). */
export function redactString(s: string): string {
  const h = SECRET_HEADER.exec(s);
  if (h) return h[1] + REDACTED;
  let out = s.replace(/(_authToken|_auth|_password|token|password|secret)(\s*=\s*)([^\s'"&]+)/gi, `$1$2${REDACTED}`);
  out = redactUrls(out);
  return out;
}

function redactUserPass(v: string): string {
  const i = v.indexOf(':');
  return i === -1 ? v : v.slice(0, i + 1) + REDACTED;
}

/** Longer arguments are cut in the log (the decision saw them whole). */
export const MAX_LOGGED_ARG = 8192;

function cut(a: string): string {
  return a.length > MAX_LOGGED_ARG ? `${a.slice(0, MAX_LOGGED_ARG)}…[${a.length - MAX_LOGGED_ARG} more chars]` : a;
}

/** A copy of argv with secrets replaced by [REDACTED] (and huge arguments cut); argv[0] is kept. */
export function redactArgv(argvIn: readonly string[]): string[] {
  const argv = argvIn.map(cut);
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const prev = i > 0 ? argv[i - 1] : '';
    if (i > 0 && USER_FLAGS.has(prev)) {
      out.push(prev === '-u' || prev === '--user' || prev === '--proxy-user' || prev === '-U' ? redactUserPass(a) : REDACTED);
      continue;
    }
    if (i > 0 && HEADER_FLAGS.has(prev)) {
      out.push(redactString(a));
      continue;
    }
    const eq = /^(--(?:user|proxy-user)=)(.*)$/s.exec(a);
    if (eq) {
      out.push(eq[1] + redactUserPass(eq[2]));
      continue;
    }
    const pw = /^(--(?:password|token|auth)=)/.exec(a);
    if (pw) {
      out.push(pw[1] + REDACTED);
      continue;
    }
    if (/^-u[^-]/.test(a) && a.includes(':')) {
      out.push(redactUserPass(a));
      continue;
    }
    const hd = /^(-H|--header=)(.+)$/s.exec(a);
    if (hd) {
      out.push(hd[1] + redactString(hd[2]));
      continue;
    }
    out.push(redactString(a));
  }
  return out;
}
