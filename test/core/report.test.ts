// The run report: its rows, whatever it holds.
import { describe, expect, it } from 'vitest';
import { explainError } from '../../src/core/errors.ts';
import { formatDuration, summaryRows } from '../../src/core/report.ts';

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
    const verification = (report: Parameters<typeof summaryRows>[0]) => Object.fromEntries(summaryRows(report)).Verification;
    expect(verification({})).toBe('not asked (verify: false)');
    expect(verification({ problem: 'x' })).toBeUndefined();
    expect(verification({ problem: 'x', verification: 'no-answer' })).toMatch(/no answer from Coze/);
  });

  it('explains an error that is not an Error', () => {
    expect(explainError('a string')).toEqual({ problem: 'Unexpected error: a string' });
  });
});
