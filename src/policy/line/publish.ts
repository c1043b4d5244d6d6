// Commands that publish a package, crate, gem or artifact to a public registry: what they upload
// is the project (and whatever lies in it), under the user's account, for others to install.
// DESIGN.md asks for `npm publish`; the same act through any other package manager asks too.
// (Container images and GitHub releases are left to their host rules: images go to registries the
// policy names, and a release of the project's own repository is everyday work — three independent
// red teams' benign sets hold `gh release create` and `docker push` to the project's registry.)

/** A tool → the subcommand words (the first operands, options and their values left out) that publish with it. */
// Maven goals that upload or release artifacts, with or without the plugin's group and version (GROUP:PLUGIN:VERSION:GOAL).
const MAVEN_RELEASES = /^(?:[\w.-]+:)?(?:(?:maven-)?release(?:-plugin)?(?::[\w.-]+)?:(?:perform|stage)|jreleaser(?:-maven-plugin)?(?::[\w.-]+)?:(?:full-release|release|deploy|upload|publish|announce)|nexus-staging(?:-maven-plugin)?(?::[\w.-]+)?:(?:release|deploy|deploy-staged|rc-release|promote)|central-publishing(?:-maven-plugin)?(?::[\w.-]+)?:publish)$/;

const PUBLISHERS: Record<string, RegExp> = {
  pnpm: /^(publish|changeset publish)$/,
  yarn: /^(publish|npm publish|changeset publish)$/,
  bun: /^publish$/,
  deno: /^publish$/,
  jsr: /^publish$/,
  uv: /^publish$/,
  poetry: /^publish$/,
  twine: /^(upload|register)$/,
  hatch: /^publish$/,
  flit: /^publish$/,
  pdm: /^publish$/,
  maturin: /^(publish|upload)$/,
  // (…and what changes a published package for everyone who installs it: yanks, unpublishing, owners.)
  cargo: /^(publish|ws publish|workspaces publish|yank|owner)$/,
  gem: /^(push|yank|owner)$/,
  rake: /^release$/,
  dotnet: /^nuget (push|delete)$/,
  nuget: /^(push|delete)$/,
  // (deploy:deploy-file uploads a given artifact; release:perform is matched before the plugin prefix is dropped.)
  mvn: /^(deploy|deploy-file)$/,
  lerna: /^publish$/,
  changeset: /^publish$/,
  vsce: /^publish$/,
  ovsx: /^publish$/,
  gradle: /^publish(?!ToMavenLocal)\w*$/,
  gradlew: /^publish(?!ToMavenLocal)\w*$/,
  mvnw: /^(deploy|deploy-file)$/,
  mvnd: /^(deploy|deploy-file)$/,
  sbt: /^(publish|publishSigned|\+publish|\+publishSigned|release)$/,
  lein: /^deploy$/,
  mix: /^hex\.publish$/,
  rebar3: /^hex publish$/,
  cabal: /^upload$/,
  stack: /^upload$/,
  dart: /^pub publish$/,
  flutter: /^pub publish$/,
  pod: /^trunk push$/,
  gleam: /^publish$/,
  opam: /^publish$/,
  nimble: /^publish$/,
  composer: /^publish$/,
  goreleaser: /^release$/,
  nx: /^release publish$|^release$/,
  rush: /^publish$/,
  // Conda packages (anaconda.org), Artifactory (JFrog CLI: rt upload|u, build-publish|bp, its npm/maven wrappers), Swift's
  // package registry, Conan remotes, ChartMuseum (helm cm-push), Elm, LuaRocks, wasm-pack, the Snap Store, rye.
  anaconda: /^upload$/,
  jfrog: /^(rt (upload|u|build-publish|bp|npm-publish|npmp|gradle|mvn)|(npm|pnpm|yarn) publish|mvn deploy|gradle publish\w*|rt docker-push|rt dp)$/,
  jf: /^(rt (upload|u|build-publish|bp|npm-publish|npmp)|(npm|pnpm|yarn) publish|mvn deploy|gradle publish\w*|rt docker-push|rt dp)$/,
  swift: /^package-registry publish$/,
  conan: /^upload$/,
  elm: /^publish$/,
  luarocks: /^upload$/,
  'wasm-pack': /^publish$/,
  snapcraft: /^(upload|push|release)$/,
  rye: /^publish$/,
  helm: /^(push|cm-push)$/,
};

/** A tool → subcommands that publish only with some option: a hosted repository made public with the project in it.
 *  The options are matched on the words joined by spaces (`--visibility public` as `--visibility=public`). */
