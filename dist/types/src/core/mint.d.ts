import { type ClockSkew } from './clock.js';
import type { MintConfig } from './config.js';
import { type MintedToken } from './coze-response.js';
import { type HttpClient, type SendRequest } from './http.js';
import { type NewJwtId } from './jwt.js';
import { type Deadline, type RetryDeps } from './retry.js';
export declare const JWT_BEARER_GRANT = "urn:ietf:params:oauth:grant-type:jwt-bearer";
export interface MintDeps extends RetryDeps {
    send: SendRequest;
    newJwtId: NewJwtId;
    /**
     * Sees every JWT before it is sent, and the token before it is returned, so each surface can mask and redact them
     * first.
     */
    onSecret: (secret: string) => void;
    userAgent: string;
    /** Told when an answer's Date header first shows the runner's clock off Coze's by more than 30 s. */
    onClockSkew?: (skew: ClockSkew) => void;
}
/** The real dependencies; the caller that passes `http` closes it when the run is over. */
export declare function defaultDeps(overrides?: Partial<MintDeps>, http?: HttpClient): MintDeps;
export declare function tokenUrl(config: Pick<MintConfig, 'baseUrl' | 'accountId' | 'enterpriseId'>): string;
/** Signs a fresh JWT for every attempt and trades it for an access token, all before the deadline. */
export declare function mintToken(config: MintConfig, deps: MintDeps, deadline?: Deadline): Promise<MintedToken>;
