import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { TENANT } from "../inventory/ledger";

// The SQL every journal source shares (see generate-journal.ts for the model).

export const ROUNDING_MAX = "0.05";

export const creditNoteTypes = sql`(3, 8, 13, 53)`;

/**
 * The shared tail: resolve accounts, fold the lines into the entry (plus a rounding line when
 * needed) and insert. `body` must define the CTEs `src(source_id, entry_date, description)` and
 * `lines(source_id, ord, key, scope, account_id, amt, memo)`.
 */
export function insertEntries(sourceType: string, body: SQL): SQL {
  return sql`
    with ${body},
    resolved as (
      select l.source_id, l.ord, l.key, l.scope, coalesce(l.account_id, ms.account_id, md.account_id) as account_id, l.amt, l.memo
      from lines l
      left join account_mappings ms on ms.key = l.key and ms.scope = l.scope and l.scope <> ''
      left join account_mappings md on md.key = l.key and md.scope = ''
      where l.amt <> 0
    ),
    agg as (
      -- The array's JSON text by concatenation, then one cast: per line, json_build_object
      -- cost more than the whole line's text (700,000 lines a month), jsonb_agg more still.
      -- to_json quotes the memo; an unmapped account is null, as before.
      select source_id, sum(amt) as diff,
             ('[' || string_agg('{"a":' || coalesce('"' || account_id::text || '"', 'null') || ',"d":"' || round(greatest(amt, 0), 2)::text
                                || '","c":"' || round(greatest(-amt, 0), 2)::text || '","m":' || coalesce(to_json(memo)::text, 'null') || '}', ','
                                order by ord, key, scope) || ']')::jsonb as lines
      from resolved group by source_id
    ),
    rounding as (select account_id from account_mappings where key = 'rounding' and scope = ''),
    ins as (
      insert into journal_entries (tenant_id, source_type, source_id, role, entry_date, description, lines)
      select ${TENANT}, ${sourceType}, src.source_id, 'ORIGINAL', src.entry_date, left(src.description, 200),
             case when a.diff <> 0 and abs(a.diff) <= ${ROUNDING_MAX}::numeric
                  then a.lines || jsonb_build_array(jsonb_build_object('a', (select account_id from rounding),
                         'd', round(greatest(-a.diff, 0), 2)::text, 'c', round(greatest(a.diff, 0), 2)::text, 'm', 'Redondeo'))
                  else coalesce(a.lines, '[]'::jsonb) end
      from src left join agg a on a.source_id = src.source_id
      on conflict (tenant_id, source_type, source_id, role) do nothing
      returning 1
    )
    select count(*)::int as n from ins`;
}

/**
 * Skips sources that already have their entry. Only an optimisation (the unique key decides),
 * written as NOT IN over the period's entries so PostgreSQL hashes them once: right after a
 * bulk generation the statistics still say "empty table", and a NOT EXISTS would then be
 * planned as a nested loop over every entry for every source.
 */
export const notJournaled = (sourceType: string, id: SQL, since: string) =>
  sql`${id} not in (select je.source_id from journal_entries je
                    where je.source_type = ${sourceType} and je.role = 'ORIGINAL' and je.entry_date >= ${since}::date - 62)`;

/**
 * Reversing entries: the original's lines with debit and credit swapped, dated when the source
 * was undone. `src` selects `(source_id, entry_date, description)` of the undone sources; only
 * those with an original get a reversal, once (the unique key).
 */
export function insertReversals(sourceType: string, src: SQL): SQL {
  return sql`
    with src as (${src}),
    ins as (
      insert into journal_entries (tenant_id, source_type, source_id, role, entry_date, description, lines)
      select ${TENANT}, ${sourceType}, src.source_id, 'REVERSAL', src.entry_date, left(src.description, 200),
             (select coalesce(jsonb_agg(jsonb_build_object('a', x->'a', 'd', x->'c', 'c', x->'d', 'm', x->'m') order by n), '[]'::jsonb)
              from jsonb_array_elements(o.lines) with ordinality as l(x, n))
      from src
      join journal_entries o on o.source_type = ${sourceType} and o.source_id = src.source_id and o.role = 'ORIGINAL'
      on conflict (tenant_id, source_type, source_id, role) do nothing
      returning 1
    )
    select count(*)::int as n from ins`;
}
