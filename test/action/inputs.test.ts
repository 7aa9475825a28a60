// The alert's subject from the raw inputs: which app, organisation and site, even where an input is bad or missing.
import { describe, expect, it } from 'vitest';
import { alertSubject } from '../../src/action/inputs.ts';
import { checkTags } from '../../src/core/report.ts';

const core = (inputs: Record<string, string>) => ({
  getInput: (name: string) => inputs[name] ?? '',
  getBooleanInput: () => false,
  info: () => {},
});
const env = { GITHUB_WORKFLOW: 'Nightly', GITHUB_JOB: 'check' };

describe('alertSubject', () => {
  it('names a base-url that is no URL as unreadable, and still names the app', () => {
    const subject = alertSubject(core({ 'app-id': '1183520381944', 'base-url': 'api.coze.cn' }), {
      ...env,
      GITHUB_REPOSITORY: 'octo/app',
    });
    expect(subject).toEqual({
      ...checkTags('1183520381944', 'octo/app'),
      site: 'an unreadable base-url',
      workflow: 'Nightly',
      job: 'check',
    });
  });

  it('takes an empty repository and app id where the run gives none, and the organisation it names', () => {
    const subject = alertSubject(core({ 'app-id': '1183520381944', 'account-id': '7300000000000000001' }), env);
    expect([subject.app, subject.org]).toEqual([
      checkTags('1183520381944', '', '7300000000000000001').app,
      checkTags('1183520381944', '', '7300000000000000001').org,
    ]);
    expect(alertSubject(core({}), env).app).toBe('unknown');
    expect(subject.site).toBe('api.coze.cn');
  });
});
