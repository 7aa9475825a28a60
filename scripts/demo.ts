// Shows the action working end to end against the local Coze stand-in, printing the log as a runner would
// show it: ::add-mask:: (and, without debug logging, ::debug::) lines hidden and every masked value replaced by ***.

import { startCozeStandIn } from '../test/support/coze-stand-in.ts';
import { makeRsaKeys } from '../test/support/keys.ts';
import { commands, runAction } from '../test/support/run-action.ts';

const keys = makeRsaKeys();
const appId = '1183520381944';
const kid = 'Mx5l4Zz8bG1hc2tlZC1maW5nZXJwcmludA';
const standIn = await startCozeStandIn({ publicKey: keys.publicKey, appId, kid });

function asRunnerShows(text: string, masks: string[]): string {
  let shown = text
    .split('\n')
    .filter((line) => !line.startsWith('::add-mask::') && !line.startsWith('::debug::'))
    .join('\n');
  for (const secret of masks.sort((a, b) => b.length - a.length)) shown = shown.split(secret).join('***');
  return shown;
}

try {
  console.log(`Coze stand-in listening on ${standIn.url} (RS256 signature and every claim checked)\n`);
  const inputs = {
    'app-id': appId,
    'public-key-id': kid,
    'private-key': keys.pkcs8,
    'base-url': standIn.url,
    'session-name': 'demo-user',
    verify: 'true',
    'export-env': 'true',
  };
  const run = await runAction(inputs);
  const masks = commands(run.stdout, 'add-mask');
  console.log('── step log, as the runner shows it ──');
  console.log(asRunnerShows(run.log, masks).trim());
  console.log(`\n── exit code ${run.code}; step outputs (token masked) ──`);
  for (const [name, value] of Object.entries(run.outputs)) console.log(`${name}: ${asRunnerShows(value, masks)}`);
  console.log('\n── exported to later steps ──');
  for (const [name, value] of Object.entries(run.env)) console.log(`${name}=${asRunnerShows(value, masks)}`);
  console.log('\n── job summary (the HTML the runner renders) ──');
  console.log(run.summary.trim());
  const failed = await runAction({ ...inputs, 'public-key-id': 'a-key-that-was-deleted' });
  console.log(`\n── the same step with a wrong public-key-id: exit code ${failed.code} ──`);
  console.log(asRunnerShows(failed.log, commands(failed.stdout, 'add-mask')).trim());
  process.exitCode = run.code === 0 && failed.code === 1 ? 0 : 1;
} finally {
  await standIn.close();
}
