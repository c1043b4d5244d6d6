// Configuration a line writes with known text and then points a tool at (cat > ci/gitconfig <<EOF … export
// GIT_CONFIG_GLOBAL=…): judged by what the text sets, not by its presence. Only settings that run no program, fetch from
// nowhere else, carry no credential and loosen no check pass — the identity git stamps on commits, pull's strategy, pip's
// timeout; any other key (core.sshCommand, url.*.insteadOf, http.proxy, index-url, a registry) leaves it planted.

/** Per variable: the keys (section.key, lower case, for INI files; key for npmrc's flat lines) that change nothing but form. */
const HARMLESS_KEYS: Record<string, RegExp> = {
  // git: identity, pull/fetch/push/merge/rebase strategy, colours and advice, line endings, the default branch.
  git: /^(user\.(name|email)|fetch\.(prune|prunetags|parallel|writecommitgraph)|pull\.(rebase|ff)|push\.(default|autosetupremote|followtags)|merge\.(ff|conflictstyle|log)|rebase\.(autosquash|autostash|updaterefs)|diff\.(algorithm|renames|colormoved|mnemonicprefix)|log\.(date|decorate|follow)|init\.defaultbranch|core\.(autocrlf|eol|quotepath|ignorecase|filemode|whitespace|safecrlf|precomposeunicode|longpaths)|color\.[\w.-]+|advice\.[\w.-]+|gc\.auto|status\.(short|branch|showuntrackedfiles)|branch\.(autosetuprebase|autosetupmerge|sort)|tag\.sort|column\.ui|help\.autocorrect|commit\.verbose|rerere\.(enabled|autoupdate))$/,
  // pip: timeouts, retries, output, the version check, binary preferences.
  pip: /^(global|install|download|wheel|list|freeze)\.(timeout|retries|disable-pip-version-check|no-cache-dir|progress-bar|quiet|verbose|no-input|require-virtualenv|prefer-binary|only-binary|no-color|no-warn-script-location|root-user-action|upgrade-strategy|no-python-version-warning|format)$/,
  // npm: how it saves and reports, never where it fetches from or what it runs.
  npm: /^(save-exact|save-prefix|engine-strict|fund|audit|progress|loglevel|package-lock|update-notifier|strict-peer-deps|legacy-peer-deps|prefer-offline|prefer-online|color|unicode|save|lockfile-version|auto-install-peers|fetch-retries|fetch-timeout)$/,
};

/** Which key family a relocating variable's file uses. */
const FAMILY: Record<string, string> = { GIT_CONFIG_GLOBAL: 'git', GIT_CONFIG_SYSTEM: 'git', GIT_CONFIG: 'git', PIP_CONFIG_FILE: 'pip', NPM_CONFIG_USERCONFIG: 'npm', npm_config_userconfig: 'npm' };

/** Whether TEXT, given to the tool the variable NAME configures, sets only harmless keys (undefined family: not known). */
export function harmlessConfig(name: string, text: string): boolean {
  const family = FAMILY[name];
  if (family === undefined) return false;
  const allowed = HARMLESS_KEYS[family]!;
  let section: string | undefined = family === 'npm' ? '' : undefined;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || /^[#;]/.test(line)) continue;
    // (A subsection — [url "…"], [remote "x"] — or an include is never a harmless one.)
    const head = /^\[([A-Za-z][\w.-]*)\]$/.exec(line);
    if (head && family !== 'npm') { section = head[1]!.toLowerCase(); continue; }
    const kv = /^([A-Za-z][\w.-]*)\s*(?:=\s*(.*))?$/.exec(line);
    // (A value continued on the next line, or quoted across one, is text this reading does not follow.)
    if (!kv || section === undefined || /\\$/.test(kv[2] ?? '')) return false;
    const key = kv[1]!.toLowerCase();
    if (!allowed.test(family === 'npm' ? key : `${section}.${key}`)) return false;
  }
  return true;
}
