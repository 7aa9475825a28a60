import { type Answer, type KnownAnswer } from './answer-parts.js';
export type { Answer, AnswerContext, KnownAnswer } from './answer-parts.js';
/** First match wins, so the specific answers stand before the general ones. */
export declare const KNOWN_ANSWERS: readonly KnownAnswer[];
export declare function knownAnswer(answer: Answer): KnownAnswer | undefined;
