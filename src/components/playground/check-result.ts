/**
 * Checks the worker's reply to a run before the page uses it. The worker
 * runs learner code, so its replies are untrusted data: the reply is one
 * ArrayBuffer (size-checked before anything in it is read), its layout,
 * head, output and trace are checked where they lie by the codec they were
 * written with (sandbox/wire.ts: every trace row against the schema, every
 * index in bounds, time never going back, every limit of
 * sandbox/protocol.ts), and it must name the run it answers. Anything
 * unexpected makes the whole reply count as invalid. Text is only ever
 * rendered with `textContent`, never as HTML.
 */
import type { RunResult } from "../../sandbox/run.ts";
import { decodeReply, WireError } from "../../sandbox/wire.ts";

/** A checked reply to one run: its result, or why it was refused. */
export type CheckedReply = { readonly ok: true; readonly result: RunResult } | { readonly ok: false; readonly why: string };

/** Decodes and checks the worker's reply to run `runId` (see the module comment): the codec's checks (size first), then the run id. */
export function checkReply(buffer: unknown, runId: string): CheckedReply {
  if (!(buffer instanceof ArrayBuffer)) return { ok: false, why: "the reply is not a buffer" };
  let reply: ReturnType<typeof decodeReply>;
  try {
    reply = decodeReply(buffer);
  } catch (e) {
    // Anything else thrown by a check (a bug, a proxy) counts as malformed too.
    return { ok: false, why: e instanceof WireError ? e.message : "the reply is malformed" };
  }
  if (reply.runId !== runId) return { ok: false, why: "the reply names another run" };
  return { ok: true, result: reply.result };
}
