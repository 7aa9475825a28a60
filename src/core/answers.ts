// The table of Coze's known answers: how each refusal is recognised, what it means and what to do about it.
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

const code =
  (...codes: Array<string | undefined>) =>
  (answer: Answer) =>
    codes.includes(answer.code);
const says = (pattern: RegExp) => (answer: Answer) => pattern.test([answer.code, answer.message].join(' '));
const status = (test: (status: number) => boolean) => (answer: Answer) => test(answer.status);

const OTHER_SITE: Partial<Record<string, string>> = {
  'api.coze.cn': 'https://api.coze.com',
  'api.coze.com': 'https://api.coze.cn',
};

/**
 * The host of base-url, and the other Coze site's origin; none for a host that is not a Coze site (a stand-in, a
 * proxy).
 */
function otherSite(baseUrl: string): { here: string; other?: string } {
  const here = new URL(baseUrl).hostname;
  const other = OTHER_SITE[here];
  return other === undefined ? { here } : { here, other };
}

/** For a host that is not a Coze site, the other site is no answer: base-url itself is in question. */
const checkBaseUrl = (verb = 'check') =>
  `${verb} that ${term('base-url')} is the Coze API of the app's site, https://api.coze.cn or https://api.coze.com`;

function credentialsHint(_: Answer, { baseUrl }: AnswerContext): string {
  const { here, other } = otherSite(baseUrl);
  const site =
    other === undefined ? checkBaseUrl() : `an app created on the other site needs ${setting('base-url', other)}`;
  return (
    `Coze did not accept the app's credentials: check that ${term('app-id')}, ${term('public-key-id')} and ` +
    `${term('private-key')} belong to one OAuth app of the JWT (service) kind, created on ${here}; ${site}`
  );
}

function redirectTarget(answer: Answer, baseUrl: string): string {
  if (answer.location === undefined) return '';
  try {
    // In backticks: a host is no advice of ours, and www. hosts would turn into links in an issue's text.
    return ` to \`${new URL(answer.location, baseUrl).host}\``;
  } catch {
    return ' to an unreadable address';
  }
}

