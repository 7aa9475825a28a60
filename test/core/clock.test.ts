// The runner's clock against Coze's Date header: the header read in its one form, and the clock that learns from it.
import { describe, expect, it } from 'vitest';
import { KNOWN_ANSWERS } from '../../src/core/answers.ts';
import {
  type ClockSkew,
  clockSkewReport,
  clockSkewWarning,
  isTimeRefusal,
  MAX_CORRECTION_MS,
  parseHttpDate,
  SKEW_THRESHOLD_MS,
  skewClock,
  TIME_REFUSAL,
} from '../../src/core/clock.ts';
import { type CozeAnswer, readAnswer } from '../../src/core/coze-response.ts';
import { CozeError } from '../../src/core/errors.ts';
import type { HttpResponse } from '../../src/core/http.ts';
import { summaryRows } from '../../src/core/report.ts';

const NOW = Date.UTC(2026, 10, 25, 8, 0, 0);
const imf = (ms: number) => new Date(ms).toUTCString();
const answer = (status: number, body: object, date?: string): HttpResponse => ({
  status,
  headers: { 'content-type': 'application/json', ...(date !== undefined && { date }) },
  body: JSON.stringify(body),
});
const timeRefusal = (date?: string) =>
  answer(401, { error_code: 'invalid_client', error_message: 'iat is in the future' }, date);
const deadline = { atMs: NOW + 60_000, seconds: 60 };

/** A clock whose runner time the test sets, recording what it tells. */
function clock(runnerMs = NOW) {
  let now = runnerMs;
  const debug: string[] = [];
  const skews: ClockSkew[] = [];
  const skewed = skewClock({
    now: () => now,
    debug: (line) => void debug.push(line),
    onClockSkew: (skew) => void skews.push(skew),
  });
  return { skewed, debug, skews, set: (ms: number) => void (now = ms) };
}

describe('parseHttpDate', () => {
  it('reads an IMF-fixdate', () => {
    expect(parseHttpDate('Wed, 25 Nov 2026 08:00:00 GMT')).toBe(NOW);
    expect(parseHttpDate('Sun, 06 Nov 1994 08:49:37 GMT')).toBe(Date.UTC(1994, 10, 6, 8, 49, 37));
    expect(parseHttpDate(imf(NOW + 86_399_000))).toBe(NOW + 86_399_000);
  });

  it('ignores every other form, and what is not a real day and time', () => {
    const others = [
      undefined,
      '',
      'Wednesday, 25-Nov-26 08:00:00 GMT',
      'Wed Nov 25 08:00:00 2026',
      'wed, 25 nov 2026 08:00:00 gmt',
      'Wed, 25 Nov 2026 08:00:00 UTC',
      'Wed, 25 Nov 2026 08:00:00 +0000',
      '2026-11-25T08:00:00Z',
      'Wed,  25 Nov 2026 08:00:00 GMT',
      ' Wed, 25 Nov 2026 08:00:00 GMT',
      'Wed, 25 Nov 2026 08:00:00 GMT, Wed, 25 Nov 2026 08:00:00 GMT',
      'Thu, 25 Nov 2026 08:00:00 GMT',
      'Tue, 31 Feb 2026 08:00:00 GMT',
      'Wed, 25 Nov 2026 24:00:00 GMT',
      'Wed, 25 Nov 2026 08:60:00 GMT',
      'Wed, 25 Nov 2026 08:00:60 GMT',
      'Wed, 25 Nuv 2026 08:00:00 GMT',
      'Wed, 25 Nov 2026 08:00:00 GMT\n',
      `Wed, 25 Nov 2026 08:00:00 GMT${' '.repeat(100_000)}`,
      `${'9'.repeat(100_000)}`,
    ];
    for (const value of others) expect(parseHttpDate(value)).toBeUndefined();
  });
});

