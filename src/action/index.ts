// The action's step: inputs → validated config → JWT → exchange (→ verify) → outputs, then the summary and the alert.
import type * as actionsCore from '@actions/core';
import { type ClockSkew, clockSkewReport, clockSkewWarning } from '../core/clock.js';
import { type MintConfig, readMintConfig } from '../core/config.js';
import { protectCredentials } from '../core/credentials.js';
import { CozeError, describeError, explainError } from '../core/errors.js';
import { checkExpectedUser, parseExpectedUserId } from '../core/expected-user.js';
import { type MintDeps, mintToken } from '../core/mint.js';
import { missingSecretsHint } from '../core/missing-secrets.js';
import { ownRecord } from '../core/own.js';
import { appTag, configReport, mintedReport, type RunReport, redactReport, verifiedReport } from '../core/report.js';
import { type Deadline, deadlineFrom } from '../core/retry.js';
import { type Verification, verifyToken } from '../core/verify.js';
import { createRedactor, publicText, type Redactor } from '../safe-text/redactor.js';
import { alertSubject, readBoolean, readStepDeadline } from './inputs.js';
import { type AlertDeps, raiseAlert } from './issue.js';
import { type SummaryWriter, writeSummary } from './summary.js';

export type Core = Pick<
  typeof actionsCore,
  | 'getInput'
  | 'getBooleanInput'
  | 'setSecret'
  | 'setOutput'
  | 'exportVariable'
  | 'info'
  | 'debug'
  | 'warning'
  | 'setFailed'
> & { summary: SummaryWriter };

export type { OpenIssuesApi } from './issue.js';

export interface ActionDeps extends MintDeps, AlertDeps {}

/** Of deadline-seconds, what the alert keeps for GitHub when issue-on-failure is on: a quarter, at most 30 s. */
const GITHUB_SHARE = 0.25;
const GITHUB_MAX_MS = 30_000;

/**
 * The log, in the action's words, with every secret the run holds cut out by value: whatever Coze or GitHub
 * echoed back never reaches a log line, even where the runner's masking would not catch it.
 */
function guarded(core: Core, redactor: Redactor): Core {
  const say = (write: (text: string) => void) => (text: string | Error) =>
    write(publicText(redactor, 'action', String(text)));
  return {
    ...core,
    info: say(core.info),
    debug: say(core.debug),
    warning: say(core.warning),
    setFailed: say(core.setFailed),
  };
}

/** The step's dependencies: its log (already guarded), its secrets kept as they appear, a clock skew reported. */
function stepDeps(
  runDeps: ActionDeps,
  core: Core,
  keep: (secret: string) => void,
  redactor: Redactor,
  report: RunReport,
) {
  return ownRecord<ActionDeps>({
    ...runDeps,
    log: core.info,
    debug: core.debug,
    onSecret: keep,
    redact: (text: string) => redactor.redact(text),
    onClockSkew: (skew: ClockSkew) => {
      core.warning(clockSkewWarning(skew));
      Object.assign(report, clockSkewReport(skew));
    },
  });
}

/** The whole step: it never throws; a failure is the step's error, its summary and (if asked) its alert issue. */
export async function runStep(runnerCore: Core, runDeps: ActionDeps): Promise<void> {
  const redactor = createRedactor();
  const core = guarded(runnerCore, redactor);
  const keep = (secret: string) => {
    core.setSecret(secret);
    redactor.add(secret);
  };
  const report: RunReport = {};
  const deps = stepDeps(runDeps, core, keep, redactor, report);
  let wantSummary = true;
  let alertToken: string | undefined;
  // Everything, the alert included, ends by deadline-seconds, read before any other input can fail.
  const startMs = deps.now();
  const stepDeadline = readStepDeadline(core);
  const endMs = startMs + stepDeadline.deadlineMs;
  try {
    const [appId, publicKeyId, privateKey] = [
      core.getInput('app-id'),
      core.getInput('public-key-id'),
      core.getInput('private-key'),
    ];
    const oauthConfig = core.getInput('oauth-config');
    protectCredentials(redactor, { appId, publicKeyId, privateKey, oauthConfig }, (secret) => core.setSecret(secret));
    if (readBoolean(core, 'issue-on-failure')) {
      alertToken = core.getInput('github-token');
      if (alertToken) keep(alertToken);
    }
    wantSummary = readBoolean(core, 'summary');
    const config = readMintConfig(
      (name) => core.getInput(name),
      stepDeadline,
      () => missingSecretsHint(deps.env),
    );
    Object.assign(report, configReport(config), { app: appTag(config.appId, deps.env.GITHUB_REPOSITORY ?? '') });
    const githubMs = alertToken === undefined ? 0 : Math.min(GITHUB_MAX_MS, config.deadlineMs * GITHUB_SHARE);
    await mintAndPublish(core, deps, config, deadlineFrom(config.deadlineMs, startMs, githubMs), report, redactor);
  } catch (error) {
    Object.assign(report, explainError(error));
    if (error instanceof CozeError && error.details.logId) report.logId = error.details.logId;
    core.setFailed(describeError(error));
  }
  await writeAfterwards(core, deps, redactReport(report, redactor), redactor, { wantSummary, alertToken, endMs });
}

