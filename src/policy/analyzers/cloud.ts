// Cloud CLIs that upload files: aws s3 cp/mv/sync, gsutil cp, az storage blob upload. A secret
// uploaded to any bucket has left the machine.
import { newFacts, type Facts } from '../facts.js';
import type { AnalyzerInput } from './types.js';
import { addUrl, wholeTree } from './common.js';

const remote = (s: string) => /^(s3|gs|az|https?|b2):\/\//i.test(s);

/** Facts of one aws/gsutil/gcloud storage/az invocation. */
export function analyzeCloud({ tool, args, cwd, home }: AnalyzerInput): Facts {
  const f = newFacts(tool);
  const pos = args.filter((a, i) => !a.startsWith('-') && !/^--(profile|region|endpoint-url|acl|storage-class|exclude|include|container-name|name|account-name)$/.test(args[i - 1] ?? ''));
  f.subcommand = pos.slice(0, 2).join(' ');
  const copy = pos.findIndex((p) => /^(cp|mv|sync|rsync|upload|upload-batch|mirror|put|upload-file)$/.test(p));
  if (copy >= 0) {
    const ops = pos.slice(copy + 1);
    const dest = ops[ops.length - 1];
    // (MinIO's mc names its remotes ALIAS/bucket, without a scheme.)
    const toRemote = (d: string) => remote(d) || (tool === 'mc' && /^[\w-]+\/\S/.test(d) && !d.startsWith('./'));
    if (dest && toRemote(dest)) {
      for (const src of ops.slice(0, -1)) if (!toRemote(src)) f.sends.push(src);
    } else if (dest && ops.slice(0, -1).some(toRemote)) {
      // (A copy down from a bucket writes its local destination — under the object's own name when that is a directory:
      // aws s3 cp s3://b/.bashrc ~/ writes ~/.bashrc; a sync writes anything below it.)
      f.writes.push(dest);
      for (const src of ops.slice(0, -1).filter(toRemote)) { const base = src.replace(/\/+$/, '').split('/').pop(); if (base && !/^[a-z]+:$/.test(base)) f.writes.push(`${dest.replace(/\/+$/, '')}/${base}`); }
      if (/^(sync|rsync|mirror)$/.test(pos[copy]!) || args.some((a) => a === '--recursive' || a === '-r')) f.writes.push(`${dest.replace(/\/+$/, '')}/.bashrc`);
    }
  }
  // (az storage copy -s URL -d PATH: the same, by options.)
  if (args.some((a, k) => /^(-s|--source)$/.test(args[k - 1] ?? '') && remote(a))) for (const d of args.filter((a, k) => /^(-d|--destination)$/.test(args[k - 1] ?? '') && !remote(a))) f.writes.push(d);
  // aws s3api get-object … OUTFILE (its last operand), gcloud … --out-file / --output-file F: the object lands in F.
  if (tool === 'aws' && pos[0] === 's3api' && /^(get-object|get-object-torrent)$/.test(pos[1] ?? '')) {
    const out = pos.at(-1);
    if (out && pos.length > 2 && !remote(out)) f.writes.push(out);
  }
  for (const o of args.flatMap((a, k) => (/^--(out-file|output-file|outfile|destination-file)$/.test(args[k - 1] ?? '') ? [a] : /^--(out-file|output-file|outfile|destination-file)=/.test(a) ? [a.slice(a.indexOf('=') + 1)] : []))) if (o !== '-' && !remote(o)) f.writes.push(o);
  // az … download -f/--file F writes F; elsewhere -f/--file (and a data or source file) is read and uploaded:
  // gcloud secrets create --data-file=.env, kms encrypt --plaintext-file, az storage file upload --source.
  const download = pos.some((p) => /^download(-batch)?$/.test(p));
  for (let i = 0; i < args.length; i++) {
    const [opt, inline] = args[i]!.startsWith('--') && args[i]!.includes('=') ? [args[i]!.slice(0, args[i]!.indexOf('=')), args[i]!.slice(args[i]!.indexOf('=') + 1)] : [args[i]!, undefined];
    const v = inline ?? args[i + 1] ?? '';
    if (download && /^(--file|-f|--dest|--destination|-d)$/.test(opt)) f.writes.push(v);
    else if (/^(--file|-f|--data-file|--plaintext-file|--content-file|--from-file|--payload-file)$/.test(opt) || (opt === '--source' && !download && /upload/.test(f.subcommand + pos.join(' ')))) f.sends.push(v);
  }
  remoteSession(f, tool, pos);
  // kaggle datasets create/version -p DIR, kernels push -p DIR, competitions submit -f FILE: uploads to kaggle.com.
  if (tool === 'kaggle' && /^(datasets|kernels|competitions|models|d|k|c|m)$/.test(pos[0] ?? '') && /^(create|version|push|submit|upload)$/.test(pos[1] ?? '')) {
    addUrl(f, 'https://www.kaggle.com/', 'target', 'https');
    for (const v of args.filter((a, k) => /^(-p|--path|-f|--file)$/.test(args[k - 1] ?? ''))) f.sends.push(v);
    if (!args.some((a) => /^(-p|--path)$/.test(a)) && pos[0] !== 'competitions' && pos[0] !== 'c') f.sends.push('.');
  }
  // mc rm/rb on a local path (mc works on the file system as well as on buckets) deletes it.
  if (tool === 'mc' && /^(rm|rb)$/.test(pos[0] ?? '')) for (const p of pos.slice(1)) if (/^(\/|~|\.|\$HOME)/.test(p)) f.deletes.push(p);
  // A whole tree uploaded (aws s3 sync . s3://b, gcloud storage cp -r . gs://b, oci … bulk-upload
  // --src-dir .): the project and whatever secrets lie in it.
  // (…az storage blob upload-batch -s/--source DIR too; the tree by any spelling, /home/user/project or ../project.)
  const dirs = [...f.sends, ...args.filter((a, k) => /^(--src-dir|--source-dir)$/.test(args[k - 1] ?? '') || (tool === 'az' && /^(-s|--source)$/.test(args[k - 1] ?? '')))];
  if (dirs.some((d) => wholeTree(d, cwd, home))) {
    f.tags.add('uploads-project');
    f.notes.push(`${tool} ${f.subcommand} uploads a whole directory tree to cloud storage`);
  }
  // Any parameter given as file://PATH or fileb://PATH (aws reads the file into the request), and
  // s3api's --body / lambda's --zip-file / --cli-input-json.
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const eq = a.indexOf('=');
    const v = a.startsWith('--') && eq > 0 ? a.slice(eq + 1) : a;
    const m = /^(?:file|fileb):\/\/(.+)$/.exec(v);
    if (m) f.sends.push(m[1]!);
    else if (/^--(body|zip-file|cli-input-json|cli-input-yaml|template-body|policy-document)$/.test(a) && args[i + 1] && !/^(file|fileb|s3):/.test(args[i + 1]!)) {
      if (a === '--body') f.sends.push(args[i + 1]!);
    }
  }
  return f;
}

