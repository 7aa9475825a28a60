// Every answer PROTOCOL.md documents (and the ones users meet), read right: Coze's words, code and log id, a
// hint naming what to fix, retried only when trying again can help, and no output set. In-process through run().
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KNOWN_ANSWERS, knownAnswer } from '../../src/core/answers.ts';
import { readAnswer } from '../../src/core/coze-response.ts';
import { act, expectFailure } from '../support/act.ts';
import type { Fault } from '../support/coze-stand-in.ts';
import { DOCUMENTED_ANSWERS, tokenError } from '../support/documented-answers.ts';
import { ROOT } from '../support/paths.ts';
import { useCozeStandIn } from '../support/stand-in-fixture.ts';

const { keys, appId, kid, standIn } = useCozeStandIn('7300000000001', 'answers-kid');

const inputs = (extra: Record<string, string> = {}) => ({
  'app-id': appId,
  'public-key-id': kid,
  'private-key': keys.pkcs8,
  'base-url': standIn.url,
  retries: '2',
  ...extra,
});

describe("Coze's documented answers, through the action", () => {
  for (const answer of DOCUMENTED_ANSWERS) {
    it(answer.name, async () => {
      answer.before?.(standIn);
      if (answer.fault) standIn.fail(...Array.from({ length: answer.transient ? 3 : 1 }, () => answer.fault as Fault));
      try {
        const result = await act(
          standIn,
          inputs(answer.inputs),
          answer.inputs?.['private-key'] ? { pems: [answer.inputs['private-key']] } : {},
        );
        const failure = expectFailure(result, answer.error);
        expect(failure).toMatch(answer.hint);
        expect(result.sent).toHaveLength(answer.transient ? 3 : 1);
        expect(result.summaryTable()['What to do']).toMatch(answer.hint);
        expect(result.summaryTable()['Log id (x-tt-logid)']).toMatch(/STANDIN$/);
      } finally {
        standIn.deactivate(false);
      }
    });
  }

  it('cuts czs_, pat_ and sat_ tokens and JWTs out of what Coze echoes', async () => {
    const echoed = [
      'czs_echoedAccessToken123',
      'pat_personalAccessToken456',
      'sat_serviceAccessToken789',
      'eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiIxIn0.c2lnbmF0dXJl',
    ];
    standIn.fail(tokenError(401, 'invalid_client', `refused ${echoed.join(' and ')}`));
    const result = await act(standIn, inputs(), { extra: echoed });
    expectFailure(result, /refused \[redacted\] and \[redacted\] and \[redacted\] and \[redacted\]/);
  });
});

/** The page whose troubleshooting table lists the known answers, one row each. */
const TROUBLESHOOTING = 'docs/troubleshooting.md';

/** The first cells of the table under "## By Coze's answer": one label per row, header and delimiter left out. */
function troubleshootingLabels(page: string): string[] {
  const section = page.slice(page.indexOf("\n## By Coze's answer\n"));
  const table = section.slice(section.indexOf('\n|') + 1).split('\n');
  const rows = table.slice(
    0,
    table.findIndex((line) => !line.startsWith('|')),
  );
  return rows.slice(2).map((row) => (/^\| ([^|]+) \|/.exec(row)?.[1] ?? '').trim());
}

describe('the table of known answers', () => {
  it('is what the troubleshooting table of docs/troubleshooting.md lists, row for row', () => {
    expect(troubleshootingLabels(readFileSync(join(ROOT, TROUBLESHOOTING), 'utf8')).sort()).toEqual(
      KNOWN_ANSWERS.map((known) => known.label).sort(),
    );
  });

  it('the table check bites: a row missing, and a row the code does not know, are found', () => {
    const page = readFileSync(join(ROOT, TROUBLESHOOTING), 'utf8');
    const labels = KNOWN_ANSWERS.map((known) => known.label).sort();
    expect(troubleshootingLabels(page.replace(/^\| 4013 .*\n/m, '')).sort()).not.toEqual(labels);
    expect(troubleshootingLabels(page.replace(/^(\| 4013 .*\n)/m, '$1| 4014 | new | new |\n')).sort()).not.toEqual(
      labels,
    );
  });

  it('marks exactly internal_error, 4009 and 4102 as transient beyond the HTTP status', () => {
    expect(KNOWN_ANSWERS.filter((known) => known.transient).map((known) => known.label)).toEqual([
      '`internal_error`',
      '4009',
      '4102',
    ]);
  });

  it('reads both answer shapes, and code 0 as no error', () => {
    const response = (status: number, body: unknown) => ({ status, headers: {}, body: JSON.stringify(body) });
    expect(readAnswer(response(200, { code: 0, msg: '', data: {} }))).toEqual({
      status: 200,
      refused: false,
      ok: true,
      body: 'json-object',
    });
    expect(readAnswer(response(200, { code: 4101, msg: 'no' }))).toMatchObject({
      refused: true,
      code: '4101',
      message: 'no',
    });
    expect(readAnswer(response(401, { error_code: 'invalid_client', error_message: 'x' }))).toMatchObject({
      refused: true,
      code: 'invalid_client',
      message: 'x',
    });
    expect(knownAnswer({ status: 200 })).toBeUndefined();
  });
});