/** The summary, and the alert issue when asked: both written whatever happened, neither able to fail the step. */
async function writeAfterwards(
  core: Core,
  deps: ActionDeps,
  published: RunReport,
  redactor: Redactor,
  { wantSummary, alertToken, endMs }: { wantSummary: boolean; alertToken: string | undefined; endMs: number },
): Promise<void> {
  if (wantSummary) {
    await writeSummary(core.summary, published).catch((error: unknown) =>
      core.debug(`No job summary written: ${String(error)}`),
    );
  }
  if (alertToken === undefined) return;
  const timeLeftMs = () => Math.min(GITHUB_MAX_MS, endMs - deps.now());
  // The issue is public: the end user's session name is cut out of it too, wherever Coze's words repeat it.
  const forIssue = createRedactor();
  forIssue.addIdentifier('session-name', core.getInput('session-name'));
  const issueReport = redactReport(published, forIssue);
  await raiseAlert(core, deps, alertToken, alertSubject(core, deps.env), issueReport, timeLeftMs, redactor);
}

/** The mint, the verification if asked, and the outputs; the report gathers what each step learned. */
async function mintAndPublish(
  core: Core,
  deps: ActionDeps,
  config: MintConfig,
  deadline: Deadline,
  report: RunReport,
  redactor: Redactor,
) {
  const exportEnv = readBoolean(core, 'export-env');
  const verify = readBoolean(core, 'verify');
  const expectedUserId = parseExpectedUserId(core.getInput('expected-user-id'), verify);
  const minted = await mintToken(config, deps, deadline);
  Object.assign(report, mintedReport(minted));
  core.info(
    `Minted a Coze access token for app ${report.app} on ${new URL(config.baseUrl).host}; it expires at ` +
      `${report.expires}.`,
  );
  if (verify)
    await verifyAndPublish(core, deps, config, { token: minted.token, expectedUserId }, deadline, report, redactor);
  core.setOutput('token', minted.token);
  core.setOutput('expires-at', minted.expiresAt.toISOString());
  core.setOutput('expires-in', String(minted.expiresIn));
  if (exportEnv) {
    core.exportVariable('COZE_API_TOKEN', minted.token);
    core.exportVariable('COZE_API_BASE', config.baseUrl);
  }
}

async function verifyAndPublish(
  core: Core,
  deps: ActionDeps,
  config: MintConfig,
  { token, expectedUserId }: { token: string; expectedUserId: string | undefined },
  deadline: Deadline,
  report: RunReport,
  redactor: Redactor,
): Promise<void> {
  let verification: Verification;
  try {
    verification = await verifyToken(token, config, deps, deadline);
    Object.assign(report, verifiedReport(verification));
  } catch (error) {
    // Only Coze's own refusal says the token is bad; a network failure leaves it unknown, and verified unset.
    if (error instanceof CozeError) {
      report.verification = 'refused';
      core.setOutput('verified', 'false');
    } else report.verification = 'no-answer';
    throw error;
  }
  // The summary shows whom the token acts for; no output is set for a token that acts for someone else.
  checkExpectedUser(verification, expectedUserId);
  core.info(
    `Verified: ${config.baseUrl}/v1/users/me accepted the token${report.userName ? ` (user ${report.userName})` : ''}.`,
  );
  core.setOutput('verified', 'true');
  // Coze's words: an output is no place for a secret it repeated back either.
  if (report.userId) core.setOutput('user-id', publicText(redactor, 'action', report.userId));
  if (report.userName) core.setOutput('user-name', publicText(redactor, 'action', report.userName));
}
