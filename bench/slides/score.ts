// Per-slide scoring of a list of capture times against a video's ground truth (the issue's
// definition): recall = distinct slides captured at least once while on screen (for a build: in
// its final state) / distinct slides; precision = captures that are the first capture of a
// distinct slide / all captures. Captures of camera shots, transitions, unfinished builds and
// repeats all count against precision.
import type { Truth } from './generate';

export interface Score {
  captures: number;
  hits: number;
  slides: number;
  found: number;
  precision: number;
  recall: number;
  f1: number;
}

export function f1Of(precision: number, recall: number): number {
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
}

export function score(captures: readonly number[], truth: Truth): Score {
  const found = new Set<string>();
  let hits = 0;
  for (const t of [...captures].sort((a, b) => a - b)) {
    const at = truth.intervals.find((iv) => t >= iv.start && t < iv.end);
    if (!at?.label || !at.final || found.has(at.label)) continue;
    found.add(at.label);
    hits++;
  }
  const precision = captures.length ? hits / captures.length : 0;
  const recall = truth.slides.length ? found.size / truth.slides.length : 1;
  return {
    captures: captures.length,
    hits,
    slides: truth.slides.length,
    found: found.size,
    precision,
    recall,
    f1: f1Of(precision, recall),
  };
}

/** Totals over videos: precision and recall pooled over all captures and all slides. */
export function pooled(scores: readonly Score[]): Score {
  const sum = (k: 'captures' | 'hits' | 'slides' | 'found') => scores.reduce((a, s) => a + s[k], 0);
  const captures = sum('captures');
  const slides = sum('slides');
  const precision = captures ? sum('hits') / captures : 0;
  const recall = slides ? sum('found') / slides : 1;
  return {
    captures,
    hits: sum('hits'),
    slides,
    found: sum('found'),
    precision,
    recall,
    f1: f1Of(precision, recall),
  };
}
