import { genericAdapter } from './generic';
import type { SiteAdapter } from './types';
import { youTubeAdapter } from './youtube/adapter';

const youTubeHosts = /(^|\.)(youtube\.com|youtube-nocookie\.com)$/;

export function adapterFor(location: Location): SiteAdapter {
  if (youTubeHosts.test(location.hostname)) return youTubeAdapter;
  // The e2e fixture server imitates YouTube's watch page under /youtube/ (test builds only).
  if (__TEST__ && location.hostname === '127.0.0.1' && location.pathname.startsWith('/youtube/')) {
    return youTubeAdapter;
  }
  return genericAdapter;
}