// Shells and copies into a machine the cloud account names (an instance, not an address):
// gcloud compute ssh/scp, aws ssm start-session, aws ec2-instance-connect ssh, az ssh vm.
const SESSION: Readonly<Record<string, RegExp>> = {
  gcloud: /(?:^| )((?:alpha |beta )?(?:compute (?:ssh|scp|start-iap-tunnel)|compute tpus tpu-vm (?:ssh|scp)|cloud-shell (?:ssh|scp)))(?= |$)/,
  aws: /(?:^| )(ssm (?:start-session|send-command)|ec2-instance-connect (?:ssh|send-ssh-public-key|open-tunnel))(?= |$)/,
  az: /(?:^| )(ssh (?:vm|arc|cert)|vm run-command (?:invoke|create)|network bastion (?:ssh|tunnel))(?= |$)/,
};

/**
 * A session with a cloud machine: a destination Rampart cannot place (the account resolves it),
 * so a person decides, as for ssh to a host off the allowlist; local files an scp form copies
 * there are sends. (Global options may come first: gcloud --project p compute ssh vm.)
 */
function remoteSession(f: Facts, tool: string, pos: readonly string[]): void {
  const m = SESSION[tool]?.exec(pos.join(' '));
  if (!m) return;
  const verb = m[1]!;
  f.tags.add('unresolved-remote');
  f.notes.push(`${tool} ${verb} reaches a machine the cloud account names, which Rampart cannot place`);
  if (/scp$/.test(verb)) {
    const words = verb.split(' ');
    const at = pos.findIndex((_, k) => words.every((w, j) => pos[k + j] === w));
    const ops = pos.slice(at + words.length);
    const remoteOp = (o: string) => /^[^/.~][^/]*:/.test(o);
    // (Only a copy towards the machine sends: the destination, last, is remote.)
    if (ops.length > 1 && remoteOp(ops.at(-1)!)) f.sends.push(...ops.slice(0, -1).filter((o) => !remoteOp(o)));
  }
}

/**
 * Hosting CLIs that publish a tree as a public site: surge DIR and netlify deploy --dir DIR. (Those
 * that build the project's source in the user's own account — vercel, fly deploy, gcloud run deploy
 * --source — serve no source files and are the user's deploys.)
 */
export function deployedTree(tool: string, args: readonly string[], cwd?: string, home?: string): string | undefined {
  const pos = args.filter((a, k) => !a.startsWith('-') && !/^(--dir|-d|--site|-s|--auth|--team|--domain|--project|-p)$/.test(args[k - 1] ?? ''));
  const dirOpt = args.find((a, k) => /^(--dir|-d)$/.test(args[k - 1] ?? '')) ?? args.find((a) => a.startsWith('--dir='))?.slice(6);
  if (tool === 'surge' && (pos[0] === undefined || wholeTree(pos[0], cwd, home) || (!pos[0].includes('/') && /\.[a-z]{2,}$/.test(pos[0])))) return `surge publishes ${pos[0] && wholeTree(pos[0]) ? pos[0] : 'the working directory'} as a public site`;
  if (/^(netlify|netlify-cli|ntl)$/.test(tool) && pos[0] === 'deploy' && dirOpt !== undefined && wholeTree(dirOpt, cwd, home)) return `netlify deploy publishes ${dirOpt} as a public site`;
  // (Cloudflare Pages: wrangler pages deploy DIR publishes DIR.)
  if (tool === 'wrangler' && pos[0] === 'pages' && /^(deploy|publish)$/.test(pos[1] ?? '') && pos[2] !== undefined && wholeTree(pos[2], cwd, home)) return `wrangler pages deploy publishes ${pos[2]} as a public site`;
  return undefined;
}
