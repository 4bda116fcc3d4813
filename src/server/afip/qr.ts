import { dec } from "@/lib/decimal";

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
    importe: "__IMPORTE__",
    moneda: i.currency ?? "PES",
    ctz: i.rate ?? 1,
    tipoDocRec: i.receiverDocType,
    nroDocRec: Number(i.receiverDocNumber || "0"),
    tipoCodAut: i.authType ?? "E",
    codAut: Number(i.cae),
  };
  // The amount is a JSON number written from the decimal (never through a float): 2 places.
  const json = JSON.stringify(payload).replace('"__IMPORTE__"', dec(i.total).toDecimalPlaces(2).toFixed(2));
  return `https://www.afip.gob.ar/fe/qr/?p=${Buffer.from(json, "utf8").toString("base64")}`;
}