/** First match wins, so the specific answers stand before the general ones. */
export const KNOWN_ANSWERS: readonly KnownAnswer[] = [
  {
    label: 'HTTP 3xx',
    matches: status((s) => s >= 300 && s < 400),
    hint: (answer, { baseUrl }) =>
      `Coze redirected${redirectTarget(answer, baseUrl)}; redirects are not followed, so the JWT never goes to ` +
      `another host. Set ${term('base-url')} to https://api.coze.cn or https://api.coze.com exactly`,
  },
  {
    label: 'HTTP 407',
    matches: status((s) => s === 407),
    hint: () =>
      'The proxy refused the request and wants credentials: put them in the proxy URL, ' +
      'HTTPS_PROXY=http://user:pass@host:port (keep it in a secret)',
  },
  {
    label: 'kid not been registred',
    matches: says(/kid not been regist|verify jwt empty/i),
    hint: (_, { baseUrl }) => {
      const { here, other } = otherSite(baseUrl);
      const site =
        other === undefined
          ? checkBaseUrl('Check')
          : `Usually the app was created on the other site: an app made on coze.com needs ` +
            `${setting('base-url', 'https://api.coze.com')}, one made on coze.cn the default https://api.coze.cn ` +
            `(try ${other})`;
      return (
        `Coze does not know this app's key on ${here}. ${site}. If the site is right, copy the fingerprint ` +
        `(公钥指纹) of a key pair still on the app into ${term('public-key-id')}`
      );
    },
  },
  {
    label: 'connector app should bind connector id',
    matches: says(/connector app should bind connector/i),
    hint: () =>
      'The channel app is not bound to a publish channel: in the Coze console open Settings → publish channels → ' +
      'enterprise custom channel management, edit it and add the platform',
  },
  {
    label: '`access_deny`',
    matches: (answer) => code('access_deny')(answer) || says(/deactivated by the owner/i)(answer),
    hint: () =>
      'The OAuth app is disabled: re-enable it in the Coze console (OAuth apps). While it is disabled every token of ' +
      'the app is suspended',
  },
  {
    label: '`internal_error`',
    matches: code('internal_error'),
    hint: () =>
      'Coze had an internal error and retries did not help; try again later, and quote the log id to Coze support if ' +
      'it persists',
    transient: true,
  },
  {
    label: '`invalid_request`',
    matches: code('invalid_request'),
    hint: () =>
      `Coze refused a field of the request (the message names it): check ${term('duration-seconds')} (1 to 86399), ` +
      `${term('scope')} (a JSON object; it only takes effect for channel apps), and ${term('account-id')} or ` +
      `${term('enterprise-id')}`,
  },
  {
    label: '`unsupported_grant_type`',
    matches: code('unsupported_grant_type'),
    hint: () =>
      `The server did not accept the JWT bearer grant: ${term('base-url')} must be the Coze API itself ` +
      `(https://api.coze.cn or https://api.coze.com), not a proxy or another OAuth server`,
  },
  {
    label: 'key id / fingerprint',
    matches: says(/\bkid\b|key[ _]?id|public[ _]key|fingerprint/i),
    hint: () =>
      `Check ${term('public-key-id')}: it must be the fingerprint (公钥指纹) of a key pair still on this OAuth app in ` +
      `the Coze console, and ${term('private-key')} must be that pair's private half`,
  },
  {
    label: '`exp`, `iat`, expired, clock',
    matches: says(/\b(iat|exp|expired?|nbf|clock|timestamp)\b/i),
    hint: () =>
      "Coze refused the JWT's times: check the runner's clock (the action backdates iat by 60 s and lets the JWT " +
      'live 10 minutes); a self-hosted runner may need NTP',
  },
  {
    label: '`invalid_client`',
    matches: (answer) =>
      code('invalid_client', 'invalid_grant', 'unauthorized_client')(answer) || says(/signature/i)(answer),
    hint: credentialsHint,
  },
  {
    label: '4000',
    matches: code('4000'),
    hint: () => `Coze refused the parameters of the call: check ${term('base-url')} and what the message names`,
  },
  {
    label: '4008',
    matches: code('4008'),
    hint: () => "The account's daily limit is used up: try again tomorrow, or raise the limit in the Coze console",
  },
  {
    label: '4009',
    matches: code('4009'),
    hint: () => 'Coze is at its system request cap; retries did not help: try again later',
    transient: true,
  },
  {
    label: '4013',
    matches: code('4013'),
    hint: () =>
      "Coze's model service failed (4013 is a model error, not a rate limit): try again later, and quote the log id " +
      'to Coze support if it persists',
  },
  {
    label: '4020',
    matches: code('4020'),
    hint: () =>
      "The app's requests per minute are used up: mint less often (one token per job is enough), or spread scheduled " +
      'runs',
  },
  {
    label: '4100',
    matches: code('4100'),
    hint: (_, { baseUrl }) => {
      const { here, other } = otherSite(baseUrl);
      const site =
        other === undefined ? checkBaseUrl() : `an app from the other site needs ${setting('base-url', other)}`;
      return (
        `Coze did not accept the token on ${here}: a token works only on the site that minted it (${site}); ` +
        `check that the app is enabled and its key not revoked`
      );
    },
  },
  {
    label: '4101',
    matches: (answer) => code('4101')(answer) || says(/permission|not published|unpublished/i)(answer),
    hint: () =>
      'The app lacks the permission for this: grant it to the OAuth app in the Coze console, then authorise the app ' +
      'again (team and enterprise permissions need an admin)',
  },
  {
    label: '4102',
    matches: code('4102'),
    hint: () =>
      "Coze's risk control blocked the request; retries did not help: try again later, and quote the log id to Coze " +
      'support',
    transient: true,
  },
  {
    label: 'HTTP 429',
    matches: status((s) => s === 429),
    hint: () => 'Coze is rate-limiting this app: mint less often (one token per job is enough), or try again later',
  },
  {
    label: '4200, HTTP 404',
    matches: (answer) => code('4200')(answer) || answer.status === 404,
    hint: () =>
      `Nothing was found at that address: check ${term('base-url')}, and ${term('account-id')} or ` +
      `${term('enterprise-id')} if you set one`,
  },
  {
    label: '5000, HTTP 5xx',
    matches: (answer) => code('5000')(answer) || answer.status >= 500,
    hint: () =>
      'Coze had a server problem and retries did not help; try again later, and quote the log id to Coze support if ' +
      'it persists',
  },
  {
    label: 'HTTP 401 / 403',
    matches: status((s) => s === 401 || s === 403),
    hint: credentialsHint,
  },
];

export function knownAnswer(answer: Answer): KnownAnswer | undefined {
  return KNOWN_ANSWERS.find((known) => known.matches(answer));
}
