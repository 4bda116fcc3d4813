import "server-only";
import { withTenant } from "../db/with-tenant";
import { alertExpiringCertificate } from "./certificate-alerts";
import { refreshFiscalParameters } from "./refresh-fiscal-parameters";
import { requestCaeas } from "./request-caea";

/** The daily fiscal round for one business: CAEAs in ARCA's window, parameter tables, certificate expiry. */
export async function runFiscalDaily(tenantId: string, opts: { now?: Date } = {}) {
  const now = opts.now ?? new Date();
  const caeas = await requestCaeas(tenantId, { now });
  const parameters = await refreshFiscalParameters(tenantId);
  const certificateAlerts = await withTenant(tenantId, (tx) => alertExpiringCertificate(tx, now));
  return { caeas, parameters, certificateAlerts };
}
