/** A problem with what the user gave us: names the input and what is expected, never the value. */
export class InputError extends Error {
  override name = 'InputError';
  constructor(
    readonly input: string,
    expected: string,
  ) {
    super(`Input '${input}': ${expected}`);
  }
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

/** Coze could not be reached, or did not answer in time, after every attempt (or at once, when retrying cannot help). */
export class NetworkError extends Error {
  override name = 'NetworkError';
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}

/** What went wrong with Coze's own words and ids, and separately what to do about it. */
export function explainError(error: unknown): { problem: string; hint?: string } {
  if (error instanceof CozeError) {
    const { status, code, logId, hint } = error.details;
    const facts = [
      status === undefined ? undefined : `HTTP ${status}`,
      code === undefined ? undefined : `code ${code}`,
      logId === undefined ? undefined : `log id ${logId}`,
    ].filter(Boolean);
    const problem = facts.length > 0 ? `${error.message} (${facts.join(', ')})` : error.message;
    return hint === undefined ? { problem } : { problem, hint };
  }
  if (error instanceof NetworkError) return error.hint === undefined ? { problem: error.message } : { problem: error.message, hint: error.hint };
  if (error instanceof InputError) return { problem: error.message };
  return { problem: `Unexpected error: ${error instanceof Error ? error.message : String(error)}` };
}

/** One line a user can act on. */
export function describeError(error: unknown): string {
  const { problem, hint } = explainError(error);
  return hint === undefined ? problem : `${problem}. ${hint}`;
}
