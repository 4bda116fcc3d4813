import { z } from "zod";

/** Every id is a UUID (SPEC): refused before it reaches SQL. */
export const ZId = z.uuid("Identificador inválido");
/** An id a person picks in a form; the message names what to pick. */
export const zIdOf = (what: string) => z.uuid(`Elegí ${what}`);
