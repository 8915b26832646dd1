// @vitest-environment happy-dom
// The YouTube adapter against a page built like YouTube's (see DESIGN.md "YouTube's page").
import { beforeEach, describe, expect, it } from 'vitest';
import { youTubeAdapter } from '../../../src/content/sites/youtube/adapter';

function page(path: string, body: string): void {
  history.replaceState({}, '', path);
  document.body.innerHTML = body;
}

const watch = `
  <div id="movie_player" class="html5-video-player">
    <div class="html5-video-container"><video class="html5-main-video"></video></div>
    <div class="ytp-caption-window-container">
      <span class="ytp-caption-segment">Caches are</span><span class="ytp-caption-segment"> promises</span>
    </div>
  </div>
  <ytd-watch-metadata>
    <h1><yt-formatted-string>Shipping Small Things Fast - Ada Example, Example Corp</yt-formatted-string></h1>
    <ytd-channel-name><a>Example Conf</a></ytd-channel-name>
    <div id="description">0:00 Intro
1:30 Why
12:00 Demo</div>
  </ytd-watch-metadata>
  <div id="secondary"><div id="secondary-inner"></div></div>`;

describe('YouTube adapter', () => {
  beforeEach(() => page('/watch?v=dQw4w9WgXcQ', watch));

  it('reads a watch page: id, canonical URL, title, channel, speakers and chapters', () => {
    const video = youTubeAdapter.findVideo(document);
    expect(video?.classList.contains('html5-main-video')).toBe(true);
    const info = youTubeAdapter.readVideo(document, video as HTMLVideoElement);
    expect(info).toMatchObject({
      site: 'youtube',
      videoId: 'dQw4w9WgXcQ',
      url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
      title: 'Shipping Small Things Fast',
      channel: 'Example Conf',
      speakers: [{ name: 'Ada Example', org: 'Example Corp' }],
      chapters: [
        { start: 0, title: 'Intro' },
        { start: 90, title: 'Why' },
        { start: 720, title: 'Demo' },
      ],
    });
  });

  it('leaves the speakers empty when the title names none: the channel is not a speaker', () => {
    const h = document.querySelector('yt-formatted-string') as HTMLElement;
    h.textContent = 'Keynote: The State of Cloud Native';
    (document.querySelector('ytd-channel-name a') as HTMLElement).textContent =
      'CNCF [Cloud Native Computing Foundation]';
    const info = youTubeAdapter.readVideo(document, youTubeAdapter.findVideo(document) as HTMLVideoElement);
    expect(info.channel).toBe('CNCF [Cloud Native Computing Foundation]');
    expect(info.title).toBe('Keynote: The State of Cloud Native');
    expect(info.speakers).toEqual([]);
  });

  it('joins the caption segments on screen, and reads markup in a title as text', () => {
    expect(youTubeAdapter.captionText(document)).toBe('Caches are promises');
    const h = document.querySelector('yt-formatted-string') as HTMLElement;
    h.textContent = '<img src=x onerror=alert(1)> Talk';
    const info = youTubeAdapter.readVideo(document, youTubeAdapter.findVideo(document) as HTMLVideoElement);
    expect(info.title).toBe('<img src=x onerror=alert(1)> Talk');
  });

  it('knows an ad from the talk and docks in the column beside the player', () => {
    expect(youTubeAdapter.isAdPlaying(document)).toBe(false);
    document.getElementById('movie_player')?.classList.add('ad-showing');
    expect(youTubeAdapter.isAdPlaying(document)).toBe(true);
    expect(youTubeAdapter.dockTarget(document)?.id).toBe('secondary-inner');
  });

  it('never takes the miniplayer’s video for the page’s talk', () => {
    page(
      '/watch?v=dQw4w9WgXcQ',
      `<ytd-miniplayer class="miniplayer"><div id="movie_player"><video class="html5-main-video"></video></div></ytd-miniplayer>`,
    );
    expect(youTubeAdapter.findVideo(document)).toBeNull();
  });

  it('has a talk on watch, live and embed pages, not on the home page or shorts', () => {
    expect(youTubeAdapter.hasTalk(document)).toBe(true);
    for (const [path, has] of [
      ['/', false],
      ['/results?search_query=talk', false],
      ['/shorts/dQw4w9WgXcQ', false],
      ['/live/dQw4w9WgXcQ', true],
      ['/embed/dQw4w9WgXcQ', true],
      ['/watch?v=tooshort', false],
    ] as const) {
      history.replaceState({}, '', path);
      expect(youTubeAdapter.hasTalk(document), path).toBe(has);
    }
  });

  it('reports single-page navigation until its signal aborts', () => {
    const life = new AbortController();
    let calls = 0;
    youTubeAdapter.watchNavigation(document, () => calls++, life.signal);
    document.dispatchEvent(new CustomEvent('yt-navigate-finish'));
    expect(calls).toBe(1);
    life.abort();
    document.dispatchEvent(new CustomEvent('yt-navigate-finish'));
    expect(calls).toBe(1);
  });
});
