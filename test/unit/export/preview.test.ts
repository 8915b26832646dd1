import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { renderPreviewHtml } from '../../../src/core/export';
import type { ImageId, NoteId, PostId } from '../../../src/core/model';
import { harbourConf, hostile, postId } from '../../fixtures/posts/harbour-conf';

function dom(html: string) {
  const window = new Window();
  window.document.body.innerHTML = html;
  return window.document;
}

describe('renderPreviewHtml', () => {
  it('shows the post with figures from the given URLs and page text as text', () => {
    const html = renderPreviewHtml(harbourConf(), postId, (id: ImageId) => `blob:test/${id}`);
    const doc = dom(html);
    expect(doc.querySelector('h1')?.textContent).toBe(hostile.postTitle);
    expect(Array.from(doc.querySelectorAll('h3')).map((h) => h.textContent)[1]).toBe(
      `Keynote: ${hostile.talkTitle} - ${hostile.speaker}, ${hostile.role}, ${hostile.org}`,
    );
    expect(Array.from(doc.querySelectorAll('img')).map((i) => i.getAttribute('src'))).toEqual([
      'blob:test/i_red',
      'blob:test/i_green',
      'blob:test/i_blue',
      'blob:test/i_orange',
      'blob:test/i_yellow',
      'blob:test/i_purple',
    ]);
    expect(doc.querySelector('img')?.parentElement?.getAttribute('href')).toBe(
      'https://youtu.be/aB3dE5fG7hJ?t=80',
    );
    expect(doc.body.textContent).toContain(hostile.quote);
  });

  it('lets no script run: no script elements, no handlers, no javascript: links', () => {
    const s = harbourConf();
    const base = s.notes[2];
    if (!base) throw new Error('fixture');
    s.notes.push({
      ...base,
      id: 'n_evil' as NoteId,
      text: '<script>alert(1)</script>\n\n<img src=x onerror=alert(1)> [click](javascript:alert(1)) <a href="javascript:x">y</a>',
    });
    const talk = s.talks[3];
    if (talk) talk.url = 'javascript:alert(1)';
    const html = renderPreviewHtml(s, postId, () => 'javascript:alert(2)');
    const doc = dom(html);
    expect(doc.querySelectorAll('script')).toHaveLength(0);
    for (const el of Array.from(doc.querySelectorAll('*'))) {
      for (const attr of Array.from(el.attributes)) {
        expect(attr.name.startsWith('on')).toBe(false);
        expect((attr.value ?? '').toLowerCase().startsWith('javascript:')).toBe(false);
      }
    }
    expect(html).not.toMatch(/<script/i);
  });

  it('says so when the post is gone', () => {
    expect(renderPreviewHtml(harbourConf(), 'p_gone' as PostId, () => '')).toMatch(/no longer exists/);
  });
});
