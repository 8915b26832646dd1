import { describe, expect, it } from 'vitest';
import { hammingDistance, phash } from '../../../src/core/slides/index';
import { degrade, H, rng, slide, W } from './synth';

const image = (data: Uint8Array, width = W, height = H) => ({ width, height, data });

/** The same slide drawn at twice the size (each pixel doubled). */
function doubled(data: Uint8Array): Uint8Array {
  const out = new Uint8Array(W * 2 * H * 2);
  for (let y = 0; y < H * 2; y++)
    for (let x = 0; x < W * 2; x++) out[y * W * 2 + x] = data[(y >> 1) * W + (x >> 1)] ?? 0;
  return out;
}

describe('phash', () => {
  const a = slide(['INTRODUCTION', '- WHY STREAMS', '- WHAT BROKE']);
  const b = slide(['ARCHITECTURE', '- PRODUCERS WRITE LOGS', '- WORKERS CONSUME']);

  it('is 16 hex digits and stable', () => {
    expect(phash(image(a))).toMatch(/^[0-9a-f]{16}$/);
    expect(phash(image(a))).toBe(phash(image(a.slice())));
  });

  it('stays within a few bits under brightness change, noise and resizing', () => {
    const h = phash(image(a));
    expect(hammingDistance(h, phash(image(degrade(a, 0.9, 12, 2, rng(9)))))).toBeLessThanOrEqual(4);
    expect(hammingDistance(h, phash(image(doubled(a), W * 2, H * 2)))).toBeLessThanOrEqual(4);
  });

  it('puts different slides far apart', () => {
    expect(hammingDistance(phash(image(a)), phash(image(b)))).toBeGreaterThan(10);
  });
});

describe('hammingDistance', () => {
  it('counts differing bits', () => {
    expect(hammingDistance('0000000000000000', 'ffffffffffffffff')).toBe(64);
    expect(hammingDistance('0000000000000001', '0000000000000003')).toBe(1);
    expect(hammingDistance('8000000000000000', '0000000000000000')).toBe(1);
    expect(hammingDistance('abcdef0123456789', 'ABCDEF0123456789')).toBe(0);
  });

  it('treats malformed hashes as maximally different', () => {
    expect(hammingDistance('xyz', '0000000000000000')).toBe(64);
  });
});