const PUBLISHED_WITH: Record<string, readonly (readonly [verb: RegExp, options: RegExp])[]> = {
  gh: [
    // (gh repo create --public with --source/--push puts the project up as a public repository; without them it makes an empty one.)
    [/^repo create$/, /(?=(?:.* )?--public(?: |$))(?=(?:.* )?(?:--source|-s|--push)(?:[= ]|$))/],
    [/^repo edit$/, /(?:^| )--visibility[= ]public(?: |$)/],
    // (-f/-F/--field/--raw-field, attached or not: the REST API's private=false or visibility=public.)
    [/^api$/, /(?:^| )(?:-[fF] ?|--(?:raw-)?field[= ])?(?:private=false|visibility=public)(?: |$)/i],
  ],
};

// Options that take a value before the subcommand (pnpm --filter X publish, poetry -C pkg publish,
// uv --directory pkg publish, hatch -e release publish, yarn --cwd d npm publish).
const VALUED = /^(--filter|-F|-C|--dir|--cwd|--workspace-dir|--directory|--project|-P|-e|--env|-p|--manifest-path|--config|-Z|--registry)$/;

/** Whether a tool publishes with some subcommand (twine, poetry, hatch, flit) or as its whole job (semantic-release): its
 *  code imported into a one-liner (import twine.cli; dispatch(["upload", …])) can publish as the command does. */
export const isPublisher = (tool: string): boolean => Object.hasOwn(PUBLISHERS, tool) || /^(semantic-release|np|release-it)$/.test(tool);

/** Why this command publishes, or undefined. */
export function publishes(name: string, args: readonly string[]): string | undefined {
  const tool = name.replace(/^.*\//, '');
  const dry = args.some((a) => /^(--dry-run|--dryrun|--preview|--snapshot|--skip=publish)$/.test(a));
  if (dry) return undefined;
  // Release tools that publish as their whole job (np, release-it, semantic-release); cargo-release
  // only with --execute.
  if (/^(semantic-release|np|release-it)$/.test(tool)) return `${tool} publishes a release of the project`;
  const pos: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (VALUED.test(a)) i++;
    else if (!a.startsWith('-') && !a.startsWith('+') && !a.includes('=')) pos.push(a.replace(/^:?(?:[\w.-]+:)*/, ''));
  }
  // python setup.py … upload/register (distutils' own uploader).
  if (/^python[\d.]*$/.test(tool) && /(^|\/)setup\.py$/.test(pos[0] ?? '') && pos.slice(1).some((w) => /^(upload|register)$/.test(w))) return 'setup.py upload publishes the project to PyPI';
  if (tool === 'cargo' && pos[0] === 'release') return args.some((a) => a === '--execute' || a === '-x') ? 'cargo release --execute publishes the crate' : undefined;
  // Maven's release:perform checks out the tag release:prepare made and deploys it.
  // (…as do the goals of other release plugins: release:stage, jreleaser's release and deploy goals, the Nexus staging plugin's
  // release and deploy goals, central-publishing:publish.)
  const goal = /^(mvn|mvnw|mvnd)$/.test(tool) ? args.find((a) => MAVEN_RELEASES.test(a)) : undefined;
  if (goal !== undefined) return `${tool} ${goal} deploys or releases artifacts to a repository`;
  const optioned = PUBLISHED_WITH[tool]?.find(([verb, options]) => [pos.slice(0, 2).join(' '), pos[0] ?? ''].some((w) => verb.test(w)) && options.test(args.join(' ')));
  if (optioned) return `${tool} ${pos.slice(0, 2).join(' ')} makes the project's repository public`;
  const re = PUBLISHERS[tool];
  if (!re) return undefined;
  // (mvn and gradle take several goals or tasks: any of them may publish.)
  const words = /^(mvn|mvnw|mvnd|gradle|gradlew|sbt)$/.test(tool) ? pos : [pos.slice(0, 2).join(' '), pos[0] ?? ''];
  const hit = words.find((w) => w !== '' && re.test(w));
  // (owner only lists the owners unless it adds or removes one.)
  if (hit !== undefined && /owner$/.test(hit) && !args.some((a) => /^(-a|--add|-r|--remove)(=|$)/.test(a))) return undefined;
  return hit === undefined ? undefined : `${tool} ${hit} publishes the project to a registry`;
}

// Commands that sign the user in to a service account and store its credential in HOME for every later command
// (gh's hosts.yml, cargo's credentials.toml, ~/.azure, ~/.config/…): DESIGN asks for `npm adduser|login`; the same act
// through any other service's CLI asks too. (docker login and gcloud/aws configure are judged by the credential files
// their analyzers write; printing status, tokens or logging out is not a sign-in.)
const LOGINS: Record<string, RegExp> = {
  gh: /^auth login$/,
  glab: /^auth login$/,
  tea: /^login add$/,
  cargo: /^login$/,
  gem: /^signin$/,
  pnpm: /^(login|adduser)$/,
  az: /^login$/,
  heroku: /^(login|auth:login)$/,
  vercel: /^login$/,
  netlify: /^login$/,
  firebase: /^(login|login:ci)$/,
  fly: /^auth login$/,
  flyctl: /^auth login$/,
  wrangler: /^login$/,
  'huggingface-cli': /^login$/,
  hf: /^auth login$/,
  railway: /^login$/,
  supabase: /^login$/,
  doctl: /^auth init$/,
  terraform: /^login$/,
  tofu: /^login$/,
  pulumi: /^login$/,
  vault: /^login$/,
  op: /^signin$/,
  bw: /^login$/,
  snyk: /^auth$/,
  ngrok: /^config add-authtoken$/,
  expo: /^login$/,
  eas: /^login$/,
  dotnet: /^nuget add source$/,
};

