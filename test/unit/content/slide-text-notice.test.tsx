// @vitest-environment happy-dom
// The panel's notice about slide text: when OCR found wasm blocked, the panel says what that
// means (slides kept, figures titled by talk and moment, search covers notes only), from the
// same status the library reads, through the real router and store (fake-indexeddb). Once
// dismissed it is gone for good: not back on the next check, nor after the queue writes the
// status again on a restart.
import 'fake-indexeddb/auto';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeHandlers } from '../../../src/background/handlers';
import { route } from '../../../src/background/router';
import { slideTextChanged } from '../../../src/background/slide-text';
import type { CallApi } from '../../../src/content/context';
import { makeContext } from '../../../src/content/context';
import { Panel } from '../../../src/content/panel/Panel';
import { initialPanelState, type PanelActions, type PanelState } from '../../../src/content/panel/types';
import { makeSlideTextNotice } from '../../../src/content/slide-text-notice';
import type { CallInput, CallName, CallReply, TalkView } from '../../../src/core/messages';
import type { PostId, TalkId } from '../../../src/core/model';
import { OCR_STATUS_KEY, OCR_TOLD_KEY, type OcrStatus } from '../../../src/ocr/status';
import { openLibraryQueries } from '../../../src/store/library-queries';
import { freshStore } from '../store/helpers';
import { click, until } from '../ui/dom';

vi.mock('webextension-polyfill', () => ({ default: {} }));

afterEach(() => {
  document.body.innerHTML = '';
});

const ownId = 'talkmark-test';
const sender = { id: ownId, tab: { id: 1, windowId: 1 } } as never;
const blocked: OcrStatus = { state: 'unavailable', message: 'WebAssembly is not available in this browser.' };

const view = {
  talk: { id: 't_1' as TalkId, site: 'youtube', videoId: 'v1', url: '', title: 'A talk', speakers: [] },
  post: { id: 'p_1' as PostId, title: 'A post' },
  notes: [],
} as unknown as TalkView;

/** The panel of one page, its state kept by the session's context, calling the real background. */
function setUp() {
  const { store, name } = freshStore();
  const kv = openLibraryQueries({ name });
  const handlers = makeHandlers(store, kv);
  const calls: CallName[] = [];
  const api: CallApi = {
    call: async <K extends CallName>(call: K, input: CallInput<K>) => {
      calls.push(call);
      return (await route(handlers, ownId, { talkmark: 1, call, input }, sender)) as CallReply<K>;
    },
  };
  const root = document.createElement('div');
  document.body.append(root);
  let state: PanelState = { ...initialPanelState, view, status: '' };
  const show = () => act(() => render(<Panel state={state} actions={actions} />, root));
  const notice = makeSlideTextNotice(
    makeContext(state, (s) => {
      state = s;
      show();
    }),
    api,
  );
  const actions = { dismissSlideTextNotice: notice.dismiss } as unknown as PanelActions;
  show();
  const shown = () => root.querySelector('.slide-text-notice');
  return { api, kv, notice, root, shown, calls, state: () => state };
}

describe('the panel’s slide text notice', () => {
  it('says nothing while OCR can run', async () => {
    const { notice, calls, shown, state } = setUp();
    notice.check();
    await until(() => calls.includes('slideTextNotice'));
    await act(() => new Promise((r) => setTimeout(r, 50)));
    expect(state().slideTextNotice).toBeNull();
    expect(shown()).toBeNull();
  });

  it('says once OCR found wasm blocked, and what that means for the post', async () => {
    const { notice, kv, shown } = setUp();
    await kv.setKv(OCR_STATUS_KEY, blocked);
    notice.check();
    const line = await until(shown);
    expect(line.textContent).toContain('can’t be read in this browser (WebAssembly is not available');
    expect(line.textContent).toContain('Your slides are kept');
    expect(line.textContent).toContain('titled by the talk and moment');
    expect(line.textContent).toContain('search finds notes only');
    expect(line.getAttribute('role')).toBe('status');
  });

  it('is gone for good once dismissed: not on the next check, nor when the status is written again', async () => {
    const { notice, kv, shown, root, api } = setUp();
    await kv.setKv(OCR_STATUS_KEY, blocked);
    notice.check();
    await until(shown);
    click(root.querySelector('.slide-text-notice button[aria-label="Dismiss"]'));
    expect(shown()).toBeNull();
    // The dismissal is stored (every panel, every later page reads it).
    await vi.waitFor(async () => {
      const told = await kv.getKv(OCR_TOLD_KEY);
      expect(told.ok && told.value).toBe(true);
    });
    // The queue writes the status again on its next start in this browser.
    await kv.setKv(OCR_STATUS_KEY, blocked);
    notice.check();
    const again = await api.call('slideTextNotice', {});
    expect(again).toEqual({ ok: true, value: { unavailable: null } });
    await act(() => new Promise((r) => setTimeout(r, 50)));
    expect(shown()).toBeNull();
  });

  it('dismisses by Escape too', async () => {
    const { notice, kv, shown } = setUp();
    await kv.setKv(OCR_STATUS_KEY, blocked);
    notice.check();
    const line = await until(shown);
    act(() => {
      line
        .querySelector('button')
        ?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    expect(shown()).toBeNull();
  });

  it('never brings back a dismissed notice with an answer that was on its way', async () => {
    // The background's answers held until released: one sent before the dismissal comes after it.
    const held: (() => void)[] = [];
    const api: CallApi = {
      call: <K extends CallName>(call: K) =>
        new Promise<CallReply<K>>((resolve) => {
          const reply = call === 'slideTextNotice' ? { unavailable: blocked.message } : { unavailable: null };
          held.push(() => resolve({ ok: true, value: reply } as CallReply<K>));
        }),
    };
    let state: PanelState = { ...initialPanelState, view, status: '' };
    const notice = makeSlideTextNotice(
      makeContext(state, (s) => {
        state = s;
      }),
      api,
    );
    notice.check();
    held.shift()?.();
    await vi.waitFor(() => expect(state.slideTextNotice).toBe(blocked.message));
    notice.check();
    notice.dismiss();
    expect(state.slideTextNotice).toBeNull();
    for (const release of held.splice(0)) release();
    await act(() => new Promise((r) => setTimeout(r, 20)));
    expect(state.slideTextNotice).toBeNull();
  });

  it('tells the tabs to ask again when the status or the dismissal changes, and only then', () => {
    expect(slideTextChanged([{ type: 'kv', key: OCR_STATUS_KEY }])).toBe(true);
    expect(slideTextChanged([{ type: 'kv', key: OCR_TOLD_KEY }])).toBe(true);
    expect(slideTextChanged([{ type: 'kv', key: 'export-folder' }])).toBe(false);
    expect(slideTextChanged([{ type: 'note', op: 'put', id: 'n_1' as never, talkId: 't_1' as TalkId }])).toBe(
      false,
    );
  });
});
