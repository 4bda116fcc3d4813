import "server-only";
import type postgres from "postgres";
import { getDb } from "../db/client";
import { FiscalRetryableError } from "./retryable";

/**
 * Serialize issuance per AFIP series (tenant + environment + CUIT + PtoVta + CbteTipo) with a
 * session-level advisory lock held on a reserved connection: no transaction and no row lock
 * stays open across the network calls. Inngest's concurrency key already serializes runs; this
 * is the safety net (manual retries, the sweep, several app instances). The lock dies with
 * the connection if the process does. Waiting polls pg_try_advisory_lock so waiters never pin
 * pool connections.
 */
export async function withSeriesLock<T>(key: string, fn: () => Promise<T>, waitMs = 120_000): Promise<T> {
  // The postgres.js pool behind the Drizzle client (drizzle() attaches it as $client).
  const client = (getDb() as unknown as { $client: postgres.Sql }).$client;
  const deadline = Date.now() + waitMs;
  for (;;) {
    const conn = await client.reserve();
    let locked = false;
    try {
      const [r] = await conn<{ ok: boolean }[]>`select pg_try_advisory_lock(hashtextextended(${key}, 0)) as ok`;
      locked = Boolean(r?.ok);
      if (locked) {
        try {
          return await fn();
        } finally {
          await conn`select pg_advisory_unlock(hashtextextended(${key}, 0))`;
        }
      }
    } finally {
      conn.release();
    }
    if (Date.now() > deadline) throw new FiscalRetryableError("Otra emisión de la misma serie sigue en curso", "30s");
    await new Promise((r) => setTimeout(r, 25 + Math.random() * 75));
  }
}

export const seriesKey = (s: { tenantId: string; environment: string; cuit: string; pointOfSale: number; cbteTipo: number }) =>
  `fiscal:${s.tenantId}:${s.environment}:${s.cuit}:${s.pointOfSale}:${s.cbteTipo}`;
