// The slide-area picker: a rectangle over the video picture that the user drags (the body moves
// it, the corners resize it, a drag outside draws a new one) or moves with the arrow keys
// (Shift resizes). Enter accepts, Esc cancels. Pure view: it reports the choice through props.
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { CropRect } from '../../core/slides';
import { dragRect, type Grip, nudgeRect, roundRect, spanRect } from './crop-geometry';

export interface CropPickerProps {
  initial: CropRect;
  onAccept(rect: CropRect): void;
  /** Use the whole frame again (no slide area). */
  onWhole(): void;
  onCancel(): void;
}

interface Drag {
  grip: Grip | 'draw';
  x: number;
  y: number;
  start: CropRect;
}

const grips: Grip[] = ['nw', 'ne', 'sw', 'se'];
const pct = (v: number) => `${(v * 100).toFixed(2)}%`;

export function CropPicker({ initial, onAccept, onWhole, onCancel }: CropPickerProps) {
  const [rect, setRect] = useState(initial);
  const root = useRef<HTMLDivElement>(null);
  const area = useRef<HTMLButtonElement>(null);
  const drag = useRef<Drag | null>(null);
  /** The rectangle as of the last render, for the listeners below. */
  const now = useRef(rect);
  /** Keeps `now` current at once: key repeats arrive faster than renders. */
  const change = (next: CropRect) => {
    now.current = next;
    setRect(next);
  };

  const at = (e: PointerEvent): [number, number] => {
    const box = root.current?.getBoundingClientRect();
    if (!box?.width || !box.height) return [0, 0];
    return [(e.clientX - box.left) / box.width, (e.clientY - box.top) / box.height];
  };
  const down = (grip: Grip | 'draw') => (e: PointerEvent) => {
    e.preventDefault();
    e.stopPropagation();
    const [x, y] = at(e);
    drag.current = { grip, x, y, start: now.current };
    root.current?.setPointerCapture?.(e.pointerId);
  };
  const key = (e: KeyboardEvent) => {
    // Enter and Space on the bar's buttons are theirs.
    if (e.target !== area.current && e.key !== 'Escape') return;
    if (e.key === 'Enter') onAccept(roundRect(now.current));
    else if (e.key === 'Escape') onCancel();
    else {
      const next = nudgeRect(now.current, e.key, e.shiftKey);
      if (!next) return;
      change(next);
    }
    // Ours: the page's own shortcuts (YouTube's arrows seek) must not see it.
    e.preventDefault();
    e.stopPropagation();
  };

  // The drawing surface is a plain element (the keyboard uses the rectangle's button instead),
  // so its pointer and key listeners are attached here rather than as JSX handlers. A layout
  // effect: focus and keys are ready in the same frame the picker first shows, so an Enter
  // pressed at once is not lost on the page.
  useLayoutEffect(() => {
    const el = root.current;
    if (!el) return;
    area.current?.focus();
    const draw = down('draw');
    const move = (e: PointerEvent) => {
      const d = drag.current;
      if (!d) return;
      const [x, y] = at(e);
      change(d.grip === 'draw' ? spanRect(d.x, d.y, x, y) : dragRect(d.start, d.grip, x - d.x, y - d.y));
    };
    const up = () => {
      drag.current = null;
    };
    const life = new AbortController();
    const o = { signal: life.signal };
    el.addEventListener('pointerdown', draw, o);
    el.addEventListener('pointermove', move, o);
    el.addEventListener('pointerup', up, o);
    el.addEventListener('pointercancel', up, o);
    el.addEventListener('keydown', key, o);
    return () => life.abort();
  }, []);
  return (
    <div ref={root} class="picker">
      <button
        ref={area}
        type="button"
        class="area"
        aria-label="Slide area. Arrow keys move it, Shift with arrows resizes it; Enter accepts, Escape cancels."
        style={{ left: pct(rect.x), top: pct(rect.y), width: pct(rect.width), height: pct(rect.height) }}
        onPointerDown={down('move')}
      >
        {grips.map((g) => (
          <span key={g} class={`grip grip-${g}`} onPointerDown={down(g)} />
        ))}
      </button>
      <div class="picker-bar" onPointerDown={(e) => e.stopPropagation()}>
        <span>Drag around the slide, then press Enter.</span>
        <button type="button" class="accept" onClick={() => onAccept(roundRect(rect))}>
          Use this area
        </button>
        <button type="button" class="whole" onClick={onWhole}>
          Whole frame
        </button>
        <button type="button" class="cancel" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}

export const pickerCss = `
:host { all: initial; position: fixed; z-index: 2147483001; }
.picker { position: absolute; inset: 0; overflow: hidden; cursor: crosshair; touch-action: none;
  font: 13px/1.4 system-ui, sans-serif; outline: none; }
.area:focus-visible { border-style: dashed; border-width: 3px; }
.area { position: absolute; box-sizing: border-box; border: 2px solid #8ab4f8; cursor: move; padding: 0;
  background: transparent; outline: none;
  box-shadow: 0 0 0 100vmax rgb(0 0 0 / 0.5); }
.grip { position: absolute; width: 14px; height: 14px; background: #8ab4f8; border: 2px solid #fff;
  border-radius: 50%; box-sizing: border-box; }
.grip-nw { left: -8px; top: -8px; cursor: nwse-resize; }
.grip-ne { right: -8px; top: -8px; cursor: nesw-resize; }
.grip-sw { left: -8px; bottom: -8px; cursor: nesw-resize; }
.grip-se { right: -8px; bottom: -8px; cursor: nwse-resize; }
/* Along the top, centred: the bottom of the picture is where players keep their controls. */
.picker-bar { position: absolute; left: 8px; right: 8px; top: 8px; width: fit-content; margin: 0 auto;
  display: flex; flex-wrap: wrap; gap: 6px; align-items: center; justify-content: center;
  padding: 6px 8px; border-radius: 8px; background: #212121; color: #f1f1f1; cursor: default; }
.picker-bar button { font: inherit; color: inherit; background: transparent; border: 1px solid #5f5f5f;
  border-radius: 6px; padding: 3px 8px; cursor: pointer; }
.picker-bar button:focus-visible { outline: 2px solid #8ab4f8; }
`;
