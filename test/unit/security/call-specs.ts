// Every background call described for an attacker: a valid input over the seeded store, and
// for each field the kind of value it must hold. From a field's kind come values it must
// refuse (wrong type, out of range, NaN, an id of another kind, a Blob that isn't an image),
// so a generated mutation is known to be malformed without re-implementing the validators.
import fc from 'fast-check';
import type { CallName } from '../../../src/core/messages';
import { limits } from '../../../src/core/validate';
import { ids, sampleSnapshot } from '../backup/fixture';
import { jpegBlob } from '../store/helpers';

type IdKind = 'post' | 'section' | 'talk' | 'note' | 'image';
export type FieldKind =
  | { t: 'text'; max: number; min?: number }
  | { t: 'url' }
  | { t: 'id'; kind: IdKind }
  | { t: 'number'; min: number; max: number }
  | { t: 'int'; min: number; max: number }
  | { t: 'enum'; of: readonly string[] }
  | { t: 'list' }
  | { t: 'object' }
  | { t: 'blob' }
  | { t: 'bool' }
  | { t: 'hex16' }
  | { t: 'date' };

export interface CallSpec {
  valid: () => Record<string, unknown>;
  /** Dotted paths ("note.time") of fields and what they must hold; `optional` may be left out. */
  fields: Record<string, FieldKind & { optional?: boolean }>;
}

const text = (max: number = limits.shortText, min?: number): FieldKind => ({ t: 'text', max, min });
const time: FieldKind = { t: 'number', min: 0, max: limits.maxSeconds };
const noteKinds = ['text', 'quote', 'slide', 'heading'] as const;
const mimes = ['image/jpeg', 'image/webp', 'image/png'] as const;
const stored = sampleSnapshot().notes[0];

const openTalkSpec: CallSpec = {
  valid: () => ({
    url: 'https://example.org/talk.html',
    site: 'generic',
    videoId: 'https://example.org/talk.html',
    title: 'A talk',
    channel: 'A channel',
    speakers: [{ name: 'Ada' }],
    duration: 600,
    chapters: [{ start: 0, title: 'Intro' }],
  }),
  fields: {
    url: { t: 'url' },
    site: { t: 'enum', of: ['youtube', 'vimeo', 'generic'] },
    videoId: text(limits.shortText, 1),
    title: text(),
    channel: text(),
    speakers: { t: 'list' },
    duration: time,
    chapters: { t: 'list' },
  },
};

