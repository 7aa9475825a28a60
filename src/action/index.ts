import type * as actionsCore from '@actions/core';
import { type AlertSubject, alertOnGitHub, describeGitHubError, type IssuesApi, type RunContext, runContextFrom } from '../alert/index.js';
import { DEFAULT_DEADLINE_MS, DEFAULTS, deadlineMsOf, parseBaseUrl, readMintConfig } from '../core/config.js';
import { CozeError, describeError, explainError, InputError } from '../core/errors.js';
import { isLoopback } from '../core/http.js';
import { type MintDeps, mintToken } from '../core/mint.js';
import { privateKeySecrets } from '../core/private-key.js';
import { appTag, checkTags, configReport, mintedReport, type RunReport, redactReport, verifiedReport } from '../core/report.js';
import { deadlineFrom } from '../core/retry.js';
import { verifyToken } from '../core/verify.js';
import { createRedactor, publicText, type Redactor } from '../safe-text/redactor.js';
import { type SummaryWriter, writeSummary } from './summary.js';

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

const openGitHubIssues: OpenIssuesApi = async (...args) => (await import('../alert/github-issues.js')).githubIssues(...args);

function readBoolean(core: Core, name: string, fallback: boolean): boolean {
  if (core.getInput(name) === '') return fallback;
  try {
    return core.getBooleanInput(name);
  } catch {
    throw new InputError(name, 'expected true or false');
  }
}

/**
 * The log, in the action's words, with every secret the run holds cut out by value: whatever Coze or GitHub
 * echoed back never reaches a log line, even where the runner's masking would not catch it.
 */
function guarded(core: Core, redactor: Redactor): Core {
  const say = (write: (text: string) => void) => (text: string | Error) => write(publicText(redactor, 'action', String(text)));
  return { ...core, info: say(core.info), debug: say(core.debug), warning: say(core.warning), setFailed: say(core.setFailed) };
}

/** deadline-seconds on its own, so that it bounds the alert even when another input is wrong. */
function readDeadlineMs(core: Core): number {
  const deadlineMs = deadlineMsOf(core.getInput('deadline-seconds'));
  if (deadlineMs !== undefined) return deadlineMs;
  core.info(`deadline-seconds is not valid, so the default of ${DEFAULTS['deadline-seconds']} s bounds this step.`);
  return DEFAULT_DEADLINE_MS;
}

/** Which app and site an alert is about, from the raw inputs, so that a bad input can be reported too. */
function alertSubject(core: Core, env: ActionDeps['env']): AlertSubject {
  let site = 'an unreadable base-url';
  try {
    site = parseBaseUrl(core.getInput('base-url') || DEFAULTS['base-url']).host;
  } catch {
    // the input error itself is reported by the run
  }
  // One app may mint for several organisations, each a check of its own with an issue of its own.
  const org = core.getInput('account-id') || core.getInput('enterprise-id');
  const repository = env.GITHUB_REPOSITORY ?? '';
  return {
    ...checkTags(core.getInput('app-id'), repository, org),
    site,
    workflow: env.GITHUB_WORKFLOW,
    job: env.GITHUB_JOB,
  };
}

