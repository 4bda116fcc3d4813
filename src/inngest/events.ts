import { z } from "zod";

// Every Inngest event: its name and the zod schema of its payload, in one place. Senders go
// through `sendEvent` (inngest/send.ts), which validates the payload; functions parse
// `event.data` with the same schema. A new job's event is declared HERE first.

export const EVENTS = {
  /** A fiscal document to issue with ARCA (after a sale or a credit note commits). */
  fiscalDocumentRequested: {
    name: "fiscal/document.requested",
    schema: z.object({
      tenantId: z.uuid(),
      documentId: z.uuid(),
      /** tenant + point of sale + type: the concurrency key serializing AFIP numbering. */
      seriesKey: z.string().max(120),
    }),
  },
  /** "Recalcular" on the suggestions page: refresh today's replenishment suggestions of one tenant. */
  replenishmentRequested: {
    name: "purchasing/replenishment.requested",
    schema: z.object({ tenantId: z.uuid(), userId: z.uuid().nullable().optional() }),
  },
} as const;

export type EventKey = keyof typeof EVENTS;
export type EventData<K extends EventKey> = z.infer<(typeof EVENTS)[K]["schema"]>;

/** The `{ name, data }` Inngest sends, validated. */
export function eventOf<K extends EventKey>(key: K, data: EventData<K>): { name: (typeof EVENTS)[K]["name"]; data: EventData<K> } {
  const def = EVENTS[key];
  return { name: def.name, data: def.schema.parse(data) as EventData<K> };
}

/** Parses an incoming event's data inside a function; a malformed payload is not retried. */
export function parseEventData<K extends EventKey>(key: K, data: unknown): { ok: true; data: EventData<K> } | { ok: false; message: string } {
  const r = EVENTS[key].schema.safeParse(data);
  return r.success ? { ok: true, data: r.data as EventData<K> } : { ok: false, message: `${EVENTS[key].name}: ${r.error.issues[0]?.message ?? "payload inválido"}` };
}
