// All of Coze's JWT app through the action's step: the console's config file as one secret, session_context, a
// runner clock healed from Coze's Date, the expected user, and why secrets may be missing. In-process, over real HTTP.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { act, expectFailure } from '../support/act.ts';
import { makeRsaKeys } from '../support/keys.ts';
import { useCozeStandIn } from '../support/stand-in-fixture.ts';

const { keys, appId, kid, standIn } = useCozeStandIn('1183520381955', 'jwt-app-fingerprint');
const temp = mkdtempSync(join(tmpdir(), 'coze-jwt-app-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** The file the Coze console gives a JWT app, for the stand-in's site. */
const oauthConfig = (overrides: Record<string, unknown> = {}) =>
  JSON.stringify(
    {
      client_type: 'jwt',
      client_id: appId,
      coze_www_base: 'https://www.coze.cn',
      coze_api_base: standIn.url,
      public_key_id: kid,
      private_key: keys.pkcs8,
      ...overrides,
    },
    null,
    2,
  );

describe('oauth-config: the console file as one secret', () => {
  it('mints from the file alone, on its site, with every line of it masked and none of it written', async () => {
    const result = await act(standIn, { 'oauth-config': oauthConfig() }, { pems: [keys.pkcs8], extra: [kid] });
    expect(result.failures()).toEqual([]);
    expect(standIn.issued.has(result.outputs().token as string)).toBe(true);
    expect(result.sent[0]?.claims).toMatchObject({ iss: appId, aud: '127.0.0.1' });
    expect(result.sent[0]?.headers.authorization).toBeDefined();
    const masked = result.named('setSecret').map((call) => call.args[0]);
    for (const line of keys.pkcs8.split('\n').filter((text) => text && !text.startsWith('-----')))
      expect(masked).toContain(line);
    expect(masked).toEqual(expect.arrayContaining([appId, kid]));
    // Its site and its field names are no secret: they stay readable in the summary and in messages.
    expect(result.summaryTable()['Base URL']).toBe(standIn.url);
  });

  it('takes inputs beside it that agree, the key in another PEM form included', async () => {
    const result = await act(
      standIn,
      { 'oauth-config': oauthConfig(), 'app-id': appId, 'private-key': keys.pkcs1 },
      { extra: [kid] },
    );
    expect(result.failures()).toEqual([]);
  });

  it('refuses an input beside it that disagrees, naming both, before anything is sent', async () => {
    const other = makeRsaKeys();
    const cases: Array<[Record<string, string>, RegExp]> = [
      [
        { 'app-id': '7000000000000' },
        /^Inputs 'oauth-config' and 'app-id': disagree: the file's client_id is another app/,
      ],
      [{ 'public-key-id': 'another-fingerprint' }, /^Inputs 'oauth-config' and 'public-key-id': disagree/],
      [{ 'private-key': other.pkcs8 }, /^Inputs 'oauth-config' and 'private-key': disagree: the file's private_key/],
      [
        { 'base-url': 'https://api.coze.com' },
        /^Inputs 'oauth-config' and 'base-url': disagree: the file's coze_api_base/,
      ],
    ];
    for (const [extra, message] of cases) {
      const result = await act(
        standIn,
        { 'oauth-config': oauthConfig(), ...extra },
        { pems: [keys.pkcs8, other.pkcs8], extra: [kid] },
      );
      expectFailure(result, message);
      expect(result.sent).toEqual([]);
    }
  });

  it('names the field of a broken file and what is wrong, never quoting the file', async () => {
    const cases: Array<[string, RegExp]> = [
      [oauthConfig().slice(0, 200), /^Input 'oauth-config': is not valid JSON; .*looks truncated$/],
      [oauthConfig({ client_type: 'pkce' }), /^Input 'oauth-config': has a client_type other than "jwt"/],
      [
        oauthConfig({ private_key: keys.pkcs8.replace('PRIVATE', 'PUBLIC') }),
        /^Input 'oauth-config': has a private_key that is not usable/,
      ],
      [oauthConfig({ public_key_id: undefined }), /^Input 'oauth-config': has no public_key_id/],
      [oauthConfig({ note: 'x'.repeat(70 * 1024) }), /^Input 'oauth-config': holds more than 64 KiB/],
    ];
    for (const [file, message] of cases) {
      const result = await act(standIn, { 'oauth-config': file }, { pems: [keys.pkcs8], extra: [kid] });
      const failure = expectFailure(result, message);
      expect(failure).not.toContain(appId);
      expect(result.sent).toEqual([]);
    }
  });
});

describe('session-context', () => {
  it('reaches the JWT as session_context, checked for its shape', async () => {
    const context = { connector_info: { connector_id: '2001' }, device_info: { device_id: 'ci-runner' } };
    const result = await act(
      standIn,
      { 'oauth-config': oauthConfig(), 'session-context': JSON.stringify(context) },
      { extra: [kid] },
    );
    expect(result.failures()).toEqual([]);
    expect(result.sent[0]?.claims?.session_context).toEqual(context);
    const bad = await act(
      standIn,
      { 'oauth-config': oauthConfig(), 'session-context': '{"device_info":"x"}' },
      { extra: [kid] },
    );
    expectFailure(bad, /^Input 'session-context': expected device_info to be a JSON object/);
    expect(bad.sent).toEqual([]);
  });
});

describe('expected-user-id', () => {
  it('passes for the user /v1/users/me names, and fails with no token output for another', async () => {
    const good = await act(
      standIn,
      { 'oauth-config': oauthConfig(), verify: 'true', 'expected-user-id': '7400000000000000001' },
      { extra: [kid] },
    );
    expect(good.failures()).toEqual([]);
    expect(good.outputs()).toMatchObject({ verified: 'true', 'user-id': '7400000000000000001' });
    const other = await act(
      standIn,
      { 'oauth-config': oauthConfig(), verify: 'true', 'expected-user-id': '7400000000000000002' },
      { extra: [kid] },
    );
    expectFailure(other, /^Input 'expected-user-id': does not match: the token acts for another Coze user/);
    expect(other.outputs()).not.toHaveProperty('verified');
    expect(other.summaryTable().User).toBe('ci-bot (7400000000000000001)');
  });

  it('needs verify, and says so before anything is sent', async () => {
    const result = await act(
      standIn,
      { 'oauth-config': oauthConfig(), 'expected-user-id': '7400000000000000001' },
      { extra: [kid] },
    );
    expectFailure(result, /^Input 'expected-user-id': needs verify: true/);
    expect(result.sent).toEqual([]);
  });
});

describe("a runner clock that is off Coze's", () => {
  it('heals in one extra attempt, warns with the difference, and shows it in the summary', async () => {
    standIn.setClock(10 * 60 * 1000);
    try {
      const result = await act(standIn, { 'oauth-config': oauthConfig() }, { extra: [kid] });
      expect(result.failures()).toEqual([]);
      expect(result.sent.length).toBeLessThanOrEqual(2);
      expect(result.named('warning').map((call) => call.args[0])).toContainEqual(
        expect.stringMatching(/clock is 10 min behind Coze's.*NTP/),
      );
      expect(Object.entries(result.summaryTable()).find(([name]) => /clock/i.test(name))?.[1]).toMatch(/10 min behind/);
    } finally {
      standIn.setClock(0);
    }
  });
});

describe('secrets that are not there', () => {
  it('says GitHub withholds secrets from a fork pull request, instead of only "is required"', async () => {
    const event = join(temp, 'event.json');
    const pull = {
      pull_request: { head: { repo: { full_name: 'someone/fork' } }, base: { repo: { full_name: 'org/repo' } } },
    };
    writeFileSync(event, JSON.stringify(pull));
    const env = { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: event, GITHUB_REPOSITORY: 'org/repo' };
    const result = await act(standIn, {}, { deps: { env } });
    expectFailure(
      result,
      /^Inputs 'app-id', 'public-key-id' and 'private-key': are required: .*oauth-config.*fork.*no secrets/,
    );
    const dependabot = await act(standIn, {}, { deps: { env: { GITHUB_ACTOR: 'dependabot[bot]' } } });
    expectFailure(dependabot, /are required: .*Dependabot/);
    const plain = await act(standIn, {}, { deps: { env: {} } });
    expect(expectFailure(plain, /are required/)).not.toMatch(/fork|Dependabot/);
  });
});

describe("Coze's refusal of credentials the file gave", () => {
  it("names the file's fields in its hint, not settings nobody set", async () => {
    const result = await act(
      standIn,
      { 'oauth-config': oauthConfig({ public_key_id: 'a-deleted-fingerprint' }) },
      { extra: [kid] },
    );
    const failure = expectFailure(result, /kid not been registred/);
    expect(failure).toMatch(
      /copy the fingerprint \(公钥指纹\) of a key pair still on the app into the public_key_id of oauth-config/,
    );
    expect(failure).toMatch(/Check that base-url is|the coze_api_base of oauth-config/);
    expect(failure).not.toMatch(/into public-key-id/);
  });
});

describe('expected-user-id against a hostile /v1/users/me', () => {
  it('compares the id exactly as Coze sent it: a look-alike with invisible characters or a number does not match', async () => {
    for (const userId of ['7400000000000000001\u0000', '\u200e7400000000000000001\u200b', ' 7400000000000000001']) {
      standIn.failUsersMe({ kind: 'ok-body', body: JSON.stringify({ code: 0, msg: '', data: { user_id: userId } }) });
      const result = await act(
        standIn,
        { 'oauth-config': oauthConfig(), verify: 'true', 'expected-user-id': '7400000000000000001' },
        { extra: [kid] },
      );
      expectFailure(result, /^Input 'expected-user-id': does not match/);
    }
    standIn.failUsersMe({ kind: 'ok-body', body: '{"code":0,"msg":"","data":{"user_id":7400000000000000001}}' });
    const numeric = await act(
      standIn,
      { 'oauth-config': oauthConfig(), verify: 'true', 'expected-user-id': '7400000000000000001' },
      { extra: [kid] },
    );
    expectFailure(numeric, /^Input 'expected-user-id': cannot be checked/);
  });
});

describe("the config file's ids, where Coze repeats them", () => {
  it('names the app id by its setting, [app-id], though only the file gave it', async () => {
    standIn.deactivate();
    try {
      const result = await act(standIn, { 'oauth-config': oauthConfig() }, { extra: [kid] });
      const failure = expectFailure(
        result,
        /^Coze refused the token request: app: \[app-id\] is currently deactivated/,
      );
      expect(failure).not.toContain(appId);
      expect(result.summaryTable().App).toMatch(/^[0-9a-f]{8} \(a digest of app-id\)$/);
    } finally {
      standIn.deactivate(false);
    }
  });
});
