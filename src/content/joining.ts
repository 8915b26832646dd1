// A talk joins its post with its first note, quote or slide, not when its video is visited.
// openTalk gives a video the post doesn't have a talk that is not stored; the calls that would
// put something in it (a note, a slide) first add it to the post (joinTalk), once, and the
// calls that only read it are answered here (it has nothing yet).
import type { CallInput, CallName, CallReply, PageVideo, TalkView } from '../core/messages';
import type { PostId, Talk, TalkId } from '../core/model';
import { ok } from '../core/result';
import type { CallApi } from './context';

interface Unjoined {
  video: PageVideo;
  postId: PostId;
  /** The join under way, so a note and a slide taken at once add the talk once. */
  joining?: Promise<CallReply<'joinTalk'>>;
}

export interface Joining {
  /** The API the session's parts use: a first note or slide joins its talk first. */
  api: CallApi;
  /** A talk just opened: remembered as unjoined when its post doesn't list it. */
  opened(view: TalkView, video: PageVideo): void;
}

export function isJoined(view: TalkView): boolean {
  return view.post.sections.some((s) => s.talkIds.includes(view.talk.id));
}

export function makeJoining(api: CallApi, joined: (view: TalkView) => void): Joining {
  const unjoined = new Map<TalkId, Unjoined>();
  /** An unjoined id that joined as another (the post got the video from another tab meanwhile). */
  const aliases = new Map<TalkId, TalkId>();

  /** The stored id for `id`, joining its talk first when it is not stored yet. */
  const stored = async (id: TalkId): Promise<CallReply<'joinTalk'> | null> => {
    const entry = unjoined.get(id);
    if (!entry) return null;
    entry.joining ??= api.call('joinTalk', { video: entry.video, talkId: id });
    const r = await entry.joining;
    if (!r.ok) {
      // Tried again with the next note: the failure is shown with the note that was not saved.
      entry.joining = undefined;
      return r;
    }
    if (unjoined.delete(id)) {
      if (r.value.talk.id !== id) aliases.set(id, r.value.talk.id);
      joined(r.value);
    }
    return r;
  };

  const realId = (id: TalkId) => aliases.get(id) ?? id;

  /** Calls that write into a talk: a failed join is their failure. */
  async function writing<K extends 'saveNote' | 'addSlide'>(
    name: K,
    input: CallInput<K>,
  ): Promise<CallReply<K>> {
    const join = await stored(input.talkId);
    if (join && !join.ok) return join;
    return api.call(name, { ...input, talkId: realId(input.talkId) });
  }

  const call = <K extends CallName>(name: K, input: CallInput<K>): Promise<CallReply<K>> => {
    type Reply = Promise<CallReply<K>>;
    if (name === 'saveNote' || name === 'addSlide')
      return writing(name as 'saveNote', input as CallInput<'saveNote'>) as unknown as Reply;
    if (name === 'listNotes' || name === 'slideHashes') {
      const { talkId } = input as CallInput<'listNotes'>;
      // Nothing is stored in a talk that hasn't joined.
      if (unjoined.has(talkId)) return Promise.resolve(ok([])) as Reply;
      return api.call(name, { ...input, talkId: realId(talkId) });
    }
    if (name === 'updateTalk') {
      const edit = input as CallInput<'updateTalk'>;
      const entry = unjoined.get(edit.id);
      // Speakers corrected before the first note: kept for the join, nothing stored yet.
      if (entry) {
        entry.video = {
          ...entry.video,
          ...(edit.title !== undefined ? { title: edit.title } : {}),
          ...(edit.speakers ? { speakers: edit.speakers } : {}),
        };
        return Promise.resolve(ok(talkOf(edit.id, entry))) as Reply;
      }
      return api.call(name, { ...input, id: realId(edit.id) });
    }
    return api.call(name, input);
  };

  const talkOf = (id: TalkId, { video: v, postId }: Unjoined): Talk => {
    const at = new Date().toISOString();
    const { url, site, videoId, title, speakers, duration, chapters } = v;
    return {
      id,
      postId,
      url,
      site,
      videoId,
      title,
      speakers,
      duration,
      chapters,
      createdAt: at,
      updatedAt: at,
    };
  };

  return {
    api: { call },
    opened(view, video) {
      if (isJoined(view)) return;
      unjoined.set(view.talk.id, {
        video: { ...video, title: view.talk.title, speakers: view.talk.speakers },
        postId: view.post.id,
      });
    },
  };
}
