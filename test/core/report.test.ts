// The run report: its rows, whatever it holds.

import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { explainError } from '../../src/core/errors.ts';
import { appTag, checkTags, formatDuration, summaryRows } from '../../src/core/report.ts';

describe('the summary', () => {
  it('formats durations in hours, minutes and seconds, leaving out the zero parts', () => {
    expect([0, 59, 60, 61, 900, 3600, 3661, 86399].map(formatDuration)).toEqual([
      '0 s',
      '59 s',
      '1 min',
      '1 min 1 s',
      '15 min',
      '1 h',
      '1 h 1 min 1 s',
      '23 h 59 min 59 s',
    ]);
  });

  it('shows the user by name and id, or whichever is known', () => {
    const user = (report: Parameters<typeof summaryRows>[0]) => Object.fromEntries(summaryRows(report)).User;
    expect(user({ userName: 'bot', userId: '7' })).toBe('bot (7)');
    expect(user({ userId: '7' })).toBe('7');
    expect(user({ userName: 'bot' })).toBe('bot');
    expect(user({})).toBeUndefined();
  });

  it('says why verification is unknown on a failure, and leaves it out when verify never ran', () => {
    const verification = (report: Parameters<typeof summaryRows>[0]) =>
      Object.fromEntries(summaryRows(report)).Verification;
    expect(verification({})).toBe('not asked (verify: false)');
    expect(verification({ problem: 'x' })).toBeUndefined();
    expect(verification({ problem: 'x', verification: 'no-answer' })).toMatch(/no answer from Coze/);
  });

  it('explains an error that is not an Error', () => {
    expect(explainError('a string')).toEqual({ problem: 'Unexpected error: a string' });
  });
});

describe('the digests that name the app and the organisation in public', () => {
  const repository = 'octo/coze-app';

  it('names an app by eight hex digits, the same in every run, different for another app or repository', () => {
    expect(appTag('7455555555555', repository)).toMatch(/^[0-9a-f]{8}$/);
    expect(appTag(' 7455555555555 ', repository)).toBe(appTag('7455555555555', repository));
    expect(appTag('7455555555556', repository)).not.toBe(appTag('7455555555555', repository));
    expect(appTag('7455555555555', 'octo/other')).not.toBe(appTag('7455555555555', repository));
    expect(checkTags('7455555555555', repository).app).toBe(appTag('7455555555555', repository));
    expect(appTag(' ', repository)).toBe('unknown');
  });

  it('is no unkeyed hash: an organisation id cannot be tried against its digest without the app id', () => {
    const org = (appId: string, id: string) => checkTags(appId, repository, id).org;
    expect(org('7455555555555', '7000001')).toMatch(/^[0-9a-f]{8}$/);
    expect(org('7455555555555', '7000001')).not.toBe(org('7455555555556', '7000001'));
    expect(org('7455555555555', '7000001')).not.toBe(org('7455555555555', '7000002'));
    const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
    const unkeyed = (text: string) => sha256(`coze-token-check:${repository}:${text}`).slice(0, 8);
    expect(org('7455555555555', '7000001')).not.toBe(unkeyed('org:7000001'));
    expect(appTag('7455555555555', repository)).not.toBe(unkeyed('7455555555555'));
    expect(checkTags('', repository, '7000001')).toEqual({ app: 'unknown', org: 'unknown' });
    expect(checkTags('7455555555555', repository, '')).toEqual({ app: appTag('7455555555555', repository) });
    // Blanks around an id, as a pasted secret has them, change neither digest; blanks alone are no app.
    expect(checkTags(' 7455555555555\n', repository, ' 7000001 ')).toEqual(
      checkTags('7455555555555', repository, '7000001'),
    );
    expect(checkTags('  ', repository, '7000001')).toEqual({ app: 'unknown', org: 'unknown' });
  });

  it('costs a scrypt run for every app id tried', () => {
    const started = performance.now();
    for (let i = 0; i < 5; i++) appTag(`74555555555${i}`, repository);
    expect((performance.now() - started) / 5).toBeGreaterThan(1);
  });
});
