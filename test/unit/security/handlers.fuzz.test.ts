// Every background call fed random and malformed payloads (fast-check): each is refused with
// a short, clear error value (never a throw), and the store is left exactly as it was.
// Messages arrive structured-cloned, so payloads here are plain data, Blobs, Dates, bigints:
// no functions, getters or proxies (those can't cross runtime.sendMessage).
import fc from 'fast-check';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { makeHandlers } from '../../../src/background/handlers';
import type { CallName } from '../../../src/core/messages';
import { limits } from '../../../src/core/validate';
import { badValue, callNames, spec, withField } from './call-specs';
import { envelope, expectRefused, ownId, type Seeded, seeded } from './harness';

// The screenshot fallback imports the polyfill, which refuses to load outside an extension.
vi.mock('webextension-polyfill', () => ({
  default: { tabs: { captureVisibleTab: () => Promise.reject(new Error('no tabs in a unit test')) } },
}));

const runs = { numRuns: 60 };
let env: Seeded;

beforeAll(async () => {
  env = await seeded();
});

/** Sends `message`, expects a refusal, checks nothing in the store moved; returns the error. */
async function refusedUnchanged(message: unknown, sender?: Parameters<Seeded['send']>[1]): Promise<string> {
  const before = await env.state();
  const reply = await env.send(message, sender);
  expectRefused(reply);
  expect(await env.state()).toEqual(before);
  return reply.ok ? '' : reply.error;
}

const callName = fc.constantFrom(...callNames);

describe('the fuzzer', () => {
  it('has a spec for every call the background answers', () => {
    const handled = Object.keys(makeHandlers(env.store));
    expect(handled.filter((call) => !callNames.includes(call as CallName))).toEqual([]);
  });
});

describe('the router refuses', () => {
  it('anything that is not our envelope', async () => {
    const notEnvelope = fc.oneof(
      fc.anything(),
      fc.record({ talkmark: fc.anything().filter((v) => v !== 1), call: callName, input: fc.anything() }),
      fc.record({
        talkmark: fc.constant(1),
        call: fc.string().filter((s) => !callNames.includes(s as CallName)),
        input: fc.anything(),
      }),
      fc
        .constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty')
        .map((call) => envelope(call, {})),
      callName.map((call) => ({ talkmark: 1, call })),
    );
    await fc.assert(
      fc.asyncProperty(notEnvelope, async (message) => {
        expect(await refusedUnchanged(message)).toMatch(/did not understand/);
      }),
      { numRuns: 100 },
    );
  }, 60_000);

  it('a message from another extension, or from no extension at all, however well formed', async () => {
    const sender = fc.oneof(
      fc
        .string({ maxLength: 40 })
        .filter((id) => id !== ownId)
        .map((id) => ({ id })),
      fc.constant({}),
      fc.constant({ url: 'https://evil.example/', origin: 'https://evil.example' }),
    );
    const valid = callName.map((call) => envelope(call, spec(call).valid()));
    await fc.assert(
      fc.asyncProperty(valid, sender, async (message, from) => {
        expect(await refusedUnchanged(message, from)).toMatch(/only answers its own/);
      }),
      runs,
    );
  }, 30_000);
});

describe.each(callNames)('%s refuses malformed input and changes nothing', (call) => {
  const callSpec = spec(call);
  const paths = Object.keys(callSpec.fields);

  it('input that is not an object', async () => {
    const notObject = fc.oneof(
      fc.constantFrom(null, undefined, 0, '', 'input', true, Number.NaN),
      fc.array(fc.anything(), { maxLength: 3 }),
    );
    await fc.assert(
      fc.asyncProperty(notObject, async (input) => {
        await refusedUnchanged(envelope(call, input));
      }),
      { numRuns: 20 },
    );
  });

  it('an extra field, prototype-pollution keys included', async () => {
    const extra = fc.oneof(
      fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'createdAt', 'terms'),
      fc.string({ minLength: 1, maxLength: 30 }).filter((k) => !paths.includes(k)),
    );
    await fc.assert(
      fc.asyncProperty(extra, fc.jsonValue(), async (key, value) => {
        const input = withField(callSpec.valid(), [key], value);
        await refusedUnchanged(envelope(call, input));
        // The key was an own data property; nothing reached Object.prototype.
        expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('polluted');
        expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
      }),
      { numRuns: 40 },
    );
    // The shape a JSON payload would carry: __proto__ as an own key holding an object.
    const json = JSON.parse(`{"__proto__": {"isAdmin": true}}`) as Record<string, unknown>;
    await refusedUnchanged(envelope(call, Object.assign(json, callSpec.valid())));
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  }, 30_000);

  if (paths.length === 0) return;

  it('a field of the wrong type, out of range, or an id of the wrong kind', async () => {
    const mutation = fc
      .constantFrom(...paths)
      .chain((path) =>
        badValue(callSpec.fields[path] as Parameters<typeof badValue>[0]).map((value) => ({ path, value })),
      );
    await fc.assert(
      fc.asyncProperty(mutation, async ({ path, value }) => {
        const error = await refusedUnchanged(
          envelope(call, withField(callSpec.valid(), path.split('.'), value)),
        );
        expect(error).toContain(`refused a malformed ${call}`);
      }),
      runs,
    );
  }, 30_000);

  const required = paths.filter((p) => !callSpec.fields[p]?.optional);
  if (required.length === 0) return;
  it('a required field left out', async () => {
    for (const path of required)
      await refusedUnchanged(envelope(call, withField(callSpec.valid(), path.split('.'), 0, true)));
  });
});

