// Embedded players of another origin: which iframes the popup offers to enable Talkmark in,
// which origin it asks for, and what enabling does when the browser grants or refuses.
import { describe, expect, it, vi } from 'vitest';
import {
  enablePlayer,
  type FrameInfo,
  type PlayerApi,
  playerFrames,
  playerOffers,
} from '../../../src/popup/frames';

const blog = 'https://talks-blog.example/2026/05/two-talks.html';
const frame = (src: string, more: Partial<FrameInfo> = {}): FrameInfo => ({
  src,
  width: 640,
  height: 360,
  allow: 'autoplay; fullscreen; picture-in-picture',
  allowFullscreen: false,
  ...more,
});

describe('player offers', () => {
  it('offers a Vimeo player of another origin, asking for exactly its host', () => {
    expect(playerOffers(blog, [frame('https://player.vimeo.com/video/76979871?h=8272103f6e')])).toEqual([
      {
        host: 'player.vimeo.com',
        src: 'https://player.vimeo.com/video/76979871?h=8272103f6e',
        pattern: '*://player.vimeo.com/*',
        service: 'Vimeo',
      },
    ]);
  });

  it('offers each host once, known services first, and an unknown host only when it looks like a player', () => {
    const offers = playerOffers(blog, [
      frame('https://media.example/embed/talk-42', { allow: '', allowFullscreen: true }),
      frame('https://player.vimeo.com/video/1?autoplay=1'),
      frame('https://player.vimeo.com/video/2'),
      // Not a player: no video-ish path, or the page doesn't let it go fullscreen.
      frame('https://comments.example/thread/9'),
      frame('https://widgets.example/embed/poll', { allow: 'clipboard-write' }),
    ]);
    expect(offers).toEqual([
      {
        host: 'player.vimeo.com',
        src: 'https://player.vimeo.com/video/1?autoplay=1',
        pattern: '*://player.vimeo.com/*',
        service: 'Vimeo',
      },
      { host: 'media.example', src: 'https://media.example/embed/talk-42', pattern: '*://media.example/*' },
    ]);
  });

  it('leaves out YouTube (the manifest covers it), the page’s own host, tiny frames and non-web frames', () => {
    expect(
      playerOffers(blog, [
        frame('https://www.youtube-nocookie.com/embed/sampleTalk1'),
        frame('https://www.youtube.com/embed/shortClip22'),
        frame('https://talks-blog.example/embed/own-player'),
        frame('https://player.vimeo.com/video/3', { width: 300, height: 60 }),
        frame('https://player.vimeo.com/video/4', { width: 0, height: 0 }),
        frame('about:blank'),
        frame('data:text/html,<video>'),
        frame('javascript:alert(1)'),
        frame(''),
        frame('not a url'),
      ]),
    ).toEqual([]);
    expect(playerOffers(undefined, [frame('https://player.vimeo.com/video/5')])).toEqual([]);
  });

  it('needs the player path for a known host: a Vimeo page that isn’t a video is not offered as one', () => {
    expect(playerOffers(blog, [frame('https://player.vimeo.com/api/player.js', { allow: '' })])).toEqual([]);
  });
});

describe('player frames', () => {
  it('picks the frames of the player’s host that have a video, never the top frame', () => {
    const results = [
      { frameId: 0, result: { host: 'player.vimeo.com', hasVideo: true } },
      { frameId: 7, result: { host: 'player.vimeo.com', hasVideo: true } },
      { frameId: 9, result: { host: 'player.vimeo.com', hasVideo: false } },
      { frameId: 11, result: { host: 'other.example', hasVideo: true } },
      { frameId: 12, result: undefined },
    ];
    expect(playerFrames('player.vimeo.com', results)).toEqual({ frameIds: [7], found: true });
    expect(playerFrames('player.vimeo.com', results.slice(2))).toEqual({ frameIds: [], found: true });
    expect(playerFrames('player.vimeo.com', results.slice(3))).toEqual({ frameIds: [], found: false });
  });
});

