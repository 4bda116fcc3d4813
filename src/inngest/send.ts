import "server-only";
import { inngest } from "./client";
import { eventOf, type EventData, type EventKey } from "./events";
import { log } from "@/server/log";

/**
 * The one way routers and services send an Inngest event. Validates the payload, waits at
 * most `waitMs` (an unreachable Inngest — the SDK retries for seconds — must not slow a
 * response), never throws: returns whether Inngest accepted it, so callers pick a fallback
 * (compute inline, leave PENDING for a sweep).
 */
export async function sendEvent<K extends EventKey>(key: K, data: EventData<K>, { waitMs = 3000 }: { waitMs?: number } = {}): Promise<boolean> {
  let event;
  try {
    event = eventOf(key, data);
  } catch (e) {
    log.error({ key, err: (e as Error).message }, "invalid event payload; not sent");
    return false;
  }
  const sending = inngest.send(event).then(
    () => true,
    (e: Error) => {
      log.warn({ event: event.name, err: e.message }, "event not sent");
      return false;
    },
  );
  return Promise.race([sending, new Promise<boolean>((r) => setTimeout(() => r(false), waitMs).unref())]);
}
