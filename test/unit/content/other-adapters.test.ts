// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { genericAdapter, largestVideo } from '../../../src/content/sites/generic';
import { adapterFor } from '../../../src/content/sites/index';
import { vimeoAdapter } from '../../../src/content/sites/vimeo/adapter';
import { fromDocumentTitle, jsonLdAuthor } from '../../../src/content/sites/vimeo/selectors';

function sized(w: number, h: number): HTMLVideoElement {
  const v = document.createElement('video');
  v.getBoundingClientRect = () => ({ width: w, height: h }) as DOMRect;
  return v;
}

// build.mjs defines __TEST__; the unit config doesn't, so this stands in for a user's build.
(globalThis as { __TEST__?: boolean }).__TEST__ = false;

describe('generic and Vimeo adapters', () => {
  it('takes the largest video, and ignores previews smaller than 160x90', () => {
    const small = sized(150, 80);
    const mid = sized(640, 360);
    const big = sized(1280, 720);
    expect(largestVideo([small, mid, big])).toBe(big);
    expect(largestVideo([small])).toBeNull();
  });

  it('reads a generic page: canonical URL without the fragment, og:title, author', () => {
    history.replaceState({}, '', '/talks/42#t=10');
    document.head.innerHTML = `<meta property="og:title" content="Talk - Ada Example"><meta name="author" content="Conf">`;
    const info = genericAdapter.readVideo(document, sized(640, 360));
    expect(info.url).toBe(`${location.origin}/talks/42`);
    expect(info).toMatchObject({
      site: 'generic',
      title: 'Talk',
      channel: 'Conf',
      speakers: [{ name: 'Ada Example' }],
    });
    expect(info.speakers).toEqual([{ name: 'Ada Example' }]);
  });

  it('reads a Vimeo page: numeric id, canonical URL, title without " on Vimeo"', () => {
    history.replaceState({}, '', '/76979871');
    document.head.innerHTML = `<meta property="og:title" content="Keynote by Jane Doe on Vimeo">`;
    document.body.innerHTML = '';
    const v = sized(1280, 720);
    document.body.append(v);
    // happy-dom's location is http://localhost, so read through a vimeo.com URL.
    const loc = new URL('https://vimeo.com/76979871');
    const doc = {
      ...document,
      location: loc,
      querySelector: document.querySelector.bind(document),
      querySelectorAll: document.querySelectorAll.bind(document),
      title: '',
    };
    const info = vimeoAdapter.readVideo(doc as unknown as Document, v);
    expect(info).toMatchObject({
      site: 'vimeo',
      videoId: '76979871',
      url: 'https://vimeo.com/76979871',
      title: 'Keynote',
    });
    expect(info.speakers).toEqual([{ name: 'Jane Doe' }]);
  });

  it('leaves a Vimeo talk without speakers when the title names none, whoever owns the video', () => {
    document.head.innerHTML = `<meta property="og:title" content="Caching Without Tears on Vimeo">
      <script type="application/ld+json">{"@type":"VideoObject","author":{"name":"Example Conf"}}</script>`;
    const v = sized(1280, 720);
    const doc = {
      ...document,
      location: new URL('https://vimeo.com/76979871'),
      querySelector: document.querySelector.bind(document),
      querySelectorAll: document.querySelectorAll.bind(document),
      title: '',
    };
    const info = vimeoAdapter.readVideo(doc as unknown as Document, v);
    expect(info).toMatchObject({ title: 'Caching Without Tears', channel: 'Example Conf' });
    expect(info.speakers).toEqual([]);
  });

  it('reads a Vimeo owner from the JSON-LD VideoObject, skipping broken JSON and other types', () => {
    document.head.innerHTML = `
      <script type="application/ld+json">{not json</script>
      <script type="application/ld+json">{"@type":"BreadcrumbList","author":{"name":"Nope"}}</script>
      <script type="application/ld+json">[{"@type":"VideoObject","author":{"@type":"Person","name":" Example  Conf "}}]</script>`;
    expect(jsonLdAuthor(document)).toBe('Example Conf');
    document.head.innerHTML =
      '<script type="application/ld+json">{"@type":"VideoObject","author":[{"name":7}]}</script>';
    expect(jsonLdAuthor(document)).toBe('');
  });

  it("reads title and owner from the Vimeo player's document title; a video page's keeps its “from”", () => {
    expect(fromDocumentTitle('Lessons from Production from Bo Li on Vimeo', true)).toEqual({
      title: 'Lessons from Production',
      owner: 'Bo Li',
    });
    expect(fromDocumentTitle('Notes from the field on Vimeo', false)).toEqual({
      title: 'Notes from the field',
      owner: '',
    });
    expect(fromDocumentTitle('Untitled', true)).toEqual({ title: 'Untitled', owner: '' });
  });

  it('picks the adapter by host', () => {
    expect(adapterFor(new URL('https://www.youtube.com/watch?v=x') as unknown as Location).name).toBe(
      'youtube',
    );
    expect(adapterFor(new URL('https://www.youtube-nocookie.com/embed/x') as unknown as Location).name).toBe(
      'youtube',
    );
    expect(adapterFor(new URL('https://player.vimeo.com/video/1') as unknown as Location).name).toBe('vimeo');
    expect(adapterFor(new URL('https://conf.example/talk') as unknown as Location).name).toBe('generic');
  });
});
