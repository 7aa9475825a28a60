// The runner's clock against Coze's: each answer's Date header, read bounded and only in its one form, tells how far
// the runner's clock is off; past 30 s, JWTs are signed in Coze's time, and a refused JWT is tried once more in it.
import { type Answer, knownAnswer } from './answers.js';
import type { CozeAnswer } from './coze-response.js';
import { formatDuration } from './duration.js';
import { CozeError } from './errors.js';
import type { HttpResponse } from './http.js';
import type { Deadline } from './retry.js';

/** Past this, the runner's clock is off by more than the JWT's backdated iat forgives, and Coze's time is used. */
export const SKEW_THRESHOLD_MS = 30_000;
/** No Date header moves the clock further than this: a runner off by more must set its clock. */
export const MAX_CORRECTION_MS = 24 * 3600 * 1000;
/** How answers.ts names Coze's refusal of a JWT's iat or exp. */
export const TIME_REFUSAL = '`exp`, `iat`, expired, clock';

/** The length of RFC 7231's IMF-fixdate, the one form a server may send a Date in: "Sun, 06 Nov 1994 08:49:37 GMT". */
const IMF_FIXDATE_LENGTH = 29;

/** The time a Date header gives, or undefined for anything but one IMF-fixdate of a real day and time. */
export function parseHttpDate(value: string | undefined): number | undefined {
  // Bounded before Date.parse reads it, which takes many forms.
  if (value?.length !== IMF_FIXDATE_LENGTH) return undefined;
  const ms = Date.parse(value);
  // toUTCString writes an IMF-fixdate: a value that is its own round trip is one, of a real day and time (not 31 Feb,
  // hour 24, second 60 or a wrong weekday).
  return new Date(ms).toUTCString() === value ? ms : undefined;
}

/** How far the runner's clock was off, by the last Date header that showed it off by more than 30 s. */
export interface ClockSkew {
  /** Coze's time less the runner's, in whole seconds: positive when the runner's clock is behind. */
  seconds: number;
  /** False past MAX_CORRECTION_MS: no Date is trusted that far, and the JWTs keep the runner's time. */
  corrected: boolean;
}

function offBy({ seconds }: ClockSkew): string {
  return `${formatDuration(Math.abs(seconds))} ${seconds > 0 ? 'behind' : 'ahead of'} Coze's`;
}
const MAX_CORRECTION = formatDuration(MAX_CORRECTION_MS / 1000);
const SET_IT = "set the runner's clock right (a self-hosted runner needs NTP: chrony or systemd-timesyncd)";

/** What the Date header showed. */
const seen = (skew: ClockSkew): string => `The runner's clock is ${offBy(skew)}, by the Date header of Coze's answer`;
const beyond = `past the ${MAX_CORRECTION} a Date is trusted to correct`;

/** A sentence on the skew: what was done about it. */
function skewFacts(skew: ClockSkew): string {
  return `${seen(skew)}${skew.corrected ? "; the JWTs were signed in Coze's time" : `: ${beyond}`}`;
}

/** The warning a surface shows once a skew is known. */
export function clockSkewWarning(skew: ClockSkew): string {
  return skew.corrected
    ? `${skewFacts(skew)}; minting works meanwhile, but ${SET_IT}`
    : `${skewFacts(skew)}, so ${SET_IT}`;
}

/** The run report's part: the skew in seconds, and in words for the summary. */
export function clockSkewReport(skew: ClockSkew): { clockSkewSeconds: number; clockSkew: string } {
  const done = skew.corrected ? "JWTs signed in Coze's time" : `past the ${MAX_CORRECTION} cap, not corrected`;
  return { clockSkewSeconds: skew.seconds, clockSkew: `the runner's clock is ${offBy(skew)}; ${done}` };
}

/** Coze said no to the JWT's times, as answers.ts recognises it. */
export function isTimeRefusal(answer: Answer): boolean {
  return knownAnswer(answer)?.label === TIME_REFUSAL;
}

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
export function skewClock(deps: SkewClockDeps): SkewClock {
  let correctionMs = 0;
  let signedWithMs = 0;
  let healed = false;
  let skew: ClockSkew | undefined;
  return {
    now: () => deps.now() + correctionMs,
    jwtTime() {
      signedWithMs = correctionMs;
      return deps.now() + correctionMs;
    },
    observe(response) {
      const dateMs = parseHttpDate(response.headers.date);
      if (dateMs === undefined) return response;
      // A Date is Coze's time cut to the second; the middle of that second is the best guess.
      const offsetMs = dateMs + 500 - deps.now();
      const measured = { seconds: Math.round(offsetMs / 1000), corrected: Math.abs(offsetMs) <= MAX_CORRECTION_MS };
      const known = skew;
      skew = Math.abs(offsetMs) > SKEW_THRESHOLD_MS ? measured : undefined;
      correctionMs = skew?.corrected ? offsetMs : 0;
      if (skew && !known) {
        const next = skew.corrected ? "the next JWTs are signed in Coze's time" : `${beyond}: nothing is corrected`;
        deps.debug?.(`${seen(skew)} (${skew.seconds} s); ${next}`);
        deps.onClockSkew?.(skew);
      }
      return response;
    },
    healable(answer, deadline) {
      const moved = Math.abs(correctionMs - signedWithMs) > SKEW_THRESHOLD_MS;
      const jwtRefused = isTimeRefusal(answer) || answer.status === 401 || answer.code === 'invalid_client';
      if (healed || !answer.refused || !moved || !jwtRefused || deps.now() >= deadline.atMs) return false;
      healed = true;
      deps.debug?.(`Coze refused a JWT in the runner's time (HTTP ${answer.status}); one more attempt, in Coze's time`);
      return true;
    },
    explain(error, answer) {
      if (!skew || !(error instanceof CozeError) || !isTimeRefusal(answer)) return error;
      const signedInCozeTime = skew.corrected && Math.abs(correctionMs - signedWithMs) <= SKEW_THRESHOLD_MS;
      const why = signedInCozeTime ? '; Coze refused a JWT signed in its own time as well:' : ':';
      const hint = skew.corrected ? `${seen(skew)}${why} ${SET_IT}` : `${seen(skew)}: ${beyond}, so ${SET_IT}`;
      return new CozeError(error.message, { ...error.details, hint });
    },
  };
}
