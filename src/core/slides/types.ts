// Shared shapes and settings of the slide detector. The page's sampling loop and the CLI both read
// `slideDefaults`, so a capture made in the browser and one made by `talkmark slides` agree.

/** A downscaled luma (Y, 0..255) frame, row-major, `width * height` bytes. */
export interface LumaFrame {
  /** Seconds from the start of the video. */
  t: number;
  width: number;
  height: number;
  data: Uint8Array;
}

/** A rectangle in fractions of the frame (0..1), e.g. the slide area of a picture-in-picture layout. */
export interface CropRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** "A new slide has settled": emitted once per distinct slide. */
export interface SlideEvent {
  /** Time of the frame that confirmed the slide (the frame to save as the image). */
  t: number;
  /** When the slide first looked this way (the natural time for the note). */
  shownAt: number;
  /** 64-bit perceptual hash of the slide area, 16 hex digits; store it to seed later sessions. */
  phash: string;
  /** The frame as pushed (full frame, not cropped). */
  frame: LumaFrame;
  /**
   * Set when this slide is the next step of an incremental build of the previous capture: the
   * page replaces the capture taken at this time instead of adding a new one.
   */
  replaces?: number;
}

export const slideDefaults = {
  /** Frames sampled per second while the video plays (the extension and the CLI). */
  sampleFps: 2,
  /** Size of the luma frames fed to the detector. */
  width: 160,
  height: 90,
  /** 0..1: higher catches smaller differences (a single changed digit) at the risk of noise. */
  sensitivity: 0.5,
  /** How long the slide area must stay unchanged before it counts as settled. */
  settleSeconds: 1,
  /** Only look at this part of the frame (picture-in-picture); null = find it automatically. */
  crop: null as CropRect | null,
  /** Perceptual hashes of slides already captured for this talk (never captured again). */
  knownHashes: [] as readonly string[],
};

export type DetectorOptions = typeof slideDefaults;
