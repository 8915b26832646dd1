import { describe, expect, it } from 'vitest';
import { chaptersFromDescription } from '../../../src/core/chapters';
import { formatSpeakers, guessSpeakers, parseSpeakers, splitTalkTitle } from '../../../src/core/speakers';
import { momentUrl, youTubeVideoId } from '../../../src/core/video-url';

describe('speakers from titles', () => {
  it.each([
    [
      'Shipping Small Things Fast - Ada Example, Example Corp',
      [{ name: 'Ada Example', org: 'Example Corp' }],
    ],
    ['Caching Without Tears | Bo Li (Cache Co)', [{ name: 'Bo Li', org: 'Cache Co' }]],
    ['Keynote: The Future by Jane Doe', [{ name: 'Jane Doe' }]],
    [
      'Panel - Ann Lee & Raj Patel, Acme',
      [
        { name: 'Ann Lee', org: 'Acme' },
        { name: 'Raj Patel', org: 'Acme' },
      ],
    ],
    ['Just a title', []],
    ['Intro to Rust - 2024 edition', []],
  ])('%s', (title, speakers) => {
    expect(guessSpeakers(title)).toEqual(speakers);
  });

  it.each([
    ['Shipping Small Things Fast - Ada Example, Example Corp', 'Shipping Small Things Fast'],
    ['A - B: Part Two - Bo Li, Staff Engineer, Cache Co', 'A - B: Part Two'],
    ['Keynote: The Future by Jane Doe', 'Keynote: The Future'],
    ['Intro to Rust - 2024 edition', 'Intro to Rust - 2024 edition'],
  ])('keeps "%s" as the title "%s" once the speakers are taken out', (raw, title) => {
    expect(splitTalkTitle(raw).title).toBe(title);
  });

  it('reads a role between the name and the organisation', () => {
    expect(splitTalkTitle('Talk - Bo Li, Staff Engineer, Cache Co').speakers).toEqual([
      { name: 'Bo Li', role: 'Staff Engineer', org: 'Cache Co' },
    ]);
  });

  it('round-trips the panel’s editable form, commas inside parentheses included', () => {
    const speakers = [{ name: 'Jane Doe', org: 'Acme, Inc.' }, { name: 'Bo Li' }];
    expect(formatSpeakers(speakers)).toBe('Jane Doe (Acme, Inc.), Bo Li');
    expect(parseSpeakers(formatSpeakers(speakers))).toEqual(speakers);
    expect(parseSpeakers(' ,  ; ')).toEqual([]);
  });
});

describe('chapters from a description', () => {
  it('reads timestamps that start at 0:00, at least three, in order', () => {
    expect(chaptersFromDescription('0:00 Intro\n1:02:03 - Late\n(5:00) Middle')).toEqual([]);
    expect(chaptersFromDescription('Hello\n0:00 Intro\n5:00 - Middle\n1:02:03 Late')).toEqual([
      { start: 0, title: 'Intro' },
      { start: 300, title: 'Middle' },
      { start: 3723, title: 'Late' },
    ]);
    expect(chaptersFromDescription('1:00 a\n2:00 b\n3:00 c')).toEqual([]);
  });
});

describe('video urls', () => {
  it('reads YouTube ids and links to a moment', () => {
    expect(youTubeVideoId('https://youtu.be/dQw4w9WgXcQ?t=3')).toBe('dQw4w9WgXcQ');
    expect(youTubeVideoId('https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ')).toBe('dQw4w9WgXcQ');
    expect(youTubeVideoId('https://evil.example/watch?v=dQw4w9WgXcQ')).toBeNull();
    expect(momentUrl({ site: 'youtube', videoId: 'dQw4w9WgXcQ', url: '' }, 42.9)).toBe(
      'https://youtu.be/dQw4w9WgXcQ?t=42',
    );
  });
});
