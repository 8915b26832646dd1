// The site opt-in keeps registered content scripts equal to the optional origins granted.
import { beforeEach, describe, expect, it, vi } from 'vitest';

interface Registered {
  id: string;
  matches: string[];
  allFrames?: boolean;
}

interface Injection {
  target: { tabId: number; allFrames?: boolean; frameIds?: number[] };
  func?: () => unknown;
  files?: string[];
}

const state = {
  granted: [] as string[],
  registered: [] as Registered[],
  tabs: [] as Array<{ id?: number }>,
  /** Per tab: each frame's probe answer, or an error for a tab we may not script. */
  frames: new Map<number, Array<{ frameId: number; result: unknown }> | Error>(),
  injected: [] as Injection[],
};

vi.mock('webextension-polyfill', () => ({
  default: {
    runtime: { getManifest: () => ({ host_permissions: ['*://www.youtube.com/*'] }) },
    permissions: { getAll: async () => ({ origins: state.granted }) },
    tabs: { query: async () => state.tabs },
    scripting: {
      executeScript: async (i: Injection) => {
        const frames = state.frames.get(i.target.tabId);
        if (frames instanceof Error) throw frames;
        if (i.func) return frames ?? [];
        state.injected.push(i);
        return [];
      },
      getRegisteredContentScripts: async () => state.registered,
      registerContentScripts: async (scripts: Registered[]) => {
        state.registered.push(...scripts);
      },
      unregisterContentScripts: async ({ ids }: { ids: string[] }) => {
        state.registered = state.registered.filter((s) => !ids.includes(s.id));
      },
    },
  },
}));

const { enableGrantedInOpenTabs, framesToEnable, syncSiteScripts } = await import(
  '../../../src/background/sites'
);

describe('site opt-in', () => {
  beforeEach(() => {
    state.granted = [];
    state.registered = [{ id: 'other-feature', matches: ['*://x/*'] }];
  });

  it('registers the content script for each granted site, not for the ones the manifest covers', async () => {
    state.granted = ['*://www.youtube.com/*', 'https://vimeo.com/*', 'https://conf.example/*'];
    await syncSiteScripts();
    expect(state.registered.map((s) => s.id).sort()).toEqual([
      'other-feature',
      'site:https://conf.example/*',
      'site:https://vimeo.com/*',
    ]);
    expect(state.registered.find((s) => s.id === 'site:https://vimeo.com/*')?.matches).toEqual([
      'https://vimeo.com/*',
    ]);
  });

  it('removes a site whose permission was revoked, and registers nothing twice', async () => {
    state.granted = ['https://vimeo.com/*', 'https://conf.example/*'];
    await syncSiteScripts();
    state.granted = ['https://conf.example/*'];
    await syncSiteScripts();
    await syncSiteScripts();
    expect(state.registered.map((s) => s.id).sort()).toEqual([
      'other-feature',
      'site:https://conf.example/*',
    ]);
  });

  it('registers for all frames, so a granted player origin runs in its embeds on other pages', async () => {
    state.granted = ['*://player.vimeo.com/*'];
    await syncSiteScripts();
    expect(state.registered.find((s) => s.id === 'site:*://player.vimeo.com/*')).toMatchObject({
      matches: ['*://player.vimeo.com/*'],
      allFrames: true,
    });
  });

  it('replaces a registration made for the top frame only by one for all frames', async () => {
    state.granted = ['https://conf.example/*'];
    state.registered.push({ id: 'site:https://conf.example/*', matches: ['https://conf.example/*'] });
    await syncSiteScripts();
    const ours = state.registered.filter((s) => s.id === 'site:https://conf.example/*');
    expect(ours).toEqual([expect.objectContaining({ allFrames: true })]);
  });
});

describe('a grant starts Talkmark where the site’s video is open now', () => {
  beforeEach(() => {
    state.tabs = [];
    state.frames = new Map();
    state.injected = [];
  });

  const probe = (frameId: number, host: string, hasVideo: boolean) => ({
    frameId,
    result: { host, hasVideo },
  });

  it('injects into the granted host’s frames that have a video, in each open tab, and nowhere else', async () => {
    state.tabs = [{ id: 4 }, { id: 9 }, {}];
    state.frames.set(4, [
      probe(0, 'talks-blog.example', false),
      probe(3, 'player.vimeo.com', true),
      probe(5, 'player.vimeo.com', false),
      probe(6, 'ads.example', true),
    ]);
    state.frames.set(9, new Error('Cannot access contents of the page'));
    await enableGrantedInOpenTabs(['*://player.vimeo.com/*']);
    expect(state.injected).toEqual([{ target: { tabId: 4, frameIds: [3] }, files: ['content.js'] }]);
  });

  it('a site allowed for good starts in its own top frame too', async () => {
    state.tabs = [{ id: 2 }];
    state.frames.set(2, [probe(0, 'conf.example', true)]);
    await enableGrantedInOpenTabs(['https://conf.example/*']);
    expect(state.injected).toEqual([{ target: { tabId: 2, frameIds: [0] }, files: ['content.js'] }]);
  });

  it('matches hosts exactly, or under a "*." pattern, and never takes "every site" from a grant', () => {
    const probes = [
      probe(1, 'vimeo.com', true),
      probe(2, 'player.vimeo.com', true),
      probe(3, 'evilvimeo.com', true),
      probe(4, 'player.vimeo.com.evil.example', true),
    ];
    expect(framesToEnable(['*://player.vimeo.com/*'], probes)).toEqual([2]);
    expect(framesToEnable(['*://*.vimeo.com/*'], probes)).toEqual([1, 2]);
    expect(framesToEnable(['*://*/*', '<all_urls>'], probes)).toEqual([]);
    expect(framesToEnable([], probes)).toEqual([]);
  });
});
