// The three errors every surface reports (bad input, Coze's refusal, no network), and their words on each surface.
import { outsideText } from '../safe-text/outside.js';
import {
  CLI_FILE_SETTINGS,
  cliEnvironmentVariable,
  inTermsOf,
  isEnvironmentVariable,
  nameOf,
  type Surface,
} from '../safe-text/terms.js';

/** A problem with what the user gave us: names the setting(s) and what is expected, never the value. */
export class InputError extends Error {
  override name = 'InputError';
  readonly inputs: readonly string[];
  /** The names are the user's own (unknown option names), shown as given on every surface. */
  readonly asGiven: boolean;
  constructor(
    input: string | readonly string[],
    readonly expected: string,
    { asGiven = false } = {},
  ) {
    const inputs = typeof input === 'string' ? [input] : input;
    super(inputErrorText(inputs, expected, 'action', asGiven));
    this.inputs = inputs;
    this.asGiven = asGiven;
  }
  get input(): string {
    return this.inputs[0] as string;
  }
}

function listed(names: string[]): string {
  const last = names.at(-1) as string;
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${last}` : last;
}

export function inputErrorText(
  inputs: readonly string[],
  expected: string,
  surface: Surface,
  asGiven: boolean,
): string {
  const text = inTermsOf(surface, expected);
  if (asGiven) return `Option${inputs.length > 1 ? 's' : ''} ${listed(inputs.map((input) => `'${input}'`))}: ${text}`;
  if (inputs.every(isEnvironmentVariable)) {
    const noun = surface === 'cli' ? '' : `Environment variable${inputs.length > 1 ? 's' : ''} `;
    return `${noun}${listed([...inputs])}: ${text}`;
  }
  if (surface === 'cli') {
    const names = inputs.map((input) => {
      const env = Object.hasOwn(CLI_FILE_SETTINGS, input) ? undefined : cliEnvironmentVariable(input);
      return env ? `--${input} (or ${env})` : nameOf(input, 'cli');
    });
    return `${listed(names)}: ${text}`;
  }
  const quoted = inputs.map((input) => `'${nameOf(input, surface)}'`);
  const noun = surface === 'action' ? 'Input' : 'Option';
  return `${noun}${inputs.length > 1 ? 's' : ''} ${listed(quoted)}: ${text}`;
}

export interface CozeErrorDetails {
  status?: number;
  code?: string;
  logId?: string;
  hint?: string;
}

/** Coze answered, and the answer was not what we asked for. */
export class CozeError extends Error {
  override name = 'CozeError';
  constructor(
    message: string,
    readonly details: CozeErrorDetails = {},
  ) {
    super(message);
  }
}

/**
 * Coze could not be reached, or did not answer in time, after every attempt (or at once, when retrying cannot help).
 */
export class NetworkError extends Error {
  override name = 'NetworkError';
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}

/** What went wrong with Coze's own words and ids, and separately what to do about it, in the surface's words. */
export function explainError(error: unknown, surface: Surface = 'action'): { problem: string; hint?: string } {
  const words = (text: string) => inTermsOf(surface, text);
  const withHint = (problem: string, hint: string | undefined) =>
    hint === undefined ? { problem: words(problem) } : { problem: words(problem), hint: words(hint) };
  if (error instanceof CozeError) {
    const { status, code, logId, hint } = error.details;
    const facts = [
      status === undefined ? undefined : `HTTP ${status}`,
      code === undefined ? undefined : `code ${code}`,
      logId === undefined ? undefined : `log id ${logId}`,
    ].filter(Boolean);
    return withHint(facts.length > 0 ? `${error.message} (${facts.join(', ')})` : error.message, hint);
  }
  if (error instanceof NetworkError) return withHint(error.message, error.hint);
  if (error instanceof InputError)
    return { problem: inputErrorText(error.inputs, error.expected, surface, error.asGiven) };
  return {
    problem: `Unexpected error: ${outsideText(error instanceof Error ? error.message : String(error)) ?? 'no message'}`,
  };
}

/** One line a user can act on. */
export function describeError(error: unknown, surface: Surface = 'action'): string {
  const { problem, hint } = explainError(error, surface);
  return hint === undefined ? problem : `${problem}. ${hint}`;
}
