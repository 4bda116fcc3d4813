import "server-only";
import { z } from "zod";
import { permissionProcedure, router } from "../trpc";
import { ZCustomerInput } from "@/lib/schemas/billing";
import { createCustomer, setCustomerActive, updateCustomer } from "../../customers/save-customer";
import { listCustomers } from "../../customers/list-customers";

const read = permissionProcedure("billing.read");
const write = permissionProcedure("billing.write");
const charge = permissionProcedure("billing.charge");

const ZCustomerRow = z.object({
  id: z.uuid(),
  docType: z.enum(["CUIT", "CUIL", "DNI", "PASSPORT"]),
  docNumber: z.string(),
  name: z.string(),
  ivaCondition: z.enum(["RESPONSABLE_INSCRIPTO", "MONOTRIBUTO", "EXENTO", "CONSUMIDOR_FINAL", "NO_CATEGORIZADO"]),
  address: z.string().nullable(),
  email: z.string().nullable(),
  active: z.boolean(),
  accountEnabled: z.boolean(),
  creditLimit: z.string(),
  paymentTermsDays: z.number(),
  balance: z.string(),
  uninvoiced: z.string(),
});
export const ZListCustomersResponse = z.array(ZCustomerRow);
const ZSearch = z.object({ search: z.string().max(80).optional(), includeInactive: z.boolean().optional() }).optional();

export const customersRouter = router({
  list: read.input(ZSearch).output(ZListCustomersResponse).query(({ ctx, input }) => listCustomers(ctx.tx, input ?? {})),
  /** Customers with an account, for "cuenta corriente" at the POS (no balances beyond what the cashier needs). */
  forCharge: charge
    .input(z.object({ search: z.string().max(80).optional() }).optional())
    .output(z.array(z.object({ id: z.uuid(), name: z.string(), docNumber: z.string() })))
    .query(async ({ ctx, input }) =>
      (await listCustomers(ctx.tx, { search: input?.search, accountOnly: true })).map((c) => ({ id: c.id, name: c.name, docNumber: c.docNumber })),
    ),
  create: write.input(ZCustomerInput).output(z.object({ id: z.uuid() })).mutation(({ ctx, input }) => createCustomer(ctx.tx, input)),
  update: write
    .input(z.object({ id: z.uuid(), data: ZCustomerInput }))
    .output(z.object({ id: z.uuid() }))
    .mutation(({ ctx, input }) => updateCustomer(ctx.tx, input.id, input.data)),
  setActive: write
    .input(z.object({ id: z.uuid(), active: z.boolean() }))
    .output(z.object({ id: z.uuid(), active: z.boolean() }))
    .mutation(({ ctx, input }) => setCustomerActive(ctx.tx, input.id, input.active)),
});
