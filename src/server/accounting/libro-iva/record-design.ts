// ARCA's record design for the Libro IVA Digital import files (RG 4597, "Diseños de registro",
// same layout as the former RG 3685 régimen informativo). This table is the single source the
// writer and the tests read: a field's position is the sum of the lengths before it.
//
// Kinds: N = numeric, right-aligned, zero-padded. A = alphanumeric, left-aligned, space-padded.
// AMT = amount: 15 digits, 13 integers + 2 implied decimals, zero-padded; a negative amount carries
// "-" in its first position. RATE = tipo de cambio: 10 digits, 4 integers + 6 implied decimals.
// DATE = AAAAMMDD. Files are ISO-8859-1, one record per line, CRLF line ends.

export type FieldKind = "N" | "A" | "AMT" | "RATE" | "DATE";
export type FieldDesign = { key: string; label: string; length: number; kind: FieldKind };
export type RecordDesign = { file: string; length: number; fields: FieldDesign[] };

const f = (key: string, label: string, length: number, kind: FieldKind): FieldDesign => ({ key, label, length, kind });

export const VENTAS_CBTE: RecordDesign = {
  file: "LIBRO_IVA_DIGITAL_VENTAS_CBTE",
  length: 266,
  fields: [
    f("fecha", "Fecha de comprobante", 8, "DATE"),
    f("tipo", "Tipo de comprobante", 3, "N"),
    f("puntoVenta", "Punto de venta", 5, "N"),
    f("numero", "Número de comprobante", 20, "N"),
    f("numeroHasta", "Número de comprobante hasta", 20, "N"),
    f("docCodigo", "Código de documento del comprador", 2, "N"),
    f("docNumero", "Número de identificación del comprador", 20, "N"),
    f("nombre", "Apellido y nombre o denominación del comprador", 30, "A"),
    f("total", "Importe total de la operación", 15, "AMT"),
    f("noGravado", "Importe total de conceptos que no integran el precio neto gravado", 15, "AMT"),
    f("percNoCategorizados", "Percepción a no categorizados", 15, "AMT"),
    f("exento", "Importe de operaciones exentas", 15, "AMT"),
    f("percNacionales", "Importe de percepciones o pagos a cuenta de impuestos nacionales", 15, "AMT"),
    f("percIibb", "Importe de percepciones de ingresos brutos", 15, "AMT"),
    f("percMunicipales", "Importe de percepciones de impuestos municipales", 15, "AMT"),
    f("internos", "Importe de impuestos internos", 15, "AMT"),
    f("moneda", "Código de moneda", 3, "A"),
    f("tipoCambio", "Tipo de cambio", 10, "RATE"),
    f("cantAlicuotas", "Cantidad de alícuotas de IVA", 1, "N"),
    f("codOperacion", "Código de operación", 1, "A"),
    f("otrosTributos", "Otros tributos", 15, "AMT"),
    f("fechaVtoPago", "Fecha de vencimiento o pago", 8, "N"),
  ],
};

export const VENTAS_ALICUOTAS: RecordDesign = {
  file: "LIBRO_IVA_DIGITAL_VENTAS_ALICUOTAS",
  length: 62,
  fields: [
    f("tipo", "Tipo de comprobante", 3, "N"),
    f("puntoVenta", "Punto de venta", 5, "N"),
    f("numero", "Número de comprobante", 20, "N"),
    f("neto", "Importe neto gravado", 15, "AMT"),
    f("alicuota", "Alícuota de IVA", 4, "N"),
    f("impuesto", "Impuesto liquidado", 15, "AMT"),
  ],
};

export const COMPRAS_CBTE: RecordDesign = {
  file: "LIBRO_IVA_DIGITAL_COMPRAS_CBTE",
  length: 325,
  fields: [
    f("fecha", "Fecha de comprobante o fecha de oficialización", 8, "DATE"),
    f("tipo", "Tipo de comprobante", 3, "N"),
    f("puntoVenta", "Punto de venta", 5, "N"),
    f("numero", "Número de comprobante", 20, "N"),
    f("despacho", "Despacho de importación", 16, "A"),
    f("docCodigo", "Código de documento del vendedor", 2, "N"),
    f("docNumero", "Número de identificación del vendedor", 20, "N"),
    f("nombre", "Apellido y nombre o denominación del vendedor", 30, "A"),
    f("total", "Importe total de la operación", 15, "AMT"),
    f("noGravado", "Importe total de conceptos que no integran el precio neto gravado", 15, "AMT"),
    f("exento", "Importe de operaciones exentas", 15, "AMT"),
    f("percIva", "Importe de percepciones o pagos a cuenta del impuesto al valor agregado", 15, "AMT"),
    f("percNacionales", "Importe de percepciones o pagos a cuenta de otros impuestos nacionales", 15, "AMT"),
    f("percIibb", "Importe de percepciones de ingresos brutos", 15, "AMT"),
    f("percMunicipales", "Importe de percepciones de impuestos municipales", 15, "AMT"),
    f("internos", "Importe de impuestos internos", 15, "AMT"),
    f("moneda", "Código de moneda", 3, "A"),
    f("tipoCambio", "Tipo de cambio", 10, "RATE"),
    f("cantAlicuotas", "Cantidad de alícuotas de IVA", 1, "N"),
    f("codOperacion", "Código de operación", 1, "A"),
    f("creditoFiscal", "Crédito fiscal computable", 15, "AMT"),
    f("otrosTributos", "Otros tributos", 15, "AMT"),
    f("cuitCorredor", "CUIT emisor/corredor", 11, "N"),
    f("nombreCorredor", "Denominación del emisor/corredor", 30, "A"),
    f("ivaComision", "IVA comisión", 15, "AMT"),
  ],
};

export const COMPRAS_ALICUOTAS: RecordDesign = {
  file: "LIBRO_IVA_DIGITAL_COMPRAS_ALICUOTAS",
  length: 84,
  fields: [
    f("tipo", "Tipo de comprobante", 3, "N"),
    f("puntoVenta", "Punto de venta", 5, "N"),
    f("numero", "Número de comprobante", 20, "N"),
    f("docCodigo", "Código de documento del vendedor", 2, "N"),
    f("docNumero", "Número de identificación del vendedor", 20, "N"),
    f("neto", "Importe neto gravado", 15, "AMT"),
    f("alicuota", "Alícuota de IVA", 4, "N"),
    f("impuesto", "Impuesto liquidado", 15, "AMT"),
  ],
};

export const LIBRO_IVA_DESIGNS = { VENTAS_CBTE, VENTAS_ALICUOTAS, COMPRAS_CBTE, COMPRAS_ALICUOTAS } as const;
export type LibroIvaFile = keyof typeof LIBRO_IVA_DESIGNS;

/** 1-based start position of every field, from the lengths. */
export function fieldPositions(design: RecordDesign): { key: string; start: number; end: number }[] {
  let pos = 1;
  return design.fields.map((fd) => {
    const start = pos;
    pos += fd.length;
    return { key: fd.key, start, end: pos - 1 };
  });
}