// Partial so a call added elsewhere doesn't break the type check: handlers.fuzz.test.ts fails
// instead, naming the call that has no spec here yet.
export const specs: Partial<Record<CallName, CallSpec>> = {
  openTalk: openTalkSpec,
  joinTalk: {
    valid: () => ({ video: openTalkSpec.valid(), talkId: 't_00000000000000aa' }),
    fields: {
      ...Object.fromEntries(Object.entries(openTalkSpec.fields).map(([k, v]) => [`video.${k}`, v])),
      talkId: { t: 'id', kind: 'talk' },
    },
  },
  saveNote: {
    valid: () => ({ id: stored?.id, talkId: ids.talk, time: 3, kind: 'text', text: 'edited' }),
    fields: {
      id: { t: 'id', kind: 'note' },
      talkId: { t: 'id', kind: 'talk' },
      time,
      kind: { t: 'enum', of: noteKinds },
      text: text(limits.longText),
      speaker: { ...text(), optional: true },
    },
  },
  addSlide: {
    valid: () => ({
      id: 'n_00000000000000a1',
      talkId: ids.talk,
      time: 7,
      text: '',
      image: jpegBlob(),
      width: 16,
      height: 9,
    }),
    fields: {
      id: { t: 'id', kind: 'note' },
      talkId: { t: 'id', kind: 'talk' },
      time,
      text: text(limits.longText),
      image: { t: 'blob' },
      width: { t: 'int', min: 1, max: limits.imagePixels },
      height: { t: 'int', min: 1, max: limits.imagePixels },
      phash: { t: 'hex16', optional: true },
      auto: { t: 'bool', optional: true },
    },
  },
  deleteNote: { valid: () => ({ id: stored?.id }), fields: { id: { t: 'id', kind: 'note' } } },
  restoreNote: {
    valid: () => ({ note: { ...stored, id: 'n_00000000000000aa' } }),
    fields: {
      note: { t: 'object' },
      'note.id': { t: 'id', kind: 'note' },
      'note.talkId': { t: 'id', kind: 'talk' },
      'note.time': time,
      'note.kind': { t: 'enum', of: noteKinds },
      'note.text': text(limits.longText),
      'note.createdAt': { t: 'date' },
      'note.updatedAt': { t: 'date' },
      'note.imageId': { t: 'id', kind: 'image', optional: true },
      image: { t: 'object', optional: true },
    },
  },
  getImage: { valid: () => ({ id: ids.image }), fields: { id: { t: 'id', kind: 'image' } } },
  captureTab: {
    valid: () => ({
      rect: { x: 0, y: 0, width: 640, height: 360 },
      viewportWidth: 1280,
      mime: 'image/jpeg',
      quality: 0.8,
      maxWidth: 1280,
    }),
    fields: {
      rect: { t: 'object' },
      'rect.x': { t: 'number', min: -limits.imagePixels, max: limits.imagePixels },
      'rect.width': { t: 'number', min: 1, max: limits.imagePixels },
      viewportWidth: { t: 'number', min: 1, max: limits.imagePixels },
      mime: { t: 'enum', of: mimes },
      quality: { t: 'number', min: 0, max: 1 },
      maxWidth: { t: 'int', min: 16, max: limits.imagePixels },
    },
  },
  listNotes: { valid: () => ({ talkId: ids.talk }), fields: { talkId: { t: 'id', kind: 'talk' } } },
  updateTalk: {
    valid: () => ({ id: ids.talk, title: 'Renamed' }),
    fields: {
      id: { t: 'id', kind: 'talk' },
      title: { ...text(), optional: true },
      speakers: { t: 'list', optional: true },
    },
  },
  listPosts: { valid: () => ({}), fields: {} },
  setActivePost: { valid: () => ({ id: ids.post2 }), fields: { id: { t: 'id', kind: 'post' } } },
  createPost: { valid: () => ({ title: 'New' }), fields: { title: text(limits.shortText, 1) } },
  replaceSlideImage: {
    // The fixture's automatic slide.
    valid: () => ({ noteId: 'n_0000000000000004', image: jpegBlob(), width: 16, height: 9 }),
    fields: {
      noteId: { t: 'id', kind: 'note' },
      image: { t: 'blob' },
      width: { t: 'int', min: 1, max: limits.imagePixels },
      height: { t: 'int', min: 1, max: limits.imagePixels },
      phash: { t: 'hex16', optional: true },
    },
  },
  slideHashes: { valid: () => ({ talkId: ids.talk }), fields: { talkId: { t: 'id', kind: 'talk' } } },
  slideTextNotice: { valid: () => ({}), fields: {} },
  dismissSlideTextNotice: { valid: () => ({}), fields: {} },
};

export const callNames = Object.keys(specs) as CallName[];

/** The spec of a call that has one (every call in `callNames`). */
export function spec(call: CallName): CallSpec {
  const found = specs[call];
  if (!found) throw new Error(`no fuzz spec for ${call} in test/unit/security/call-specs.ts`);
  return found;
}

/** Values that are not strings (nor undefined, which an optional field may be). */
const notString = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.bigInt(),
  fc.array(fc.string({ maxLength: 4 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 4 }), fc.string({ maxLength: 4 }), { maxKeys: 3 }),
  fc.constant(new Blob(['x'], { type: 'text/plain' })),
  fc.constant(new Date(0)),
);
const notNumber = fc.oneof(
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY),
  fc.constantFrom('5', '', null, true, [], {}, 5n),
);
const idOf = (kind: IdKind) => fc.stringMatching(/^[0-9a-f]{16}$/).map((hex) => `${kind[0]}_${hex}`);
const otherKinds = (kind: IdKind) =>
  (['post', 'section', 'talk', 'note', 'image'] as const).filter((k) => k !== kind);

