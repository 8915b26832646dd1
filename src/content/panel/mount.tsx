// Puts the panel in a shadow root on the page. Closed in users' builds so the page can't
// read what the user writes; open in test builds so the e2e tests can look inside.
import { render } from 'preact';
import { Panel, type PanelActions, type PanelState } from './Panel';
import { panelCss } from './styles';

export interface MountedPanel {
  update(state: PanelState): void;
  /** True when `node` is inside our panel (keys typed there are ours). */
  contains(node: EventTarget | null): boolean;
  remove(): void;
}

export function mountPanel(doc: Document, actions: PanelActions, initial: PanelState): MountedPanel {
  const host = doc.createElement('talkmark-panel');
  const root = host.attachShadow({ mode: __TEST__ ? 'open' : 'closed' });
  const style = doc.createElement('style');
  style.textContent = panelCss;
  root.append(style);
  const container = doc.createElement('div');
  root.append(container);
  (doc.body ?? doc.documentElement).append(host);
  const dark = () => doc.documentElement.hasAttribute('dark');
  const update = (state: PanelState) => {
    // YouTube marks its dark theme on <html dark>.
    if (dark()) host.dataset.theme = 'dark';
    else delete host.dataset.theme;
    render(<Panel state={state} actions={actions} />, container);
  };
  update(initial);
  return {
    update,
    contains: (node) => node === host,
    remove: () => {
      render(null, container);
      host.remove();
    },
  };
}
