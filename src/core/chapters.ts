// Chapters from the timestamps creators put in descriptions ("0:00 Intro", "12:34 - Demo").
import type { Chapter } from './model';
import { parseTime } from './time';

export function chaptersFromDescription(description: string): Chapter[] {
  const chapters: Chapter[] = [];
  for (const line of description.split('\n')) {
    const m = /^\s*[([]?((?:\d{1,2}:)?\d{1,2}:\d{2})[)\]]?\s*[-–—:]?\s*(.+?)\s*$/.exec(line);
    if (!m?.[1] || !m[2]) continue;
    const start = parseTime(m[1]);
    if (start === null) continue;
    chapters.push({ start, title: m[2] });
  }
  // YouTube only treats a list as chapters when it starts at 0:00 and has at least 3.
  if (chapters.length < 3 || chapters[0]?.start !== 0) return [];
  return chapters.every((c, i) => i === 0 || c.start > (chapters[i - 1]?.start ?? 0)) ? chapters : [];
}
