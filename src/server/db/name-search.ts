import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { TENANT } from "./current-tenant";
import { customerNameSearch, productNameSearch } from "./schema/search";


/** Counting stops here: past it a trigram is "common" and any common one drives as well. */
const RARITY_CAP = 500;

/** Does the text have a word of 3+ letters/digits, i.e. at least one trigram to drive a search? */
export const hasTrigram = (q: string) => /[\p{L}\p{N}]{3}/u.test(q);

/** LIKE pattern for "contains", with LIKE's own characters escaped (default escape: backslash). */
export const containsPattern = (q: string) => "%" + q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`) + "%";

/**
 * The rarest trigram of `q` among this tenant's rows of the side table, each count capped
 * (an index-only scan of at most RARITY_CAP tuples per trigram). Every trigram of the text
 * is in every matching name, so any one is a correct driver; the rarest reads the least.
 */
export function rarestTrigram(table: typeof productNameSearch | typeof customerNameSearch, q: string): SQL {
  return sql`(select g.t from unnest(name_trigrams(${q})) as g(t)
    order by (select count(*) from (select 1 from ${table} s where s.tenant_id = ${TENANT} and s.trigram = g.t limit ${RARITY_CAP}) c), g.t
    limit 1)`;
}
