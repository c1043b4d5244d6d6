// Settings stores that start programs: macOS's login window hooks and login items (defaults, sfltool, AppleScript's System
// Events) and GNOME's custom keybindings (gsettings, dconf). What is stored there runs at each login or keystroke, long
// after the line, with nothing judging it then: persistence, as a crontab entry or a LaunchAgent is. Other settings (a
// Finder option, a colour scheme) start nothing. (Read by the line judge, beside what these programs are judged for
// otherwise: a plist path they write, shell text among their words.)

// loginwindow's keys that name a program run at login or logout, or the applications it opens.
const LOGIN_KEYS = /^(LoginHook|LogoutHook|AutoLaunchedApplicationDictionary)$/;
// A settings path below GNOME's keybinding settings, or a key that holds a command line.
const COMMAND_KEY = /(^|[/.:-])(custom-keybindings?|media-keys)([/.:]|$)|\/(command|exec)$/;

type Reader = (args: readonly string[]) => string | undefined;

const STORES: Record<string, Reader> = {
  // defaults write|import DOMAIN KEY … (-currentHost, -host NAME come before the verb).
  defaults: (args) => {
    const k = args.findIndex((a) => /^(write|import)$/.test(a));
    const [domain = '', key = ''] = k < 0 ? [] : args.slice(k + 1);
    if (k < 0 || !/(^|[./])loginwindow(\.plist)?$/.test(domain)) return undefined;
    return args[k] === 'import' || LOGIN_KEYS.test(key) ? `defaults ${args[k]} ${domain} ${key} sets a program run at each login` : undefined;
  },
  // sfltool add-item LIST ITEM: an item added to the login items opens at each login.
  sfltool: (args) => (args[0] === 'add-item' ? 'sfltool add-item adds a login item' : undefined),
  // gsettings set SCHEMA[:PATH] KEY VALUE, dconf write|load PATH.
  gsettings: (args) => {
    const ops = args.filter((a) => !a.startsWith('-'));
    return ops[0] === 'set' && COMMAND_KEY.test(`${ops[1] ?? ''}/${ops[2] ?? ''}`) ? `gsettings set ${ops[1]} ${ops[2]} stores a command run on a keystroke` : undefined;
  },
  dconf: (args) => {
    const ops = args.filter((a) => !a.startsWith('-'));
    return /^(write|load)$/.test(ops[0] ?? '') && COMMAND_KEY.test(ops[1] ?? '') ? `dconf ${ops[0]} ${ops[1]} stores a command run on a keystroke` : undefined;
  },
  // AppleScript (or JXA) that makes a login item through System Events.
  osascript: (args) => (args.some((a) => /\bmake\s+(new\s+)?login\s+item\b/i.test(a)) ? 'osascript makes a login item' : undefined),
};

/** Why `name args` stores a program that runs at login or on a keystroke, or undefined. */
export function startsLater(name: string, args: readonly string[]): string | undefined {
  return Object.hasOwn(STORES, name) ? STORES[name]!(args) : undefined;
}
