import { dec, sum } from "@/lib/decimal";
import { addDays, arDate } from "@/lib/ar-time";
import { escapeXml } from "../soap";

/**
 * The fake ARCA's CAEA operations and parameter tables. ARCA's rules as the fake applies them
 * (the error codes marked "stand-in" are not documented in the material we have):
 * - FECAEASolicitar: Periodo yyyymm, Orden 1 (days 1–15) or 2 (16–end); accepted from 5 calendar
 *   days before the fortnight starts until it ends (15006, stand-in); a second request for a
 *   granted period answers 15008 (stand-in) and the CAEA is read with FECAEAConsultar.
 *   FchTopeInf (reporting deadline) = last day of the fortnight + 8 days.
 * - FECAEARegInformativo: per record: the CAEA must be this CUIT's and cover CbteFch, the
 *   deadline not passed, the record not already reported, totals consistent, CbteFchHsGen present;
 *   a batch can be partly rejected (Resultado P). Tests can queue a rejection for one record.
 * - FECAEASinMovimientoInformar: once per CAEA and point of sale, only with nothing reported.
 */

type Msg = { code: number; msg: string };
export type FakeCaea = { cuit: string; period: number; orden: number; caea: string; from: string; to: string; tope: string; proceso: string };
export type ReportedCaea = { cuit: string; ptoVta: number; cbteTipo: number; nro: number; caea: string; cbteFch: string; hsGen: string; impTotal: string; docTipo: number; docNro: string };
export type FakePointOfSale = { nro: number; emisionTipo: "CAE" | "CAEA"; bloqueado?: boolean };
export type CaeaFakeState = {
  caeas: FakeCaea[];
  reported: ReportedCaea[];
  noMovement: { cuit: string; ptoVta: number; caea: string; proceso: string }[];
  pointsOfSale: Record<string, FakePointOfSale[]>;
};

export const emptyCaeaState = (): CaeaFakeState => ({ caeas: [], reported: [], noMovement: [], pointsOfSale: {} });

const ymd = (iso: string) => iso.replace(/-/g, "");
const iso = (y: string) => `${y.slice(0, 4)}-${y.slice(4, 6)}-${y.slice(6, 8)}`;
const errXml = (errs: Msg[]) => (errs.length ? `<Errors>${errs.map((e) => `<Err><Code>${e.code}</Code><Msg>${escapeXml(e.msg)}</Msg></Err>`).join("")}</Errors>` : "");
const obsXml = (obs: Msg[]) => (obs.length ? `<Observaciones>${obs.map((o) => `<Obs><Code>${o.code}</Code><Msg>${escapeXml(o.msg)}</Msg></Obs>`).join("")}</Observaciones>` : "");

/** First and last day (YYYY-MM-DD) of a period's fortnight. */
export function fortnightRange(period: number, orden: number): { from: string; to: string } {
  const y = Math.floor(period / 100);
  const m = period % 100;
  const mm = String(m).padStart(2, "0");
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return orden === 1 ? { from: `${y}-${mm}-01`, to: `${y}-${mm}-15` } : { from: `${y}-${mm}-16`, to: `${y}-${mm}-${String(last).padStart(2, "0")}` };
}

export type CaeaCtx = {
  state: CaeaFakeState;
  save(): void;
  now(): Date;
  /** One-shot per-record rejections queued by tests, key `ptoVta:cbteTipo:nro`. */
  recordRejections: Map<string, Msg[]>;
  defaultPointsOfSale(): FakePointOfSale[];
};

