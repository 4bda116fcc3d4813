import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "../db/client";
import type { PresentationOption } from "../db/schema/purchasing";
import { dec, Decimal, qty } from "@/lib/decimal";
import { TENANT } from "./common";
import { notify } from "./notifications";
import { unitWord } from "@/lib/plural";

// Replenishment suggestions (SPEC §7), computed set-based in one SQL statement:
// - a product without family below stockMin → stockIdeal − stock − on order;
// - a family → target − Σ stock × factor − Σ on order × factor (base units), proposed as
//   whole packs of each member ("5300 g de cacao ≈ 6 × 900 g o 14 × 400 g");
// with the last unit cost and supplier. Open orders (DRAFT, SENT, PARTIAL) count as on
// the way. One run per tenant and day: the cron reuses it, "recalcular" refreshes the
// still-pending suggestions and keeps those already ordered or dismissed.

type Candidate = {
  kind: "PRODUCT" | "FAMILY";
  item_id: string;
  label: string;
  unit: string;
  stock: string;
  target: string;
  on_order: string;
  need: string;
  product_id: string | null;
  unit_cost: string | null;
  supplier_id: string | null;
  options: { productId: string; name: string; factor: string; lastUnitCost: string | null; supplierId: string | null; room?: string | null }[] | null;
};

export async function computeCandidates(tx: Tx): Promise<Candidate[]> {
  return tx.execute<Candidate>(sql`
    with stock as (
      select product_id, sum(quantity) as qty from stock_levels group by product_id
    ), on_order as (
      select l.product_id, sum(greatest(l.quantity - l.received_quantity, 0)) as qty
      from purchase_order_lines l join purchase_orders o on o.tenant_id = l.tenant_id and o.id = l.order_id
      where o.status in ('DRAFT', 'SENT', 'PARTIAL') group by l.product_id
    ), last_receipt as (
      select distinct on (rl.product_id) rl.product_id, rl.unit_cost, r.supplier_id
      from goods_receipt_lines rl join goods_receipts r on r.tenant_id = rl.tenant_id and r.id = rl.receipt_id
      order by rl.product_id, r.received_on desc, r.created_at desc
    ), last_price as (
      select distinct on (product_id) product_id, supplier_id, round(pack_cost / units_per_pack, 4) as unit_cost
      from supplier_products order by product_id, updated_at desc
    ), last_lot as (
      select distinct on (product_id) product_id, unit_cost from lots where not is_deficit
      order by product_id, received_at desc, created_at desc
    ), p as (
      select p.id, p.name, p.unit, p.family_id, p.conversion_factor, p.stock_min, p.stock_ideal, p.stock_max,
             -- stockMax (when set) caps the target: never suggest buying above the shelf's maximum.
             case when p.stock_max > 0 then least(greatest(p.stock_ideal, p.stock_min), p.stock_max) else greatest(p.stock_ideal, p.stock_min) end as target,
             coalesce(s.qty, 0) as stock, coalesce(o.qty, 0) as on_order,
             coalesce(lr.unit_cost, lp.unit_cost, ll.unit_cost) as unit_cost,
             coalesce(lr.supplier_id, lp.supplier_id) as supplier_id
      from products p
      left join stock s on s.product_id = p.id
      left join on_order o on o.product_id = p.id
      left join last_receipt lr on lr.product_id = p.id
      left join last_price lp on lp.product_id = p.id
      left join last_lot ll on ll.product_id = p.id
      where p.active and not p.is_service
    )
    select 'PRODUCT' as kind, p.id as item_id, p.name as label, p.unit, p.stock::text, p.target::text as target,
           p.on_order::text, (p.target - p.stock - p.on_order)::numeric(14,3)::text as need,
           p.id as product_id, p.unit_cost::text, p.supplier_id, null::jsonb as options
    from p
    where p.family_id is null and p.stock_min > 0 and p.stock < p.stock_min
      and p.target - p.stock - p.on_order > 0
    union all
    select 'FAMILY', f.id, f.name, f.base_unit::text,
           sum(p.stock * p.conversion_factor)::numeric(14,3)::text, f.target_stock::text,
           sum(p.on_order * p.conversion_factor)::numeric(14,3)::text,
           (f.target_stock - sum(p.stock * p.conversion_factor) - sum(p.on_order * p.conversion_factor))::numeric(14,3)::text,
           null, null, null,
           jsonb_agg(jsonb_build_object('productId', p.id, 'name', p.name, 'factor', p.conversion_factor::text,
                                        'lastUnitCost', p.unit_cost::text, 'supplierId', p.supplier_id,
                                        'room', case when p.stock_max > 0 then greatest(0, p.stock_max - p.stock - p.on_order)::text end)
                     order by p.conversion_factor desc)
    from product_families f join p on p.family_id = f.id
    where f.target_stock > 0 and f.active
    group by f.id, f.name, f.base_unit, f.target_stock
    having f.target_stock - sum(p.stock * p.conversion_factor) - sum(p.on_order * p.conversion_factor) > 0
    order by 3`);
}

/** es-AR decimals without thousands grouping, as the spec writes it ("5300 g"); display only. */
const formatQty = (v: string) => new Intl.NumberFormat("es-AR", { maximumFractionDigits: 3, useGrouping: false }).format(Number(v));

const baseUnitLabel = (u: string) => (u === "unit" ? "u" : u);

