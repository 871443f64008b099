// Wraps server bindings so a test can see how many handler streams are open: a stream opened
// by SendStreamingMessage/SubscribeToTask counts until it ends or its iterator is returned.
import type { A2AHandler, ServerBinding, ServerBindingOptions } from "@agentmesh/a2a-transport";
import type { StreamResponse } from "@agentmesh/a2a-types";

export interface StreamCounter {
  open: number;
  released: number;
}

function counted(
  src: AsyncIterable<StreamResponse>,
  c: StreamCounter,
): AsyncIterable<StreamResponse> {
  return {
    [Symbol.asyncIterator]() {
      const it = src[Symbol.asyncIterator]();
      let closed = false;
      c.open++;
      const close = () => {
        if (closed) return;
        closed = true;
        c.open--;
        c.released++;
      };
      return {
        async next() {
          try {
            const r = await it.next();
            if (r.done) close();
            return r;
          } catch (err) {
            close();
            throw err;
          }
        },
        async return(value?: unknown) {
          close();
          await it.return?.(value);
          return { done: true, value: undefined };
        },
      };
    },
  };
}

function countingHandler(h: A2AHandler, c: StreamCounter): A2AHandler {
  return {
    sendMessage: (r, x) => h.sendMessage(r, x),
    sendStreamingMessage: (r, x) => counted(h.sendStreamingMessage(r, x), c),
    getTask: (r, x) => h.getTask(r, x),
    listTasks: (r, x) => h.listTasks(r, x),
    cancelTask: (r, x) => h.cancelTask(r, x),
    subscribeToTask: (r, x) => counted(h.subscribeToTask(r, x), c),
    createTaskPushNotificationConfig: (r, x) => h.createTaskPushNotificationConfig(r, x),
    getTaskPushNotificationConfig: (r, x) => h.getTaskPushNotificationConfig(r, x),
    listTaskPushNotificationConfigs: (r, x) => h.listTaskPushNotificationConfigs(r, x),
    deleteTaskPushNotificationConfig: (r, x) => h.deleteTaskPushNotificationConfig(r, x),
    getExtendedAgentCard: (r, x) => h.getExtendedAgentCard(r, x),
  };
}

/** A binding whose handler streams are counted in `c`. */
export function countStreams(b: ServerBinding, c: StreamCounter): ServerBinding {
  const wrap = (o: ServerBindingOptions): ServerBindingOptions => ({
    ...o,
    handler: countingHandler(o.handler, c),
  });
  const out: ServerBinding = {
    protocolBinding: b.protocolBinding,
    path: b.path,
    createFetchHandler: (o) => b.createFetchHandler(wrap(o)),
    interfaceUrl: (a) => b.interfaceUrl(a),
  };
  if (b.createHttp2Handler) {
    const h2 = b.createHttp2Handler.bind(b);
    return { ...out, createHttp2Handler: (o) => h2(wrap(o)) };
  }
  return out;
}
