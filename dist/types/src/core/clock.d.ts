import { type Answer } from './answers.js';
import type { CozeAnswer } from './coze-response.js';
import type { HttpResponse } from './http.js';
import type { Deadline } from './retry.js';
/** Past this, the runner's clock is off by more than the JWT's backdated iat forgives, and Coze's time is used. */
export declare const SKEW_THRESHOLD_MS = 30000;
/** No Date header moves the clock further than this: a runner off by more must set its clock. */
export declare const MAX_CORRECTION_MS: number;
/** How answers.ts names Coze's refusal of a JWT's iat or exp. */
export declare const TIME_REFUSAL = "`exp`, `iat`, expired, clock";
/** The time a Date header gives, or undefined for anything but one IMF-fixdate of a real day and time. */
export declare function parseHttpDate(value: string | undefined): number | undefined;
/** How far the runner's clock was off, by the last Date header that showed it off by more than 30 s. */
export interface ClockSkew {
    /** Coze's time less the runner's, in whole seconds: positive when the runner's clock is behind. */
    seconds: number;
    /** False past MAX_CORRECTION_MS: no Date is trusted that far, and the JWTs keep the runner's time. */
    corrected: boolean;
}
/** The warning a surface shows once a skew is known. */
export declare function clockSkewWarning(skew: ClockSkew): string;
/** The run report's part: the skew in seconds, and in words for the summary. */
export declare function clockSkewReport(skew: ClockSkew): {
    clockSkewSeconds: number;
    clockSkew: string;
};
/** Coze said no to the JWT's times, as answers.ts recognises it. */
export declare function isTimeRefusal(answer: Answer): boolean;
export interface SkewClockDeps {
    /** The runner's clock. */
    now: () => number;
    debug?: ((message: string) => void) | undefined;
    /** Told when an answer first shows the clocks more than 30 s apart. */
    onClockSkew?: ((skew: ClockSkew) => void) | undefined;
}
export interface SkewClock {
    /** The runner's time, moved to Coze's once a Date showed it off by more than 30 s. */
    now(): number;
    /** The same, for signing a JWT: the clock keeps in mind which correction the JWT was signed with. */
    jwtTime(): number;
    /** Learns from an answer's Date header as the answer arrives, and hands the answer on. */
    observe(response: HttpResponse): HttpResponse;
    /** One more attempt, once a run at most: Coze refused the JWT, and Coze's time is not the one it was signed in. */
    healable(answer: CozeAnswer, deadline: Deadline): boolean;
    /** Coze's refusal of the JWT's times, with what the Date headers told of the runner's clock. */
    explain(error: unknown, answer: CozeAnswer): unknown;
}
/** A clock for one mint: the runner's, corrected by the last Date header Coze sent, if any showed it off. */
export declare function skewClock(deps: SkewClockDeps): SkewClock;
