import type * as actionsCore from '@actions/core';
import { type AlertSubject, alertOnGitHub, describeGitHubError, type IssuesApi, type RunContext, runContextFrom } from './alert.js';
import { DEFAULTS, parseBaseUrl, readMintConfig } from './config.js';
import { CozeError, describeError, explainError, InputError } from './errors.js';
import { type MintDeps, mintToken } from './mint.js';
import { privateKeySecrets } from './private-key.js';
import { deadlineFrom } from './retry.js';
import { configReport, mintedReport, type RunReport, type SummaryWriter, verifiedReport, writeSummary } from './summary.js';
import { inTermsOf } from './terms.js';
import { verifyToken } from './verify.js';

export type Core = Pick<
  typeof actionsCore,
  'getInput' | 'getBooleanInput' | 'setSecret' | 'setOutput' | 'exportVariable' | 'info' | 'debug' | 'warning' | 'setFailed'
> & { summary: SummaryWriter };

/** Opens the repository's issues; the default loads @actions/github only when it is called. */
export type OpenIssuesApi = (token: string, context: RunContext, send: MintDeps['send'], timeLeftMs: () => number, userAgent: string) => Promise<IssuesApi>;

export interface ActionDeps extends MintDeps {
  env: Record<string, string | undefined>;
  openIssuesApi?: OpenIssuesApi;
}

/** Of deadline-seconds, what the alert keeps for GitHub when issue-on-failure is on: a quarter, at most 30 s. */
const GITHUB_SHARE = 0.25;
const GITHUB_MAX_MS = 30_000;

const openGitHubIssues: OpenIssuesApi = async (...args) => (await import('./github-issues.js')).githubIssues(...args);

function readBoolean(core: Core, name: string, fallback: boolean): boolean {
  if (core.getInput(name) === '') return fallback;
  try {
    return core.getBooleanInput(name);
  } catch {
    throw new InputError(name, 'expected true or false');
  }
}

/** Which app and site an alert is about, from the raw inputs, so that a bad input can be reported too. */
function alertSubject(core: Core): AlertSubject {
  const appId = core.getInput('app-id');
  let site = 'an unreadable base-url';
  try {
    site = parseBaseUrl(core.getInput('base-url') || DEFAULTS['base-url']).host;
  } catch {
    // the input error itself is reported by the run
  }
  // The app id goes into the title and an HTML comment: only characters that cannot end either.
  return { appId: /^[\w.-]{1,64}$/.test(appId) ? appId : 'unknown', site };
}

/** inputs → validated config → JWT → exchange (→ verify) → outputs; then the summary and the alert, either way. */
export async function run(core: Core, runDeps: ActionDeps): Promise<void> {
  const deps = { ...runDeps, log: (message: string) => runDeps.log(inTermsOf('action', message)) };
  const report: RunReport = {};
  let wantSummary = true;
  let alertToken: string | undefined;
  // Everything, the alert included, ends by deadline-seconds; until the config is read, the default one holds.
  let endMs = deps.now() + Number(DEFAULTS['deadline-seconds']) * 1000;
  try {
    for (const secret of privateKeySecrets(core.getInput('private-key'))) core.setSecret(secret);
    if (readBoolean(core, 'issue-on-failure', false)) {
      alertToken = core.getInput('github-token');
      if (alertToken) core.setSecret(alertToken);
    }
    wantSummary = readBoolean(core, 'summary', true);
    const config = readMintConfig((name) => core.getInput(name));
    const exportEnv = readBoolean(core, 'export-env', false);
    const verify = readBoolean(core, 'verify', false);
    Object.assign(report, configReport(config));
    endMs = deps.now() + config.deadlineMs;
    const githubMs = alertToken === undefined ? 0 : Math.min(GITHUB_MAX_MS, config.deadlineMs * GITHUB_SHARE);
    const deadline = { ...deadlineFrom(config.deadlineMs, deps.now()), atMs: endMs - githubMs };

    const minted = await mintToken(config, { ...deps, onSecret: (secret) => core.setSecret(secret) }, deadline);
    core.setSecret(minted.token);
    Object.assign(report, mintedReport(minted));
    core.info(`Minted a Coze access token for app ${config.appId}; it expires at ${report.expires}.`);

    if (verify) {
      try {
        Object.assign(report, verifiedReport(await verifyToken(minted.token, config, deps, deadline)));
      } catch (error) {
        // Only Coze's own refusal says the token is bad; a network failure leaves it unknown, and verified unset.
        if (error instanceof CozeError) {
          report.verification = 'refused';
          core.setOutput('verified', 'false');
        } else report.verification = 'no-answer';
        throw error;
      }
      core.info(`Verified: ${config.baseUrl}/v1/users/me accepted the token${report.userName ? ` (user ${report.userName})` : ''}.`);
      core.setOutput('verified', 'true');
      if (report.userId) core.setOutput('user-id', report.userId);
      if (report.userName) core.setOutput('user-name', report.userName);
    }
    core.setOutput('token', minted.token);
    core.setOutput('expires-at', minted.expiresAt.toISOString());
    core.setOutput('expires-in', String(minted.expiresIn));
    if (exportEnv) {
      core.exportVariable('COZE_API_TOKEN', minted.token);
      core.exportVariable('COZE_API_BASE', config.baseUrl);
    }
  } catch (error) {
    const { problem, hint } = explainError(error);
    Object.assign(report, { problem, hint });
    if (error instanceof CozeError && error.details.logId) report.logId = error.details.logId;
    core.setFailed(describeError(error));
  }
  if (wantSummary) await writeSummary(core.summary, report).catch((error: unknown) => core.debug(`No job summary written: ${String(error)}`));
  if (alertToken !== undefined) await alert(core, deps, alertToken, alertSubject(core), report, () => Math.min(GITHUB_MAX_MS, endMs - deps.now()));
}

/** GitHub trouble never changes the step's result: it becomes one warning naming the permission to grant. */
async function alert(core: Core, deps: ActionDeps, token: string, subject: AlertSubject, report: RunReport, timeLeftMs: () => number): Promise<void> {
  const warn = (why: string) => core.warning(`Could not write the alert issue to GitHub: ${why}`);
  const context = runContextFrom(deps.env);
  if (!context) return warn('GITHUB_REPOSITORY and GITHUB_RUN_ID are not set; issue-on-failure works only on an Actions runner');
  if (!token) return warn('github-token is empty: pass ${{ github.token }} and grant the job `permissions: issues: write`');
  try {
    const api = await (deps.openIssuesApi ?? openGitHubIssues)(token, context, deps.send, timeLeftMs, deps.userAgent);
    core.info(`Alert issue: ${await alertOnGitHub(api, subject, report, context, core.info)}.`);
  } catch (error) {
    warn(describeGitHubError(error));
  }
}
