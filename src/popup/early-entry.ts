// popup-early.js (a classic script in popup.html's <head>): see early.ts.
import { earlyPopup } from './early';

earlyPopup();
