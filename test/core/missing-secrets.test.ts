// missingSecretsHint: empty secrets on a fork's pull request or a Dependabot run, explained from the event payload.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  DEPENDABOT_HINT,
  FORK_HINT,
  MAX_EVENT_BYTES,
  missingSecretsHint,
  readBounded,
} from '../../src/core/missing-secrets.ts';

const dir = mkdtempSync(join(tmpdir(), 'coze-event-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
/** An event payload file, as the runner writes it at GITHUB_EVENT_PATH. */
function eventFile(payload: unknown): string {
  const path = join(dir, `event-${++files}.json`);
  writeFileSync(path, typeof payload === 'string' ? payload : JSON.stringify(payload));
  return path;
}
const pullRequest = (head: unknown, base = 'org/coze-app') => ({
  action: 'opened',
  pull_request: { head: { ref: 'patch-1', repo: head }, base: { ref: 'main', repo: { full_name: base } } },
  repository: { full_name: base },
});
const env = (payload: unknown, event = 'pull_request') => ({
  GITHUB_EVENT_NAME: event,
  GITHUB_EVENT_PATH: eventFile(payload),
  GITHUB_ACTOR: 'octocat',
});

describe('missingSecretsHint', () => {
  it('explains a pull request from a fork, for each pull request event', () => {
    for (const event of ['pull_request', 'pull_request_review', 'pull_request_review_comment']) {
      expect(missingSecretsHint(env(pullRequest({ full_name: 'someone/coze-app', fork: true }), event))).toBe(
        FORK_HINT,
      );
    }
    // The fork was deleted since: GitHub sends its repository as null.
    expect(missingSecretsHint(env(pullRequest(null)))).toBe(FORK_HINT);
    expect(FORK_HINT).toMatch(
      /^This run is for a pull request from a fork, and GitHub gives such runs no secrets: skip the step for forks/,
    );
  });

  it('says nothing for a pull request from a branch of the repository itself, or other events', () => {
    expect(missingSecretsHint(env(pullRequest({ full_name: 'Org/Coze-App' })))).toBeUndefined();
    expect(
      missingSecretsHint(env(pullRequest({ full_name: 'someone/coze-app' }), 'pull_request_target')),
    ).toBeUndefined();
    expect(missingSecretsHint(env(pullRequest({ full_name: 'someone/coze-app' }), 'push'))).toBeUndefined();
    expect(missingSecretsHint({ GITHUB_EVENT_NAME: 'pull_request' })).toBeUndefined();
    expect(missingSecretsHint({})).toBeUndefined();
  });

  it('reads the payload defensively: a missing, broken, odd or oversized file says nothing', () => {
    const odd = [
      'not json',
      '{"pull_request":',
      [],
      'null',
      { pull_request: 'x' },
      { pull_request: { head: { repo: { full_name: 7 } }, base: { repo: { full_name: 'org/coze-app' } } } },
      { pull_request: { head: { repo: { full_name: 'someone/coze-app' } }, base: {} } },
      { pull_request: { head: {}, base: { repo: { full_name: 'org/coze-app' } } } },
    ];
    for (const payload of odd) expect(missingSecretsHint(env(payload))).toBeUndefined();
    expect(
      missingSecretsHint({ GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: join(dir, 'gone.json') }),
    ).toBeUndefined();
    expect(missingSecretsHint({ GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: dir })).toBeUndefined();
    const fork = JSON.stringify(pullRequest({ full_name: 'someone/coze-app' }));
    const padded = (size: number) => `${fork}${' '.repeat(size - fork.length)}`;
    expect(missingSecretsHint(env(padded(MAX_EVENT_BYTES)))).toBe(FORK_HINT);
    expect(missingSecretsHint(env(padded(MAX_EVENT_BYTES + 1)))).toBeUndefined();
  });

  it('explains a run Dependabot started, and how to give it secrets of its own', () => {
    expect(missingSecretsHint({ GITHUB_ACTOR: 'dependabot[bot]', GITHUB_EVENT_NAME: 'pull_request' })).toBe(
      DEPENDABOT_HINT,
    );
    expect(
      missingSecretsHint({
        GITHUB_ACTOR: 'octocat',
        GITHUB_TRIGGERING_ACTOR: 'dependabot[bot]',
        GITHUB_EVENT_NAME: 'push',
      }),
    ).toBe(DEPENDABOT_HINT);
    expect(missingSecretsHint({ GITHUB_ACTOR: 'dependabot' })).toBeUndefined();
    expect(DEPENDABOT_HINT).toMatch(
      /no Actions secrets, only Dependabot's own: add the same secrets under .*Settings → Secrets and variables → Dependabot/,
    );
  });

  it('gives each hint in full', () => {
    expect(missingSecretsHint({ GITHUB_ACTOR: 'dependabot[bot]' })).toBe(
      "Dependabot started this run, and GitHub gives such runs no Actions secrets, only Dependabot's own: add the " +
        "same secrets under the repository's (or organisation's) Settings → Secrets and variables → Dependabot, or " +
        'skip the step when github.actor is dependabot[bot]',
    );
    expect(missingSecretsHint(env(pullRequest(null)))).toBe(
      'This run is for a pull request from a fork, and GitHub gives such runs no secrets: skip the step for forks ' +
        '(if: github.event.pull_request.head.repo.full_name == github.repository), or mint once it is merged; ' +
        "pull_request_target would run the fork's code with the secrets, so do not switch to it",
    );
  });

  it('takes the reader it is given, with the bound', () => {
    const asked: Array<[string, number]> = [];
    const read = (path: string, max: number) => (asked.push([path, max]), JSON.stringify(pullRequest(null)));
    expect(missingSecretsHint({ GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: '/event.json' }, read)).toBe(
      FORK_HINT,
    );
    expect(asked).toEqual([['/event.json', MAX_EVENT_BYTES]]);
  });
});

describe('readBounded', () => {
  it('reads a file whole up to the bound, and nothing of a longer one', () => {
    const path = eventFile('é'.repeat(10));
    expect(readBounded(path, 20)).toBe('é'.repeat(10));
    expect(readBounded(path, 19)).toBeUndefined();
    expect(readBounded(eventFile(''), 0)).toBe('');
    expect(readBounded(join(dir, 'none'), 10)).toBeUndefined();
  });

  it('reads a file of many 64 KiB blocks whole', () => {
    const text = 'x'.repeat(3 * 65536 + 7);
    expect(readBounded(eventFile(text), text.length)).toBe(text);
  });

  it('closes each file it opens, read or refused', { skip: process.platform !== 'linux' }, () => {
    const open = () => readdirSync('/proc/self/fd').length;
    const before = open();
    const path = eventFile('{}');
    for (let i = 0; i < 20; i++) {
      readBounded(path, 10);
      readBounded(path, 1);
    }
    expect(open()).toBe(before);
  });
});
