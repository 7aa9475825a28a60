// An error the library throws and nobody catches, as Node prints it: the problem, Coze's log id and the hint, and the
// caller's own frame; not the source line of the minified bundle (a whole file on one line), nor its frames.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { leaksIn } from '../support/leaks.ts';
import { node22 } from '../support/node22.ts';
import { ROOT } from '../support/paths.ts';
import { spawnNode } from '../support/spawn-node.ts';
import { useCozeStandIn } from '../support/stand-in-fixture.ts';

const { keys, appId, kid, standIn } = useCozeStandIn('7455555555555', 'uncaught-kid');
const dir = mkdtempSync(join(tmpdir(), 'coze-uncaught-'));

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
});

/** A script of a library user that awaits mintCozeToken at its top level and catches nothing. */
async function uncaught(node: string, options: string) {
  const script = join(dir, `user-${Math.random().toString(36).slice(2)}.mjs`);
  const lib = pathToFileURL(join(ROOT, 'dist/lib/index.js')).href;
  writeFileSync(
    script,
    `const { mintCozeToken } = await import(${JSON.stringify(lib)});\nawait mintCozeToken({ ...${options}, privateKey: process.env.KEY });\n`,
  );
  const run = await spawnNode(node, [script], { KEY: keys.pkcs8 });
  const found = leaksIn(run.stderr, { pems: [keys.pkcs8], standIn }).filter((leak) => leak !== 'a stack trace');
  expect(found).toEqual([]);
  return { ...run, script: pathToFileURL(script).href };
}

/** Short, readable lines: no line of code, no frame of the library, the caller's frame kept. */
function expectReadable(stderr: string, script: string) {
  const lines = stderr.trimEnd().split('\n');
  expect(lines.length, stderr).toBeLessThan(20);
  expect(Math.max(...lines.map((line) => line.length)), stderr).toBeLessThan(400);
  expect(stderr).not.toMatch(/dist[\\/]lib|export const|=>/);
  expect(stderr).toContain(`at async ${script}:2:1`);
}

describe('an uncaught library error, as Node prints it', () => {
  for (const [label, node] of [
    ['Node 24', process.execPath],
    ['Node 22', node22()],
  ] as const) {
    it(`CozeError on ${label}: Coze's words, status, code, log id and hint`, async () => {
      const run = await uncaught(node, JSON.stringify({ appId, publicKeyId: 'deleted-kid', baseUrl: standIn.url }));
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(
        /^CozeError: Coze refused the token request: invalid jwt: kid not been registred \(HTTP 401, code invalid_client, log id 20261125\d{6}STANDIN\)\n/,
      );
      expect(run.stderr).toMatch(/hint: "Coze does not know this app's key on 127\.0\.0\.1\./);
      expect(run.stderr).toMatch(/logId: '20261125\d{6}STANDIN'/);
      expectReadable(run.stderr, run.script);
    });
  }

  it('NetworkError: what failed and the hint', async () => {
    const run = await uncaught(
      process.execPath,
      JSON.stringify({ appId, publicKeyId: kid, baseUrl: 'http://127.0.0.1:9', retries: 0 }),
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^NetworkError: Token request to http:\/\/127\.0\.0\.1:9\/api\/permission\/oauth2\/token: connection refused/,
    );
    expect(run.stderr).toMatch(/hint: '/);
    expectReadable(run.stderr, run.script);
  });

  it('InputError: the option and what is expected', async () => {
    const run = await uncaught(process.execPath, JSON.stringify({ appId, publicKeyId: kid, baseURL: standIn.url }));
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^InputError: Option 'baseURL': not an option of mintCozeToken; did you mean baseUrl\?\n/,
    );
    expectReadable(run.stderr, run.script);
  });
});