/** Blobs a validator for images must refuse: empty, not an image, or not a Blob at all. */
export const badBlob = fc.oneof(
  fc.constant(new Blob([], { type: 'image/jpeg' })),
  fc
    .constantFrom('text/html', 'image/svg+xml', 'application/octet-stream', '', 'image/gif')
    .map((type) => new Blob(['<svg onload=alert(1)>'], { type })),
  fc.constant({ size: 10, type: 'image/jpeg' }),
  fc.constant(new Uint8Array([0xff, 0xd8, 0xff])),
  fc.constant('data:image/jpeg;base64,/9j/'),
  notNumber,
);

/** Values the field must refuse. */
export function badValue(kind: FieldKind): fc.Arbitrary<unknown> {
  switch (kind.t) {
    case 'text':
      return fc.oneof(
        notString,
        fc.constant('x'.repeat(kind.max + 1)),
        ...(kind.min ? [fc.constant('')] : []),
      );
    case 'url':
      return fc.oneof(
        notString,
        fc.constantFrom('', 'javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,<script>'),
        fc.constant(`https://${'a'.repeat(limits.shortText)}`),
      );
    case 'id':
      return fc.oneof(
        notString,
        fc.constantFrom(...otherKinds(kind.kind)).chain(idOf),
        fc.constantFrom('__proto__', 'constructor', '', `${kind.kind[0]}_`, `${kind.kind[0]}_../../x`),
        fc.string({ maxLength: 20 }).filter((s) => !/^[a-z]_[0-9a-zA-Z_-]{1,64}$/.test(s)),
      );
    case 'number':
      return fc.oneof(
        notNumber,
        // fast-check orders -0 below 0, but -0 is a fine 0 for a validator: leave it out.
        fc.double({ max: kind.min, maxExcluded: true, noNaN: true }).filter((v) => !Object.is(v, -0)),
        fc.double({ min: kind.max, minExcluded: true, noNaN: true }),
      );
    case 'int':
      return fc.oneof(
        notNumber,
        fc.constant(kind.min - 1),
        fc.constant(kind.max + 1),
        fc.double({ min: kind.min + 0.01, max: kind.min + 0.99 }),
      );
    case 'enum':
      return fc.oneof(
        notString,
        fc.string({ maxLength: 12 }).filter((s) => !kind.of.includes(s)),
        fc.constantFrom(...kind.of.map((s) => s.toUpperCase())),
      );
    case 'list':
      return fc.oneof(
        notString.filter((v) => !Array.isArray(v)),
        fc.constant([null]),
        fc.constant([{}]),
      );
    case 'object':
      return fc.oneof(fc.constantFrom(null, 1, 'x', true), fc.constant([]), fc.constant({ wrong: 1 }));
    case 'blob':
      return badBlob;
    case 'bool':
      return fc.oneof(fc.constantFrom('true', 1, 0, null, [], {}));
    case 'hex16':
      return fc.oneof(
        notString,
        fc.constantFrom('zzzzzzzzzzzzzzzz', '0123456789ABCDEF', '0123', '<script>alert(1)'),
      );
    case 'date':
      return fc.oneof(notString, fc.constantFrom('', 'yesterday', '2026-02-31', '2026-13-01T00:00:00Z'));
  }
}

/** A copy of `input` with the field at `path` (keys) set to `value`, or removed when `remove`. */
export function withField(input: Record<string, unknown>, path: string[], value: unknown, remove = false) {
  const copy = structuredClone(input);
  const keys = [...path];
  const last = keys.pop() as string;
  let at = copy;
  for (const k of keys) at = at[k] as Record<string, unknown>;
  if (remove) delete at[last];
  else Object.defineProperty(at, last, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}
