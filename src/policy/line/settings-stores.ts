// Settings stores that start programs: macOS's login window hooks and login items (defaults, sfltool, AppleScript's System
// Events) and GNOME's custom keybindings (gsettings, dconf). What is stored there runs at each login or keystroke, long
// after the line, with nothing judging it then: persistence, as a crontab entry or a LaunchAgent is. Other settings (a
// Finder option, a colour scheme) start nothing. (Read by the line judge, beside what these programs are judged for
// otherwise: a plist path they write, shell text among their words.)

// loginwindow's keys that name a program run at login or logout, or the applications it opens.
const LOGIN_KEYS = /^(LoginHook|LogoutHook|AutoLaunchedApplicationDictionary)$/;
// A settings path below GNOME's keybinding settings, or a key that holds a command line.
// (MATE's and Cinnamon's custom keybindings keep the command in `action`; a gnome-terminal profile's custom-command runs in
// every new terminal.)
const COMMAND_KEY = /(^|[/.:-])(custom-keybindings?|media-keys)([/.:]|$)|\/(command|exec|custom-command)$|(^|[/.:-])keybinding:.*\/action$|\/keybindings\/custom\d*\/action$/;
// Settings paths that hold such commands: `dconf load` of one of them, or of a directory above one (dconf load / < f), sets
// whatever the file holds there.
const COMMAND_ROOTS = ['/org/gnome/settings-daemon/plugins/media-keys/', '/org/gnome/terminal/', '/org/mate/desktop/keybindings/', '/org/mate/settings-daemon/plugins/media-keys/', '/org/cinnamon/desktop/keybindings/', '/org/gnome/desktop/default-applications/'];
// Terminal apps' profiles whose keys name a command run in every new window (Terminal's CommandString, iTerm2's Command
// and Initial Text).
const TERMINAL_DOMAINS: [RegExp, RegExp][] = [[/(^|[./])com\.apple\.Terminal(\.plist)?$/, /CommandString/], [/(^|[./])com\.googlecode\.iterm2(\.plist)?$/, /\b(Command|Initial Text)\b/]];

type Reader = (args: readonly string[]) => string | undefined;

const STORES: Record<string, Reader> = {
  // defaults write|import DOMAIN KEY … (-currentHost, -host NAME come before the verb).
  defaults: (args) => {
    const k = args.findIndex((a) => /^(write|import)$/.test(a));
    const [domain = '', key = ''] = k < 0 ? [] : args.slice(k + 1);
    const terminal = k < 0 ? undefined : TERMINAL_DOMAINS.find(([d, key]) => d.test(domain) && args.slice(k + 2).some((a) => key.test(a)));
    if (terminal) return `defaults ${args[k]} ${domain} sets a command run in every new terminal window`;
    if (k < 0 || !/(^|[./])loginwindow(\.plist)?$/.test(domain)) return undefined;
    return args[k] === 'import' || LOGIN_KEYS.test(key) ? `defaults ${args[k]} ${domain} ${key} sets a program run at each login` : undefined;
  },
  // sfltool add-item LIST ITEM: an item added to the login items opens at each login.
  sfltool: (args) => (args[0] === 'add-item' ? 'sfltool add-item adds a login item' : undefined),
  // gsettings set SCHEMA[:PATH] KEY VALUE, dconf write|load PATH.
  gsettings: (args) => {
    // (--schemadir DIR: DIR is its value, not the verb.)
    const ops = args.filter((a, k) => !a.startsWith('-') && args[k - 1] !== '--schemadir');
    return ops[0] === 'set' && COMMAND_KEY.test(`${ops[1] ?? ''}/${ops[2] ?? ''}`) ? `gsettings set ${ops[1]} ${ops[2]} stores a command run on a keystroke` : undefined;
  },
  dconf: (args) => {
    const ops = args.filter((a) => !a.startsWith('-'));
    const dir = `${(ops[1] ?? '').replace(/\/*$/, '')}/`;
    const above = ops[0] === 'load' && COMMAND_ROOTS.some((r) => r.startsWith(dir) || dir.startsWith(r));
    return /^(write|load)$/.test(ops[0] ?? '') && (COMMAND_KEY.test(ops[1] ?? '') || above) ? `dconf ${ops[0]} ${ops[1]} stores a command run on a keystroke or in a new terminal` : undefined;
  },
  // AppleScript (or JXA) that makes a login item through System Events.
  // (…or JavaScript for Automation's: Application("System Events").loginItems.push(…), make({new: "loginItem"}).)
  osascript: (args) => (args.some((a) => /\bmake\s+(new\s+)?login\s+item\b|\bloginItems\b[\s\S]*\.push\s*\(|\bLoginItem\s*\(|new\s*:\s*["']loginItem["']/i.test(a)) ? 'osascript makes a login item' : undefined),
};

/** Why `name args` stores a program that runs at login or on a keystroke, or undefined. */
export function startsLater(name: string, args: readonly string[]): string | undefined {
  return Object.hasOwn(STORES, name) ? STORES[name]!(args) : undefined;
}
