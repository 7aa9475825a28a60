// The action's inputs read from the runner: switches, the deadline first, and the subject of an alert.
import type * as actionsCore from '@actions/core';
import type { AlertSubject } from '../alert/index.js';
import { defaultOf, parseBaseUrl, type ReadDeadline, readDeadline } from '../core/config.js';
import { oauthConfigIds } from '../core/credentials.js';
import { InputError } from '../core/errors.js';
import { checkTags } from '../core/report.js';

type Inputs = Pick<typeof actionsCore, 'getInput' | 'getBooleanInput' | 'info'>;

/** A true/false input; empty is the table's default. */
export function readBoolean(core: Inputs, name: 'verify' | 'export-env' | 'summary' | 'issue-on-failure'): boolean {
  if (core.getInput(name) === '') return defaultOf(name) === 'true';
  try {
    return core.getBooleanInput(name);
  } catch {
    throw new InputError(name, 'expected true or false');
  }
}

/** deadline-seconds, read before any other input can fail, so that it bounds the alert even when another is wrong. */
export function readStepDeadline(core: Inputs): ReadDeadline {
  const deadline = readDeadline(core.getInput('deadline-seconds'));
  if (deadline.problem) {
    core.info(`deadline-seconds is not valid, so the default of ${defaultOf('deadline-seconds')} s bounds this step.`);
  }
  return deadline;
}

/** Which app and site an alert is about, from the raw inputs, so that a bad input can be reported too. */
export function alertSubject(core: Inputs, env: Record<string, string | undefined>): AlertSubject {
  // The config file stands in for the app id and the site where they are not given beside it.
  const file = oauthConfigIds(core.getInput('oauth-config'));
  let site = 'an unreadable base-url';
  try {
    site = parseBaseUrl(core.getInput('base-url') || file.baseUrl || defaultOf('base-url')).host;
  } catch {
    // the input error itself is reported by the run
  }
  // One app may mint for several organisations, each a check of its own with an issue of its own.
  const org = core.getInput('account-id') || core.getInput('enterprise-id');
  const repository = env.GITHUB_REPOSITORY ?? '';
  return {
    ...checkTags(core.getInput('app-id') || file.appId || '', repository, org),
    site,
    workflow: env.GITHUB_WORKFLOW,
    job: env.GITHUB_JOB,
  };
}
