// What the known answers are built from: an answer's shape, the matchers, and the hints that know Coze's two sites.
import { setting, term } from '../safe-text/terms.js';

/** What Coze (or whatever answered in its place) said, as the known answers below recognise it. */
export interface Answer {
  status: number;
  /** error_code of the token endpoint, or the code of the other APIs (never '0'). */
  code?: string;
  /** error_message, msg or error_description, as Coze wrote it. */
  message?: string;
  /** Location of a redirect, for the hint. */
  location?: string;
}

export interface AnswerContext {
  baseUrl: string;
}

/**
 * One documented (or often met) answer: how to recognise it, what to do about it, and whether trying again
 * can help. `label` is how the table in docs/troubleshooting.md names it, and a test holds the two together.
 */
export interface KnownAnswer {
  label: string;
  matches: (answer: Answer) => boolean;
  hint: (answer: Answer, context: AnswerContext) => string;
  transient?: boolean;
}

export const code =
  (...codes: Array<string | undefined>) =>
  (answer: Answer) =>
    codes.includes(answer.code);
export const says = (pattern: RegExp) => (answer: Answer) => pattern.test([answer.code, answer.message].join(' '));
export const status = (test: (status: number) => boolean) => (answer: Answer) => test(answer.status);

const OTHER_SITE: Partial<Record<string, string>> = {
  'api.coze.cn': 'https://api.coze.com',
  'api.coze.com': 'https://api.coze.cn',
};

/**
 * The host of base-url, and the other Coze site's origin; none for a host that is not a Coze site (a stand-in, a
 * proxy).
 */
export function otherSite(baseUrl: string): { here: string; other?: string } {
  const here = new URL(baseUrl).hostname;
  const other = OTHER_SITE[here];
  return other === undefined ? { here } : { here, other };
}

/** For a host that is not a Coze site, the other site is no answer: base-url itself is in question. */
export const checkBaseUrl = (verb = 'check') =>
  `${verb} that ${term('base-url')} is the Coze API of the app's site, https://api.coze.cn or https://api.coze.com`;

export function credentialsHint(_: Answer, { baseUrl }: AnswerContext): string {
  const { here, other } = otherSite(baseUrl);
  const site =
    other === undefined ? checkBaseUrl() : `an app created on the other site needs ${setting('base-url', other)}`;
  return (
    `Coze did not accept the app's credentials: check that ${term('app-id')}, ${term('public-key-id')} and ` +
    `${term('private-key')} belong to one OAuth app of the JWT (service) kind, created on ${here}; ${site}`
  );
}

export function redirectTarget(answer: Answer, baseUrl: string): string {
  if (answer.location === undefined) return '';
  try {
    // In backticks: a host is no advice of ours, and www. hosts would turn into links in an issue's text.
    return ` to \`${new URL(answer.location, baseUrl).host}\``;
  } catch {
    return ' to an unreadable address';
  }
}
