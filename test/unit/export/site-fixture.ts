// A snapshot for the real-tool tests: the fixture post plus talks whose titles, speakers,
// quotes and captions are arbitrary hostile strings, and what each should render as.
import fc from 'fast-check';
import { normalizeInline } from '../../../src/core/export/escape-text';
import type { ImageId, NoteId, Snapshot, TalkId } from '../../../src/core/model';
import { harbourConf } from '../../fixtures/posts/harbour-conf';
import { hostileString } from './helpers';

export interface Expected {
  headings: string[];
  quotes: string[];
  captions: string[];
}

const oneLine = hostileString.map((s) => s.replace(/\n/g, ' ')).filter((s) => normalizeInline(s) !== '');

export function generatedSite(seed: number, count = 40): { snapshot: Snapshot; expected: Expected } {
  const snapshot = harbourConf();
  const post = snapshot.posts[0];
  const base = snapshot.talks[0];
  const section = post?.sections[1];
  if (!post || !base || !section) throw new Error('fixture');
  const samples = fc.sample(fc.tuple(oneLine, oneLine, oneLine, oneLine), { numRuns: count, seed });
  const expected: Expected = { headings: [], quotes: [], captions: [] };
  samples.forEach(([title, speaker, quote, caption], i) => {
    const id = `t_gen${i}` as TalkId;
    snapshot.talks.push({ ...base, id, title, label: '', speakers: [{ name: speaker }] });
    section.talkIds.push(id);
    const at = base.createdAt;
    const note = { talkId: id, createdAt: at, updatedAt: at };
    snapshot.notes.push(
      { ...note, id: `n_gq${i}` as NoteId, time: 10, kind: 'quote', text: quote },
      {
        ...note,
        id: `n_gs${i}` as NoteId,
        time: 20,
        kind: 'slide',
        text: caption,
        imageId: 'i_red' as ImageId,
      },
    );
    expected.headings.push(`${normalizeInline(title)} - ${normalizeInline(speaker)}`);
    expected.quotes.push(normalizeInline(quote));
    expected.captions.push(normalizeInline(caption));
  });
  return { snapshot, expected };
}
