// npm run bench: one full action run (node dist/index.js minting from the local Coze stand-in) timed over
// interleaved runs beside a bare `node -e 0` and the official SDK's getJWTToken against the same stand-in;
// then the size of dist/, what each dependency costs to load, the round trips a step costs on the wire, and what the
// gate for outside text costs per MiB of hostile text. Talks only to 127.0.0.1.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startCozeStandIn } from '../test/support/coze-stand-in.ts';
import { makeRsaKeys } from '../test/support/keys.ts';
import { startLatencyRelay } from '../test/support/latency-relay.ts';
import { ROOT, runAction } from '../test/support/run-action.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 25);
const keys = makeRsaKeys();
const appId = '1183520381944';
const kid = 'bench-kid';
const standIn = await startCozeStandIn({ publicKey: keys.publicKey, appId, kid });
const node = process.execPath;

mkdirSync(join(ROOT, 'build'), { recursive: true });
const sdkScript = join(ROOT, 'build/bench-sdk.mjs');
writeFileSync(
  sdkScript,
  `import { getJWTToken } from '@coze/api';
const token = await getJWTToken({ baseURL: process.env.BASE, appId: process.env.APP, aud: '127.0.0.1', keyid: process.env.KID, privateKey: process.env.KEY });
if (!token.access_token) process.exit(1);
`,
);

function time(args: string[], env: Record<string, string>): Promise<number> {
  const started = performance.now();
  const child = spawn(node, args, { env: { PATH: process.env.PATH ?? '', ...env }, stdio: 'ignore', cwd: ROOT });
  return new Promise((resolve, reject) =>
    child.on('close', (code) =>
      code === 0 ? resolve(performance.now() - started) : reject(new Error(`${args.join(' ')} exited ${code}`)),
    ),
  );
}

const actionEnv: Record<string, string> = {};
{
  // The same environment a runner gives: every INPUT_*, with action.yml defaults, and the file-command files.
  const probe = await runAction({
    'app-id': appId,
    'public-key-id': kid,
    'private-key': keys.pkcs8,
    'base-url': standIn.url,
    summary: 'false',
  });
  if (probe.code !== 0 || !probe.outputs.token) throw new Error(`the action did not mint: ${probe.log}`);
  const dir = join(ROOT, 'build');
  Object.assign(actionEnv, {
    'INPUT_APP-ID': appId,
    'INPUT_PUBLIC-KEY-ID': kid,
    'INPUT_PRIVATE-KEY': keys.pkcs8,
    'INPUT_BASE-URL': standIn.url,
    'INPUT_DURATION-SECONDS': '900',
    'INPUT_TIMEOUT-SECONDS': '30',
    INPUT_RETRIES: '3',
    'INPUT_EXPORT-ENV': 'false',
    INPUT_VERIFY: 'false',
    INPUT_SUMMARY: 'true',
    GITHUB_OUTPUT: join(dir, 'bench-output'),
    GITHUB_ENV: join(dir, 'bench-env'),
    GITHUB_STEP_SUMMARY: join(dir, 'bench-summary'),
  });
  for (const file of ['bench-output', 'bench-env', 'bench-summary']) writeFileSync(join(dir, file), '');
}

const subjects: Array<{ name: string; args: string[]; env: Record<string, string> }> = [
  { name: 'node -e 0 (bare start-up)', args: ['-e', '0'], env: {} },
  { name: 'action: node dist/index.js', args: [join(ROOT, 'dist/index.js')], env: actionEnv },
  {
    name: 'official SDK: @coze/api getJWTToken',
    args: [sdkScript],
    env: { BASE: standIn.url, APP: appId, KID: kid, KEY: keys.pkcs8 },
  },
];
// BENCH_BASELINE=/path/to/another/dist/index.js times another build in the same interleaved rounds: before and after.
if (process.env.BENCH_BASELINE)
  subjects.push({
    name: `baseline: ${process.env.BENCH_BASELINE}`,
    args: [process.env.BENCH_BASELINE],
    env: actionEnv,
  });

