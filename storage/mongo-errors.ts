/**
 * What a MongoDB driver error means for the person running radar: every failure of a store
 * operation leaves the store as a StoreError that names the server, what was being done and what
 * to check, instead of a driver class name or a wait that never ends.
 */
import { MongoError, MongoNetworkError, MongoNetworkTimeoutError, MongoServerSelectionError, MongoTopologyClosedError } from 'mongodb';
import { StoreError } from '../domain/errors.js';

/** Where the failure happened, for the message. */
export interface MongoFailureContext {
  /** The server and database, without credentials. */
  location: string;
  /** The store operation (method name). */
  operation: string;
  /** How long a reply may take, in ms (storage.timeoutSecs). */
  replyTimeoutMs: number;
}

/** Connection strings in driver messages can carry a password: keep only the host. */
function withoutCredentials(message: string): string {
  return message.replace(/\/\/[^@/\s]*@/g, '//');
}

/** The StoreError a driver error stands for; anything that is not a driver error is returned as it is. */
export function translateMongoError(err: unknown, ctx: MongoFailureContext): unknown {
  if (!(err instanceof MongoError) || err instanceof StoreError) return err;
  const secs = Math.round(ctx.replyTimeoutMs / 1000);
  const at = `MongoDB at ${ctx.location}`;
  const reason = withoutCredentials(err.message);
  // A bulk write reports the network error it met as its `errorResponse`.
  const met = (err as { errorResponse?: unknown }).errorResponse;
  let message: string;
  if (err instanceof MongoNetworkTimeoutError || met instanceof MongoNetworkTimeoutError) {
    message = `${at} did not answer ${ctx.operation} within ${secs} s (${reason}); the server is overloaded or stuck: check it (a restart clears a stuck server), or raise storage.timeoutSecs if it is only slow`;
  } else if (err.name === 'MongoWaitQueueTimeoutError') {
    // The driver does not export this class.
    message = `${at}: no connection came free for ${ctx.operation} within ${secs} s; the server holds every connection of this process (check that it answers, or raise storage.timeoutSecs)`;
  } else if (err instanceof MongoServerSelectionError) {
    message = `cannot reach ${at} for ${ctx.operation}: ${reason}`;
  } else if (err instanceof MongoTopologyClosedError) {
    message = `${ctx.operation} on ${at} came after the store was closed`;
  } else if (err instanceof MongoNetworkError) {
    message = `lost the connection to ${at} during ${ctx.operation}: ${reason}`;
  } else {
    message = `${at} refused ${ctx.operation}: ${reason}`;
  }
  return new StoreError(message, { cause: err });
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return !!value && typeof (value as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function' && !(value instanceof Promise);
}

/** An async iterable whose iteration failures are translated too. */
async function* translatedIteration<T>(source: AsyncIterable<T>, translate: (err: unknown) => unknown): AsyncIterable<T> {
  try {
    yield* source;
  } catch (err) {
    throw translate(err);
  }
}

/**
 * The store with every method's failure translated: promises are caught, and async iterables
 * (document cursors) are caught while they are read.
 */
export function withClearErrors<T extends object>(store: T, context: (operation: string) => MongoFailureContext): T {
  return new Proxy(store, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver);
      if (typeof value !== 'function' || typeof key !== 'string') return value;
      return (...args: unknown[]) => {
        const translate = (err: unknown) => translateMongoError(err, context(key));
        let result: unknown;
        try {
          result = value.apply(target, args);
        } catch (err) {
          throw translate(err);
        }
        if (result instanceof Promise) return result.catch((err: unknown) => Promise.reject(translate(err)));
        if (isAsyncIterable(result)) return translatedIteration(result, translate);
        return result;
      };
    },
  });
}
