// The action in-process: runStep(core, deps) with a recording core against the local Coze stand-in over real HTTP.
// Order matters here: what is masked before what leaves, what is set before what fails.
import { describe, expect, it } from 'vitest';
import { runStep } from '../../src/action/index.ts';
import { appTag } from '../../src/core/report.ts';
import { act, expectFailure, firstIndex } from '../support/act.ts';
import { makeRsaKeys } from '../support/keys.ts';
import { recordingCore, recordingDeps } from '../support/recording-core.ts';
import { useCozeStandIn } from '../support/stand-in-fixture.ts';

const { keys, appId, kid, standIn } = useCozeStandIn('1183520381944', 'action-kid');

const inputs = (extra: Record<string, string> = {}) => ({
  'app-id': appId,
  'public-key-id': kid,
  'private-key': keys.pkcs8,
  'base-url': standIn.url,
  ...extra,
});
const keyLines = (pem: string) => pem.split('\n').filter((line) => line && !line.startsWith('-----'));

describe('minting', () => {
  it('mints a token and sets token, expires-at and expires-in', async () => {
    const result = await act(standIn, inputs({ 'session-name': 'ci-user', 'duration-seconds': '1800' }));
    expect(result.failures()).toEqual([]);
    const outputs = result.outputs();
    expect(Object.keys(outputs).sort()).toEqual(['expires-at', 'expires-in', 'token']);
    expect(standIn.issued.has(outputs.token as string)).toBe(true);
    expect(Number(outputs['expires-in'])).toBeGreaterThan(1790);
    expect(Number(outputs['expires-in'])).toBeLessThanOrEqual(1800);
    expect(outputs['expires-at']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$/);
    expect(Date.parse(outputs['expires-at'] as string) - Date.now()).toBeGreaterThan(1780_000);
    const [request] = result.sent;
    expect(result.sent).toHaveLength(1);
    expect(request?.path).toBe('/api/permission/oauth2/token');
    expect(request?.claims).toMatchObject({ iss: appId, aud: '127.0.0.1', session_name: 'ci-user' });
    expect(JSON.parse(request?.body ?? '')).toEqual({
      grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
      duration_seconds: 1800,
    });
    expect(request?.headers['user-agent']).toMatch(/^coze-token-action\/\d+\.\d+\.\d+ node\/\d+\./);
    expect(result.named('info').map((call) => call.args[0])).toContainEqual(
      expect.stringMatching(
        /^Minted a Coze access token for app [0-9a-f]{8} on 127\.0\.0\.1:\d+; it expires at \S+Z \(in 29 min 5\d s\)\.$/,
      ),
    );
    expect(result.exported()).toEqual({});
  });

  it('masks every line of the key before the first request leaves, and each JWT before it is sent', async () => {
    const result = await act(standIn, inputs({ 'private-key': keys.pkcs1 }));
    const firstSend = firstIndex(result.calls, (call) => call.name === 'send');
    expect(firstSend).toBeGreaterThan(0);
    const maskedBefore = result.calls
      .slice(0, firstSend)
      .filter((call) => call.name === 'setSecret')
      .map((call) => call.args[0]);
    for (const line of keyLines(keys.pkcs1)) expect(maskedBefore).toContain(line);
    const jwt = result.sent[0]?.jwt as string;
    expect(maskedBefore).toContain(jwt);
    expect(result.calls[firstSend]?.args[2]).toBe(`Bearer ${jwt}`);
  });

  it('masks the key first even when Coze refuses, before anything else is called', async () => {
    const result = await act(standIn, inputs({ 'public-key-id': 'a-deleted-key' }));
    expect(result.failures()).toHaveLength(1);
    const lines = keyLines(keys.pkcs8);
    expect(result.calls.slice(0, lines.length).every((call) => call.name === 'setSecret')).toBe(true);
    const masked = result.calls.slice(0, lines.length + 2).map((call) => call.args[0]);
    for (const line of lines) expect(masked).toContain(line);
  });

  it('masks the token before any call that carries it', async () => {
    const result = await act(standIn, inputs({ 'export-env': 'true' }));
    const token = result.outputs().token as string;
    const masked = firstIndex(result.calls, (call) => call.name === 'setSecret' && call.args[0] === token);
    const firstUse = firstIndex(
      result.calls,
      (call) => call.name !== 'setSecret' && JSON.stringify(call.args).includes(token),
    );
    expect(masked).toBeGreaterThan(-1);
    expect(firstUse).toBeGreaterThan(masked);
    expect(result.exported()).toEqual({ COZE_API_TOKEN: token, COZE_API_BASE: standIn.url });
  });

  it('retries with a fresh JWT, masked before its own request', async () => {
    standIn.fail({ kind: 'status', status: 503, body: '{"code":5000,"msg":"busy"}' });
    const result = await act(standIn, inputs({ retries: '1' }));
    expect(result.failures()).toEqual([]);
    expect(result.sent).toHaveLength(2);
    const [first, second] = result.sent.map((request) => request.headers.authorization);
    expect(first).not.toBe(second);
    for (const request of result.sent) {
      const jwt = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1] as string;
      const masked = firstIndex(result.calls, (call) => call.name === 'setSecret' && call.args[0] === jwt);
      const sent = firstIndex(result.calls, (call) => call.name === 'send' && call.args[2] === `Bearer ${jwt}`);
      expect(masked).toBeGreaterThan(-1);
      expect(masked).toBeLessThan(sent);
    }
    expect(result.named('sleep').map((call) => call.args[0])).toEqual([500]);
    expect(result.named('info').map((call) => call.args[0])).toContainEqual(
      expect.stringMatching(/HTTP 503; retrying in 0\.5 s \(retry 1 of 1\)$/),
    );
  });

  it('reads a key pasted with \\n escapes, CRLF, or base64-encoded on one line, and masks each form', async () => {
    const base64 = Buffer.from(keys.pkcs8).toString('base64');
    for (const pasted of [keys.pkcs8.trim().replace(/\n/g, '\\n'), keys.pkcs1.replace(/\n/g, '\r\n'), base64]) {
      const result = await act(standIn, inputs({ 'private-key': pasted }), {
        pems: [keys.pkcs8],
        extra: [base64.slice(100, 140)],
      });
      expect(result.failures()).toEqual([]);
      expect(standIn.issued.has(result.outputs().token as string)).toBe(true);
    }
    const result = await act(standIn, inputs({ 'private-key': base64 }), { pems: [keys.pkcs8] });
    const secrets = result.secrets();
    expect(secrets).toContain(base64);
    for (const line of keyLines(keys.pkcs8)) expect(secrets).toContain(line);
  });

  it('uses the account-scoped endpoint and passes the scope through', async () => {
    const scope = { account_permission: { permission_list: ['Connector.botChat'] } };
    const result = await act(standIn, inputs({ 'account-id': '7351', scope: JSON.stringify(scope) }));
    expect(result.failures()).toEqual([]);
    expect(result.sent[0]?.path).toBe('/api/permission/oauth2/account/7351/token');
    expect(JSON.parse(result.sent[0]?.body ?? '')).toMatchObject({ scope });
  });

  it('uses the enterprise endpoint for enterprise-id', async () => {
    const result = await act(standIn, inputs({ 'enterprise-id': 'volcano_2101000000' }));
    expect(result.failures()).toEqual([]);
    expect(result.sent[0]?.path).toBe('/api/permission/oauth2/enterprise_id/volcano_2101000000/token');
  });

  it('writes the job summary, never the token', async () => {
    const result = await act(standIn, inputs({ 'session-name': 'nightly' }));
    const table = result.summaryTable();
    expect(result.named('summary.addHeading')[0]?.args).toEqual(['Coze access token', 3]);
    expect(result.named('summary.write')).toHaveLength(1);
    expect(table).toMatchObject({
      Result: '✅ token minted',
      App: `${appTag(appId, '')} (a digest of app-id)`,
      'Base URL': standIn.url,
      Audience: '127.0.0.1',
      'Session name': 'nightly',
      Verification: 'not asked (verify: false)',
    });
    expect(table['Token expires']?.startsWith(`${result.outputs()['expires-at']} (in `)).toBe(true);
    expect(table['Token expires']).toMatch(/\(in 1[45] min( \d+ s)?\)$/);
    expect(table['Log id (x-tt-logid)']).toMatch(/STANDIN$/);
  });

  it('writes no summary with summary: false, and a failing summary never fails the step', async () => {
    const off = await act(standIn, inputs({ summary: 'false' }));
    expect(off.named('summary.write')).toEqual([]);
    expect(off.failures()).toEqual([]);
    const broken = recordingCore(inputs());
    broken.core.summary.write = async () =>
      Promise.reject(new Error('Unable to find environment variable for $GITHUB_STEP_SUMMARY'));
    await runStep(broken.core, recordingDeps(broken));
    expect(broken.failures()).toEqual([]);
    expect(broken.outputs()).toHaveProperty('token');
    expect(
      broken
        .named('debug')
        .map((c) => String(c.args[0]))
        .filter((line) => !line.includes(': attempt ')),
    ).toEqual(['No job summary written: Error: Unable to find environment variable for $GITHUB_STEP_SUMMARY']);
  });
});

