// Which slides an export re-encodes, and the settings that ask for it.
import { describe, expect, it } from 'vitest';
import { needsReencode } from '../../../src/library/reencode';
import { defaultSettings, readSettings } from '../../../src/ui/settings';

describe('export image settings', () => {
  const jpeg1080 = { mime: 'image/jpeg' as const, width: 1920 };

  it('keeps slides as captured by default', () => {
    const s = readSettings(undefined);
    expect(
      needsReencode(jpeg1080, {
        format: s.exportImageFormat,
        maxWidth: s.exportImageMaxWidth,
        quality: 0.85,
      }),
    ).toBe(false);
  });

  it('re-encodes a slide of another format or wider than asked, and only those', () => {
    expect(needsReencode(jpeg1080, { format: 'image/webp', maxWidth: 0, quality: 0.8 })).toBe(true);
    expect(needsReencode(jpeg1080, { format: 'image/jpeg', maxWidth: 0, quality: 0.8 })).toBe(false);
    expect(needsReencode(jpeg1080, { format: 'keep', maxWidth: 1280, quality: 0.8 })).toBe(true);
    expect(
      needsReencode({ ...jpeg1080, width: 1280 }, { format: 'keep', maxWidth: 1280, quality: 0.8 }),
    ).toBe(false);
  });

  it('reads stored values field by field, a bad one at its default', () => {
    const s = readSettings({
      exportImageFormat: 'image/webp',
      exportImageMaxWidth: 1280,
      exportImageQuality: 2,
    });
    expect(s.exportImageFormat).toBe('image/webp');
    expect(s.exportImageMaxWidth).toBe(1280);
    expect(s.exportImageQuality).toBe(defaultSettings.exportImageQuality);
    expect(
      readSettings({ exportImageFormat: 'image/gif', exportImageMaxWidth: 12 }).exportImageMaxWidth,
    ).toBe(0);
    expect(readSettings({ exportImageFormat: 'image/gif' }).exportImageFormat).toBe('keep');
  });
});
