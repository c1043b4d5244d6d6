// Round 54 (lead): a CLI that signs the user in to a service account stores its credential in HOME for every later
// command — DESIGN asks for `npm adduser|login`, and the same act through any other service's CLI asks too.
import t from 'tap';
import { lineTable } from '../helpers/engine.js';

await lineTable(t, {
  'a sign-in to a service account asks, whichever CLI does it': [
    ['gh auth login', 'ask'],
    ['gh auth login --hostname github.com --git-protocol https', 'ask'],
    // (-h is gh's --hostname, not a help request)
    ['gh auth login -h github.com', 'ask'],
    ['gh auth login -h github.com -p https -w', 'ask'],
    ['glab auth login', 'ask'],
    ['cargo login', 'ask'],
    ['cargo login --registry my-reg', 'ask'],
    ['gem signin', 'ask'],
    ['pnpm login', 'ask'],
    ['az login --use-device-code', 'ask'],
    ['heroku login -i', 'ask'],
    ['vercel login', 'ask'],
    ['netlify login', 'ask'],
    ['firebase login:ci', 'ask'],
    ['fly auth login', 'ask'],
    ['flyctl auth login', 'ask'],
    ['wrangler login', 'ask'],
    ['huggingface-cli login', 'ask'],
    ['terraform login app.terraform.io', 'ask'],
    ['pulumi login', 'ask'],
    ['vault login -method=oidc', 'ask'],
    ['doctl auth init', 'ask'],
    // (ngrok's token is denied already: a public tunnel service)
    ['ngrok config add-authtoken abc', 'deny'],
    ['cd web && npx vercel login', 'ask'],
    ['npm login', 'ask'],
  ],
  'status, logout, help and everyday subcommands of the same CLIs stay allowed': [
    ['gh auth status', 'allow'],
    // (a token the session already holds, handed over: authentication with it, as rounds 24, 29 and 35 ruled)
    ['echo "$GITHUB_TOKEN" | gh auth login --with-token', 'allow'],
    ['huggingface-cli login --token "$HF_TOKEN"', 'allow'],
    ['gh auth login --help', 'allow'],
    ['gh pr list', 'allow'],
    ['cargo build --release', 'allow'],
    ['gem list', 'allow'],
    ['az account show', 'allow'],
    ['heroku logs --tail', 'allow'],
    ['vercel dev', 'allow'],
    ['fly status', 'allow'],
    ['wrangler dev', 'allow'],
    ['terraform plan', 'allow'],
    ['pulumi preview', 'allow'],
    ['vault status', 'allow'],
    ['pnpm install', 'allow'],
  ],
});
