// Public surface of the slide detector, shared by the content script and the CLI.
export { createSlideDetector, type SlideDetector } from './detector';
export { hammingDistance, type LumaImage, phash } from './phash';
export { type CropRect, type DetectorOptions, type LumaFrame, type SlideEvent, slideDefaults } from './types';
