// parseSessionContext: the JWT's session_context from the session-context setting, bounded and checked for its shape.
import { describe, expect, it } from 'vitest';
import { MAX_SCOPE_CHARACTERS, MAX_SCOPE_DEPTH } from '../../src/core/config.ts';
import { InputError } from '../../src/core/errors.ts';
import { parseSessionContext } from '../../src/core/session-context.ts';

const refusal = (text: string): InputError => {
  try {
    parseSessionContext(text);
  } catch (error) {
    return error as InputError;
  }
  throw new Error('no InputError');
};

describe('parseSessionContext', () => {
  it('takes what Coze documents, and keys Coze may add, as given', () => {
    const web = '{"connector_info":{"connector_id":"2001"}}';
    expect(parseSessionContext(web)).toEqual({ connector_info: { connector_id: '2001' } });
    const device = { device_info: { device_id: 'dev-7', custom_consumer: 'shop' }, added_later: [1, { x: true }] };
    expect(parseSessionContext(` ${JSON.stringify(device)}\n`)).toEqual(device);
    expect(parseSessionContext('{"device_info":{"new_field":5},"connector_info":{}}')).toEqual({
      device_info: { new_field: 5 },
      connector_info: {},
    });
    expect(parseSessionContext('{}')).toEqual({});
  });

  it('refuses text that is no JSON object, naming session-context and never quoting it', () => {
    const secretish = 'czs_notAToken_but_never_quoted';
    const cases: Array<[string, RegExp]> = [
      [
        `{"device_info": ${secretish}}`,
        /^expected a JSON object, such as \{"connector_info":\{"connector_id":"2001"\}\}; it is not valid JSON$/,
      ],
      [`["${secretish}"]`, /not an array$/],
      [`"${secretish}"`, /not a string$/],
      ['null', /not null$/],
      ['2001', /not a number$/],
    ];
    for (const [text, expected] of cases) {
      const error = refusal(text);
      expect(error).toBeInstanceOf(InputError);
      expect(error.inputs).toEqual(['session-context']);
      expect(error.expected).toMatch(expected);
      expect(error.message).not.toContain(secretish);
    }
  });

  it('checks the known keys: objects, and their fields lines of text', () => {
    const cases: Array<[unknown, string]> = [
      [
        { device_info: 'dev-7' },
        'expected device_info to be a JSON object, such as {"connector_info":{"connector_id":"2001"}}, not a string',
      ],
      [
        { connector_info: [] },
        'expected connector_info to be a JSON object, such as {"connector_info":{"connector_id":"2001"}}, not an array',
      ],
      [
        { connector_info: { connector_id: 2001 } },
        'expected connector_info.connector_id to be a line of at most 256 characters, not a number',
      ],
      [
        { device_info: { device_id: null } },
        'expected device_info.device_id to be a line of at most 256 characters, not null',
      ],
      [
        { device_info: { custom_consumer: 'a\nb' } },
        'expected device_info.custom_consumer to be a line of at most 256 characters, not a string with line breaks or control characters',
      ],
      [
        { device_info: { device_id: 'd'.repeat(257) } },
        'expected device_info.device_id to be a line of at most 256 characters, not a longer string',
      ],
    ];
    for (const [context, expected] of cases) expect(refusal(JSON.stringify(context)).expected).toBe(expected);
    expect(parseSessionContext(JSON.stringify({ device_info: { device_id: 'd'.repeat(256) } }))).toBeTruthy();
  });

  it('is bounded like scope, by length and by depth, before it is parsed', () => {
    const long = `{"device_info":{"device_id":"${'x'.repeat(MAX_SCOPE_CHARACTERS)}"}}`;
    expect(refusal(long).expected).toBe(`expected a JSON object of at most ${MAX_SCOPE_CHARACTERS} characters`);
    const exact = `{"a":"${'x'.repeat(MAX_SCOPE_CHARACTERS - 8)}"}`;
    expect(exact).toHaveLength(MAX_SCOPE_CHARACTERS);
    expect(parseSessionContext(exact)).toBeTruthy();
    const nested = (depth: number) => `${'{"a":'.repeat(depth - 1)}{}${'}'.repeat(depth - 1)}`;
    expect(parseSessionContext(nested(MAX_SCOPE_DEPTH))).toBeTruthy();
    expect(refusal(nested(MAX_SCOPE_DEPTH + 1)).expected).toBe(
      `expected a JSON object nested at most ${MAX_SCOPE_DEPTH} levels deep`,
    );
    // Brackets inside strings, escaped quotes included, are no nesting.
    expect(parseSessionContext(`{"a":"${'[{'.repeat(50)}\\"${'[{'.repeat(50)}"}`)).toBeTruthy();
  });
});
