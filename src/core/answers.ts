// The table of Coze's known answers: how each refusal is recognised, what it means and what to do about it.
import { setting, term } from '../safe-text/terms.js';
import {
  type Answer,
  checkBaseUrl,
  code,
  credentialsHint,
  type KnownAnswer,
  otherSite,
  redirectTarget,
  says,
  status,
} from './answer-parts.js';

export type { Answer, AnswerContext, KnownAnswer } from './answer-parts.js';

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
