// Process APIs that name the program apart from its arguments, by language. Most process APIs take the program and
// its words as one run of literals — exec.Command("rm", "-rf", …), Command::new("rm").args([…]), ProcessBuilder("rm",
// …), System.cmd("rm", […]), Process.Start("bash", "-c …") — which text-commands reads as a command line. These set
// them as properties of an object, possibly lines apart, so the run is put together here and read the same way:
// judged as that command line by the same judge. (A program or argument list that is not literal is not a run: what
// it computes is judged as today.)

const LIT = String.raw`"(?:[^"\\\n]|\\.)*"`;

/** Per language, a pattern whose `prog` group is the program's literal and whose `args` group is its argument list
 *  (literals separated by commas, or one literal holding the command-line string). */
const SPLIT_APIS: readonly { lang: string; pattern: RegExp }[] = [
  // Swift's Process (NSTask): p.launchPath = "/bin/rm" or p.executableURL = URL(fileURLWithPath: "/bin/rm"), and p.arguments = […],
  // in either order.
  { lang: 'swift', pattern: new RegExp(String.raw`\b(?<v>\w+)\.(?:launchPath|executableURL)\s*=\s*(?:URL\s*\(\s*(?:fileURLWithPath|string)\s*:\s*)?(?<prog>${LIT})[^]*?\b\k<v>\.arguments\s*=\s*\[(?<args>[^\]]*)\]`, 'g') },
  { lang: 'swift', pattern: new RegExp(String.raw`\b(?<v>\w+)\.arguments\s*=\s*\[(?<args>[^\]]*)\][^]*?\b\k<v>\.(?:launchPath|executableURL)\s*=\s*(?:URL\s*\(\s*(?:fileURLWithPath|string)\s*:\s*)?(?<prog>${LIT})`, 'g') },
  // C#'s ProcessStartInfo: psi.FileName = "bash"; psi.Arguments = "-c \"…\"" — or FileName = …, Arguments = … in its initializer.
  { lang: 'csharp', pattern: new RegExp(String.raw`\b(?:(?<v>\w+)\.)?FileName\s*=\s*(?<prog>${LIT})[^]*?\b(?:\k<v>\.)?Arguments\s*=\s*(?<args>${LIT})`, 'g') },
  { lang: 'csharp', pattern: new RegExp(String.raw`\b(?:(?<v>\w+)\.)?Arguments\s*=\s*(?<args>${LIT})[^]*?\b(?:\k<v>\.)?FileName\s*=\s*(?<prog>${LIT})`, 'g') },
  // Java's and Kotlin's ProcessBuilder given its words later: pb = ProcessBuilder(); pb.command("rm", …) is a run already.
];

/** Calls that return the home directory, by language: in an argument list they are `~`, as literal as a path spelt so
 *  (new ProcessBuilder("rm", "-rf", System.getProperty("user.home")) is rm -rf ~). */
const HOME_CALLS = new RegExp([
  String.raw`System\.getProperty\s*\(\s*"user\.home"\s*\)`, // Java, Kotlin, Scala, Groovy
  String.raw`System\.getenv\s*\(\s*"HOME"\s*\)`,
  String.raw`(?:os|require\s*\(\s*["'](?:node:)?os["']\s*\))\.homedir\s*\(\s*\)`, // node
  String.raw`NSHomeDirectory\s*\(\s*\)|FileManager\.default\.homeDirectoryForCurrentUser\.path`, // Swift
  String.raw`Environment\.GetFolderPath\s*\(\s*Environment\.SpecialFolder\.UserProfile\s*\)|Environment\.GetEnvironmentVariable\s*\(\s*"HOME"\s*\)`, // C#
  String.raw`(?:std::)?env::var\s*\(\s*"HOME"\s*\)\s*\.unwrap\s*\(\s*\)|dirs::home_dir\s*\(\s*\)\s*\.unwrap\s*\(\s*\)`, // Rust
  String.raw`os\.Getenv\s*\(\s*"HOME"\s*\)`, // Go
  String.raw`System\.user_home!?\s*\(\s*\)|System\.get_env\s*\(\s*"HOME"\s*\)`, // Elixir
].join('|'), 'g');

/** The text with C#'s verbatim strings written as ordinary literals — @"-c ""rm -rf ~""" as "-c \"rm -rf ~\"", its "" a
 *  quote and its backslashes themselves — so the literal runs and property pairs above read them as they read "…". */
export function verbatimStrings(text: string): string {
  if (!text.includes('@"')) return text;
  return text.replace(/(?<![\w"])@"((?:[^"]|"")*)"/g, (_m, body: string) => `"${body.replace(/\\/g, '\\\\').replace(/""/g, '\\"').replace(/\n/g, '\\n')}"`);
}

/** The text with each call that returns the home directory written as the literal "~". */
export function homeCallsSpelled(text: string): string {
  return text.replace(HOME_CALLS, '"~"');
}

/** The argument runs put together from the process APIs in `text` that name the program apart: `"prog", args…` lines. */
export function splitProcessRuns(text: string): string[] {
  if (!/launchPath|executableURL|FileName/.test(text)) return [];
  const out: string[] = [];
  for (const { pattern } of SPLIT_APIS) for (const m of text.matchAll(pattern)) out.push(`${m.groups!.prog}, ${m.groups!.args}`);
  return out;
}