describe('skewClock', () => {
  it('keeps the runner time while the Date agrees within 30 s, and tells nobody', () => {
    const { skewed, debug, skews } = clock();
    // A Date is cut to the second, and read as its middle: 29 s ahead is 29.5 s, 30 s behind is 29.5 s.
    for (const offset of [0, 29_000, -29_999, -30_000]) {
      skewed.observe(answer(200, {}, imf(NOW + offset)));
      expect(skewed.jwtTime()).toBe(NOW);
    }
    skewed.observe(answer(200, {}));
    skewed.observe(answer(200, {}, 'yesterday'));
    expect([skewed.now(), debug, skews]).toEqual([NOW, [], []]);
  });

  it('moves to Coze time past 30 s, says by how much once, and follows the latest Date', () => {
    const { skewed, debug, skews } = clock();
    const response = answer(503, {}, imf(NOW + 600_000));
    expect(skewed.observe(response)).toBe(response);
    expect(skewed.now()).toBe(NOW + 600_500);
    expect(skewed.jwtTime()).toBe(NOW + 600_500);
    expect(skews).toEqual([{ seconds: 601, corrected: true }]);
    expect(debug).toEqual([
      "The runner's clock is 10 min 1 s behind Coze's, by the Date header of Coze's answer (601 s); the next JWTs are signed in Coze's time",
    ]);
    skewed.observe(answer(503, {}, imf(NOW - 120_000)));
    expect(skewed.now()).toBe(NOW - 119_500);
    expect(skews).toHaveLength(1);
    skewed.observe(answer(503, {}, imf(NOW)));
    expect(skewed.now()).toBe(NOW);
  });

  it('corrects up to 24 h, and past it corrects nothing and says so', () => {
    const { skewed, debug, skews } = clock();
    skewed.observe(answer(200, {}, imf(NOW - MAX_CORRECTION_MS + 1000)));
    expect(skewed.now()).toBe(NOW - MAX_CORRECTION_MS + 1500);
    skewed.observe(answer(200, {}, imf(NOW - MAX_CORRECTION_MS - 1000)));
    expect(skewed.now()).toBe(NOW);
    const far = clock();
    far.skewed.observe(answer(200, {}, imf(NOW + 3 * MAX_CORRECTION_MS)));
    expect(far.skewed.now()).toBe(NOW);
    expect(far.skews).toEqual([{ seconds: 259_201, corrected: false }]);
    expect(far.debug[0]).toMatch(
      /^The runner's clock is 72 h 1 s behind Coze's, .*\(259201 s\); past the 24 h a Date is trusted to correct: nothing is corrected$/,
    );
    expect([debug.length, skews]).toEqual([1, [{ seconds: -86_398, corrected: true }]]);
    const edge = clock();
    edge.skewed.observe(answer(200, {}, imf(NOW + 30_000)));
    expect([edge.skewed.now(), edge.skews]).toEqual([NOW + 30_500, [{ seconds: 31, corrected: true }]]);
  });

  it('counts a Date exactly 30 s off as agreeing, and one exactly 24 h off as correctable', () => {
    // The runner half a second into its second, so that the Date's middle is whole seconds away.
    const runner = NOW + 500;
    const agreeing = clock(runner);
    agreeing.skewed.observe(answer(200, {}, imf(NOW + SKEW_THRESHOLD_MS)));
    expect([agreeing.skewed.now(), agreeing.skews]).toEqual([runner, []]);
    const day = clock(runner);
    day.skewed.observe(answer(200, {}, imf(NOW + MAX_CORRECTION_MS)));
    expect([day.skewed.now(), day.skews]).toEqual([runner + MAX_CORRECTION_MS, [{ seconds: 86_400, corrected: true }]]);
  });

  it('keeps its correction through an answer without a Date', () => {
    const { skewed } = clock();
    skewed.observe(answer(503, {}, imf(NOW + 600_000)));
    skewed.observe(answer(200, {}));
    skewed.observe(answer(200, {}, 'Wed, 25 Nov 2026 08:00:00 UTC'));
    expect(skewed.now()).toBe(NOW + 600_500);
  });

  it('heals once a run, even when a later Date moves the clock again', () => {
    const { skewed } = clock();
    skewed.jwtTime();
    skewed.observe(timeRefusal(imf(NOW + 600_000)));
    const refused = readAnswer(timeRefusal());
    expect(skewed.healable(refused, deadline)).toBe(true);
    skewed.observe(timeRefusal(imf(NOW + 1_200_000)));
    expect(skewed.healable(refused, deadline)).toBe(false);
  });

  it('takes a JWT signed with a correction exactly 30 s from the latest for one signed in Coze time', () => {
    const error = new CozeError('Coze refused the token request: iat is in the future', { status: 401 });
    const refused = readAnswer(timeRefusal());
    const c = clock(NOW + 500);
    c.skewed.observe(answer(401, {}, imf(NOW + 40_000)));
    c.skewed.jwtTime();
    c.skewed.observe(answer(401, {}, imf(NOW + 70_000)));
    expect(c.skewed.healable(refused, deadline)).toBe(false);
    expect((c.skewed.explain(error, refused) as CozeError).details.hint).toContain(
      'Coze refused a JWT signed in its own time as well',
    );
  });

  it('heals once: a refused JWT signed in the runner time, while Coze time differs by more than 30 s', () => {
    const { skewed, debug } = clock();
    skewed.jwtTime();
    const refused = readAnswer(timeRefusal(imf(NOW + 600_000)));
    skewed.observe(timeRefusal(imf(NOW + 600_000)));
    expect(skewed.healable(refused, deadline)).toBe(true);
    expect(debug.at(-1)).toBe("Coze refused a JWT in the runner's time (HTTP 401); one more attempt, in Coze's time");
    skewed.jwtTime();
    expect(skewed.healable(refused, deadline)).toBe(false);
  });

  it('does not heal what Coze time cannot help', () => {
    const refused = readAnswer(timeRefusal());
    const cases: Array<[string, (c: ReturnType<typeof clock>) => CozeAnswer | undefined]> = [
      ['no Date', () => refused],
      ['a Date within 30 s', (c) => void c.skewed.observe(answer(401, {}, imf(NOW + 29_000)))],
      ['a Date past 24 h', (c) => void c.skewed.observe(answer(401, {}, imf(NOW + MAX_CORRECTION_MS + 2000)))],
      [
        'an answer that is no refusal',
        (c) => (c.skewed.observe(answer(200, {}, imf(NOW + 600_000))), readAnswer(answer(200, {}))),
      ],
      [
        'a refusal of something else',
        (c) => (
          c.skewed.observe(answer(403, {}, imf(NOW + 600_000))), readAnswer(answer(403, { error_code: 'access_deny' }))
        ),
      ],
      [
        'a transient refusal',
        (c) => (c.skewed.observe(answer(503, {}, imf(NOW + 600_000))), readAnswer(answer(503, { code: 5000 }))),
      ],
      [
        'a JWT already signed in Coze time',
        (c) => (c.skewed.observe(answer(503, {}, imf(NOW + 600_000))), c.skewed.jwtTime(), refused),
      ],
      ['no time left', (c) => (c.skewed.observe(answer(401, {}, imf(NOW + 600_000))), c.set(deadline.atMs), refused)],
    ];
    for (const [what, arrange] of cases) {
      const c = clock();
      c.skewed.jwtTime();
      const last = arrange(c) ?? refused;
      expect([what, c.skewed.healable(last, deadline)]).toEqual([what, false]);
    }
    // Any refusal of the JWT itself counts while the clocks differ: Coze's words for bad times are not documented.
    for (const other of [
      answer(401, { code: 4100 }),
      answer(400, { error_code: 'invalid_client', error_message: 'bad jwt' }),
    ]) {
      const c = clock();
      c.skewed.jwtTime();
      c.skewed.observe(answer(401, {}, imf(NOW + 600_000)));
      expect(c.skewed.healable(readAnswer(other), deadline)).toBe(true);
    }
  });

  it("explains a refusal of the JWT's times by the skew, and leaves other errors as they are", () => {
    const refused = readAnswer(timeRefusal());
    const error = new CozeError('Coze refused the token request: iat is in the future', {
      status: 401,
      code: 'invalid_client',
      logId: 'L1',
      hint: 'h',
    });
    const far = clock();
    far.skewed.observe(answer(401, {}, imf(NOW + 3 * MAX_CORRECTION_MS)));
    const explained = far.skewed.explain(error, refused) as CozeError;
    expect(explained.message).toBe(error.message);
    expect(explained.details).toEqual({
      status: 401,
      code: 'invalid_client',
      logId: 'L1',
      hint: "The runner's clock is 72 h 1 s behind Coze's, by the Date header of Coze's answer: past the 24 h a Date is trusted to correct, so set the runner's clock right (a self-hosted runner needs NTP: chrony or systemd-timesyncd)",
    });
    const healed = clock();
    healed.skewed.observe(answer(401, {}, imf(NOW - 600_000)));
    healed.skewed.jwtTime();
    expect((healed.skewed.explain(error, refused) as CozeError).details.hint).toBe(
      "The runner's clock is 9 min 59 s ahead of Coze's, by the Date header of Coze's answer; Coze refused a JWT signed in its own time as well: set the runner's clock right (a self-hosted runner needs NTP: chrony or systemd-timesyncd)",
    );
    const unhealed = clock();
    unhealed.skewed.jwtTime();
    unhealed.skewed.observe(answer(401, {}, imf(NOW - 600_000)));
    expect((unhealed.skewed.explain(error, refused) as CozeError).details.hint).toMatch(
      /ahead of Coze's, by the Date header of Coze's answer: set the runner's clock right/,
    );
    expect(clock().skewed.explain(error, refused)).toBe(error);
    expect(far.skewed.explain(error, readAnswer(answer(403, { error_code: 'access_deny' })))).toBe(error);
    const bug = new RangeError('no');
    expect(far.skewed.explain(bug, refused)).toBe(bug);
  });
});

