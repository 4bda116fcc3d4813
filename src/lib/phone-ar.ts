// Argentine phone numbers as people write them ("011 15-4123-4567", "(0351) 15 456-7890",
// "+54 9 11 4123-4567", "11 4123 4567") → the international digits wa.me expects for a
// mobile: 54 9 <area code without 0> <number without 15>. A national number is 10 digits
// (area code + subscriber); the trunk "0" and the mobile "15" are dialling prefixes only.

const NATIONAL_DIGITS = 10;

/** Drops the "15" written after a 2-, 3- or 4-digit area code ("11 15 41234567" → "1141234567"). */
function dropMobilePrefix(digits: string): string | null {
  if (digits.length === NATIONAL_DIGITS) return digits;
  if (digits.length !== NATIONAL_DIGITS + 2) return null;
  for (const area of [2, 3, 4]) {
    if (digits.slice(area, area + 2) === "15") return digits.slice(0, area) + digits.slice(area + 2);
  }
  return null;
}

/** wa.me digits for an Argentine phone, or null when it cannot be read as one. */
export function whatsappNumberAr(phone: string | null | undefined): string | null {
  if (!phone) return null;
  let d = phone.replace(/\D/g, "");
  if (d.startsWith("00")) d = d.slice(2);
  if (d.startsWith("54")) {
    d = d.slice(2);
    if (d.startsWith("9")) d = d.slice(1);
  }
  if (d.startsWith("0")) d = d.slice(1);
  const national = dropMobilePrefix(d);
  return national ? `549${national}` : null;
}
