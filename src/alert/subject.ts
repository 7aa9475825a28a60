// Which check an alert is about and where it runs: the run's context, the check's subject, and the issue's marker.

/** Where the run happens, from the runner's environment. */
export interface RunContext {
  repository: string;
  serverUrl: string;
  apiUrl: string;
  runId: string;
}

/**
 * One open issue per app and site. Issues are public in a public repository, so the app is named by a digest of
 * its id (the README keeps the id in a secret), and the check by its workflow and job.
 */
export interface AlertSubject {
  app: string;
  site: string;
  /** A digest of account-id or enterprise-id, when one is set: one app may mint for several organisations. */
  org?: string | undefined;
  workflow?: string | undefined;
  job?: string | undefined;
}

export function runContextFrom(env: Record<string, string | undefined>): RunContext | undefined {
  const { GITHUB_REPOSITORY: repository, GITHUB_RUN_ID: runId } = env;
  if (!repository || !runId) return undefined;
  const serverUrl = env.GITHUB_SERVER_URL || 'https://github.com';
  return { repository, runId, serverUrl, apiUrl: env.GITHUB_API_URL || 'https://api.github.com' };
}

export function runUrl(context: RunContext): string {
  return `${context.serverUrl}/${context.repository}/actions/runs/${context.runId}`;
}

/** The app, and the organisation when one is set: `5f0c2a91` or `5f0c2a91 for 0b7e11d4`. */
export const appAndOrg = (subject: AlertSubject) => `${subject.app}${subject.org ? ` for ${subject.org}` : ''}`;

export function marker(subject: AlertSubject): string {
  return `<!-- coze-token-check: app ${appAndOrg(subject)} on ${subject.site} -->`;
}
