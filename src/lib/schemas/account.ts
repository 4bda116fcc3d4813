import { z } from "zod";

// Account fields shared by the server procedures and the forms.
export const ZEmail = z.string().trim().toLowerCase().max(254, "El e-mail es demasiado largo").email("E-mail inválido");
export const ZPassword = z.string().min(8, "La contraseña debe tener al menos 8 caracteres").max(200, "Usá como máximo 200 caracteres");
export const ZPersonName = z.string().trim().min(2, "Ingresá el nombre").max(120, "Usá como máximo 120 caracteres");
