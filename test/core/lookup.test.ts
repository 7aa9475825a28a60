// Name lookups bounded by their request: given up on when it ends, shared while one runs, the system's still used.
import type { LookupAddress, LookupOptions } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createResolver, LOOKUP_TIMEOUT, type LookupAll, systemResolver } from '../../src/core/lookup.ts';

type Answer = Parameters<LookupAll>[2];

/** A lookup that answers only when the test says so, recording what it was asked. */
function heldLookup() {
  const asked: Array<{ hostname: string; options: LookupOptions; answer: Answer }> = [];
  const lookup: LookupAll = (hostname, options, answer) => void asked.push({ hostname, options, answer });
  return { asked, lookup };
}

interface Called {
  error: NodeJS.ErrnoException | null;
  address: string | LookupAddress[];
  family?: number | undefined;
}

/** What a bound lookup called back with, as a promise. */
function ask(lookup: LookupFunction, hostname: string, options: LookupOptions = {}): Promise<Called> {
  const called = Promise.withResolvers<Called>();
  lookup(hostname, options, (error, address, family) => called.resolve({ error, address, family }));
  return called.promise;
}

const ADDRESSES = [
  { address: '192.0.2.7', family: 4 },
  { address: '2001:db8::7', family: 6 },
];

describe('a resolver that never answers', () => {
  it('is given up on when the request ends, and the lookup counts as unfinished until it answers', async () => {
    const { asked, lookup } = heldLookup();
    const resolver = createResolver(lookup);
    const controller = new AbortController();
    const answer = ask(
      resolver.boundBy(() => controller.signal),
      'api.coze.test',
    );
    expect(resolver.unfinished()).toBe(1);
    expect(resolver.gaveUp(controller.signal)).toBe(false);
    controller.abort();
    const { error } = await answer;
    expect(error).toMatchObject({ name: 'LookupTimeoutError', code: LOOKUP_TIMEOUT });
    expect(error?.message).toBe('no answer from the resolver for api.coze.test in time');
    expect(resolver.gaveUp(controller.signal)).toBe(true);
    expect(resolver.unfinished()).toBe(1);
    asked[0]?.answer(null, ADDRESSES);
    expect(resolver.unfinished()).toBe(0);
  });

  it('looks a name up once while it runs: later requests wait for its answer, each only while it lasts', async () => {
    const { asked, lookup } = heldLookup();
    const resolver = createResolver(lookup);
    const first = new AbortController();
    const second = new AbortController();
    const given = ask(
      resolver.boundBy(() => first.signal),
      'api.coze.test',
    );
    first.abort();
    await given;
    const waiting = ask(
      resolver.boundBy(() => second.signal),
      'api.coze.test',
    );
    const other = ask(
      resolver.boundBy(() => second.signal),
      'other.test',
      { family: 4 },
    );
    expect(asked.map(({ hostname, options }) => [hostname, options])).toEqual([
      ['api.coze.test', { family: 0, hints: 0 }],
      ['other.test', { family: 4, hints: 0 }],
    ]);
    asked[0]?.answer(null, ADDRESSES);
    expect(await waiting).toEqual({ error: null, address: '192.0.2.7', family: 4 });
    expect(resolver.unfinished()).toBe(1);
    second.abort();
    expect((await other).error?.code).toBe(LOOKUP_TIMEOUT);
    expect(resolver.gaveUp(first.signal) && resolver.gaveUp(second.signal)).toBe(true);
  });

  it('calls a request it gave up on back once: the late answer goes only to those still waiting', async () => {
    const { asked, lookup } = heldLookup();
    const resolver = createResolver(lookup);
    const ended = new AbortController();
    const called: Array<string | undefined> = [];
    resolver.boundBy(() => ended.signal)('api.coze.test', {}, (error) => void called.push(error?.code));
    const waiting = ask(
      resolver.boundBy(() => undefined),
      'api.coze.test',
    );
    ended.abort();
    asked[0]?.answer(null, ADDRESSES);
    expect(await waiting).toEqual({ error: null, address: '192.0.2.7', family: 4 });
    expect(called).toEqual([LOOKUP_TIMEOUT]);
  });

  it('does not start a lookup for a request that has already ended', async () => {
    const { asked, lookup } = heldLookup();
    const resolver = createResolver(lookup);
    const { error } = await ask(
      resolver.boundBy(() => AbortSignal.abort()),
      'api.coze.test',
    );
    expect(error?.code).toBe(LOOKUP_TIMEOUT);
    expect(asked).toEqual([]);
    expect(resolver.unfinished()).toBe(0);
  });
});

describe('answers', () => {
  const answering =
    (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]): LookupAll =>
    (_hostname, _options, answer) =>
      answer(error, addresses);
  const unbounded = (lookup: LookupAll) => createResolver(lookup).boundBy(() => undefined);

  it('passes every address when all are asked for, else the first', async () => {
    const lookup = unbounded(answering(null, ADDRESSES));
    expect(await ask(lookup, 'a.test', { all: true })).toEqual({ error: null, address: ADDRESSES, family: undefined });
    expect(await ask(lookup, 'a.test')).toEqual({ error: null, address: '192.0.2.7', family: 4 });
  });

  it("passes the resolver's error, and an empty answer as a name not found", async () => {
    const notFound = Object.assign(new Error('getaddrinfo ENOTFOUND a.test'), { code: 'ENOTFOUND' });
    expect((await ask(unbounded(answering(notFound, [])), 'a.test')).error).toBe(notFound);
    const { error } = await ask(unbounded(answering(null, [])), 'a.test');
    expect(error).toMatchObject({ code: 'ENOTFOUND', message: 'no address for a.test' });
  });

  it('answers a lookup that calls back at once, and leaves nothing unfinished', async () => {
    const resolver = createResolver(answering(null, ADDRESSES));
    expect(
      (
        await ask(
          resolver.boundBy(() => AbortSignal.timeout(1000)),
          'a.test',
        )
      ).address,
    ).toBe('192.0.2.7');
    expect(resolver.unfinished()).toBe(0);
  });
});

describe("the system's resolver", () => {
  it('still reads the hosts file: localhost resolves to loopback', async () => {
    const { error, address } = await ask(
      systemResolver.boundBy(() => AbortSignal.timeout(5000)),
      'localhost',
      { all: true },
    );
    expect(error).toBeNull();
    expect((address as LookupAddress[]).map((entry) => entry.address)).toContain(
      (address as LookupAddress[]).some((entry) => entry.family === 4) ? '127.0.0.1' : '::1',
    );
    expect(systemResolver.unfinished()).toBe(0);
  });
});
