// The library's views live in the URL fragment, so the popup, search results and reloads
// can open any of them: #posts, #post/ID, #post/ID/export, #post/ID/note/NOTE, #search/QUERY,
// #backup, #settings.
import type { NoteId, PostId } from '../core/model';

export type Route =
  | { view: 'posts' }
  | { view: 'post'; id: PostId; exportOpen: boolean; noteId?: NoteId }
  | { view: 'search'; query: string }
  | { view: 'backup' }
  | { view: 'settings' };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/');
  const [head, id, sub, noteId] = parts;
  if (head === 'post' && id) {
    const route: Route = { view: 'post', id: id as PostId, exportOpen: sub === 'export' };
    if (sub === 'note' && noteId) route.noteId = noteId as NoteId;
    return route;
  }
  if (head === 'search') return { view: 'search', query: decodeURIComponent(parts.slice(1).join('/')) };
  if (head === 'backup' || head === 'settings') return { view: head };
  return { view: 'posts' };
}

export function routeHash(route: Route): string {
  switch (route.view) {
    case 'post':
      return `#post/${route.id}${route.exportOpen ? '/export' : route.noteId ? `/note/${route.noteId}` : ''}`;
    case 'search':
      return `#search/${encodeURIComponent(route.query)}`;
    default:
      return `#${route.view}`;
  }
}