describe('verify', () => {
  it('proves the token with /v1/users/me and sets verified, user-id and user-name', async () => {
    const result = await act(standIn, inputs({ verify: 'true' }));
    expect(result.failures()).toEqual([]);
    expect(result.sent.map((r) => r.path)).toEqual(['/api/permission/oauth2/token', '/v1/users/me']);
    const outputs = result.outputs();
    expect(outputs).toMatchObject({ verified: 'true', 'user-id': '7400000000000000001', 'user-name': 'ci-bot' });
    expect(result.sent[1]?.headers.authorization).toBe(`Bearer ${outputs.token}`);
    const table = result.summaryTable();
    expect(table.Verification).toBe('✅ /v1/users/me accepted the token');
    expect(table.User).toBe('ci-bot (7400000000000000001)');
    expect(result.named('info').map((c) => c.args[0])).toContain(
      `Verified: ${standIn.url}/v1/users/me accepted the token (user ci-bot).`,
    );
    // The token is set only after it passed.
    expect(firstIndex(result.calls, (c) => c.name === 'setOutput' && c.args[0] === 'token')).toBeGreaterThan(
      firstIndex(result.calls, (c) => c.name === 'setOutput' && c.args[0] === 'verified'),
    );
  });

  it("writes Coze's user id in the action's words, the app's id named, and no user-name where Coze gave none", async () => {
    standIn.failUsersMe({
      kind: 'ok-body',
      body: JSON.stringify({ code: 0, msg: '', data: { user_id: `u${appId}` } }),
    });
    const result = await act(standIn, inputs({ verify: 'true' }));
    expect(result.failures()).toEqual([]);
    const outputs = result.outputs();
    expect([outputs.verified, outputs['user-id'], Object.hasOwn(outputs, 'user-name')]).toEqual([
      'true',
      'u[app-id]',
      false,
    ]);
    const named = JSON.stringify({ code: 0, msg: '', data: { user_id: '7', user_name: `bot ${appId}` } });
    standIn.failUsersMe({ kind: 'ok-body', body: named });
    expect((await act(standIn, inputs({ verify: 'true' }))).outputs()['user-name']).toBe('bot [app-id]');
  });

  it("names the fingerprint Coze repeats back as the setting, as the app's id", async () => {
    const body = JSON.stringify({ access_token: 'czs_kid-echo-token-0123456789', expires_in: Date.now() / 1000 + 600 });
    standIn.fail({ kind: 'ok-body', body, headers: { 'x-tt-logid': `log-${appId}-${kid}` } });
    const result = await act(standIn, inputs());
    expect(result.failures()).toEqual([]);
    expect(result.summaryTable()['Log id (x-tt-logid)']).toBe('log-[app-id]-[public-key-id]');
  });

  it('sets verified=false when Coze refuses the token (4100), with the hint of the check', async () => {
    standIn.failUsersMe({
      kind: 'status',
      status: 401,
      body: JSON.stringify({ code: 4100, msg: 'authentication is invalid' }),
    });
    const result = await act(standIn, inputs({ verify: 'true' }));
    expectFailure(
      result,
      /^Coze refused the new token in the check call to \/v1\/users\/me: authentication is invalid \(HTTP 401, code 4100, log id \w+\)\. Coze refused the new token itself/,
    );
    expect(result.outputs()).toEqual({ verified: 'false' });
    expect(result.summaryTable()).toMatchObject({ Result: '❌ failed', Verification: '❌ Coze refused the token' });
  });

  it('treats a 200 with code 4101 as a refusal: the token works but lacks the permission', async () => {
    standIn.failUsersMe({
      kind: 'status',
      status: 200,
      body: JSON.stringify({ code: 4101, msg: 'permission denied' }),
    });
    const result = await act(standIn, inputs({ verify: 'true' }));
    expectFailure(result, /permission denied \(HTTP 200, code 4101.*The token works, but the app lacks the permission/);
    expect(result.outputs()).toEqual({ verified: 'false' });
  });

  it('leaves verified unset when Coze never answered the check, and says so', async () => {
    standIn.failUsersMe({ kind: 'reset' });
    const result = await act(standIn, inputs({ verify: 'true', retries: '0' }));
    expectFailure(result, /^Verification call to .*\/v1\/users\/me: .* \(1 attempt\)\. Check base-url, the network/);
    expect(result.outputs()).toEqual({});
    expect(result.summaryTable().Verification).toBe('⚠️ no answer from Coze, so not known (network)');
  });

  it('sets no user outputs when /v1/users/me names no user', async () => {
    standIn.failUsersMe({ kind: 'status', status: 200, body: JSON.stringify({ code: 0, msg: '' }) });
    const result = await act(standIn, inputs({ verify: 'true' }));
    expect(result.outputs()).toMatchObject({ verified: 'true' });
    expect(result.outputs()).not.toHaveProperty('user-id');
    expect(result.outputs()).not.toHaveProperty('user-name');
    expect(result.named('info').map((c) => c.args[0])).toContain(
      `Verified: ${standIn.url}/v1/users/me accepted the token.`,
    );
  });

  it('retries the check like the exchange', async () => {
    standIn.failUsersMe({
      kind: 'status',
      status: 502,
      body: '<html>bad gateway</html>',
      headers: { 'content-type': 'text/html' },
    });
    const result = await act(standIn, inputs({ verify: 'true', retries: '1' }));
    expect(result.outputs().verified).toBe('true');
    expect(result.named('info').map((c) => c.args[0])).toContainEqual(
      expect.stringMatching(/^Verification call to .*: HTTP 502; retrying/),
    );
  });
});

describe('an unexpected failure', () => {
  it('fails the step with its message, no stack trace, and still writes the summary', async () => {
    const result = await act(standIn, inputs(), {
      deps: {
        newJwtId: () => {
          throw new RangeError('no entropy left');
        },
      },
    });
    expectFailure(result, /^Unexpected error: no entropy left$/);
    expect(result.sent).toEqual([]);
    expect(result.summaryTable().Error).toBe('Unexpected error: no entropy left');
  });
});

describe('the deadline', () => {
  it('ends a hanging exchange at deadline-seconds, not timeout-seconds, naming the input', async () => {
    standIn.fail({ kind: 'hang' });
    const started = Date.now();
    const result = await act(standIn, inputs({ 'deadline-seconds': '1', 'timeout-seconds': '30' }));
    expectFailure(
      result,
      /^Token request to .*: no answer within deadline-seconds \(1 s\) after 1 attempt; the last: no complete answer within timeout-seconds\. Raise deadline-seconds/,
    );
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('bounds mint and verify together: the check gets only what the mint left', async () => {
    standIn.failUsersMe({ kind: 'hang' });
    const started = Date.now();
    const result = await act(standIn, inputs({ verify: 'true', 'deadline-seconds': '1', 'timeout-seconds': '30' }));
    expectFailure(result, /^Verification call to .*: no answer within deadline-seconds \(1 s\)/);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(result.outputs()).toEqual({});
  });

  it('starts no wait that would end past the deadline, and gives Coze’s last answer', async () => {
    let clock = Date.now();
    const deps = { now: () => clock, sleep: async (ms: number) => void (clock += ms) };
    standIn.fail(
      ...Array.from({ length: 4 }, () => ({
        kind: 'status' as const,
        status: 503,
        body: '{"code":5000,"msg":"busy"}',
      })),
    );
    const result = await act(standIn, inputs({ retries: '10', 'deadline-seconds': '4' }), { deps });
    // Waits of 0.5, 1 and 2 s end by 3.5 s; the next (4 s) would end past 4 s, so the fourth answer is the last.
    expect(result.sent).toHaveLength(4);
    expectFailure(result, /^Coze refused the token request: busy \(HTTP 503, code 5000/);
    expect(result.named('info').map((c) => c.args[0])).toContainEqual(
      expect.stringMatching(/HTTP 503; no retry, as deadline-seconds \(4 s\) leaves no time for one$/),
    );
  });
});

describe('boolean inputs', () => {
  it('falls back to the defaults when a boolean input is given as empty (an expression that evaluated to nothing)', async () => {
    const result = await act(standIn, inputs({ summary: '', 'export-env': '', verify: '', 'issue-on-failure': '' }));
    expect(result.failures()).toEqual([]);
    expect(result.named('summary.write')).toHaveLength(1);
    expect(result.exported()).toEqual({});
    expect(result.sent.map((r) => r.path)).toEqual(['/api/permission/oauth2/token']);
    expect(result.named('warning')).toEqual([]);
  });

  it('reads True and FALSE as YAML does', async () => {
    const result = await act(standIn, inputs({ verify: 'True', 'export-env': 'TRUE', summary: 'FALSE' }));
    expect(result.outputs().verified).toBe('true');
    expect(Object.keys(result.exported())).toEqual(['COZE_API_TOKEN', 'COZE_API_BASE']);
    expect(result.named('summary.write')).toEqual([]);
  });

  it('still writes the summary when the first boolean it reads is bad', async () => {
    const result = await act(standIn, inputs({ 'issue-on-failure': 'perhaps' }));
    expectFailure(result, /^Input 'issue-on-failure': expected true or false$/);
    expect(result.summaryTable()).toMatchObject({
      Result: '❌ failed',
      Error: "Input 'issue-on-failure': expected true or false",
    });
  });
});

describe('bad input', () => {
  const bad: Array<[string, string, RegExp]> = [
    ['duration-seconds', '12abc', /whole number from 1 to 86399/],
    ['deadline-seconds', '0', /whole number from 1 to 3600/],
    ['deadline-seconds', '3601', /whole number from 1 to 3600/],
    ['enterprise-id', 'volcano 21', /enterprise id/],
    ['base-url', 'http://127.evil.example', /plain http:\/\/ is allowed only for localhost/],
    ['base-url', 'http://localhost.evil.example:8080', /plain http:\/\/ is allowed only for localhost/],
    ['base-url', 'http://127.0.0.1.nip.io', /plain http:\/\/ is allowed only for localhost/],
    ['verify', 'yes please', /expected true or false/],
    ['export-env', 'maybe', /expected true or false/],
    ['summary', 'nah', /expected true or false/],
    ['issue-on-failure', 'sometimes', /expected true or false/],
  ];
  for (const [input, value, message] of bad) {
    it(`${input}: ${JSON.stringify(value)} fails naming the input, before anything is sent`, async () => {
      const result = await act(standIn, inputs({ [input]: value }), { extra: value.length >= 6 ? [value] : [] });
      expectFailure(result, new RegExp(`^Input '${input}': .*${message.source}`));
      expect(result.sent).toEqual([]);
    });
  }

  it('refuses enterprise-id together with account-id before anything is sent', async () => {
    const result = await act(standIn, inputs({ 'enterprise-id': 'volcano_1', 'account-id': '7351' }));
    expectFailure(result, /^Input 'enterprise-id': cannot be used together with account-id/);
    expect(result.sent).toEqual([]);
  });

  it('still masks the key lines of a key it refuses', async () => {
    const small = makeRsaKeys(1024);
    const result = await act(standIn, inputs({ 'private-key': small.pkcs8 }), { pems: [small.pkcs8] });
    expectFailure(result, /^Input 'private-key': this RSA key has 1024 bits/);
    for (const line of keyLines(small.pkcs8)) expect(result.secrets()).toContain(line);
  });

  it('puts the error in the summary without any value', async () => {
    const result = await act(
      standIn,
      inputs({ 'private-key': keys.publicKey.export({ type: 'spki', format: 'pem' }).toString() }),
    );
    expect(result.summaryTable().Error).toMatch(/^Input 'private-key': .*this is a public key/);
    expect(result.named('summary.addTable')[0]?.args[0]).toContainEqual([
      { data: 'Error', header: true },
      expect.stringMatching(/^Input &#39;private-key&#39;/),
    ]);
    expect(result.summaryTable()).not.toHaveProperty('Verification');
  });
});
