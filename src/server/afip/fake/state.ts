import type { CaeaFakeState } from "./caea";
import type { Msg } from "./soap-reply";

// What the fake AFIP remembers (tickets, authorised vouchers, CAEA) and how a test steers it.

export type FakeBehavior =
  | { kind: "reject"; observations?: { code: number; msg: string }[] }
  | { kind: "error"; code: number; msg: string }
  /** Answer after `ms` (longer than the client's deadline); `process: true` authorises first. */
  | { kind: "timeout"; ms?: number; process?: boolean }
  /** Process (authorise) and then drop the connection without an answer. */
  | { kind: "lose-response" };

export type StoredCbte = {
  cuit: string;
  ptoVta: number;
  cbteTipo: number;
  nro: number;
  concepto: number;
  docTipo: number;
  docNro: string;
  cbteFch: string;
  impTotal: string;
  impTotConc: string;
  impNeto: string;
  impOpEx: string;
  impTrib: string;
  impIva: string;
  monId: string;
  monCotiz: string;
  condicionIvaReceptorId: number;
  cae: string;
  caeFchVto: string;
  fchProceso: string;
};

export type FakeState = {
  tickets: { cuit: string; service: string; token: string; sign: string; expiresAt: number }[];
  cbtes: StoredCbte[];
  /** CAEA grants, reports, "sin movimiento" and the points of sale ARCA lists (fake/caea.ts). */
  caea?: CaeaFakeState;
};

/** The last number authorised for a CUIT, point of sale and voucher type (0 when none). */
export const lastNro = (state: FakeState, cuit: string, ptoVta: number, cbteTipo: number) =>
  state.cbtes.filter((c) => c.cuit === cuit && c.ptoVta === ptoVta && c.cbteTipo === cbteTipo).reduce((m, c) => Math.max(m, c.nro), 0);

/** WSFEv1's Auth block against the tickets WSAA handed out. */
export function authorize(state: FakeState, a: Record<string, any> | undefined): { cuit: string } | { errors: Msg[] } {
  const t = state.tickets.find((x) => x.token === a?.Token && x.sign === a?.Sign);
  if (!t || t.expiresAt < Date.now()) return { errors: [{ code: 600, msg: "ValidacionDeToken: No validaron las firmas / token expirado" }] };
  if (String(a?.Cuit) !== t.cuit) return { errors: [{ code: 601, msg: "CUIT representada no incluida en Token" }] };
  return { cuit: t.cuit };
}
