import type * as actionsCore from '@actions/core';
import { readMintConfig } from './config.js';
import { CozeError, describeError, explainError, InputError, NetworkError } from './errors.js';
import { mintToken, type MintDeps } from './mint.js';
import { privateKeySecrets } from './private-key.js';
import { configReport, formatDuration, mintedReport, writeSummary, type RunReport } from './summary.js';
import { verifyToken } from './verify.js';

export type Core = Pick<
  typeof actionsCore,
  'getInput' | 'getBooleanInput' | 'setSecret' | 'setOutput' | 'exportVariable' | 'info' | 'debug' | 'setFailed' | 'summary'
>;

function readBoolean(core: Core, name: string, fallback: boolean): boolean {
  if (core.getInput(name) === '') return fallback;
  try {
    return core.getBooleanInput(name);
  } catch {
    throw new InputError(name, 'expected true or false');
  }
}

/** inputs → validated config → JWT → exchange (→ verify) → outputs, with the summary written either way. */
export async function run(core: Core, deps: MintDeps): Promise<void> {
  const report: RunReport = {};
  let wantSummary = true;
  try {
    for (const secret of privateKeySecrets(core.getInput('private-key'))) core.setSecret(secret);
    wantSummary = readBoolean(core, 'summary', true);
    const config = readMintConfig((name) => core.getInput(name));
    const exportEnv = readBoolean(core, 'export-env', false);
    const verify = readBoolean(core, 'verify', false);
    Object.assign(report, configReport(config));

    const minted = await mintToken(config, { ...deps, onSecret: (secret) => core.setSecret(secret) });
    core.setSecret(minted.token);
    Object.assign(report, mintedReport(minted));
    core.info(`Minted a Coze access token for app ${config.appId}; it expires at ${minted.expiresAt.toISOString()} (in ${formatDuration(minted.expiresIn)}).`);

    if (verify) {
      try {
        const verification = await verifyToken(minted.token, config, deps);
        report.verified = true;
        core.info(`Verified: ${config.baseUrl}/v1/users/me accepted the token.`);
        if (verification.logId) core.debug(`Verification log id: ${verification.logId}`);
      } catch (error) {
        report.verified = false;
        core.setOutput('verified', 'false');
        throw error;
      }
      core.setOutput('verified', 'true');
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
    const expected = error instanceof InputError || error instanceof CozeError || error instanceof NetworkError;
    if (!expected && error instanceof Error && error.stack) core.debug(error.stack);
    core.setFailed(describeError(error));
  }
  if (wantSummary) await writeSummary(core.summary, report).catch((error: unknown) => core.debug(`No job summary written: ${String(error)}`));
}

