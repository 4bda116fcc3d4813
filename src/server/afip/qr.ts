// RG 4291 / RG 4892 QR payload: https://www.afip.gob.ar/fe/qr/?p=base64(JSON).

export type QrInput = {
  /** YYYY-MM-DD */
  date: string;
  cuit: string;
  pointOfSale: number;
  cbteTipo: number;
  number: number;
  total: string;
  currency?: string;
  rate?: number;
  receiverDocType: number;
  receiverDocNumber: string;
  cae: string;
  authType?: "E" | "A";
};

export function afipQrUrl(i: QrInput): string {
  const payload = {
    ver: 1,
    fecha: i.date,
    cuit: Number(i.cuit),
    ptoVta: i.pointOfSale,
    tipoCmp: i.cbteTipo,
    nroCmp: i.number,
    importe: Number(i.total),
    moneda: i.currency ?? "PES",
    ctz: i.rate ?? 1,
    tipoDocRec: i.receiverDocType,
    nroDocRec: Number(i.receiverDocNumber || "0"),
    tipoCodAut: i.authType ?? "E",
    codAut: Number(i.cae),
  };
  return `https://www.afip.gob.ar/fe/qr/?p=${Buffer.from(JSON.stringify(payload), "utf8").toString("base64")}`;
}
