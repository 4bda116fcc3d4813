// GTIN check digits (EAN-8, UPC-A, EAN-13). Pure; shared by forms and the server.

/** True for 8, 12 or 13 digits whose last digit is the GS1 check digit of the rest. */
export function isValidBarcode(code: string): boolean {
  if (!/^(\d{8}|\d{12}|\d{13})$/.test(code)) return false;
  return gtinCheckDigit(code.slice(0, -1)) === Number(code[code.length - 1]);
}

/** GS1: from the right, weights 3,1,3,1… ; check = (10 − sum mod 10) mod 10. */
export function gtinCheckDigit(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const digit = Number(body[body.length - 1 - i]);
    sum += digit * (i % 2 === 0 ? 3 : 1);
  }
  return (10 - (sum % 10)) % 10;
}

/** Appends the check digit: withCheckDigit("779000000001") → 13-digit EAN. */
export const withCheckDigit = (body: string): string => body + String(gtinCheckDigit(body));

const CODE_SHAPE = /^[0-9A-Za-z\-.]{3,40}$/;
const GTIN_LENGTHS = new Set([8, 12, 13, 14]);

/**
 * The one check for a product's barcode, shared by the product form, its server schema and the
 * supplier CSV import, so a code one of them accepts the others accept too. Internal codes
 * (letters, or digits of a length no GTIN has) are allowed; anything with the length of an
 * EAN-8, UPC-A, EAN-13 or GTIN-14 must carry its GS1 check digit (a misread or mistyped scan
 * would otherwise become a product nobody can ever scan). Returns the problem, or null.
 */
export function barcodeProblem(raw: string): string | null {
  const code = raw.trim();
  if (code === "") return "Falta el código de barras";
  if (!CODE_SHAPE.test(code)) return `«${code.slice(0, 40)}» no es un código válido: de 3 a 40 letras, números, guiones o puntos`;
  if (/^\d+$/.test(code) && GTIN_LENGTHS.has(code.length)) {
    const expected = gtinCheckDigit(code.slice(0, -1));
    if (expected !== Number(code[code.length - 1])) return `«${code}»: el dígito verificador no corresponde (con esas cifras termina en ${expected})`;
  }
  return null;
}
