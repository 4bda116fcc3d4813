import "server-only";
import { AppError } from "../errors/app-error";
import { allowPriceCheck } from "../pos/check-price";

/** Anonymous e-mail-sending or account-creating endpoints: a few per minute per client address, counted in PostgreSQL. */
export async function limitAnonymous(ip: string, what: string, max = 5) {
  if (!(await allowPriceCheck(`${what}:${ip}`, max))) throw new AppError("RATE_LIMITED", "Demasiados pedidos. Esperá un minuto y probá de nuevo.");
}