describe('what a surface shows of the skew', () => {
  it('warns with the difference and NTP, and puts it in the summary', () => {
    expect(clockSkewWarning({ seconds: 600, corrected: true })).toBe(
      "The runner's clock is 10 min behind Coze's, by the Date header of Coze's answer; the JWTs were signed in Coze's time; minting works meanwhile, but set the runner's clock right (a self-hosted runner needs NTP: chrony or systemd-timesyncd)",
    );
    expect(clockSkewWarning({ seconds: -259_200, corrected: false })).toBe(
      "The runner's clock is 72 h ahead of Coze's, by the Date header of Coze's answer: past the 24 h a Date is trusted to correct, so set the runner's clock right (a self-hosted runner needs NTP: chrony or systemd-timesyncd)",
    );
    const report = clockSkewReport({ seconds: -45, corrected: true });
    expect(report).toEqual({
      clockSkewSeconds: -45,
      clockSkew: "the runner's clock is 45 s ahead of Coze's; JWTs signed in Coze's time",
    });
    expect(Object.fromEntries(summaryRows(report))['Clock skew']).toBe(report.clockSkew);
    expect(clockSkewReport({ seconds: 90_000, corrected: false }).clockSkew).toBe(
      "the runner's clock is 25 h behind Coze's; past the 24 h cap, not corrected",
    );
    expect(Object.fromEntries(summaryRows({}))).not.toHaveProperty('Clock skew');
  });

  it("knows Coze's refusal of the JWT's times by the answers table's own entry", () => {
    expect(KNOWN_ANSWERS.map((known) => known.label)).toContain(TIME_REFUSAL);
    expect(isTimeRefusal(readAnswer(timeRefusal()))).toBe(true);
    expect(
      isTimeRefusal(
        readAnswer(answer(401, { error_code: 'invalid_client', error_message: 'invalid jwt: exp is in the past' })),
      ),
    ).toBe(true);
    expect(isTimeRefusal(readAnswer(answer(401, { error_code: 'invalid_client', error_message: 'signature' })))).toBe(
      false,
    );
    expect(SKEW_THRESHOLD_MS).toBe(30_000);
  });
});
