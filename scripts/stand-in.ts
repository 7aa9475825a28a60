// A Coze stand-in on 127.0.0.1, for trying the action, the CLI and the library by hand, and for the action's own CI
// job (`uses: ./`).
//   npm run stand-in                     runs it in the foreground (on the project's Node 24) and prints the lines
//                                        that make up .env for npm run local-action, and a command line of the
//                                        CLI that runs on the project's Node whatever node the shell finds; each
//                                        refusal is printed in Coze's words; Ctrl-C stops it
//   node scripts/stand-in.ts start DIR   starts it in the background, waits until it listens, and writes
//                                        STAND_IN_URL, STAND_IN_APP_ID, STAND_IN_KID, STAND_IN_PRIVATE_KEY and
//                                        STAND_IN_OTHER_KEY (a key Coze does not know) to $GITHUB_ENV, or prints them
//   node scripts/stand-in.ts serve DIR   the server itself; it logs each refusal, in Coze's words, to DIR/refusals.log
// Its keys are made afresh each time and are worth nothing outside it.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { startCozeStandIn } from '../test/support/coze-stand-in.ts';
import { makeRsaKeys } from '../test/support/keys.ts';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));

/** The project's own Node (the `node` dev dependency), which the printed command names by its path; else this one. */
function pinnedNode(root = ROOT): string {
  const folder = join(root, 'node_modules/node/bin');
  return ['node', 'node.exe'].map((name) => join(folder, name)).find((path) => existsSync(path)) ?? process.execPath;
}

/** A word as a shell reads it back: quoted when it holds anything but letters, digits and the path characters. */
const shellWord = (word: string): string => (/^[\w@%+=:,./\\-]+$/.test(word) ? word : `"${word}"`);

const [command, dir] = process.argv.slice(2);
if (command === undefined) await foreground();
else if ((command !== 'start' && command !== 'serve') || !dir) {
  console.error('usage: npm run stand-in, or node scripts/stand-in.ts start|serve DIR');
  process.exit(2);
} else await background(command, dir);

/** The stand-in until Ctrl-C, with what to paste to use it. */
async function foreground(): Promise<void> {
  const keys = makeRsaKeys();
  const appId = '1180000000001';
  const kid = `stand-in-${randomBytes(6).toString('hex')}`;
  const standIn = await startCozeStandIn({ publicKey: keys.publicKey, appId, kid });
  const keyDir = mkdtempSync(join(tmpdir(), 'coze-stand-in-'));
  const keyFile = join(keyDir, 'private_key.pem');
  writeFileSync(keyFile, keys.pkcs8);
  // The console's config file for the same app, as one secret would hold it.
  const oauthConfig = { client_type: 'jwt', client_id: appId, public_key_id: kid, private_key: keys.pkcs8 };
  const configFile = join(keyDir, 'coze_oauth_config.json');
  writeFileSync(configFile, JSON.stringify({ ...oauthConfig, coze_api_base: standIn.url }, null, 2));
  // dotenv, which local-action reads .env with, turns \n in a double-quoted value into a line break.
  const pemOnOneLine = keys.pkcs8.trimEnd().replaceAll('\n', '\\n');
  console.log(
    [
      `Coze stand-in listening at ${standIn.url} (app ${appId}); Ctrl-C stops it.`,
      '',
      "For npm run local-action, as the whole of .env (not below .env.example's placeholders, which would win):",
      `INPUT_APP-ID=${appId}`,
      `INPUT_PUBLIC-KEY-ID=${kid}`,
      `INPUT_PRIVATE-KEY="${pemOnOneLine}"`,
      `INPUT_BASE-URL=${standIn.url}`,
      'INPUT_VERIFY=true',
      '',
      "Or the console's config file as one input (single quotes keep dotenv from reading its \\n as line breaks):",
      `INPUT_OAUTH-CONFIG='${JSON.stringify({ ...oauthConfig, coze_api_base: standIn.url })}'`,
      'INPUT_VERIFY=true',
      '',
      "For the command line, on the project's Node from any folder (coze-token check … once installed):",
      [
        pinnedNode(),
        join(ROOT, 'dist/cli/index.js'),
        'check',
        '--app-id',
        appId,
        '--public-key-id',
        kid,
        '--private-key-file',
        keyFile,
        '--base-url',
        standIn.url,
      ]
        .map(shellWord)
        .join(' '),
      [pinnedNode(), join(ROOT, 'dist/cli/index.js'), 'check', '--oauth-config-file', configFile]
        .map(shellWord)
        .join(' '),
      '',
    ].join('\n'),
  );
  const printed = new Set<unknown>();
  const refusals = setInterval(() => {
    for (const request of standIn.requests.filter((r) => r.refusal && !printed.has(r))) {
      printed.add(request);
      console.log(`refused ${request.path}: ${request.refusal}`);
    }
  }, 100);
  const stop = async () => {
    clearInterval(refusals);
    await standIn.close();
    rmSync(keyDir, { recursive: true, force: true });
    console.log('Coze stand-in stopped.');
    process.exit(0);
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void stop());
}

async function background(command: 'start' | 'serve', dir: string): Promise<void> {
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
      JSON.stringify({
        STAND_IN_URL: standIn.url,
        STAND_IN_APP_ID: appId,
        STAND_IN_KID: kid,
        STAND_IN_PRIVATE_KEY: keys.pkcs8,
        STAND_IN_OTHER_KEY: other,
      }),
    );
    renameSync(`${ready}.tmp`, ready);
  } else {
    const child = spawn(process.execPath, [fileURLToPath(import.meta.url), 'serve', dir], {
      detached: true,
      stdio: 'ignore',
    });
    child.unref();
    for (let waited = 0; !existsSync(ready); waited += 100) {
      if (waited > 30_000) throw new Error('the stand-in did not start within 30 s');
      await sleep(100);
    }
    const values = JSON.parse(readFileSync(ready, 'utf8')) as Record<string, string>;
    const delimiter = `EOF_${randomBytes(8).toString('hex')}`;
    const lines = Object.entries(values).map(
      ([name, value]) => `${name}<<${delimiter}\n${value.trimEnd()}\n${delimiter}\n`,
    );
    if (process.env.GITHUB_ENV) appendFileSync(process.env.GITHUB_ENV, lines.join(''));
    else console.log(lines.join(''));
    console.log(`Coze stand-in listening at ${values.STAND_IN_URL} (pid ${child.pid})`);
  }
}
