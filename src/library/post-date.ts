// A post's date is local wall time plus its UTC offset ("2026-05-03T08:30:00+02:00"), the
// way blog front matter wants it; the editor shows the two parts separately.

export function splitDate(iso: string): { local: string; zone: string } {
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/.exec(iso);
  if (!m) return { local: iso.slice(0, 16), zone: '+00:00' };
  return { local: m[1] as string, zone: !m[2] || m[2] === 'Z' ? '+00:00' : m[2] };
}

export function joinDate(local: string, zone: string): string {
  return `${local}:00${zone}`;
}

/** Every offset in use worldwide, -12:00 to +14:00 in quarter hours. */
export const zones: string[] = Array.from({ length: (14 + 12) * 4 + 1 }, (_, i) => {
  const minutes = -12 * 60 + i * 15;
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
});

/** "a, b ,, c" -> ["a", "b", "c"] */
export const splitList = (text: string): string[] =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