// eslint-disable-next-line max-lines-per-function -- the CAEA stand-in's SOAP operations, one case each, as ARCA lists them
export function caeaHandlers(ctx: CaeaCtx): Record<string, (cuit: string, input: Record<string, any>) => string> {
  const grantXml = (c: FakeCaea | undefined, period: number, orden: number, errors: Msg[]) =>
    (c
      ? `<ResultGet><CAEA>${c.caea}</CAEA><Periodo>${c.period}</Periodo><Orden>${c.orden}</Orden><FchVigDesde>${ymd(c.from)}</FchVigDesde><FchVigHasta>${ymd(c.to)}</FchVigHasta><FchTopeInf>${ymd(c.tope)}</FchTopeInf><FchProceso>${c.proceso}</FchProceso></ResultGet>`
      : `<ResultGet><Periodo>${period}</Periodo><Orden>${orden}</Orden></ResultGet>`) + errXml(errors);
  const find = (cuit: string, period: number, orden: number) => ctx.state.caeas.find((c) => c.cuit === cuit && c.period === period && c.orden === orden);

  return {
    FECAEASolicitar(cuit, input) {
      const period = Number(input.Periodo);
      const orden = Number(input.Orden);
      if (!/^\d{6}$/.test(String(input.Periodo)) || period % 100 < 1 || period % 100 > 12 || ![1, 2].includes(orden))
        return grantXml(undefined, period, orden, [{ code: 15002, msg: "Periodo u Orden inválidos." }]);
      if (find(cuit, period, orden))
        return grantXml(undefined, period, orden, [{ code: 15008, msg: "Existe un CAEA otorgado para el período y orden solicitados. Consultar con FECAEAConsultar." }]);
      const { from, to } = fortnightRange(period, orden);
      const today = arDate(ctx.now());
      if (today < addDays(from, -5) || today > to)
        return grantXml(undefined, period, orden, [{ code: 15006, msg: "El CAEA puede solicitarse desde 5 días corridos antes del inicio de la quincena y hasta su fin." }]);
      const c: FakeCaea = {
        cuit,
        period,
        orden,
        caea: `3${String(period).slice(2)}${orden}${String(Math.floor(Math.random() * 1e7)).padStart(7, "0")}`.slice(0, 14).padEnd(14, "0"),
        from,
        to,
        tope: addDays(to, 8),
        proceso: ymd(today),
      };
      ctx.state.caeas.push(c);
      ctx.save();
      return grantXml(c, period, orden, []);
    },

    FECAEAConsultar(cuit, input) {
      const period = Number(input.Periodo);
      const orden = Number(input.Orden);
      const c = find(cuit, period, orden);
      return grantXml(c, period, orden, c ? [] : [{ code: 602, msg: "No existen datos en nuestros registros para los parametros ingresados." }]);
    },

    FECAEARegInformativo(cuit, input) {
      const req = input.FeCAEARegInfReq ?? {};
      const ptoVta = Number(req.FeCabReq?.PtoVta);
      const cbteTipo = Number(req.FeCabReq?.CbteTipo);
      const dets = (req.FeDetReq?.FECAEADetRequest ?? []) as Record<string, any>[];
      const today = arDate(ctx.now());
      const pos = ctx.state.pointsOfSale[cuit] ?? ctx.defaultPointsOfSale();
      const posErr = pos.find((p) => p.nro === ptoVta)?.emisionTipo === "CAEA" ? [] : [{ code: 1006, msg: `El punto de venta ${ptoVta} no está habilitado para CAEA.` }];
      const results = dets.map((d) => {
        const nro = Number(d.CbteDesde);
        const obs: Msg[] = [...posErr];
        const caea = ctx.state.caeas.find((c) => c.cuit === cuit && c.caea === String(d.CAEA ?? ""));
        const fch = String(d.CbteFch ?? "");
        if (!caea) obs.push({ code: 1001, msg: "El CAEA informado no existe o no pertenece al CUIT." });
        else if (!/^\d{8}$/.test(fch) || iso(fch) < caea.from || iso(fch) > caea.to) obs.push({ code: 1002, msg: "CbteFch fuera de la vigencia del CAEA." });
        else if (today > caea.tope) obs.push({ code: 1003, msg: `Fuera del plazo para informar (FchTopeInf ${caea.tope}).` });
        if (!/^\d{14}$/.test(String(d.CbteFchHsGen ?? ""))) obs.push({ code: 1004, msg: "CbteFchHsGen es obligatorio (yyyymmddhhmiss)." });
        if (ctx.state.reported.some((r) => r.cuit === cuit && r.ptoVta === ptoVta && r.cbteTipo === cbteTipo && r.nro === nro))
          obs.push({ code: 1005, msg: `El comprobante ${ptoVta}-${nro} ya fue informado.` });
        const parts = [d.ImpTotConc, d.ImpNeto, d.ImpOpEx, d.ImpTrib, d.ImpIVA].map((v) => String(v ?? "0"));
        if (!dec(String(d.ImpTotal ?? "0")).eq(sum(parts))) obs.push({ code: 10048, msg: "ImpTotal no coincide con la suma de los importes." });
        const key = `${ptoVta}:${cbteTipo}:${nro}`;
        const injected = ctx.recordRejections.get(key);
        if (injected && !obs.length) {
          ctx.recordRejections.delete(key);
          obs.push(...injected);
        }
        if (!obs.length) {
          ctx.state.reported.push({ cuit, ptoVta, cbteTipo, nro, caea: String(d.CAEA), cbteFch: fch, hsGen: String(d.CbteFchHsGen), impTotal: String(d.ImpTotal), docTipo: Number(d.DocTipo), docNro: String(d.DocNro) });
        }
        return { d, nro, obs, resultado: obs.length ? "R" : "A" };
      });
      ctx.save();
      const accepted = results.filter((r) => r.resultado === "A").length;
      const resultado = accepted === results.length ? "A" : accepted === 0 ? "R" : "P";
      return (
        `<FeCabResp><Cuit>${cuit}</Cuit><PtoVta>${ptoVta}</PtoVta><CbteTipo>${cbteTipo}</CbteTipo><FchProceso>${ymd(today)}</FchProceso><CantReg>${dets.length}</CantReg><Resultado>${resultado}</Resultado><Reproceso>N</Reproceso></FeCabResp>` +
        `<FeDetResp>${results
          .map(
            (r) =>
              `<FECAEADetResponse><Concepto>${r.d.Concepto}</Concepto><DocTipo>${r.d.DocTipo}</DocTipo><DocNro>${r.d.DocNro}</DocNro><CbteDesde>${r.nro}</CbteDesde><CbteHasta>${r.d.CbteHasta}</CbteHasta><CbteFch>${r.d.CbteFch}</CbteFch><Resultado>${r.resultado}</Resultado>${obsXml(r.obs)}<CAEA>${escapeXml(String(r.d.CAEA ?? ""))}</CAEA></FECAEADetResponse>`,
          )
          .join("")}</FeDetResp>`
      );
    },

    FECAEASinMovimientoInformar(cuit, input) {
      const ptoVta = Number(input.PtoVta);
      const caeaCode = String(input.CAEA ?? "");
      const base = (resultado: string, errors: Msg[], proceso = "") =>
        `<CAEA>${escapeXml(caeaCode)}</CAEA><FchProceso>${proceso}</FchProceso><PtoVta>${ptoVta}</PtoVta><Resultado>${resultado}</Resultado>${errXml(errors)}`;
      const caea = ctx.state.caeas.find((c) => c.cuit === cuit && c.caea === caeaCode);
      if (!caea) return base("R", [{ code: 1001, msg: "El CAEA informado no existe o no pertenece al CUIT." }]);
      if (ctx.state.reported.some((r) => r.cuit === cuit && r.ptoVta === ptoVta && r.caea === caeaCode))
        return base("R", [{ code: 1007, msg: "El punto de venta tiene comprobantes informados con este CAEA." }]);
      if (ctx.state.noMovement.some((n) => n.cuit === cuit && n.ptoVta === ptoVta && n.caea === caeaCode))
        return base("R", [{ code: 1008, msg: "Ya se informó sin movimiento para este CAEA y punto de venta." }]);
      const proceso = ymd(arDate(ctx.now()));
      ctx.state.noMovement.push({ cuit, ptoVta, caea: caeaCode, proceso });
      ctx.save();
      return base("A", [], proceso);
    },

    FEParamGetPtosVenta(cuit) {
      const pos = ctx.state.pointsOfSale[cuit] ?? ctx.defaultPointsOfSale();
      return `<ResultGet>${pos
        .map((p) => `<PtoVenta><Nro>${p.nro}</Nro><EmisionTipo>${p.emisionTipo}</EmisionTipo><Bloqueado>${p.bloqueado ? "S" : "N"}</Bloqueado><FchBaja>NULL</FchBaja></PtoVenta>`)
        .join("")}</ResultGet>`;
    },

    FEParamGetCondicionIvaReceptor() {
      const list: [number, string, string][] = [
        [1, "IVA Responsable Inscripto", "A/M/C"],
        [4, "IVA Sujeto Exento", "B/C"],
        [5, "Consumidor Final", "B/C"],
        [6, "Responsable Monotributo", "A/M/C"],
        [7, "Sujeto No Categorizado", "B/C"],
        [8, "Proveedor del Exterior", "B/C"],
        [9, "Cliente del Exterior", "B/C"],
        [10, "IVA Liberado – Ley N° 19.640", "B/C"],
        [13, "Monotributista Social", "A/M/C"],
        [15, "IVA No Alcanzado", "B/C"],
        [16, "Monotributo Trabajador Independiente Promovido", "A/M/C"],
      ];
      return `<ResultGet>${list.map(([id, d, c]) => `<CondicionIvaReceptor><Id>${id}</Id><Desc>${escapeXml(d)}</Desc><Cmp_Clase>${c}</Cmp_Clase></CondicionIvaReceptor>`).join("")}</ResultGet>`;
    },
  };
}
