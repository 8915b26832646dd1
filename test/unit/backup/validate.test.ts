import { describe, expect, it } from 'vitest';
import { validateImageMeta, validateNote, validatePost, validateTalk } from '../../../src/core/validate';
import {
  validateNewNote,
  validateNewTalk,
  validateNotePatch,
  validatePostPatch,
} from '../../../src/core/validate-patch';
import { sampleSnapshot } from './fixture';

const s = sampleSnapshot();
const note = s.notes[2];
const errorOf = (r: { ok: boolean; error?: string }) => (r.ok ? 'ok' : r.error);

describe('model validators', () => {
  it('accept every record of the sample and return equal copies', () => {
    for (const p of s.posts) expect(validatePost(p)).toEqual({ ok: true, value: p });
    for (const t of s.talks) expect(validateTalk(t)).toEqual({ ok: true, value: t });
    for (const n of s.notes) expect(validateNote(n)).toEqual({ ok: true, value: n });
    for (const { bytes: _, ...m } of s.images) expect(validateImageMeta(m)).toEqual({ ok: true, value: m });
  });

  it('drop unknown fields from whole records', () => {
    const r = validateNote({ ...note, evil: '<script>' });
    expect(r.ok && 'evil' in r.value).toBe(false);
  });

  it('name the field and the rule', () => {
    expect(errorOf(validateNote({ ...note, time: -1 }))).toBe(
      'note.time must be between 0 and 315360000, not -1',
    );
    expect(errorOf(validateNote({ ...note, time: Number.NaN }))).toBe(
      'note.time must be a finite number ≥ 0',
    );
    expect(errorOf(validateNote({ ...note, kind: 'video' }))).toContain('note.kind must be one of "text"');
    expect(errorOf(validateNote({ ...note, talkId: note?.id }))).toContain('note.talkId must be a talk id');
    expect(errorOf(validateNote({ ...note, createdAt: 'yesterday' }))).toContain(
      'note.createdAt must be an ISO 8601',
    );
    expect(errorOf(validateNote({ ...note, createdAt: '2026-02-31' }))).toContain('ISO 8601');
    expect(errorOf(validateNote(null))).toBe('note must be an object, not null');
    expect(errorOf(validateTalk({ ...s.talks[0], speakers: [{ name: '' }] }))).toBe(
      'talk.speakers[0].name must not be empty',
    );
    expect(errorOf(validatePost({ ...s.posts[0], tags: Array(201).fill('x') }))).toContain(
      'too many items (201',
    );
    expect(errorOf(validateImageMeta({ ...s.images[0], phash: 'XYZ' }))).toContain('phash');
  });
});

describe('patch and new-object validators', () => {
  it('accept partial edits and null to clear an optional field', () => {
    expect(validateNotePatch({ text: 'hi', speaker: null })).toEqual({
      ok: true,
      value: { text: 'hi', speaker: null },
    });
    expect(validatePostPatch({ coverImageId: null, title: 'T' }).ok).toBe(true);
  });

  it('refuse unknown fields and fields that must not change', () => {
    expect(errorOf(validateNotePatch({ txt: 'typo' }))).toBe('note patch has an unknown field "txt"');
    expect(errorOf(validateNotePatch({ talkId: 't_0000000000000001' }))).toContain('unknown field "talkId"');
    expect(errorOf(validateNotePatch({ text: null }))).toContain('note patch.text must be a string');
  });

  it('validate new notes and talks without ids or dates', () => {
    expect(validateNewNote({ talkId: 't_0000000000000001', time: 3, kind: 'text', text: '' }).ok).toBe(true);
    expect(errorOf(validateNewNote({ talkId: 't_0000000000000001', time: 3, kind: 'text' }))).toBe(
      'new note.text must be a string, not missing',
    );
    const talk = validateNewTalk({
      postId: 'p_0000000000000001',
      url: 'https://youtu.be/x',
      site: 'youtube',
      videoId: 'dQw4w9WgXcQ',
      title: 'T',
      label: null,
    });
    expect(talk).toEqual({
      ok: true,
      value: {
        postId: 'p_0000000000000001',
        url: 'https://youtu.be/x',
        site: 'youtube',
        videoId: 'dQw4w9WgXcQ',
        title: 'T',
      },
    });
  });
});
