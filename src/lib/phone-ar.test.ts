import { describe, expect, it } from "vitest";
import { whatsappNumberAr } from "./phone-ar";

describe("whatsappNumberAr: Argentine phones for wa.me", () => {
  it.each([
    ["011 15-4123-4567", "5491141234567"],
    ["11 4123 4567", "5491141234567"],
    ["+54 9 11 4123-4567", "5491141234567"],
    ["+54 11 4123-4567", "5491141234567"],
    ["0054 9 11 41234567", "5491141234567"],
    ["(0351) 15 456-7890", "5493514567890"],
    ["0351 456-7890", "5493514567890"],
    ["(02966) 15 42-3456", "5492966423456"],
    ["+549 2966 423456", "5492966423456"],
  ])("%s → %s", (phone, wa) => expect(whatsappNumberAr(phone)).toBe(wa));

  it.each([[""], [null], ["4123-4567"], ["123"], ["+1 415 555 0100 22"]])("%s cannot be read as an Argentine phone", (phone) =>
    expect(whatsappNumberAr(phone)).toBeNull(),
  );
});
