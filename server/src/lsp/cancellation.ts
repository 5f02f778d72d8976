/**
 * `$/cancelRequest`: a request the client cancels is answered `RequestCancelled` at once, even
 * while it waits for an index that is still being built (a hover or a search sent at start-up,
 * then abandoned as the user moves on, must not keep its place in the client's queue until the
 * index ends). What the handler was doing finishes on its own; its result is dropped.
 */
import { LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver';

const cancelled = () => new ResponseError<never>(LSPErrorCodes.RequestCancelled, 'request cancelled');

/** `work`'s result, or `RequestCancelled` as soon as `token` is cancelled (already, or meanwhile). */
export async function unlessCancelled<R>(token: CancellationToken | undefined, work: () => R | Promise<R>): Promise<R | ResponseError<never>> {
  if (!token) return work();
  if (token.isCancellationRequested) return cancelled();
  let listener: { dispose(): void } | undefined;
  const onCancel = new Promise<ResponseError<never>>((resolve) => {
    listener = token.onCancellationRequested(() => resolve(cancelled()));
  });
  try {
    return await Promise.race([Promise.resolve().then(work), onCancel]);
  } finally {
    listener?.dispose();
  }
}
