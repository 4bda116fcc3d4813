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
