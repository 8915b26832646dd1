// Every malformed or hostile backup gets a clear error, never an exception or a partial result.
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { backupLimits, decodeBackup, encodeBackup } from '../../../src/core/backup';
import { jpegBytes, sampleSnapshot } from './fixture';

const docOf = (overrides: Record<string, unknown> = {}) => {
  const zip = encodeBackup(sampleSnapshot());
  const json = JSON.parse(new TextDecoder().decode(unzipDoc(zip)));
  return { ...json, ...overrides };
};

// The document is always the first entry; read it back without our own decoder.
import { unzipSync } from 'fflate';

const unzipDoc = (zip: Uint8Array) => unzipSync(zip)['backup.json'] as Uint8Array;

/** A backup built from parts, with the sample's images unless told otherwise. */
function zipOf(doc: unknown, extra: Record<string, Uint8Array> = {}, withImages = true): Uint8Array {
  const files: Record<string, Uint8Array> = { 'backup.json': strToU8(JSON.stringify(doc)) };
  if (withImages) for (const img of sampleSnapshot().images) files[`images/${img.id}.jpg`] = img.bytes;
  return zipSync({ ...files, ...extra });
}

function expectError(bytes: Uint8Array, fragment: string | RegExp, caps = backupLimits) {
  const result = decodeBackup(bytes, caps);
  expect(result.ok).toBe(false);
  if (!result.ok) expect(result.error).toMatch(fragment);
}

/** Overwrites a 32-bit field of the central directory record for `name`. */
function patchCentral(zip: Uint8Array, name: string, offset: number, value: number): Uint8Array {
  const out = zip.slice();
  const dv = new DataView(out.buffer);
  const needle = strToU8(name);
  for (let p = 0; p < out.length - 46; p++) {
    if (dv.getUint32(p, true) !== 0x02014b50) continue;
    const len = dv.getUint16(p + 28, true);
    const found = out.subarray(p + 46, p + 46 + len);
    if (len === needle.length && found.every((b, i) => b === needle[i])) {
      dv.setUint32(p + offset, value, true);
      return out;
    }
  }
  throw new Error(`no central entry ${name}`);
}

describe('decodeBackup refuses', () => {
  it('an empty file and a file that is not a zip', () => {
    expectError(new Uint8Array(0), 'empty');
    expectError(strToU8('<html>hello, this is not a zip at all, not even close</html>'), 'not a zip file');
  });

  it('a truncated file', () => {
    const zip = encodeBackup(sampleSnapshot());
    expectError(zip.subarray(0, zip.length >> 1), 'truncated');
    expectError(zip.subarray(0, zip.length - 30), /truncated|corrupt|not a zip/);
  });

  it('a corrupted byte inside an entry (checksum)', () => {
    const zip = encodeBackup(sampleSnapshot());
    const bad = zip.slice();
    const at = bad.length - 2000; // inside the stored image data
    bad[at] = (bad[at] as number) ^ 0xff;
    expectError(bad, /corrupt|not a image/);
  });

  it('a zip without backup.json', () => {
    expectError(zipSync({ 'images/i_0000000000000001.jpg': jpegBytes(10) }), 'backup.json is missing');
  });

  it('a document that is not JSON, or not ours', () => {
    expectError(zipSync({ 'backup.json': strToU8('{"format": ') }), 'not valid JSON');
    expectError(zipOf({ hello: 1 }), 'not a Talkmark backup document');
  });

  it('a newer format version', () => {
    expectError(zipOf(docOf({ version: 2 })), 'made by a newer Talkmark');
  });

  it('wrong types, naming the field', () => {
    const doc = docOf();
    doc.notes[2].time = '90';
    expectError(zipOf(doc), 'notes[2].time must be a finite number');
    const doc2 = docOf();
    doc2.talks[0].speakers = 'Grace';
    expectError(zipOf(doc2), 'talks[0].speakers must be an array');
    const doc3 = docOf();
    doc3.notes[0].text = 'x'.repeat(100_001);
    expectError(zipOf(doc3), 'notes[0].text is too long');
  });

  it('path traversal and unexpected names', () => {
    expectError(zipOf(docOf(), { '../evil.sh': strToU8('rm -rf') }), 'unsafe file name');
    expectError(zipOf(docOf(), { 'images/../../evil': strToU8('x') }), 'unsafe file name');
    expectError(zipOf(docOf(), { '/etc/passwd': strToU8('x') }), 'unsafe file name');
    expectError(zipOf(docOf(), { 'readme.txt': strToU8('x') }), 'unexpected file "readme.txt"');
    expectError(zipOf(docOf(), { 'images/i_0000000000000009.jpg': jpegBytes(4) }), 'unexpected file');
  });

  it('an image file name that does not match its record', () => {
    const doc = docOf();
    doc.images[0].file = '../../x.jpg';
    expectError(zipOf(doc), 'images[0].file must be "images/i_0000000000000001.jpg"');
  });

  it('too many entries, counted before unpacking', () => {
    expectError(encodeBackup(sampleSnapshot()), 'too many files (3, at most 2)', {
      ...backupLimits,
      maxEntries: 2,
    });
  });

  it('too many records', () => {
    expectError(encodeBackup(sampleSnapshot()), 'notes has too many items', { ...backupLimits, notes: 3 });
  });

  it('absurd declared sizes, before unpacking', () => {
    const zip = encodeBackup(sampleSnapshot());
    expectError(patchCentral(zip, 'backup.json', 24, 0xfffffff0), 'too large');
    // The file fits the cap, its unpacked content doesn't.
    expectError(zip, 'too large once unpacked', { ...backupLimits, maxTotalBytes: zip.length + 10 });
  });

  it('a zip bomb whose declared size lies', () => {
    const bomb = zipSync({ 'backup.json': [new Uint8Array(20_000_000).fill(32), { level: 6 }] });
    expect(bomb.length).toBeLessThan(50_000);
    expectError(patchCentral(bomb, 'backup.json', 24, 1000), 'unpacks to more than its declared 1000 bytes');
  }, 20_000);

  it('references to missing talks, posts and images', () => {
    const doc = docOf();
    doc.notes[0].talkId = 't_00000000000000ff';
    expectError(zipOf(doc), 'belongs to talk t_00000000000000ff, which is missing');
    const doc2 = docOf();
    doc2.images = doc2.images.slice(1);
    expectError(zipOf(doc2, {}, false), /image i_0000000000000001, which is missing|unexpected file/);
    const doc3 = docOf();
    doc3.talks[2].postId = 'p_00000000000000ff';
    expectError(zipOf(doc3), 'belongs to post p_00000000000000ff');
    const doc4 = docOf();
    doc4.posts[0].sections[0].talkIds.push('t_00000000000000aa');
    expectError(zipOf(doc4), 'lists talk t_00000000000000aa, which is missing');
  });

  it('duplicate ids', () => {
    const doc = docOf();
    doc.notes.push(doc.notes[0]);
    expectError(zipOf(doc), 'note id n_0000000000000001 is used twice');
  });

  it('image bytes that are not the declared type or size', () => {
    const html = strToU8('<script>alert(1)</script>');
    const doc = docOf();
    doc.images[1].size = html.length;
    expectError(zipOf(doc, { 'images/i_0000000000000002.jpg': html }), 'is not a image/jpeg image');
    const doc2 = docOf();
    doc2.images[1].size = 999;
    expectError(zipOf(doc2), 'has 303 bytes but its record says 999');
  });
});
