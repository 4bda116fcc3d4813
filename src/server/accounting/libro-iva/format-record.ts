import { dec } from "@/lib/decimal";
import type { FieldDesign, RecordDesign } from "./record-design";

export type RecordValues = Record<string, string | number | null | undefined>;

/** Characters ISO-8859-1 can't hold become "?"; control characters go (printable ASCII as is). */
const PRINTABLE_ASCII = /^[\u0020-\u007e]*$/;
function latin1(s: string): string {
  if (PRINTABLE_ASCII.test(s)) return s;
  return s
    .normalize("NFC")
    .replace(/[\u0000-\u001f\u007f]/g, " ")
    .replace(/[^\u0020-\u00ff]/g, "?");
}

const PLAIN_AMOUNT = /^(-?)(\d+)(?:\.(\d{1,2}))?$/;
const ALL_DIGITS = /^\d*$/;

function formatField(fd: FieldDesign, raw: string | number | null | undefined): string {
  const v = raw === null || raw === undefined ? "" : String(raw);
  switch (fd.kind) {
    case "A":
      return latin1(v).slice(0, fd.length).padEnd(fd.length, " ");
    case "N":
    case "DATE": {
      const digits = ALL_DIGITS.test(v) ? v : v.replace(/\D/g, "");
      if (digits.length > fd.length) throw new RangeError(`${fd.label}: «${v}» no entra en ${fd.length} dígitos`);
      return digits.padStart(fd.length, "0");
    }
    case "AMT": {
      const fast = PLAIN_AMOUNT.exec(v);
      if (fast) {
        // The database's own text ("1234.5", "-0.25"): cents by string, no decimal arithmetic
        // (a month's files format about a million amounts). Same result as the general path.
        const neg = fast[1] === "-";
        const body = (fast[2]! + (fast[3] ?? "").padEnd(2, "0")).replace(/^0+(?=\d)/, "");
        const width = neg ? fd.length - 1 : fd.length;
        if (body.length > width) throw new RangeError(`${fd.label}: ${v} excede ${fd.length} posiciones`);
        return (neg ? "-" : "") + body.padStart(width, "0");
      }
      const cents = dec(v || "0").times(100).toDecimalPlaces(0);
      const neg = cents.isNegative();
      const body = cents.abs().toFixed(0);
      const width = neg ? fd.length - 1 : fd.length;
      if (body.length > width) throw new RangeError(`${fd.label}: ${v} excede ${fd.length} posiciones`);
      return (neg ? "-" : "") + body.padStart(width, "0");
    }
    case "RATE": {
      // Pesos: the rate is 1 on every record.
      if (v === "1") return "1000000".padStart(fd.length, "0");
      const micro = dec(v || "1").times(1_000_000).toDecimalPlaces(0).toFixed(0);
      if (micro.length > fd.length) throw new RangeError(`${fd.label}: ${v} excede ${fd.length} posiciones`);
      return micro.padStart(fd.length, "0");
    }
  }
}

/** One fixed-width record from its design; every field must be given (or be empty on purpose). */
export function formatRecord(design: RecordDesign, values: RecordValues): string {
  let line = "";
  for (const fd of design.fields) {
    if (!(fd.key in values)) throw new Error(`${design.file}: falta el campo ${fd.key}`);
    line += formatField(fd, values[fd.key]);
  }
  if (line.length !== design.length) throw new Error(`${design.file}: el registro mide ${line.length}, no ${design.length}`);
  return line;
}

/** Reads a record back into its fields (tests and the pre-check use it). */
export function parseRecord(design: RecordDesign, line: string): Record<string, string> {
  const out: Record<string, string> = {};
  let pos = 0;
  for (const fd of design.fields) {
    out[fd.key] = line.slice(pos, pos + fd.length);
    pos += fd.length;
  }
  return out;
}
