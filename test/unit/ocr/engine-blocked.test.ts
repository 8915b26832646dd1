// Where WebAssembly can't run, the engine says so (WasmBlocked, which the queue records for
// the panel and the library) before it starts tesseract.js's worker: that worker never answers
// when its core fails to compile, so a browser with wasm compilers off would wait for ever.
import { afterEach, describe, expect, it, vi } from 'vitest';

const createWorker = vi.fn(async () => {
  throw new Error('the worker was started');
});
vi.mock('tesseract.js', () => ({ createWorker, OEM: { LSTM_ONLY: 1 } }));
vi.mock('webextension-polyfill', () => ({ default: { runtime: { getURL: (p: string) => `ext:/${p}` } } }));

const { openEngine, WasmBlocked } = await import('../../../src/ocr/engine');

afterEach(() => {
  vi.unstubAllGlobals();
  createWorker.mockClear();
});

describe('the OCR engine where WebAssembly is blocked', () => {
  it('says WebAssembly is missing when there is none', async () => {
    vi.stubGlobal('WebAssembly', undefined);
    await expect(openEngine()).rejects.toThrow(
      new WasmBlocked('WebAssembly is not available in this browser.'),
    );
    expect(createWorker).not.toHaveBeenCalled();
  });

  it('says why when WebAssembly is there but can’t compile, without starting the worker', async () => {
    vi.stubGlobal('WebAssembly', {
      compile: async () => {
        throw new Error('no WebAssembly compiler available');
      },
    });
    const opened = openEngine();
    await expect(opened).rejects.toBeInstanceOf(WasmBlocked);
    await expect(opened).rejects.toThrow('WebAssembly can’t run here: no WebAssembly compiler available');
    expect(createWorker).not.toHaveBeenCalled();
  });

  it('starts the worker where WebAssembly compiles', async () => {
    const opened = openEngine();
    await expect(opened).rejects.toThrow('the worker was started');
    expect(createWorker).toHaveBeenCalledTimes(1);
  });
});
