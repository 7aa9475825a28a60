// The version of this package, and the User-Agent every request carries.
import packageJson from '../../package.json' with { type: 'json' };

export const VERSION: string = packageJson.version;
export const USER_AGENT = `coze-token-action/${VERSION} node/${process.versions.node}`;
