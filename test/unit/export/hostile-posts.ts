// Generated hostile posts for the real-tool builds: each post has CJK or emoji titles up to the
// name byte limit, hostile tags and categories, and talks whose notes hold template syntax,
// raw HTML, open fences and comments (in code spans and fences too). Seeded, so a failing
// build can be replayed with EXPORT_SEED.
import fc from 'fast-check';
import { normalizeInline } from '../../../src/core/export/escape-text';
import type { NoteId, PostId, SectionId, Snapshot, TalkId } from '../../../src/core/model';
import { harbourConf } from '../../fixtures/posts/harbour-conf';
import { hostileString } from './helpers';
import { hostileNote, literalTokens } from './hostile-notes';

export interface ExpectedPost {
  id: PostId;
  title: string;
  /** How many talk headings the page must show: a note that swallowed one would lose it. */
  talks: number;
  /** Literal text each note holds, which must show in the built page as typed. */
  tokens: string[];
  tags: string[];
  categories: string[];
}

const wideTitle = fc.oneof(
  fc.integer({ min: 1, max: 40 }).map((n) => '日本語のタイトル'.repeat(n)),
  fc.integer({ min: 1, max: 130 }).map((n) => '😀'.repeat(n)),
  fc.integer({ min: 1, max: 90 }).map((n) => '한국어'.repeat(n)),
  hostileString.map((s) => s.replace(/\n/g, ' ')).filter((s) => normalizeInline(s) !== ''),
);
const term = fc.oneof(
  fc.constantFrom('../../x', './.././/', '.net', '100%', 'C#', 'C++', 'a/b', 'Go', 'go', '...', '{{ x }}'),
  fc.integer({ min: 1, max: 60 }).map((n) => '長いタグ'.repeat(n)),
  hostileString.map((s) => s.replace(/\n/g, ' ')),
);
const talkNotes = fc.array(hostileNote, { minLength: 1, maxLength: 4 });
const post = fc.record({
  title: wideTitle,
  tags: fc.array(term, { maxLength: 5 }),
  categories: fc.array(term, { maxLength: 3 }),
  talks: fc.array(talkNotes, { minLength: 1, maxLength: 3 }),
});

export function hostilePosts(seed: number, count: number): { snapshot: Snapshot; expected: ExpectedPost[] } {
  const snapshot = harbourConf();
  const fixturePost = snapshot.posts[0];
  const talk = snapshot.talks[0];
  if (!fixturePost || !talk) throw new Error('fixture');
  const { coverImageId: _cover, ...base } = fixturePost;
  // The fixture's own post has dangling references on purpose; these posts are on their own.
  snapshot.posts = [];
  snapshot.notes = [];
  const expected: ExpectedPost[] = [];
  fc.sample(post, { numRuns: count, seed }).forEach((p, i) => {
    const id = `p_gen${i}` as PostId;
    const talkIds: TalkId[] = [];
    const tokens: string[] = [];
    p.talks.forEach((notes, j) => {
      const talkId = `t_gen${i}_${j}` as TalkId;
      talkIds.push(talkId);
      snapshot.talks.push({
        ...talk,
        id: talkId,
        title: `Talk ${j + 1}`,
        label: '',
        speakers: [{ name: 'Speaker' }],
      });
      notes.forEach((text, k) => {
        snapshot.notes.push({
          id: `n_gen${i}_${j}_${k}` as NoteId,
          talkId,
          time: k,
          kind: 'text',
          text,
          createdAt: talk.createdAt,
          updatedAt: talk.createdAt,
        });
        for (const t of literalTokens) if (text.includes(t)) tokens.push(t);
      });
    });
    snapshot.posts.push({
      ...base,
      id,
      title: p.title,
      slug: '',
      tags: p.tags,
      categories: p.categories,
      intro: '',
      closing: '',
      sections: [{ id: `s_gen${i}` as SectionId, title: 'Talks', talkIds }],
    });
    expected.push({
      id,
      title: normalizeInline(p.title),
      talks: talkIds.length,
      tokens,
      tags: p.tags,
      categories: p.categories,
    });
  });
  return { snapshot, expected };
}
