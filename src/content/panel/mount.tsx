// Puts the panel in a shadow root on the page. Closed in users' builds so the page can't
// read what the user writes; open in test builds so the e2e tests can look inside.
import { render } from 'preact';
import { noteTextCss } from '../../ui/NoteText';
import { isEditable } from '../keys';
import { mark } from '../timing';
import { Panel } from './Panel';
import { placeHost } from './placement';
import { panelCss } from './styles';
import type { PanelActions, PanelMode, PanelState } from './types';

export interface MountedPanel {
  update(state: PanelState): void;
  /** Moves the panel where it belongs now (dock, overlay, fullscreen) and says where. */
  place(dock: Element | null): PanelMode;
  /** True while the user types in one of the panel's fields (keys there are text, not commands). */
  typingInside(): boolean;
  remove(): void;
}

export function mountPanel(doc: Document, actions: PanelActions, initial: PanelState): MountedPanel {
  const host = doc.createElement('talkmark-panel');
  const root = host.attachShadow({ mode: __TEST__ ? 'open' : 'closed' });
  const style = doc.createElement('style');
  style.textContent = panelCss + noteTextCss;
  const container = doc.createElement('div');
  root.append(style, container);
  const update = (state: PanelState) => {
    // YouTube marks its dark theme on <html dark>.
    if (doc.documentElement.hasAttribute('dark')) host.dataset.theme = 'dark';
    else delete host.dataset.theme;
    host.dataset.mode = state.mode;
    if (state.layout.size === 'regular') delete host.dataset.size;
    else host.dataset.size = state.layout.size;
    render(<Panel state={state} actions={actions} />, container);
  };
  placeHost(host, doc, null);
  update(initial);
  mark('panel');
  return {
    update,
    place: (dock) => placeHost(host, doc, dock),
    typingInside: () => isEditable(root.activeElement),
    remove: () => {
      render(null, container);
      host.remove();
    },
  };
}
