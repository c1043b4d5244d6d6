// Commands that publish a package, crate, gem or artifact to a public registry: what they upload
// is the project (and whatever lies in it), under the user's account, for others to install.
// DESIGN.md asks for `npm publish`; the same act through any other package manager asks too.
// (Container images and GitHub releases are left to their host rules: images go to registries the
// policy names, and a release of the project's own repository is everyday work.)

/** A tool → the first operands (subcommand words) that publish with it. */
const PUBLISHERS: Record<string, RegExp> = {
  pnpm: /^publish$/,
  yarn: /^(publish|npm publish)$/,
  bun: /^publish$/,
  uv: /^publish$/,
  poetry: /^publish$/,
  twine: /^upload$/,
  hatch: /^publish$/,
  flit: /^publish$/,
  pdm: /^publish$/,
  maturin: /^(publish|upload)$/,
  cargo: /^publish$/,
  gem: /^push$/,
  dotnet: /^nuget push$/,
  nuget: /^push$/,
  mvn: /^deploy$/,
  lerna: /^publish$/,
  changeset: /^publish$/,
  vsce: /^publish$/,
  ovsx: /^publish$/,
  helm: /^push$/,
  gradle: /^publish(?!ToMavenLocal)\w*$/,
  gradlew: /^publish(?!ToMavenLocal)\w*$/,
};

/** Why this command publishes, or undefined. */
export function publishes(name: string, args: readonly string[]): string | undefined {
  const tool = name.replace(/^.*\//, '');
  const dry = args.some((a) => /^(--dry-run|--dryrun)$/.test(a));
  // semantic-release publishes whatever its plugins are set up to release.
  if (tool === 'semantic-release') return dry ? undefined : 'semantic-release publishes a release of the project';
  const re = PUBLISHERS[tool];
  if (!re || dry) return undefined;
  const pos = args.filter((a) => !a.startsWith('-') && !a.includes('='));
  // (mvn and gradle take several goals or tasks: any of them may publish.)
  const words = /^(mvn|gradle|gradlew)$/.test(tool) ? pos : [pos.slice(0, 2).join(' '), pos[0] ?? ''];
  const hit = words.find((w) => w !== '' && re.test(w));
  return hit === undefined ? undefined : `${tool} ${hit} publishes the project to a registry`;
}