describe('calls that name something that is not there', () => {
  const unknown = (prefix: string) => fc.stringMatching(/^[0-9a-f]{16}$/).map((hex) => `${prefix}_${hex}`);
  const cases: Array<[CallName, fc.Arbitrary<Record<string, unknown>>]> = [
    ['deleteNote', unknown('n').map((id) => ({ id }))],
    ['getImage', unknown('i').map((id) => ({ id }))],
    ['updateTalk', unknown('t').map((id) => ({ id, title: 'x' }))],
    ['setActivePost', unknown('p').map((id) => ({ id }))],
    ['replaceSlideImage', unknown('n').map((noteId) => ({ ...spec('replaceSlideImage').valid(), noteId }))],
    [
      'saveNote',
      unknown('t').map((talkId) => ({ ...spec('saveNote').valid(), id: 'n_00000000000000ab', talkId })),
    ],
    ['addSlide', unknown('t').map((talkId) => ({ ...spec('addSlide').valid(), talkId }))],
    [
      'restoreNote',
      unknown('t').map((talkId) => ({ note: { ...(spec('restoreNote').valid().note as object), talkId } })),
    ],
    [
      'restoreNote',
      unknown('i').map((imageId) => ({ note: { ...(spec('restoreNote').valid().note as object), imageId } })),
    ],
  ];
  it.each(cases)('%s is refused and writes nothing', async (call, input) => {
    await fc.assert(
      fc.asyncProperty(input, async (i) => {
        await refusedUnchanged(envelope(call, i));
      }),
      { numRuns: 15 },
    );
  });

  it('saveNote refuses to move a note into another talk', async () => {
    const moved = { ...spec('saveNote').valid(), talkId: 't_0000000000000002' };
    expect(await refusedUnchanged(envelope('saveNote', moved))).toContain('belongs to another talk');
  });

  it('replaceSlideImage refuses a note that is not an automatic slide', async () => {
    for (const noteId of ['n_0000000000000001', 'n_0000000000000003']) {
      const error = await refusedUnchanged(
        envelope('replaceSlideImage', { ...spec('replaceSlideImage').valid(), noteId }),
      );
      expect(error).toContain('Only an automatic slide');
    }
  });

  it('captureTab refuses a sender that is not a page in a tab', async () => {
    const error = await refusedUnchanged(envelope('captureTab', spec('captureTab').valid()), { id: ownId });
    expect(error).toContain('Only a page in a tab');
  });
});

describe('sizes and times at the edge', () => {
  it('an image Blob one byte over the limit', async () => {
    const big = new Blob([new Uint8Array(limits.imageBytes + 1)], { type: 'image/jpeg' });
    const error = await refusedUnchanged(envelope('addSlide', { ...spec('addSlide').valid(), image: big }));
    expect(error).toContain('bytes');
  });

  it('a note text one character over the limit, and times that are not finite', async () => {
    await refusedUnchanged(
      envelope('saveNote', { ...spec('saveNote').valid(), text: 'x'.repeat(limits.longText + 1) }),
    );
    for (const time of [Number.NaN, Number.POSITIVE_INFINITY, -0.001, limits.maxSeconds + 1]) {
      await refusedUnchanged(envelope('saveNote', { ...spec('saveNote').valid(), time }));
      await refusedUnchanged(envelope('addSlide', { ...spec('addSlide').valid(), time }));
    }
  });

  it('and the valid inputs the mutations start from are accepted (so the refusals mean something)', async () => {
    const before = await env.state();
    for (const call of callNames.filter((c) => c !== 'captureTab')) {
      const reply = await env.send(envelope(call, spec(call).valid()));
      expect(reply, call).toMatchObject({ ok: true });
    }
    expect(await env.state()).not.toEqual(before);
  });
});
