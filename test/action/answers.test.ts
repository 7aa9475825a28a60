// Coze's documented answers in-process, through run(core, deps): one failure with Coze's words and the hint, each.
// (test/bundle/answers.test.ts runs the same table through dist/; this one is what mutation runs reach.)
import { describe, expect } from 'vitest';
import { act } from '../support/act.ts';
import { eachDocumentedAnswer } from '../support/documented-answers.ts';
import { useCozeStandIn } from '../support/stand-in-fixture.ts';

const { keys, appId, kid, standIn } = useCozeStandIn('7300000000002', 'answers-in-process-kid');

describe("Coze's documented answers, in-process", () => {
  eachDocumentedAnswer(standIn, async (answer) => {
    const inputs = { 'app-id': appId, 'public-key-id': kid, 'private-key': keys.pkcs8, 'base-url': standIn.url };
    const result = await act(
      standIn,
      { ...inputs, retries: '1', ...answer.inputs },
      {
        deps: { sleep: async () => {} },
        pems: [answer.inputs?.['private-key'] ?? keys.pkcs8],
      },
    );
    const failures = result.failures();
    expect(failures).toEqual([expect.stringMatching(answer.error)]);
    expect(failures[0]).toMatch(answer.hint);
    // The whole message, word for word (the stand-in's address and log ids vary from run to run).
    const words = (failures[0] as string).replaceAll(standIn.url, '<stand-in>').replace(/\d{14}STANDIN/g, '<log id>');
    expect(words).toMatchSnapshot();
  });
});
