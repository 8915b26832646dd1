/** "1:02:03" or "2:03" for a time in seconds (floored). */
export function formatTime(seconds: number): string {
  const total = Math.max(0, Math.floor(Number.isFinite(seconds) ? seconds : 0));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** Parses "1:02:03", "2:03", "42", "1h2m3s", "2m3s", "42s"; null when it isn't a time. */
export function parseTime(text: string): number | null {
  const t = text.trim();
  if (/^\d+(:\d{1,2}){0,2}$/.test(t)) {
    return t.split(':').reduce((acc, part) => acc * 60 + Number(part), 0);
  }
  const m = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(t);
  if (m && (m[1] || m[2] || m[3])) {
    return Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0);
  }
  return null;
}
