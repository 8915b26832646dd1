// @vitest-environment happy-dom
// A bare <video> in fullscreen: which keys move fullscreen to its parent, when that fullscreen
// is over, and the video's inline style put back exactly (or, if the page changed it meanwhile,
// only our part undone).
import { describe, expect, it } from 'vitest';
import {
  fillDeclarations,
  fillScreen,
  needsSwitch,
  restoreStyle,
  switchEnded,
} from '../../../src/content/video-fullscreen';

const video = () => document.createElement('video');

describe('which keys move fullscreen off a bare video', () => {
  it('note, quote and panel keys do while a <video> is the fullscreen element', () => {
    const v = video();
    expect(needsSwitch('add-note', v)).toBe(true);
    expect(needsSwitch('quote-caption', v)).toBe(true);
    expect(needsSwitch('toggle-panel', v)).toBe(true);
  });

  it('a capture or the auto-capture switch never do: they need no panel', () => {
    const v = video();
    expect(needsSwitch('capture-slide', v)).toBe(false);
    expect(needsSwitch('toggle-auto-capture', v)).toBe(false);
  });

  it('nothing moves when nothing or a container is fullscreen (the panel already fits there)', () => {
    expect(needsSwitch('add-note', null)).toBe(false);
    expect(needsSwitch('add-note', document.createElement('div'))).toBe(false);
  });
});

describe('when the fullscreen we made is over', () => {
  const wrapper = document.createElement('div');
  const v = video();
  wrapper.append(v);

  it('is over when nothing is fullscreen, or something else is', () => {
    expect(switchEnded(null, wrapper, v)).toBe(true);
    expect(switchEnded(document.createElement('section'), wrapper, v)).toBe(true);
  });

  it('is not over while the wrapper, or the video above it, is fullscreen', () => {
    expect(switchEnded(wrapper, wrapper, v)).toBe(false);
    expect(switchEnded(v, wrapper, v)).toBe(false);
  });
});

describe("the video's inline style", () => {
  it('fills the screen with every declaration, each !important', () => {
    const v = video();
    fillScreen(v);
    for (const [name] of fillDeclarations) {
      expect(v.style.getPropertyValue(name), name).not.toBe('');
      expect(v.style.getPropertyPriority(name), name).toBe('important');
    }
    expect(v.style.getPropertyValue('position')).toBe('fixed');
  });

  it('comes back character for character when the page left it alone', () => {
    const v = video();
    const original = 'border: 3px solid red; width: 600px !important; position: relative';
    v.setAttribute('style', original);
    const saved = fillScreen(v);
    expect(v.getAttribute('style')).not.toBe(original);
    restoreStyle(v, saved);
    expect(v.getAttribute('style')).toBe(original);
  });

  it('goes away again when there was none', () => {
    const v = video();
    const saved = fillScreen(v);
    expect(v.hasAttribute('style')).toBe(true);
    restoreStyle(v, saved);
    expect(v.hasAttribute('style')).toBe(false);
  });

  it("keeps the page's own changes made while fullscreen, undoing only ours", () => {
    const v = video();
    v.setAttribute('style', 'width: 600px; opacity: 0.5');
    const saved = fillScreen(v);
    // The page's player changes the video meanwhile: a new property, and one of ours.
    v.style.setProperty('outline-color', 'blue');
    v.style.setProperty('height', '300px');
    restoreStyle(v, saved);
    expect(v.style.getPropertyValue('width')).toBe('600px');
    expect(v.style.getPropertyPriority('width')).toBe('');
    expect(v.style.getPropertyValue('opacity')).toBe('0.5');
    expect(v.style.getPropertyValue('outline-color')).toBe('blue');
    expect(v.style.getPropertyValue('height')).toBe('300px');
    expect(v.style.getPropertyValue('position')).toBe('');
    expect(v.style.getPropertyValue('z-index')).toBe('');
  });
});
