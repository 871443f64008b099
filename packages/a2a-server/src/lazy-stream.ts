/**
 * An async iterable whose work starts on the first `next()`: errors thrown by `start` reject
 * that first `next()` (so a binding can turn them into a plain error response before committing
 * a stream). `return()` releases the inner iterator at once, even while a `next()` is pending.
 */
export function lazyStream<T>(start: () => Promise<AsyncIterator<T>>): AsyncIterableIterator<T> {
  let inner: AsyncIterator<T> | undefined;
  let starting: Promise<AsyncIterator<T>> | undefined;
  let closed = false;
  const done = (): IteratorResult<T> => ({ value: undefined, done: true });
  const iterator: AsyncIterableIterator<T> = {
    async next() {
      if (closed) return done();
      if (!inner) {
        try {
          starting ??= start();
          inner = await starting;
        } catch (error) {
          closed = true;
          throw error;
        }
        if (closed) {
          await inner.return?.();
          return done();
        }
      }
      return inner.next();
    },
    async return() {
      if (closed && !inner) return done();
      closed = true;
      if (inner) await inner.return?.();
      else if (starting)
        void starting.then(
          (it) => it.return?.(),
          () => {},
        );
      return done();
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}

/** An iterator over a fixed list of values. */
export function fixedIterator<T>(values: readonly T[]): AsyncIterator<T> {
  let index = 0;
  return {
    async next() {
      if (index < values.length) return { value: values[index++] as T, done: false };
      return { value: undefined, done: true };
    },
    async return() {
      index = values.length;
      return { value: undefined, done: true };
    },
  };
}
