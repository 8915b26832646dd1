// Where the panel goes and what a screenshot crops: pure geometry. And settings read back safely.
import { describe, expect, it } from 'vitest';
import { overlayCovers } from '../../../src/content/panel/placement';
import { readSettings } from '../../../src/content/settings';
import { pictureRect, visiblePart } from '../../../src/content/slide';

describe('capture geometry', () => {
  it('finds the picture inside a letterboxed or pillarboxed element', () => {
    expect(pictureRect({ x: 40, y: 40, width: 640, height: 400 }, 1280, 720)).toEqual({
      x: 40,
      y: 60,
      width: 640,
      height: 360,
    });
    expect(pictureRect({ x: 0, y: 0, width: 800, height: 360 }, 1280, 720)).toEqual({
      x: 80,
      y: 0,
      width: 640,
      height: 360,
    });
  });

  it('keeps only the part in the viewport, or none', () => {
    expect(visiblePart({ x: -10, y: 700, width: 100, height: 200 }, 1280, 800)).toEqual({
      x: 0,
      y: 700,
      width: 90,
      height: 100,
    });
    expect(visiblePart({ x: 0, y: 3000, width: 640, height: 360 }, 1280, 800)).toBeNull();
  });

  it('folds the overlay when it would cover the video', () => {
    expect(overlayCovers({ left: 24, top: 24, right: 664, bottom: 384 }, 1280, 800)).toBe(false);
    expect(overlayCovers({ left: 0, top: 0, right: 1280, bottom: 720 }, 1280, 800)).toBe(true);
  });
});

describe('page settings', () => {
  it('reads stored values and falls back field by field', () => {
    expect(readSettings(undefined, undefined)).toMatchObject({
      captureFormat: 'image/jpeg',
      pauseWhileTyping: false,
      inPageKeys: true,
    });
    const s = readSettings(
      { captureFormat: 'image/webp', captureQuality: 7, captureMaxWidth: 1280 },
      { pauseWhileTyping: true, inPageKeys: 'yes' },
    );
    expect(s).toMatchObject({
      captureFormat: 'image/webp',
      captureQuality: 0.9,
      captureMaxWidth: 1280,
      pauseWhileTyping: true,
      inPageKeys: true,
    });
  });
});
