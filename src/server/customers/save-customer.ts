import "server-only";
import { eq } from "drizzle-orm";
import type { Tx } from "../db/client";
import { customers } from "../db/schema/pos";
import { AppError, isUniqueViolation } from "../errors/app-error";
import { isValidCuit, normalizeCuit } from "@/lib/cuit";
import { ZCustomerInput, type TCustomerInput } from "@/lib/schemas/billing";

/** Document checks the form states too: CUIT/CUIL with its check digit, DNI 7–8 digits. */
function checkDocument(input: { docType: string; docNumber: string; ivaCondition: string }) {
  const n = input.docType === "CUIT" || input.docType === "CUIL" ? normalizeCuit(input.docNumber) : input.docNumber.replace(/\./g, "");
  if ((input.docType === "CUIT" || input.docType === "CUIL") && !isValidCuit(n)) {
    throw new AppError("VALIDATION", `El ${input.docType} ${input.docNumber} no es válido (revisá el dígito verificador).`, { field: "docNumber" });
  }
  if (input.docType === "DNI" && !/^\d{7,8}$/.test(n)) throw new AppError("VALIDATION", "El DNI tiene 7 u 8 dígitos.", { field: "docNumber" });
  if (input.docType === "PASSPORT" && !/^[0-9A-Za-z]{5,20}$/.test(n)) throw new AppError("VALIDATION", "Pasaporte inválido.", { field: "docNumber" });
  if (input.ivaCondition === "RESPONSABLE_INSCRIPTO" && input.docType !== "CUIT") {
    throw new AppError("VALIDATION", "Un Responsable Inscripto se identifica con CUIT.", { field: "docType" });
  }
  return n;
}

const conflict = (e: unknown, input: { docType: string; docNumber: string }) => {
  if (isUniqueViolation(e)) return new AppError("CONFLICT", `Ya existe un cliente con ${input.docType} ${input.docNumber}.`, { field: "docNumber" });
  return e;
};

export async function createCustomer(tx: Tx, raw: TCustomerInput) {
  const input = ZCustomerInput.parse(raw);
  const docNumber = checkDocument(input);
  try {
    const [row] = await tx.insert(customers).values({ ...input, docNumber }).returning({ id: customers.id });
    return { id: row!.id };
  } catch (e) {
    throw conflict(e, input);
  }
}

export async function updateCustomer(tx: Tx, id: string, raw: TCustomerInput) {
  const input = ZCustomerInput.parse(raw);
  const docNumber = checkDocument(input);
  try {
    const [row] = await tx
      .update(customers)
      .set({ ...input, docNumber, updatedAt: new Date() })
      .where(eq(customers.id, id))
      .returning({ id: customers.id });
    if (!row) throw new AppError("NOT_FOUND", "El cliente no existe.");
    return { id: row.id };
  } catch (e) {
    throw conflict(e, input);
  }
}

/** Deactivated customers keep their history and account; they are hidden from new sales. */
export async function setCustomerActive(tx: Tx, id: string, active: boolean) {
  const [row] = await tx.update(customers).set({ active, updatedAt: new Date() }).where(eq(customers.id, id)).returning({ id: customers.id });
  if (!row) throw new AppError("NOT_FOUND", "El cliente no existe.");
  return { id: row.id, active };
}
