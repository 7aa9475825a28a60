// The action's alert: the scheduled check's issue on GitHub, written when issue-on-failure is on, whatever happened.
import {
  type AlertSubject,
  alertOnGitHub,
  describeGitHubError,
  type IssuesApi,
  type RunContext,
  runContextFrom,
} from '../alert/index.js';
import { isLoopback } from '../core/http.js';
import type { MintDeps } from '../core/mint.js';
import type { RunReport } from '../core/report.js';
import type { Redactor } from '../safe-text/redactor.js';

/** Opens the repository's issues; the default loads @actions/github only when it is called. */
export type OpenIssuesApi = (
  token: string,
  context: RunContext,
  send: MintDeps['send'],
  timeLeftMs: () => number,
  userAgent: string,
) => Promise<IssuesApi>;

/** What the alert needs of the step: its log, the runner's environment and the HTTP client. */
export interface AlertDeps {
  env: Record<string, string | undefined>;
  send: MintDeps['send'];
  userAgent: string;
  openIssuesApi?: OpenIssuesApi;
}
type AlertLog = { info: (text: string) => void; warning: (text: string) => void };

const openGitHubIssues: OpenIssuesApi = async (...args) =>
  (await import('../alert/github-issues.js')).githubIssues(...args);

/** The github-token goes only over https, or to loopback, where nobody else is on the way. */
function apiUrlProblem(apiUrl: string): string | undefined {
  try {
    const url = new URL(apiUrl);
    if (url.protocol === 'https:' || (url.protocol === 'http:' && isLoopback(url.hostname))) return undefined;
  } catch {
    return 'GITHUB_API_URL is not a URL; nothing was sent';
  }
  return (
    'GITHUB_API_URL is not an https:// URL, and the github-token is sent only over https (or to localhost); ' +
    'nothing was sent'
  );
}

/** GitHub trouble never changes the step's result: it becomes one warning naming the permission to grant. */
export async function raiseAlert(
  core: AlertLog,
  deps: AlertDeps,
  token: string,
  subject: AlertSubject,
  report: RunReport,
  timeLeftMs: () => number,
  redactor: Redactor,
): Promise<void> {
  const warn = (why: string) => core.warning(`Could not write the alert issue to GitHub: ${why}`);
  const context = runContextFrom(deps.env);
  if (!context)
    return warn('GITHUB_REPOSITORY and GITHUB_RUN_ID are not set; issue-on-failure works only on an Actions runner');
  if (!token)
    return warn('github-token is empty: pass ${{ github.token }} and grant the job `permissions: issues: write`');
  // Outside a runner (GitHub's local-action), an input's default expression arrives as it is written.
  if (token.includes('${{'))
    return warn(
      'github-token is an expression nobody evaluated (${{ … }}): outside a runner, set it to a token, e.g. ' +
        'INPUT_GITHUB-TOKEN in .env for local-action; nothing was sent',
    );
  // biome-ignore lint/suspicious/noControlCharactersInRegex: a header value with these would be quoted back in errors
  if (/[\s\u0000-\u001f\u007f]/.test(token))
    return warn('github-token has a space, a line break or another control character in it; nothing was sent');
  const problem = apiUrlProblem(context.apiUrl);
  if (problem) return warn(problem);
  try {
    const api = await (deps.openIssuesApi ?? openGitHubIssues)(token, context, deps.send, timeLeftMs, deps.userAgent);
    core.info(`Alert issue: ${await alertOnGitHub(api, subject, report, context, core.info)}.`);
  } catch (error) {
    warn(describeGitHubError(error, (text) => redactor.redact(text)));
  }
}
