// A Coze stand-in for the action's own CI job (`uses: ./`) and for trying the action by hand, on 127.0.0.1.
//   node scripts/stand-in.ts start DIR   starts it in the background, waits until it listens, and writes
//                                        STAND_IN_URL, STAND_IN_APP_ID, STAND_IN_KID, STAND_IN_PRIVATE_KEY and
//                                        STAND_IN_OTHER_KEY (a key Coze does not know) to $GITHUB_ENV, or prints them
//   node scripts/stand-in.ts serve DIR   the server itself; it logs each refusal, in Coze's words, to DIR/refusals.log
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { startCozeStandIn } from '../test/support/coze-stand-in.ts';
import { makeRsaKeys } from '../test/support/keys.ts';

const [command, dir] = process.argv.slice(2);
if ((command !== 'start' && command !== 'serve') || !dir) {
  console.error('usage: node scripts/stand-in.ts start|serve DIR');
  process.exit(2);
}
mkdirSync(dir, { recursive: true });
const ready = join(dir, 'ready.json');

if (command === 'serve') {
  const keys = makeRsaKeys();
  const appId = '1180000000001';
  const kid = `stand-in-${randomBytes(6).toString('hex')}`;
  const standIn = await startCozeStandIn({ publicKey: keys.publicKey, appId, kid });
  const logged = new Set<unknown>();
  setInterval(() => {
    for (const request of standIn.requests.filter((r) => r.refusal && !logged.has(r))) {
      logged.add(request);
      appendFileSync(join(dir, 'refusals.log'), `${request.refusal}\n`);
    }
  }, 100);
  const other = makeRsaKeys().pkcs8;
  writeFileSync(
    `${ready}.tmp`,
    JSON.stringify({ STAND_IN_URL: standIn.url, STAND_IN_APP_ID: appId, STAND_IN_KID: kid, STAND_IN_PRIVATE_KEY: keys.pkcs8, STAND_IN_OTHER_KEY: other }),
  );
  renameSync(`${ready}.tmp`, ready);
} else {
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url), 'serve', dir], { detached: true, stdio: 'ignore' });
  child.unref();
  for (let waited = 0; !existsSync(ready); waited += 100) {
    if (waited > 30_000) throw new Error('the stand-in did not start within 30 s');
    await sleep(100);
  }
  const values = JSON.parse(readFileSync(ready, 'utf8')) as Record<string, string>;
  const delimiter = `EOF_${randomBytes(8).toString('hex')}`;
  const lines = Object.entries(values).map(([name, value]) => `${name}<<${delimiter}\n${value.trimEnd()}\n${delimiter}\n`);
  if (process.env.GITHUB_ENV) appendFileSync(process.env.GITHUB_ENV, lines.join(''));
  else console.log(lines.join(''));
  console.log(`Coze stand-in listening at ${values.STAND_IN_URL} (pid ${child.pid})`);
}
