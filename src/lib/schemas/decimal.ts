import { z } from "zod";
import "../zod-es"; // Spanish messages for every schema, wherever the shared schemas load (jobs, scripts).
import { CANONICAL, readDecimal, toWire, type ReadOptions } from "../number";
import { NUMERIC, type NumericShape } from "./numeric";

// One schema per kind of number. Each accepts what the wire carries (numbers, canonical
// decimal strings such as "1500.50") and es-AR text ("1.234,56"), refuses anything ambiguous
// with the reading it would have made, enforces the column's precision/scale, and outputs the
// canonical decimal string the numeric column stores.

type DecimalRules = {
  /** Negative values allowed (adjustments, deviations). */
  allowNegative?: boolean;
  /** Zero and negatives refused, with this message: quantities received or sold, payments. */
  positive?: string;
  /** An empty string reads as 0 (optional numeric fields of a form). */
  emptyAsZero?: boolean;
};

function decimalSchema(shape: NumericShape, label: string, rules: DecimalRules = {}) {
  const options: ReadOptions = {
    label,
    allowNegative: rules.allowNegative,
    maxScale: shape.scale,
    maxIntegerDigits: shape.precision - shape.scale,
  };
  const wire = z.union([z.string().max(40, `${label}: demasiado largo`), z.number()], { error: `${label}: ingresá un número` });
  return wire.transform((raw, ctx) => {
    const input = rules.emptyAsZero && typeof raw === "string" && raw.trim() === "" ? "0" : raw;
    const r = readDecimal(input, options);
    if (!r.ok) {
      ctx.addIssue({ code: "custom", message: r.message });
      return z.NEVER;
    }
    if (rules.positive && !r.value.gt(0)) {
      ctx.addIssue({ code: "custom", message: rules.positive });
      return z.NEVER;
    }
    // A canonical string passes through as sent ("1234.5000" stays so: queued offline sales
    // and idempotent replays compare what they stored); anything else is normalized.
    return typeof input === "string" && CANONICAL.test(input.trim()) ? input.trim() : toWire(r.value);
  });
}

/** Money amounts (totals, payments, floats): numeric(14,2). */
export const zMoney = (label = "Importe", rules?: DecimalRules) => decimalSchema(NUMERIC.money, label, rules);
/** Quantities (units, kg, l): numeric(14,3). */
export const zQuantity = (label = "Cantidad", rules?: DecimalRules) => decimalSchema(NUMERIC.quantity, label, rules);
/** Unit costs: numeric(14,4). */
export const zCost = (label = "Costo", rules?: DecimalRules) => decimalSchema(NUMERIC.unitPrice, label, rules);
/** Unit prices: numeric(14,4). */
export const zPrice = (label = "Precio", rules?: DecimalRules) => decimalSchema(NUMERIC.unitPrice, label, rules);
/** Percentages (rates, discounts): numeric(5,2); negative only where the field allows it. */
export const zPercent = (label = "Porcentaje", rules?: DecimalRules) => decimalSchema(NUMERIC.percent, label, rules);