/** Whole packs of each presentation that cover the need; the default is the cheapest per base unit. */
export function presentationOptions(need: string, members: NonNullable<Candidate["options"]>): { options: PresentationOption[]; chosen: PresentationOption } {
  // A member's stockMax caps its packs (room = max − stock − on order); members with no room
  // left drop out, unless none has room (then the family's need stands uncapped).
  const all = members.map(({ room, ...m }) => {
    const packs = dec(need).div(m.factor).ceil();
    return { ...m, packs: (room == null ? packs : Decimal.min(packs, dec(room).floor())).toFixed(0) };
  });
  const withRoom = all.filter((o) => dec(o.packs).gt(0));
  const options = withRoom.length ? withRoom : members.map(({ room: _r, ...m }) => ({ ...m, packs: dec(need).div(m.factor).ceil().toFixed(0) }));
  const priced = options.filter((o) => o.lastUnitCost !== null && dec(o.lastUnitCost).gt(0));
  const chosen = priced.length
    ? priced.reduce((best, o) => (dec(o.lastUnitCost!).div(o.factor).lt(dec(best.lastUnitCost!).div(best.factor)) ? o : best))
    : options[0]!; // largest presentation (options come ordered by factor desc)
  return { options, chosen };
}

export function familySummary(need: string, unit: string, familyName: string, options: PresentationOption[]): string {
  const u = baseUnitLabel(unit);
  const packs = options.map((o) => `${o.packs} × ${formatQty(o.factor)} ${u}`).join(" o ");
  return `${formatQty(need)} ${u} de ${familyName.toLowerCase()} ≈ ${packs}`;
}

export type ReplenishmentRunResult = { runId: string; runOn: string; skipped: boolean; suggestions: number; created: number };

/**
 * Computes today's suggestions. mode "cron": a run that already exists for the day is left
 * alone (idempotent per tenant and day). mode "manual": refreshes the day's pending ones.
 */
export async function runReplenishment(tx: Tx, opts: { today: string; mode: "cron" | "manual" }): Promise<ReplenishmentRunResult> {
  const [inserted] = await tx.execute<{ id: string }>(sql`
    insert into replenishment_runs (tenant_id, run_on) values (${TENANT}, ${opts.today})
    on conflict (tenant_id, run_on) do nothing returning id`);
  let runId = inserted?.id;
  if (!runId) {
    const [existing] = await tx.execute<{ id: string }>(sql`select id from replenishment_runs where run_on = ${opts.today} for update`);
    runId = existing!.id;
    if (opts.mode === "cron") {
      const [c] = await tx.execute<{ n: number }>(sql`select count(*)::int as n from replenishment_suggestions where run_id = ${runId}`);
      return { runId, runOn: opts.today, skipped: true, suggestions: c!.n, created: 0 };
    }
    await tx.execute(sql`delete from replenishment_suggestions where run_id = ${runId} and status = 'PENDING'`);
    await tx.execute(sql`update replenishment_runs set computed_at = now() where id = ${runId}`);
  }

  const candidates = await computeCandidates(tx);
  const rows = candidates.map((c) => {
    if (c.kind === "PRODUCT") {
      return {
        familyId: null,
        productId: c.product_id,
        label: c.label,
        summary: `${formatQty(c.need)} ${unitWord(c.need, baseUnitLabel(c.unit))} de ${c.label} (stock ${formatQty(c.stock)}${dec(c.on_order).gt(0) ? `, ${formatQty(c.on_order)} en camino` : ""})`,
        unit: c.unit,
        quantity: dec(c.need).toFixed(3),
        unitCost: c.unit_cost,
        supplierId: c.supplier_id,
        options: [] as PresentationOption[],
        c,
      };
    }
    const { options, chosen } = presentationOptions(c.need, c.options!);
    return {
      familyId: c.item_id,
      productId: chosen.productId,
      label: c.label,
      summary: familySummary(c.need, c.unit, c.label, options),
      unit: c.unit,
      quantity: qty(chosen.packs),
      unitCost: chosen.lastUnitCost,
      supplierId: chosen.supplierId ?? options.find((o) => o.supplierId)?.supplierId ?? null,
      options,
      c,
    };
  });
  let created = 0;
  if (rows.length) {
    const values = sql.join(
      rows.map(
        (r) => sql`(${TENANT}, ${runId}::uuid, ${r.familyId}::uuid, ${r.productId}::uuid, ${r.label}, ${r.summary}, ${r.unit},
          ${r.c.stock}::numeric, ${r.c.target}::numeric, ${r.c.on_order}::numeric, ${r.c.need}::numeric, ${r.quantity}::numeric,
          ${r.unitCost}::numeric, ${r.supplierId}::uuid, ${JSON.stringify(r.options)}::jsonb)`,
      ),
      sql`, `,
    );
    // Items already ordered or dismissed today keep their row (unique per run and item).
    const ins = await tx.execute(sql`
      insert into replenishment_suggestions (tenant_id, run_id, family_id, product_id, label, summary, unit, stock, target, on_order, need,
        quantity, unit_cost, supplier_id, options)
      values ${values}
      on conflict do nothing returning id`);
    created = ins.length;
  }
  if (created > 0) {
    await notify(tx, [
      {
        kind: "REPLENISHMENT",
        title: `${rows.length} ${rows.length === 1 ? "sugerencia" : "sugerencias"} de reposición`,
        body: rows.slice(0, 3).map((r) => r.summary).join(" · "),
        link: "/compras/sugerencias",
        data: { runId },
        dedupeKey: `replenishment:${opts.today}`,
      },
    ]);
  }
  return { runId, runOn: opts.today, skipped: false, suggestions: rows.length, created };
}
