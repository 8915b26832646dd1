// What every library view gets from the app shell: the API, a counter that moves whenever
// the store changes anywhere (views reload on it, so they stay live), navigation and toasts.
import type { ToastProps } from '../ui/Toast';
import type { LibraryApi } from './api';
import type { Route } from './route';

export type Notice = Omit<ToastProps, 'onDismiss'>;

export interface Shell {
  api: LibraryApi;
  /** Changes whenever the store announces a change. */
  version: number;
  /** Opens `route`; with `replace`, in place of the current history entry (search as you type). */
  go(route: Route, options?: { replace?: boolean }): void;
  notify(notice: Notice): void;
}
