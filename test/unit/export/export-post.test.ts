import { describe, expect, it } from 'vitest';
import { exportPost, exportPosts } from '../../../src/core/export';
import type { ImageId, PostId } from '../../../src/core/model';
import { harbourConf, hostile, postId } from '../../fixtures/posts/harbour-conf';
import { fileText, nodes, plainText, splitFrontMatter } from './helpers';

function files(format: 'hugo' | 'jekyll' | 'obsidian' | 'markdown', options = {}) {
  const r = exportPost(harbourConf(), postId, format, options);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

describe('exportPost', () => {
  it('Hugo: a page bundle with front matter, figures linking to their moment, and images by reference', () => {
    const snapshot = harbourConf();
    const r = exportPost(snapshot, postId, 'hugo');
    if (!r.ok) throw new Error(r.error);
    const paths = r.value.map((f) => f.path);
    expect(paths[0]).toBe('harbour-conf-2026-day-2/index.md');
    expect(paths.slice(1)).toEqual([
      'harbour-conf-2026-day-2/slide-01-compiler-sizes-over-time.jpg',
      'harbour-conf-2026-day-2/slide-02-roadmap-for-2027.jpg',
      'harbour-conf-2026-day-2/slide-03-cover-note-quoted-c-path.jpg',
      'harbour-conf-2026-day-2/slide-04.jpg',
      'harbour-conf-2026-day-2/slide-05-architecture.png',
      'harbour-conf-2026-day-2/slide-06-roadmap-for-2027.jpg',
    ]);
    // Not copied: the export hands on the snapshot's own arrays.
    expect(r.value[1]?.bytes).toBe(snapshot.images.find((i) => i.id === 'i_red')?.bytes);
    const { front, body } = splitFrontMatter(fileText(r.value, paths[0] ?? ''));
    expect(front).toEqual({
      title: hostile.postTitle,
      description: 'Talks, quotes and slides: the second day of Harbour Conf 2026.',
      date: '2026-05-13T08:30:00+02:00',
      author: 'Riley Marsh',
      tags: ['Harbour Conf', 'Compilers', '@wasm'],
      categories: ['Conferences'],
      toc: true,
      cover: 'slide-02-roadmap-for-2027.jpg',
    });
    expect(body).toContain(
      '{{< figure src=`slide-01-compiler-sizes-over-time.jpg` width=`600px` title=`Keynote - Compiler sizes over time` alt=`Compiler sizes over time` link=`https://youtu.be/aB3dE5fG7hJ?t=80` >}}',
    );
    expect(body).toContain('link=`https://vimeo.com/123456789#t=300s`');
    expect(body).toContain('link=`https://talks.example.org/watch?id=42&lang=en#t=90`');
    expect(body.match(/\{\{< figure /g)).toHaveLength(6);
    expect(body).toContain('> "Small is a feature you can measure"\n> \\- Ines Varga');
  });

  it('the Markdown reads back with the structure of the post', () => {
    const md = fileText(files('markdown'), 'post.md');
    expect(nodes(md, 'heading', 1).map(plainText)).toEqual([hostile.postTitle]);
    expect(nodes(md, 'heading', 2).map(plainText)).toEqual(['Morning Keynotes', 'Talks & <Panels>']);
    expect(nodes(md, 'heading', 3).map(plainText)).toEqual([
      'Keynote: The State of Tiny Compilers - Ines Varga, Principal Engineer, Tidewater Labs',
      `Keynote: ${hostile.talkTitle} - ${hostile.speaker}, ${hostile.role}, ${hostile.org}`,
      'Moving 200 Services to WebAssembly - Noor Haddad, Quayside & Tomás Ñúñez',
      'Live: Q&A (panel)',
    ]);
    expect(nodes(md, 'heading', 4).map(plainText)).toEqual(['Where we are']);
    expect(nodes(md, 'block_quote').map(plainText)).toEqual([
      '"Small is a feature you can measure"\n- Ines Varga',
      `"${hostile.quote}"\n- ${hostile.speaker}`,
      '"We moved one service a day, every day"\n- Noor Haddad',
    ]);
    const images = nodes(md, 'image');
    expect(images.map((i) => i.destination)).toEqual([
      'images/slide-01-compiler-sizes-over-time.jpg',
      'images/slide-02-roadmap-for-2027.jpg',
      'images/slide-03-cover-note-quoted-c-path.jpg',
      'images/slide-04.jpg',
      'images/slide-05-architecture.png',
      'images/slide-06-roadmap-for-2027.jpg',
    ]);
    expect(images.map(plainText)[2]).toBe(hostile.caption);
    // Every slide is wrapped in a link to its moment.
    expect(images.map((i) => i.parent?.type)).toEqual(Array(6).fill('link'));
    expect(images[3]?.parent?.destination).toBe('https://vimeo.com/123456789#t=300s');
    // The user's Markdown stays Markdown: lists, fences, the comment under a slide.
    expect(nodes(md, 'code_block').map((n) => n.literal)).toEqual(['console.log("a note with a fence");\n']);
    expect(nodes(md, 'list').map((n) => n.listType)).toEqual(['bullet', 'ordered']);
    expect(nodes(md, 'html_block')).toHaveLength(0);
    expect(nodes(md, 'html_inline')).toHaveLength(0);
  });

  it('Jekyll: dated post, assets folder, Liquid off, images linking to their moment', () => {
    const f = files('jekyll');
    expect(f[0]?.path).toBe('_posts/2026-05-13-harbour-conf-2026-day-2.md');
    expect(f[1]?.path).toBe('assets/img/harbour-conf-2026-day-2/slide-01-compiler-sizes-over-time.jpg');
    const { front, body } = splitFrontMatter(fileText(f, f[0]?.path ?? ''));
    expect(front.render_with_liquid).toBe(false);
    expect(front.layout).toBe('post');
    expect(front.image).toBe('/assets/img/harbour-conf-2026-day-2/slide-02-roadmap-for-2027.jpg');
    expect(body).toContain(
      '[![Roadmap for 2027](/assets/img/harbour-conf-2026-day-2/slide-02-roadmap-for-2027.jpg "Keynote - Roadmap for 2027")](https://youtu.be/aB3dE5fG7hJ?t=130)',
    );
  });

  it('Obsidian: a note named after the post with embeds into its attachments', () => {
    const f = files('obsidian');
    expect(f[0]?.path).toBe('Harbour Conf 2026 Day 2 — Ships & Shores 2.md');
    expect(f[1]?.path).toBe('attachments/harbour-conf-2026-day-2/slide-01-compiler-sizes-over-time.jpg');
    const { front, body } = splitFrontMatter(fileText(f, f[0]?.path ?? ''));
    expect(front.tags).toEqual(['Harbour-Conf', 'Compilers', '@wasm']);
    expect(nodes(body, 'heading', 3)).toHaveLength(4);
    expect(
      body.match(
        /^!\[\[attachments\/harbour-conf-2026-day-2\/slide-0\d[a-z0-9-]*\.(jpg|png)\|[^|\]]+\|600\]\]$/gm,
      ),
    ).toHaveLength(6);
    expect(body).toContain(
      '![[attachments/harbour-conf-2026-day-2/slide-01-compiler-sizes-over-time.jpg|Compiler sizes over time|600]]\n[Keynote \\- Compiler sizes over time · 1:20](https://youtu.be/aB3dE5fG7hJ?t=80)',
    );
  });

  it('gives the same names on every export of an unchanged post, and new ones when a caption changes', () => {
    const names = (s = harbourConf()) => {
      const r = exportPost(s, postId, 'hugo');
      return r.ok ? r.value.map((f) => f.path) : [];
    };
    expect(names()).toEqual(names());
    const changed = harbourConf();
    const n = changed.notes.find((x) => x.imageId === 'i_red');
    if (n) n.text = 'Sizes, again';
    expect(names(changed)[1]).toBe('harbour-conf-2026-day-2/slide-01-sizes-again.jpg');
  });

  it('applies options: heading template, timestamp links, width, fallbacks for author and tags', () => {
    const s = harbourConf();
    const post = s.posts[0];
    if (!post) throw new Error('fixture');
    post.author = '';
    post.tags = [];
    const r = exportPost(s, postId, 'markdown', {
      headingTemplate: '{title}[ ({names})]',
      timestampLinks: true,
      recordingLinkText: '',
    });
    if (!r.ok) throw new Error(r.error);
    const md = fileText(r.value, 'post.md');
    expect(nodes(md, 'heading', 3).map(plainText)[0]).toBe('The State of Tiny Compilers (Ines Varga)');
    expect(md).not.toContain('Watch the recording');
    expect(md).toContain('[1:35](https://youtu.be/aB3dE5fG7hJ?t=95) Binary size');
    // A list can't be prefixed: the stamp gets its own paragraph.
    expect(md).toContain('[2:30](https://youtu.be/aB3dE5fG7hJ?t=150)\n\n1. parse');
    expect(md).toContain('> \\- Ines Varga, [2:20](https://youtu.be/aB3dE5fG7hJ?t=140)');
    const h = exportPost(s, postId, 'hugo', { author: 'Site Owner', tags: ['fallback'], figureWidth: '' });
    if (!h.ok) throw new Error(h.error);
    const { front, body } = splitFrontMatter(fileText(h.value, 'harbour-conf-2026-day-2/index.md'));
    expect(front.author).toBe('Site Owner');
    expect(front.tags).toEqual(['fallback']);
    expect(body).not.toContain('width=');
  });

  it('exports an empty post, and ships a cover chosen outside its slides', () => {
    const s = harbourConf();
    const post = s.posts[0];
    if (!post) throw new Error('fixture');
    post.sections = [];
    post.coverImageId = 'i_yellow' as ImageId;
    const r = exportPost(s, postId, 'hugo');
    if (!r.ok) throw new Error(r.error);
    expect(r.value.map((f) => f.path)).toEqual([
      'harbour-conf-2026-day-2/index.md',
      'harbour-conf-2026-day-2/cover.png',
    ]);
    const { front, body } = splitFrontMatter(fileText(r.value, 'harbour-conf-2026-day-2/index.md'));
    expect(front.cover).toBe('cover.png');
    expect(body).toBe(
      '\nDay two was all about **small things**: compilers, services and questions.\n\nSee you next year!\n',
    );
  });

  it('refuses an unknown post or format, and a Jekyll post without a date', () => {
    expect(exportPost(harbourConf(), 'p_nope' as PostId, 'hugo')).toEqual({
      ok: false,
      error: 'no post with id p_nope',
    });
    const bad = exportPost(harbourConf(), postId, 'wordpress' as 'hugo');
    expect(bad.ok || bad.error).toMatch(/unknown format "wordpress"/);
    const s = harbourConf();
    if (s.posts[0]) s.posts[0].date = 'someday';
    const j = exportPost(s, postId, 'jekyll');
    expect(j.ok || j.error).toMatch(/no valid date/);
  });

  it('a hostile slug cannot leave the folder', () => {
    const s = harbourConf();
    if (s.posts[0]) s.posts[0].slug = '../../../etc/cron.d/x';
    const r = exportPost(s, postId, 'hugo');
    expect(r.ok && r.value.map((f) => f.path.split('/')[0])).toEqual(Array(7).fill('etc-cron-d-x'));
  });

  it('exportPosts keeps two posts with the same slug and title apart', () => {
    const s = harbourConf();
    const first = s.posts[0];
    if (!first) throw new Error('fixture');
    s.posts.push({ ...first, id: 'p_copy' as PostId });
    for (const format of ['hugo', 'jekyll', 'obsidian', 'markdown'] as const) {
      const r = exportPosts(s, [postId, 'p_copy' as PostId], format);
      if (!r.ok) throw new Error(r.error);
      const paths = r.value.map((f) => f.path);
      expect(new Set(paths.map((p) => p.toLowerCase())).size).toBe(paths.length);
      expect(paths.length).toBe(14);
    }
    const md = exportPosts(s, [postId, 'p_copy' as PostId], 'markdown');
    expect(md.ok && md.value.filter((f) => f.path.endsWith('post.md')).map((f) => f.path)).toEqual([
      'harbour-conf-2026-day-2/post.md',
      'harbour-conf-2026-day-2-2/post.md',
    ]);
  });
});