const samples = subjects.map(() => [] as number[]);
for (const subject of subjects) await time(subject.args, subject.env); // warm the file cache
for (let round = 0; round < ROUNDS; round++) {
  for (let k = 0; k < subjects.length; k++) {
    const i = (round + k) % subjects.length;
    const subject = subjects[i]!;
    samples[i]!.push(await time(subject.args, subject.env));
  }
}
await standIn.close();

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
};
const bare = quantile(samples[0]!, 0.5);
console.log(`Node ${process.versions.node}, ${ROUNDS} interleaved rounds, wall time per process (ms)\n`);
console.log('| run | median | p10 – p90 | ratio to bare node |');
console.log('|---|---:|---:|---:|');
for (const [i, subject] of subjects.entries()) {
  const median = quantile(samples[i]!, 0.5);
  console.log(
    `| ${subject.name} | ${median.toFixed(1)} | ${quantile(samples[i]!, 0.1).toFixed(1)} – ${quantile(samples[i]!, 0.9).toFixed(1)} | ${(median / bare).toFixed(2)}x |`,
  );
}

const size = (path: string): number =>
  statSync(path).isDirectory()
    ? readdirSync(path).reduce((sum, name) => sum + size(join(path, name)), 0)
    : statSync(path).size;
const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;
console.log(
  `\ndist/index.js (what the runner loads): ${kib(size(join(ROOT, 'dist/index.js')))}; all of dist/: ${kib(size(join(ROOT, 'dist')))}`,
);

// Where start-up time goes: each dependency bundled alone the way dist/ is (ncc, minified), with just what the
// action imports from it, timed against bare node.
const dependencies: Array<[string, string]> = [
  [
    '@actions/core (with @actions/http-client and its undici)',
    "import { getInput, setOutput, setSecret, summary } from '@actions/core'; globalThis.keep = [getInput, setOutput, setSecret, summary];",
  ],
  [
    'undici (request, EnvHttpProxyAgent)',
    "import { request, EnvHttpProxyAgent } from 'undici'; globalThis.keep = [request, EnvHttpProxyAgent];",
  ],
  ['jose (SignJWT)', "import { SignJWT } from 'jose'; globalThis.keep = SignJWT;"],
];
const depDir = join(ROOT, 'build/bench-deps');
mkdirSync(depDir, { recursive: true });
console.log('\n| dependency bundled alone | size | median ms over bare node |');
console.log('|---|---:|---:|');
for (const [index, [name, code]] of dependencies.entries()) {
  const entry = join(depDir, `entry-${index}.mjs`);
  writeFileSync(entry, code);
  execFileSync(join(ROOT, 'node_modules/.bin/ncc'), ['build', entry, '-o', join(depDir, String(index)), '-q', '-m'], {
    cwd: ROOT,
  });
  const bundle = join(depDir, String(index), 'index.mjs');
  const runs: number[] = [];
  const bareRuns: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    bareRuns.push(await time(['-e', '0'], {}));
    runs.push(await time([bundle], {}));
  }
  console.log(`| ${name} | ${kib(size(bundle))} | +${(quantile(runs, 0.5) - quantile(bareRuns, 0.5)).toFixed(1)} |`);
}

// Round trips on the wire: the whole step through a relay that adds a network round trip (RTT_MS, over TLS), less
// the same step through the relay with no delay, in units of that round trip. The floor is one connection: TCP 1,
// TLS 1.3 1, the token POST 1 (3 to mint), and the GET of /v1/users/me 1 (4 with verify).
const RTT_MS = Number(process.env.BENCH_RTT_MS ?? 200);
const tls = (name: string) => readFileSync(join(ROOT, 'test/fixtures/tls', name), 'utf8');
const secure = await startCozeStandIn({
  publicKey: keys.publicKey,
  appId,
  kid,
  audience: 'localhost',
  tls: { key: tls('server-key.pem'), cert: tls('server-cert.pem') },
});
const securePort = Number(new URL(secure.url).port);
const wireEnv = (port: number, verify: boolean): Record<string, string> => ({
  ...actionEnv,
  'INPUT_BASE-URL': `https://localhost:${port}`,
  INPUT_VERIFY: String(verify),
  NODE_EXTRA_CA_CERTS: join(ROOT, 'test/fixtures/tls/ca.pem'),
});
console.log(
  `\nOn the wire, through a relay that adds a ${RTT_MS} ms round trip over TLS (median of ${Math.min(ROUNDS, 7)} runs each):\n`,
);
console.log('| step | floor | round trips | connections |');
console.log('|---|---:|---:|---:|');
for (const [name, verify, floor] of [
  ['mint', false, 3],
  ['mint + verify', true, 4],
] as const) {
  const near = await startLatencyRelay(securePort, 0);
  const far = await startLatencyRelay(securePort, RTT_MS);
  const nearRuns: number[] = [];
  const farRuns: number[] = [];
  const rounds = Math.min(ROUNDS, 7);
  for (let round = 0; round < rounds; round++) {
    nearRuns.push(await time([join(ROOT, 'dist/index.js')], wireEnv(near.port, verify)));
    farRuns.push(await time([join(ROOT, 'dist/index.js')], wireEnv(far.port, verify)));
  }
  const trips = (quantile(farRuns, 0.5) - quantile(nearRuns, 0.5)) / RTT_MS;
  console.log(`| ${name} | ${floor} | ${trips.toFixed(2)} | ${(far.connections() / rounds).toFixed(1)} per step |`);
  await near.close();
  await far.close();
}
await secure.close();

