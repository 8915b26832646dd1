// Defaults for new records: a slug from the title and a date in the user's own time zone.
import { newId } from '../core/ids';
import type { Section } from '../core/model';

/** "2026-05-03T08:30:00+02:00": local wall time with its offset, as blog front matter wants it. */
export function localIsoDate(d: Date = new Date()): string {
  const pad = (n: number) => String(Math.floor(Math.abs(n))).padStart(2, '0');
  const offset = -d.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  return (
    `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}` +
    `T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}` +
    `${sign}${pad(offset / 60)}:${pad(offset % 60)}`
  );
}

/** "KubeCon EU — Day 2" -> "kubecon-eu-day-2"; "post" when nothing usable is left. */
export function slugify(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return slug || 'post';
}

export function defaultSections(): Section[] {
  return [{ id: newId('section'), title: 'Talks', talkIds: [] }];
}

/** A timestamp for createdAt/updatedAt (UTC; sorting and comparing need no zone). */
export const now = (): string => new Date().toISOString();
