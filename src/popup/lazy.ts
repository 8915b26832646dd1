// The popup's files loaded on first use (popup-lazy/, build.mjs): the store's writers and the
// exporters. Such a file can fail to load: the extension was updated, reloaded or removed on
// disk while the popup stayed open. The click that needed it then says so, and the next one
// tries again, instead of doing nothing and saying nothing.

/** A file the popup needed could not be loaded; its message says what to do. */
export class NotLoaded extends Error {
  override name = 'NotLoaded';
}

/**
 * `importer` run once, on the first call; a failed load is a `NotLoaded` naming `what` it was
 * for, and is not kept: the next call loads again.
 */
export function onFirstUse<T>(importer: () => Promise<T>, what: string): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => {
    loading ??= importer().catch((e: unknown) => {
      loading = undefined;
      const why = e instanceof Error ? e.message : String(e);
      throw new NotLoaded(
        `Talkmark could not load what it needs to ${what} (${why}). ` +
          'It may have been updated or reloaded since this popup opened: close the popup and open it again.',
      );
    });
    return loading;
  };
}

/** The text to show for an action that failed with `e`. */
export function failure(e: unknown): string {
  if (e instanceof NotLoaded) return e.message;
  return `Something went wrong: ${e instanceof Error ? e.message : String(e)}`;
}
