import diagnosticsChannel from 'node:diagnostics_channel';
import type { Socket } from 'node:net';

/*
 * undici does not expose the socket behind a response, so the remote address is picked up from
 * its diagnostics channels: the request object is created synchronously inside dispatch (while
 * `tracing` points at our attempt), and 'sendHeaders' later reports which socket carried it.
 */
export interface AttemptTrace {
  remoteAddress?: string;
  onSent?: () => void;
}
let tracing: AttemptTrace | undefined;
const traceByRequest = new WeakMap<object, AttemptTrace>();
diagnosticsChannel.subscribe('undici:request:create', (message) => {
  if (tracing) traceByRequest.set((message as { request: object }).request, tracing);
});
diagnosticsChannel.subscribe('undici:client:sendHeaders', (message) => {
  const { request, socket } = message as { request: object; socket: Socket };
  const trace = traceByRequest.get(request);
  if (trace) trace.remoteAddress = socket.remoteAddress;
  trace?.onSent?.();
});

/**
 * Runs `dispatch` (which must create its undici request synchronously) with `trace` as the attempt being traced:
 * the request it creates reports its socket's remote address, and its headers' sending, into `trace`.
 */
export function traceDuring<T>(trace: AttemptTrace, dispatch: () => T): T {
  tracing = trace;
  try {
    return dispatch();
  } finally {
    tracing = undefined;
  }
}