// Outside text: a Coze answer (status, headers, body) read through the gate, as hostile as its kind gets, at sizes
// up to the 1 MiB cap. The gate bounds each piece before any pattern runs, so its cost is that of reading the body
// (JSON.parse) and grows with the size alone; the shape scan unbounded shows the patterns are linear too. Beside them,
// the pattern the gate replaced, whose time grew far faster than the length.
// The build's own modules (npm run build made them), as Node cannot run src/'s .js imports of .ts files.
const built = <T>(module: string) => import(pathToFileURL(join(ROOT, 'build/src', module)).href) as Promise<T>;
const { readAnswer } = await built<typeof import('../src/core/coze-response.ts')>('core/coze-response.js');
const { withoutSecretShapes } = await built<typeof import('../src/safe-text/outside.ts')>('safe-text/outside.js');
const { createRedactor } = await built<typeof import('../src/safe-text/redactor.ts')>('safe-text/redactor.js');
const OLD_SECRET_LOOKING = /eyJ[\w-]*\.[\w-]+\.[\w-]*|\b(?:pat|sat|cz[a-z])_[\w-]+/g;
const MIB = 1024 * 1024;
const hostileKinds: Array<[string, string]> = [
  ['token-like, no dots', 'eyJ'],
  ['JWT-like, dotted', 'eyJa.'],
  ['controls and bidi', '\u0085\u202e\u2028'],
  ['our markers', '⟦##[<!--'],
];
const redactor = createRedactor();
redactor.add('Opaque9fK2mQ7xLr4Tz8Wv1Nb6Hc3Yd5Pe0Sg');
redactor.addIdentifier('app-id', appId);
const redact = (text: string) => redactor.redact(text);
const bestOf = (runs: number, f: () => void) => {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    f();
    best = Math.min(best, performance.now() - started);
  }
  return best;
};
console.log('\nThe gate for outside text: ms to read a Coze answer of that size (best of 5), and ms per MiB\n');
console.log('| hostile text | 256 KiB | 512 KiB | 1 MiB | per MiB at 1 MiB | shape scan unbounded, per MiB |');
console.log('|---|---:|---:|---:|---:|---:|');
for (const [kind, unit] of hostileKinds) {
  const text = (bytes: number) => unit.repeat(Math.floor(bytes / Buffer.byteLength(unit) / 1.1));
  const answer = (bytes: number) => {
    const words = text(bytes);
    const body = JSON.stringify({
      error_code: words,
      error_message: words.slice(0, words.length / 2),
      data: { user_name: words.slice(0, 100) },
    });
    return {
      status: 400,
      headers: { 'x-tt-logid': words, 'content-type': words, 'retry-after': words, location: words },
      body,
    };
  };
  const sizes = [MIB / 4, MIB / 2, MIB].map((bytes) => {
    const response = answer(bytes);
    return { bytes: Buffer.byteLength(response.body), ms: bestOf(5, () => readAnswer(response, redact)) };
  });
  const whole = text(MIB);
  const scan = bestOf(3, () => withoutSecretShapes(whole)) / (Buffer.byteLength(whole) / MIB);
  const last = sizes.at(-1) as { bytes: number; ms: number };
  console.log(
    `| ${kind} | ${sizes.map(({ ms }) => ms.toFixed(1)).join(' | ')} | ${(last.ms / (last.bytes / MIB)).toFixed(1)} | ${scan.toFixed(1)} |`,
  );
}
console.log(
  '\nThe pattern the gate replaced, on token-like text without dots (ms): each doubling of the length takes six to eight times as long\n',
);
console.log('| characters | ms |');
console.log('|---:|---:|');
for (const length of [8_000, 16_000, 32_000]) {
  const text = 'eyJ'.repeat(length / 3);
  console.log(`| ${length} | ${bestOf(1, () => text.replace(OLD_SECRET_LOOKING, '[redacted]')).toFixed(0)} |`);
}
