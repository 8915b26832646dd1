// 64-bit DCT perceptual hash (the pHash recipe: 32x32 area average, keep the 8x8 lowest DCT
// frequencies, one bit per coefficient above their median). Near-identical pictures (re-encoded,
// slightly brighter, resized) land within a few bits; different slides land far apart. Small
// text edits barely move it, so the detector compares pixels for slides it has seen itself and
// relies on the hash only for slides captured in earlier sessions.

export interface LumaImage {
  width: number;
  height: number;
  data: Uint8Array;
}

const N = 32;
const K = 8;

// cos((2x + 1) u pi / 2N) for the K frequencies we keep.
const cosTable = (() => {
  const table = new Float64Array(K * N);
  for (let u = 0; u < K; u++) {
    for (let x = 0; x < N; x++) table[u * N + x] = Math.cos(((2 * x + 1) * u * Math.PI) / (2 * N));
  }
  return table;
})();

/** Area-average downscale to 32x32 (nearest pixel when the source is smaller than 32). */
function shrink(image: LumaImage): Float64Array {
  const { width: w, height: h, data } = image;
  const out = new Float64Array(N * N);
  for (let oy = 0; oy < N; oy++) {
    const y0 = Math.floor((oy * h) / N);
    const y1 = Math.max(y0 + 1, Math.floor(((oy + 1) * h) / N));
    for (let ox = 0; ox < N; ox++) {
      const x0 = Math.floor((ox * w) / N);
      const x1 = Math.max(x0 + 1, Math.floor(((ox + 1) * w) / N));
      let sum = 0;
      for (let y = y0; y < y1; y++) {
        const row = y * w;
        for (let x = x0; x < x1; x++) sum += data[row + x] ?? 0;
      }
      out[oy * N + ox] = sum / ((y1 - y0) * (x1 - x0));
    }
  }
  return out;
}

/** The perceptual hash of a luma image as 16 lowercase hex digits. */
export function phash(image: LumaImage): string {
  if (image.width <= 0 || image.height <= 0) return '0'.repeat(16);
  const pixels = shrink(image);
  // Separable DCT, keeping only the K lowest frequencies: rows first, then columns.
  const rows = new Float64Array(N * K);
  for (let y = 0; y < N; y++) {
    for (let u = 0; u < K; u++) {
      let s = 0;
      for (let x = 0; x < N; x++) s += (pixels[y * N + x] ?? 0) * (cosTable[u * N + x] ?? 0);
      rows[y * K + u] = s;
    }
  }
  const coeffs = new Float64Array(K * K);
  for (let v = 0; v < K; v++) {
    for (let u = 0; u < K; u++) {
      let s = 0;
      for (let y = 0; y < N; y++) s += (rows[y * K + u] ?? 0) * (cosTable[v * N + y] ?? 0);
      coeffs[v * K + u] = s;
    }
  }
  const sorted = Float64Array.from(coeffs).sort();
  const median = ((sorted[31] ?? 0) + (sorted[32] ?? 0)) / 2;
  let hex = '';
  for (let nibble = 0; nibble < 16; nibble++) {
    let value = 0;
    for (let b = 0; b < 4; b++) value = (value << 1) | ((coeffs[nibble * 4 + b] ?? 0) > median ? 1 : 0);
    hex += value.toString(16);
  }
  return hex;
}

const popcount4 = [0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4];

/** Number of differing bits between two 16-hex-digit hashes; 64 when either is malformed. */
export function hammingDistance(a: string, b: string): number {
  if (!/^[0-9a-f]{16}$/i.test(a) || !/^[0-9a-f]{16}$/i.test(b)) return 64;
  let d = 0;
  for (let i = 0; i < 16; i++) {
    d += popcount4[Number.parseInt(a[i] ?? '0', 16) ^ Number.parseInt(b[i] ?? '0', 16)] ?? 0;
  }
  return d;
}
