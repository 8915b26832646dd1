import { describe, expect, it } from 'vitest';
import { decodeBackup, encodeBackup } from '../../../src/core/backup';
import { sampleSnapshot } from './fixture';

describe('backup codec round trip', () => {
  it('decodes what it encodes, image bytes included', () => {
    const snapshot = sampleSnapshot();
    const decoded = decodeBackup(encodeBackup(snapshot));
    expect(decoded).toEqual({ ok: true, value: snapshot });
  });

  it('round-trips an empty store', () => {
    const empty = { posts: [], talks: [], notes: [], images: [] };
    expect(decodeBackup(encodeBackup(empty))).toEqual({ ok: true, value: empty });
  });

  it('is reproducible for a fixed creation date', () => {
    const a = encodeBackup(sampleSnapshot(), { createdAt: '2026-05-03T10:00:00Z' });
    const b = encodeBackup(sampleSnapshot(), { createdAt: '2026-05-03T10:00:00Z' });
    expect(a).toEqual(b);
  });
});
