// The site opt-in keeps registered content scripts equal to the optional origins granted.
import { beforeEach, describe, expect, it, vi } from 'vitest';

interface Registered {
  id: string;
  matches: string[];
  allFrames?: boolean;
}

const state = { granted: [] as string[], registered: [] as Registered[] };

vi.mock('webextension-polyfill', () => ({
  default: {
    runtime: { getManifest: () => ({ host_permissions: ['*://www.youtube.com/*'] }) },
    permissions: { getAll: async () => ({ origins: state.granted }) },
    scripting: {
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

const { syncSiteScripts } = await import('../../../src/background/sites');

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