describe('enabling a player', () => {
  const vimeo = {
    host: 'player.vimeo.com',
    src: 'https://player.vimeo.com/video/1',
    pattern: '*://player.vimeo.com/*',
    service: 'Vimeo',
  };
  const api = (granted: boolean, probes: Array<{ frameId?: number; result?: unknown }>) => {
    const calls: string[] = [];
    const a = {
      permissions: {
        request: vi.fn((p: { origins: string[] }) => {
          calls.push(`request ${p.origins.join(',')}`);
          return Promise.resolve(granted);
        }),
      },
      scripting: {
        executeScript: vi.fn(async (i: Parameters<PlayerApi['scripting']['executeScript']>[0]) => {
          calls.push(i.files ? `inject ${i.target.frameIds?.join(',')}` : 'probe');
          return i.files ? [] : probes;
        }),
      },
    };
    return { api: a as PlayerApi, a, calls };
  };

  it('asks for the player’s origin at once, from the click, then injects into its frames with a video', async () => {
    const {
      api: b,
      a,
      calls,
    } = api(true, [
      { frameId: 0, result: { host: 'talks-blog.example', hasVideo: false } },
      { frameId: 4, result: { host: 'player.vimeo.com', hasVideo: true } },
    ]);
    const done = enablePlayer(b, 12, vimeo);
    // Synchronously, before anything was awaited: the user gesture is still there.
    expect(a.permissions.request).toHaveBeenCalledWith({ origins: ['*://player.vimeo.com/*'] });
    expect(await done).toEqual({ ok: true });
    expect(calls).toEqual(['request *://player.vimeo.com/*', 'probe', 'inject 4']);
    expect(a.scripting.executeScript).toHaveBeenLastCalledWith({
      target: { tabId: 12, frameIds: [4] },
      files: ['content.js'],
    });
  });

  it('refused: says so and injects nothing', async () => {
    const { api: b, calls } = api(false, []);
    const r = await enablePlayer(b, 12, vimeo);
    expect(r).toEqual({
      ok: false,
      text: 'Talkmark was not allowed to read player.vimeo.com: nothing changed, and it doesn’t run in the Vimeo player.',
    });
    expect(calls).toEqual(['request *://player.vimeo.com/*']);
  });

  it('a player without a video: says so and injects nothing', async () => {
    const { api: b, calls } = api(true, [
      { frameId: 4, result: { host: 'player.vimeo.com', hasVideo: false } },
    ]);
    expect(await enablePlayer(b, 12, vimeo)).toEqual({
      ok: false,
      text: 'The Vimeo player on this page has no video to take notes on.',
    });
    expect(calls).toEqual(['request *://player.vimeo.com/*', 'probe']);
  });

  it('the player gone, or the browser failing: a sentence, not an exception', async () => {
    const gone = api(true, [{ frameId: 0, result: { host: 'talks-blog.example', hasVideo: false } }]);
    expect(
      await enablePlayer(gone.api, 12, {
        host: 'media.example',
        src: 'https://media.example/embed/1',
        pattern: '*://media.example/*',
      }),
    ).toEqual({
      ok: false,
      text: 'The player from media.example can’t be reached on this page any more. Reload the page, then try again.',
    });
    const broken = api(true, []);
    broken.a.scripting.executeScript.mockRejectedValueOnce(new Error('No tab with id: 12.'));
    expect(await enablePlayer(broken.api, 12, vimeo)).toEqual({
      ok: false,
      text: 'Talkmark can’t run in the Vimeo player: No tab with id: 12.',
    });
    const throwing = api(true, []);
    throwing.a.permissions.request.mockImplementationOnce(() => {
      throw new Error('permissions.request may only be called from a user input handler');
    });
    expect(await enablePlayer(throwing.api, 12, vimeo)).toEqual({
      ok: false,
      text: 'The browser refused: permissions.request may only be called from a user input handler',
    });
  });
});
