// Cloud CLIs that upload files: aws s3 cp/mv/sync, gsutil cp, az storage blob upload. A secret
// uploaded to any bucket has left the machine.
import { newFacts, type Facts } from '../facts.js';
import type { AnalyzerInput } from './types.js';

const remote = (s: string) => /^(s3|gs|az|https?):\/\//i.test(s);

/** Facts of one aws/gsutil/gcloud storage/az invocation. */
export function analyzeCloud({ tool, args }: AnalyzerInput): Facts {
  const f = newFacts(tool);
  const pos = args.filter((a, i) => !a.startsWith('-') && !/^--(profile|region|endpoint-url|acl|storage-class|exclude|include|container-name|name|account-name)$/.test(args[i - 1] ?? ''));
  f.subcommand = pos.slice(0, 2).join(' ');
  const copy = pos.findIndex((p) => /^(cp|mv|sync|rsync|upload|upload-batch)$/.test(p));
  if (copy >= 0) {
    const ops = pos.slice(copy + 1);
    const dest = ops[ops.length - 1];
    if (dest && remote(dest)) for (const src of ops.slice(0, -1)) if (!remote(src)) f.sends.push(src);
  }
  for (let i = 0; i < args.length; i++) if (args[i] === '--file' || args[i] === '-f') f.sends.push(args[i + 1] ?? '');
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