/** inputs → validated config → JWT → exchange (→ verify) → outputs; then the summary and the alert, either way. */
export async function run(runnerCore: Core, runDeps: ActionDeps): Promise<void> {
  const redactor = createRedactor();
  const core = guarded(runnerCore, redactor);
  const keep = (secret: string) => {
    core.setSecret(secret);
    redactor.add(secret);
  };
  const deps: ActionDeps = {
    ...runDeps,
    log: (message) => core.info(message),
    debug: (message) => core.debug(message),
    onSecret: keep,
    redact: (text) => redactor.redact(text),
  };
  const report: RunReport = {};
  let wantSummary = true;
  let alertToken: string | undefined;
  // Everything, the alert included, ends by deadline-seconds, read before any other input can fail.
  const deadlineMs = readDeadlineMs(core);
  const endMs = deps.now() + deadlineMs;
  try {
    redactor.addIdentifier('app-id', core.getInput('app-id'));
    redactor.addIdentifier('public-key-id', core.getInput('public-key-id'));
    const rawKey = core.getInput('private-key');
    for (const secret of privateKeySecrets(rawKey)) core.setSecret(secret);
    redactor.addPrivateKey(rawKey);
    if (readBoolean(core, 'issue-on-failure', false)) {
      alertToken = core.getInput('github-token');
      if (alertToken) keep(alertToken);
    }
    wantSummary = readBoolean(core, 'summary', true);
    const config = readMintConfig((name) => core.getInput(name));
    const exportEnv = readBoolean(core, 'export-env', false);
    const verify = readBoolean(core, 'verify', false);
    const app = appTag(config.appId, deps.env.GITHUB_REPOSITORY ?? '');
    Object.assign(report, configReport(config), { app });
    const githubMs = alertToken === undefined ? 0 : Math.min(GITHUB_MAX_MS, config.deadlineMs * GITHUB_SHARE);
    const deadline = { ...deadlineFrom(config.deadlineMs, deps.now()), atMs: endMs - githubMs };

    const minted = await mintToken(config, deps, deadline);
    Object.assign(report, mintedReport(minted));
    core.info(`Minted a Coze access token for app ${app} on ${new URL(config.baseUrl).host}; it expires at ${report.expires}.`);

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
      // Coze's words: an output is no place for a secret it repeated back either.
      if (report.userId) core.setOutput('user-id', publicText(redactor, 'action', report.userId));
      if (report.userName) core.setOutput('user-name', publicText(redactor, 'action', report.userName));
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
  const published = redactReport(report, redactor);
  if (wantSummary) await writeSummary(core.summary, published).catch((error: unknown) => core.debug(`No job summary written: ${String(error)}`));
  if (alertToken !== undefined) {
    await alert(core, deps, alertToken, alertSubject(core, deps.env), published, () => Math.min(GITHUB_MAX_MS, endMs - deps.now()), redactor);
  }
}

/** The github-token goes only over https, or to loopback, where nobody else is on the way. */
function apiUrlProblem(apiUrl: string): string | undefined {
  try {
    const url = new URL(apiUrl);
    if (url.protocol === 'https:' || (url.protocol === 'http:' && isLoopback(url.hostname))) return undefined;
  } catch {
    return 'GITHUB_API_URL is not a URL; nothing was sent';
  }
  return 'GITHUB_API_URL is not an https:// URL, and the github-token is sent only over https (or to localhost); nothing was sent';
}

/** GitHub trouble never changes the step's result: it becomes one warning naming the permission to grant. */
async function alert(
  core: Core,
  deps: ActionDeps,
  token: string,
  subject: AlertSubject,
  report: RunReport,
  timeLeftMs: () => number,
  redactor: Redactor,
): Promise<void> {
  const warn = (why: string) => core.warning(`Could not write the alert issue to GitHub: ${why}`);
  const context = runContextFrom(deps.env);
  if (!context) return warn('GITHUB_REPOSITORY and GITHUB_RUN_ID are not set; issue-on-failure works only on an Actions runner');
  if (!token) return warn('github-token is empty: pass ${{ github.token }} and grant the job `permissions: issues: write`');
  // Outside a runner (GitHub's local-action), an input's default expression arrives as it is written.
  if (token.includes('${{'))
    return warn(
      'github-token is an expression nobody evaluated (${{ … }}): outside a runner, set it to a token, e.g. INPUT_GITHUB-TOKEN in .env for local-action; nothing was sent',
    );
  // biome-ignore lint/suspicious/noControlCharactersInRegex: a header value with these would be quoted back in errors
  if (/[\s\u0000-\u001f\u007f]/.test(token)) return warn('github-token has a space, a line break or another control character in it; nothing was sent');
  const problem = apiUrlProblem(context.apiUrl);
  if (problem) return warn(problem);
  try {
    const api = await (deps.openIssuesApi ?? openGitHubIssues)(token, context, deps.send, timeLeftMs, deps.userAgent);
    core.info(`Alert issue: ${await alertOnGitHub(api, subject, report, context, core.info)}.`);
  } catch (error) {
    warn(describeGitHubError(error, (text) => redactor.redact(text)));
  }
}
