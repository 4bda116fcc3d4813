import { CBTE_TIPO_LABEL } from "@/lib/afip-codes";

export const STATUS_LABEL: Record<string, string> = {
  PENDING: "Pendiente",
  ISSUED: "Emitido",
  REJECTED: "Rechazado",
  ERROR: "Error (se reintenta)",
};

const STATUS_TONE: Record<string, string> = {
  PENDING: "bg-amber-100 text-amber-900",
  ISSUED: "bg-emerald-100 text-emerald-900",
  REJECTED: "bg-red-100 text-red-800",
  ERROR: "bg-orange-100 text-orange-900",
};

export function StatusBadge({ status }: { status: string }) {
  return <span className={`inline-block rounded-full px-2 py-0.5 text-xs font-medium ${STATUS_TONE[status] ?? "bg-slate-100"}`}>{STATUS_LABEL[status] ?? status}</span>;
}

export const docTypeLabel = (cbteTipo: number | null, kind: string) =>
  cbteTipo ? (CBTE_TIPO_LABEL[cbteTipo] ?? `Tipo ${cbteTipo}`) : kind === "CREDIT_NOTE" ? "Nota de crédito" : "Factura";

/** "0002-00000015" */
export const docNumber = (pointOfSale: number, number: number | null) =>
  `${String(pointOfSale).padStart(4, "0")}-${number ? String(number).padStart(8, "0") : "(sin número)"}`;

export const ENV_LABEL: Record<string, string> = {
  HOMOLOGATION: "Homologación (pruebas AFIP)",
  PRODUCTION: "Producción",
  FAKE: "AFIP simulado (demo)",
};
