// Chromium's offscreen document: the page the background opens to read slide text, since a
// service worker can't start the Web Worker tesseract.js runs in. Firefox runs the same queue
// in its background page (src/background/ocr.ts).
import { openStore } from '../store';
import { openEngine } from './engine';
import { startOcrQueue } from './queue';

startOcrQueue(openStore(), openEngine);
