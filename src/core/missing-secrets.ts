// Why the required secrets are empty: GitHub gives a run for a fork's pull request no secrets, and a run Dependabot
// started only Dependabot's own. The event payload is read bounded and parsed defensively.
import { closeSync, openSync, readSync } from 'node:fs';
import { isJsonObject, parseJson } from './json-text.js';

/** GitHub's event payloads are a few to a few hundred KiB; past this the file is not read. */
export const MAX_EVENT_BYTES = 1024 * 1024;

/** At most maxBytes of a file, as text; undefined when it is longer or cannot be read. */
export type ReadBounded = (path: string, maxBytes: number) => string | undefined;

export const readBounded: ReadBounded = (path, maxBytes) => {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    // One byte more than allowed tells a file that is too long.
    const buffer = Buffer.alloc(maxBytes + 1);
    let size = 0;
    // Until the file ends, or the buffer is full (a read of no bytes then ends it too).
    let read: number;
    do {
      read = readSync(fd, buffer, size, buffer.length - size, null);
      size += read;
    } while (read !== 0);
    return size > maxBytes ? undefined : buffer.toString('utf8', 0, size);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
};

const DEPENDABOT = 'dependabot[bot]';
/** The events of a pull request that GitHub runs without secrets when the pull request comes from a fork. */
const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_review', 'pull_request_review_comment']);

export const DEPENDABOT_HINT = [
  "Dependabot started this run, and GitHub gives such runs no Actions secrets, only Dependabot's own:",
  "add the same secrets under the repository's (or organisation's) Settings → Secrets and variables → Dependabot,",
  'or skip the step when github.actor is dependabot[bot]',
].join(' ');
export const FORK_HINT = [
  'This run is for a pull request from a fork, and GitHub gives such runs no secrets: skip the step for forks',
  '(if: github.event.pull_request.head.repo.full_name == github.repository), or mint once it is merged;',
  "pull_request_target would run the fork's code with the secrets, so do not switch to it",
].join(' ');

/** A value inside parsed JSON, by its path of names; undefined where the path leaves the objects. */
function at(value: unknown, ...path: string[]): unknown {
  return path.reduce((node, name) => (isJsonObject(node) ? node[name] : undefined), value);
}

/** The pull request's head is another repository than its base; a head repository that is gone was a fork. */
function fromFork(payload: unknown): boolean {
  const head = at(payload, 'pull_request', 'head', 'repo');
  if (head === null) return true;
  const [headName, baseName] = [at(head, 'full_name'), at(payload, 'pull_request', 'base', 'repo', 'full_name')];
  if (typeof headName !== 'string' || typeof baseName !== 'string') return false;
  return headName.toLowerCase() !== baseName.toLowerCase();
}

/**
 * What to add to "is required" when the required secrets are empty: that GitHub withholds them from this run, and
 * what to do; undefined when nothing shows that it does.
 */
export function missingSecretsHint(env: Record<string, string | undefined>, read = readBounded): string | undefined {
  if (env.GITHUB_ACTOR === DEPENDABOT || env.GITHUB_TRIGGERING_ACTOR === DEPENDABOT) return DEPENDABOT_HINT;
  const path = env.GITHUB_EVENT_PATH;
  if (!PULL_REQUEST_EVENTS.has(env.GITHUB_EVENT_NAME ?? '') || !path) return undefined;
  const text = read(path, MAX_EVENT_BYTES);
  return text !== undefined && fromFork(parseJson(text)?.value) ? FORK_HINT : undefined;
}
