import { genericAdapter } from './generic';
import type { SiteAdapter } from './types';
import { vimeoAdapter } from './vimeo/adapter';
import { youTubeAdapter } from './youtube/adapter';

const youTubeHosts = /(^|\.)(youtube\.com|youtube-nocookie\.com)$/;
const vimeoHosts = /(^|\.)vimeo\.com$/;

export function adapterFor(location: Location): SiteAdapter {
  if (youTubeHosts.test(location.hostname)) return youTubeAdapter;
  if (vimeoHosts.test(location.hostname)) return vimeoAdapter;
  // The e2e fixture server imitates YouTube's watch page under /youtube/ (test builds only).
  if (__TEST__ && location.hostname === '127.0.0.1' && location.pathname.startsWith('/youtube/')) {
    return youTubeAdapter;
  }
  return genericAdapter;
}
