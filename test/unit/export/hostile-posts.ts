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
  /** The talk headings the page must show, in order: a note that swallowed one would lose it. */
  talks: string[];
  /** Literal text each note holds, which must show in the built page as typed. */
  tokens: string[];
  /** Plain notes placed after hostile ones: each must be a paragraph of its own in the page. */
  marks: string[];
  /** The post's last paragraph, after every note. */
  closing: string;
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
// A hostile note, sometimes followed by a plain one that must come out as a paragraph of its own.
const talkNotes = fc.array(fc.tuple(hostileNote, fc.boolean()), { minLength: 1, maxLength: 4 });
const post = fc.record({
  title: wideTitle,
  intro: hostileNote,
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
    const marks: string[] = [];
    const talks: string[] = [];
    const keep = (text: string) => {
      for (const t of literalTokens) if (text.includes(t)) tokens.push(t);
    };
    keep(p.intro);
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
      talks.push(`Talk ${j + 1} - Speaker`);
      const note = (id: string, time: number, text: string) =>
        snapshot.notes.push({
          id: `n_gen${i}_${j}_${id}` as NoteId,
          talkId,
          time,
          kind: 'text',
          text,
          createdAt: talk.createdAt,
          updatedAt: talk.createdAt,
        });
      notes.forEach(([text, marked], k) => {
        note(`${k}`, 2 * k, text);
        keep(text);
        if (!marked) return;
        const mark = `Mark ${i} ${j} ${k} after`;
        note(`${k}m`, 2 * k + 1, mark);
        marks.push(mark);
      });
    });
    const closing = `Closing words of post ${i}`;
    snapshot.posts.push({
      ...base,
      id,
      title: p.title,
      slug: '',
      tags: p.tags,
      categories: p.categories,
      intro: p.intro,
      closing,
      sections: [{ id: `s_gen${i}` as SectionId, title: 'Talks', talkIds }],
    });
    expected.push({
      id,
      title: normalizeInline(p.title),
      talks,
      tokens,
      marks,
      closing,
      tags: p.tags,
      categories: p.categories,
    });
  });
  return { snapshot, expected };
}
