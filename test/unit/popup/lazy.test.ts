// The popup's files loaded on first use: loaded once, a failed load said plainly (not a bare
// TypeError) and tried again on the next call.
import { describe, expect, it, vi } from 'vitest';
import { failure, NotLoaded, onFirstUse } from '../../../src/popup/lazy';

describe('files loaded on first use', () => {
  it('loads once and hands every caller the same module', async () => {
    const importer = vi.fn(async () => ({ exportPost: () => 'md' }));
    const load = onFirstUse(importer, 'export the post');
    const [a, b] = await Promise.all([load(), load()]);
    expect(a).toBe(b);
    expect(await load()).toBe(a);
    expect(importer).toHaveBeenCalledTimes(1);
  });

  it('says what could not be done and what to do, then tries again on the next call', async () => {
    const importer = vi
      .fn<() => Promise<{ ok: true }>>()
      .mockRejectedValueOnce(
        new TypeError(
          'Failed to fetch dynamically imported module: chrome-extension://x/popup-lazy/store.js',
        ),
      )
      .mockResolvedValueOnce({ ok: true });
    const load = onFirstUse(importer, 'change your posts');
    const e = await load().catch((x: unknown) => x);
    expect(e).toBeInstanceOf(NotLoaded);
    const text = failure(e);
    expect(text).toMatch(/^Talkmark could not load what it needs to change your posts/);
    expect(text).toContain('popup-lazy/store.js');
    expect(text).toMatch(/close the popup and open it again/);
    expect(await load()).toEqual({ ok: true });
    expect(importer).toHaveBeenCalledTimes(2);
  });

  it('says any other failure as it is', () => {
    expect(failure(new Error('disk full'))).toBe('Something went wrong: disk full');
    expect(failure('odd')).toBe('Something went wrong: odd');
  });
});
