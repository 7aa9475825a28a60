// verifyToken with an injected request function: what it sends, and how it reads each answer.
import { describe, expect, it } from 'vitest';
import { CozeError } from '../../src/core/errors.ts';
import type { HttpRequest, HttpResponse } from '../../src/core/http.ts';
import { defaultDeps } from '../../src/core/mint.ts';
import { verifiedReport } from '../../src/core/report.ts';
import { verifyToken } from '../../src/core/verify.ts';

const config = { baseUrl: 'https://api.coze.cn', timeoutMs: 5000, retries: 0, deadlineMs: 60_000 };

async function verify(answer: HttpResponse) {
  const sent: HttpRequest[] = [];
  const deps = defaultDeps({ send: async (request) => (sent.push(request), answer), userAgent: 'ua/1' });
  const outcome = await verifyToken('czs_theToken', config, deps).catch((error: unknown) => error as CozeError);
  return { outcome, sent };
}
const json = (status: number, body: unknown, headers: Record<string, string> = {}): HttpResponse => ({
  status,
  headers,
  body: JSON.stringify(body),
});

describe('verifyToken', () => {
  it('sends GET /v1/users/me with the token, asking for JSON', async () => {
    const { sent } = await verify(json(200, { code: 0, data: {} }));
    expect(sent).toEqual([
      {
        method: 'GET',
        url: 'https://api.coze.cn/v1/users/me',
        headers: { authorization: 'Bearer czs_theToken', accept: 'application/json', 'user-agent': 'ua/1' },
        timeoutMs: 5000,
      },
    ]);
  });

  it('returns the log id and the user, and only what Coze named', async () => {
    const { outcome } = await verify(
      json(200, { code: 0, msg: '', data: { user_id: '7', user_name: 'bot', nick_name: 'B' } }, { 'x-tt-logid': 'V1' }),
    );
    expect(outcome).toStrictEqual({ logId: 'V1', userId: '7', userName: 'bot', exactUserId: '7' });
    expect((await verify(json(200, { code: 0, data: null }))).outcome).toStrictEqual({});
    expect(verifiedReport({ logId: 'V1', userId: '7', userName: 'bot' })).toStrictEqual({
      verification: 'accepted',
      logId: 'V1',
      userId: '7',
      userName: 'bot',
    });
    expect(verifiedReport({})).toStrictEqual({ verification: 'accepted' });
  });

  it('is refused by anything but code 0: a missing code, a body that is not JSON, a refusal', async () => {
    for (const answer of [
      json(200, { msg: 'ok?' }),
      { status: 200, headers: {}, body: 'OK' },
      json(200, { code: 4100, msg: 'no' }),
      json(401, { code: 0 }),
    ]) {
      const { outcome } = await verify(answer);
      expect(outcome).toBeInstanceOf(CozeError);
      expect((outcome as CozeError).message).toMatch(
        /^Coze refused the new token in the check call to \/v1\/users\/me/,
      );
    }
  });

  it("hints by Coze's code: a token refused as such, or an app without the user-profile permission", async () => {
    const hint = async (code: number) =>
      ((await verify(json(200, { code, msg: 'no' }))).outcome as CozeError).details.hint;
    expect(await hint(4100)).toBe(
      'Coze refused the new token itself: the app may have been disabled or its key revoked; mint again, and check the ' +
        'OAuth app in the Coze console',
    );
    expect(await hint(4101)).toMatch(/^The token works, but the app lacks the permission this check needs: grant/);
  });

  it('names the call in its debug lines as GET', async () => {
    const lines: string[] = [];
    const send = async () => json(200, { code: 0 });
    const deps = defaultDeps({ send, now: () => 0, debug: (line) => void lines.push(line) });
    await verifyToken('czs_theToken', config, deps);
    expect(lines).toEqual(['GET https://api.coze.cn/v1/users/me: attempt 1: HTTP 200 after 0 ms; final']);
  });
});
