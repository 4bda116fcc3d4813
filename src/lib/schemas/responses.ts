import { z } from "zod";
import { ROLES } from "../permissions";

// Response shapes many procedures share (`.output(...)`): one definition each.

/** A mutation whose only news is that it happened. */
export const ZOkResponse = z.object({ ok: z.literal(true) });
/** A mutation that answers the id of what it created or changed. */
export const ZIdResponse = z.object({ id: z.uuid() });
export const ZRole = z.enum(ROLES);