/** Why this command signs in to a service account and stores the credential, or undefined. */
export function logsIn(name: string, args: readonly string[], env: Readonly<Record<string, string | undefined>> = {}): string | undefined {
  const tool = name.replace(/^.*\//, '');
  const re = LOGINS[tool];
  if (!re) return undefined;
  const pos: string[] = [];
  for (let i = 0; i < args.length && pos.length < 3; i++) {
    const a = args[i]!;
    if (VALUED.test(a) || /^(-R|--repo|--hostname|-h|--profile|--account)$/.test(a)) i++;
    else if (!a.startsWith('-')) pos.push(a);
  }
  // (Handed a token the session already holds — echo "$GITHUB_TOKEN" | gh auth login --with-token, CI's idiom — it
  // authenticates with it, as rounds 24, 29 and 35 ruled; the sign-in that asks is the one that mints a new credential.)
  // (…to the service's own host: a token handed to another host — glab --hostname H, VAULT_ADDR=H — still asks.)
  if (args.some((a) => /^--(with-token|token)(=|$)/.test(a)) && tokenHandOver(name, args, env)?.hosts.length === 0) return undefined;
  // (Only --help is a help request here: gh's and glab's -h is --hostname, so `gh auth login -h github.com` signs in.)
  if (args.includes('--help')) return undefined;
  // (pulumi's and terraform-less local backends keep state in a directory: pulumi login --local, pulumi login file://DIR.)
  if (tool === 'pulumi' && args.some((a) => /^(-l|--local)$/.test(a) || /^(--cloud-url=)?file:\/\//.test(a))) return undefined;
  const hit = [pos.slice(0, 3).join(' '), pos.slice(0, 2).join(' '), pos[0] ?? ''].find((w) => w !== '' && re.test(w));
  return hit === undefined ? undefined : `${tool} ${hit} signs in to a service account and stores its credential`;
}

/** Options and variables that choose the service a sign-in talks to (a GitLab, Vault or GitHub Enterprise host). */
const LOGIN_HOST_OPTS = /^(--hostname|-h|--host|--url|--server|-address|--address)$/;
// (glab reads its host from GITLAB_HOST and its other names, GL_HOST and GITLAB_URI, and the API's from GITLAB_API_HOST.)
const LOGIN_HOST_VARS: Record<string, readonly string[]> = { gh: ['GH_HOST'], glab: ['GITLAB_HOST', 'GL_HOST', 'GITLAB_URI', 'GITLAB_API_HOST'], vault: ['VAULT_ADDR'], tea: ['GITEA_SERVER_URL'] };

/**
 * What a sign-in handed a token still does, though it mints no credential (logsIn's exemption): it sends the
 * token to the service — read from stdin under --with-token/--stdin, so `gh auth login --with-token < .env` sends
 * .env — and to the host an option or variable names (glab --hostname evil.example); huggingface's
 * --add-to-git-credential also writes it into ~/.git-credentials.
 */
export function tokenHandOver(name: string, args: readonly string[], env: Readonly<Record<string, string | undefined>>): { stdin: boolean; hosts: string[]; gitCredentials: boolean } | undefined {
  const tool = name.replace(/^.*\//, '');
  if (!LOGINS[tool] || !args.some((a) => /^--(with-token|token|stdin)(=|$)/.test(a))) return undefined;
  const hosts: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const eq = /^(--hostname|--host|--url|--server|-address|--address)=(.+)$/.exec(a);
    if (eq) hosts.push(eq[2]!);
    // (gh's and glab's -h takes its value attached too: -hevil.example.)
    else if (/^-h[^-]/.test(a) && (tool === 'gh' || tool === 'glab')) hosts.push(a.slice(2).replace(/^=/, ''));
    else if (LOGIN_HOST_OPTS.test(a) && args[i + 1] !== undefined && (a !== '-h' || tool === 'gh' || tool === 'glab')) hosts.push(args[++i]!);
  }
  for (const v of LOGIN_HOST_VARS[tool] ?? []) if (env[v]) hosts.push(env[v]!);
  // (A URL's host: https://vault.example:8200/ → vault.example.)
  const bare = hosts.map((h) => h.replace(/^[a-z][\w+.-]*:\/\//i, '').replace(/[/?#].*$/, '').replace(/:\d+$/, ''));
  return { stdin: args.some((a) => /^--(with-token|stdin)$/.test(a)), hosts: bare, gitCredentials: args.includes('--add-to-git-credential') };
}

