// The corpus of decks made with real tools, split in two: the same recipes (classes of video)
// applied to the tuning decks and to the held-out decks, which have other themes, templates and
// text. Each recipe is one class of the failures; the encodings differ per class.
import type { AssembledSpec, CameraShot, Encoding, Into, Layout, StateSegment } from './assemble';
import { type Deck, decks } from './decks';
import { type RenderedDeck, renderDecks } from './render-decks';

type Seg = StateSegment | CameraShot;

function builder(r: RenderedDeck) {
  const index = (id: string) => {
    const i = r.deck.slides.findIndex((s) => s.id === id);
    if (i < 0) throw new Error(`deck ${r.deck.name} has no slide ${id}`);
    return i;
  };
  const label = (id: string) => `${r.deck.name}:${id}`;
  /** A slide shown in all its build steps: `stepSeconds` per step before the last. */
  const slide = (
    id: string,
    seconds: number,
    o: { into?: Into; layout?: Layout; stepSeconds?: number } = {},
  ): Seg[] => {
    const i = index(id);
    const states = r.states[i] ?? [];
    const s = r.deck.slides[i];
    const c = s?.content;
    return states.map((png, k) => {
      const last = k === states.length - 1;
      return {
        kind: 'slide',
        png,
        label: label(id),
        partial: !last,
        seconds: last ? seconds : (o.stepSeconds ?? 4),
        layout: o.layout ?? 'full',
        ...(c?.kind === 'player' ? { playing: c.box } : {}),
        ...(k === 0 && o.into ? { into: o.into } : {}),
      };
    });
  };
  const cam = (seconds: number, into?: Into, calm = false): Seg[] => [
    { kind: 'camera', seconds, calm, ...(into ? { into } : {}) },
  ];
  return { slide, cam };
}

function recipes(r: RenderedDeck): AssembledSpec[] {
  const { slide, cam } = builder(r);
  const n = r.deck.name;
  const v = (cls: string, encoding: Encoding, segments: Seg[][]): AssembledSpec => ({
    name: `${n}-${cls}`,
    cls,
    encoding,
    segments: segments.flat(),
  });
  const reveal = r.deck.tool === 'reveal';
  return [
    v('template', { codec: 'h264', crf: 30 }, [
      slide('cover', 6),
      slide('b0', 5),
      slide('b1', 5),
      slide('b2', 18),
      slide('b3', 5),
      slide('b4', 5),
      slide('b5', 8),
      slide('table', 6),
      slide('ui', 6),
    ]),
    v('transitions', { codec: 'vp9', kbps: 160 }, [
      slide('b6', 6),
      slide('b7', 6, { into: 'fade' }),
      slide('b8', 5, { into: 'slideleft' }),
      slide('b9', 18, { into: 'fade' }),
      slide('nd-word-a', 6, { into: 'slideleft' }),
      slide('nd-word-b', 6, { into: 'fade' }),
      slide('nd-cell-a', 6),
      slide('nd-cell-b', 6, { into: 'fade' }),
      slide('nd-code-a', 6),
      slide('nd-code-b', 6),
    ]),
    v('camera', { codec: 'reencode', crf: 32 }, [
      slide('cover', 6),
      cam(8),
      slide('b0', 6),
      cam(6),
      slide('b1', 10),
      cam(7, 'fade', true),
      slide('b2', 42, { into: 'fade' }),
      cam(6),
      slide('bg-gradient', 8),
      cam(5, 'fade'),
      slide('bg-photo', 9, { into: 'fade' }),
      slide('bg-pattern', 8),
    ]),
    v('layouts', { codec: 'h264', crf: 30 }, [
      slide('b3', 8, { layout: 'beside' }),
      slide('b4', 8, { layout: 'beside' }),
      slide('b4', 6),
      slide('b5', 10, { layout: 'inset' }),
      slide('b6', 8, { layout: 'inset' }),
      slide('b6', 6),
      cam(6),
      slide('b7', 6),
      slide('table', 8, { layout: 'beside' }),
    ]),
    v(reveal ? 'builds-playing' : 'playing', { codec: 'h264', crf: 32 }, [
      slide('b8', 6),
      slide('play-large', 12),
      ...(reveal
        ? [
            slide('build-add', 6),
            slide('build-fade', 6),
            slide('build-colour', 6),
            slide('build-grow', 6),
            slide('build-code', 6, { stepSeconds: 3 }),
          ]
        : [slide('bg-pattern', 6), slide('bg-gradient', 6)]),
      slide('play-small', 10, { into: 'fade' }),
      slide('b9', 6),
    ]),
  ];
}

export interface RealHalf {
  name: 'tuning' | 'held-out';
  decks: Deck[];
  specs: AssembledSpec[];
}

/** Both halves' video specs, rendering the decks first (cached). */
export async function realCorpus(): Promise<RealHalf[]> {
  const tuning = await renderDecks(decks.tuning);
  const heldOut = await renderDecks(decks.heldOut);
  return [
    { name: 'tuning', decks: decks.tuning, specs: tuning.flatMap(recipes) },
    { name: 'held-out', decks: decks.heldOut, specs: heldOut.flatMap(recipes) },
  ];
}
