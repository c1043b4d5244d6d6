// Glob patterns for path rules: `~/`, `$RAMPART_HOME/`, `{project}/` and `/` anchor a pattern;
// a bare name (`.env`, `*.pem`) matches a basename anywhere; a relative path with a slash
// (`.git/hooks/**`) matches at any depth. `!` excludes.

export interface PathPattern {
  source: string;
  negated: boolean;
  regex: RegExp;
  /** The directory a pattern lives under; a path that contains it contains a match. */
  base?: string;
}

export interface Anchors {
  home: string;
  rampartHome: string;
  projectRoot: string;
}

/** Compiles one pattern against the anchors of a context. */
export function compilePattern(source: string, a: Anchors): PathPattern {
  const negated = source.startsWith('!');
  let p = negated ? source.slice(1) : source;
  let anchored = true;
  if (p === '~' || p.startsWith('~/')) p = a.home + p.slice(1);
  else if (p.startsWith('$RAMPART_HOME')) p = a.rampartHome + p.slice('$RAMPART_HOME'.length);
  else if (p.startsWith('{project}')) p = a.projectRoot + p.slice('{project}'.length);
  else if (!p.startsWith('/')) anchored = false;
  const body = globToRegex(p);
  const regex = anchored ? new RegExp(`^${body}$`) : new RegExp(`(?:^|/)${body}$`);
  const staticPart = p.split(/[*?[{]/)[0]!;
  const base = anchored ? staticPart.replace(/\/+$/, '') || '/' : undefined;
  return { source, negated, regex, base };
}

function globToRegex(glob: string): string {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*') {
      if (glob[i + 1] === '*') {
        // `/**` matches the directory itself and everything below it.
        if (re.endsWith('/')) re = re.slice(0, -1) + '(?:/.*)?';
        else re += '.*';
        i++;
        if (glob[i + 1] === '/') i++;
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return re;
}

/** True when the path matches the pattern list (last matching pattern wins, `!` excludes). */
export function matchesAny(path: string, patterns: readonly PathPattern[]): boolean {
  let hit = false;
  for (const p of patterns) if (p.regex.test(path)) hit = !p.negated;
  return hit;
}

/** True when the path is a directory that contains something a positive pattern protects. */
export function containsMatch(dir: string, patterns: readonly PathPattern[]): boolean {
  const prefix = dir === '/' ? '/' : dir + '/';
  return patterns.some((p) => !p.negated && p.base !== undefined && (p.base + '/').startsWith(prefix));
}

/** Matches a name against a shell glob (`*`, `?`, `[…]`, `{a,b}`), as --include/--exclude, -g and find -name take them. */
export function nameMatchesGlob(glob: string, name: string): boolean {
  const body = glob.replace(/^\*\*\//, '').replace(/\/$/, '');
  let re = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c === '*') re += '.*';
    else if (c === '?') re += '.';
    else if (c === '[') {
      const close = body.indexOf(']', i + 2);
      if (close < 0) re += '\\[';
      else {
        re += `[${body.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`;
        i = close;
      }
    } else if (c === '{') re += '(?:';
    else if (c === '}') re += ')';
    else if (c === ',' && re.includes('(?:')) re += '|';
    else re += c.replace(/[.+^$()|\\]/g, '\\$&');
  }
  try {
    return new RegExp(`^${re}$`).test(name);
  } catch {
    return true;
  }
}
