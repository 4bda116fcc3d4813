import type postgres from "postgres";

/**
 * Reads the live catalog and lists every way tenant isolation could be broken.
 * Used by the isolation suite; new tables are covered automatically.
 */
// eslint-disable-next-line max-lines-per-function -- the isolation audit's checks listed in one place, one query each
export async function auditTenantIsolation(sql: postgres.Sql | postgres.TransactionSql, appRole: string): Promise<string[]> {
  const problems: string[] = [];

  const tables = await sql<{ relname: string; rls: boolean; forced: boolean; owner: string }[]>`
    select c.relname, c.relrowsecurity as rls, c.relforcerowsecurity as forced, pg_get_userbyid(c.relowner) as owner
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped
    where n.nspname = 'public' and c.relkind in ('r', 'p')
    order by c.relname`;
  if (tables.length === 0) problems.push("no tenant tables found");

  for (const t of tables) {
    if (!t.rls) problems.push(`${t.relname}: RLS not enabled`);
    if (!t.forced) problems.push(`${t.relname}: RLS not forced`);
    if (t.owner === appRole) problems.push(`${t.relname}: owned by the app role`);
    const policies = await sql<{ policyname: string; qual: string | null; with_check: string | null; cmd: string; permissive: string }[]>`
      select policyname, qual, with_check, cmd, permissive from pg_policies where schemaname = 'public' and tablename = ${t.relname}`;
    const tenantPolicy = policies.find(
      (p) =>
        p.cmd === "ALL" &&
        /tenant_id = \( SELECT \(NULLIF\(current_setting\('app\.current_tenant'::text, true\), ''::text\)\)::uuid/.test(p.qual ?? "") &&
        /tenant_id = \( SELECT \(NULLIF\(current_setting\('app\.current_tenant'::text, true\), ''::text\)\)::uuid/.test(p.with_check ?? ""),
    );
    if (!tenantPolicy) problems.push(`${t.relname}: no tenant_isolation policy on app.current_tenant`);
    for (const p of policies) {
      if (p === tenantPolicy) continue;
      // Any other permissive policy widens access; only reviewed read-only ones are allowed.
      const allowed = t.relname === "memberships" && p.policyname === "membership_self_read" && p.cmd === "SELECT";
      if (p.permissive === "PERMISSIVE" && !allowed) problems.push(`${t.relname}: extra permissive policy ${p.policyname}`);
    }

    // A foreign key to a global table (users, tenants) is fine; one to a tenant table must
    // carry tenant_id, or a known UUID could point across tenants (FK checks bypass RLS).
    const keys = await sql<{ conname: string; contype: string; cols: string[]; refIsTenantTable: boolean }[]>`
      select con.conname, con.contype,
             array(select a.attname::text from unnest(con.conkey) k join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k) as cols,
             exists(select 1 from pg_attribute ra where ra.attrelid = con.confrelid and ra.attname = 'tenant_id' and not ra.attisdropped) as "refIsTenantTable"
      from pg_constraint con
      where con.conrelid = ${t.relname}::regclass and con.contype in ('p', 'u', 'f')`;
    for (const k of keys) {
      if (k.contype === "f" && !k.refIsTenantTable) continue;
      if (!k.cols.includes("tenant_id")) {
        problems.push(`${t.relname}: ${k.contype === "f" ? "foreign key" : "unique key"} ${k.conname} lacks tenant_id`);
      }
    }
    const indexes = await sql<{ indexname: string; indexdef: string }[]>`
      select i.relname as indexname, pg_get_indexdef(i.oid) as indexdef
      from pg_index x join pg_class i on i.oid = x.indexrelid
      where x.indrelid = ${t.relname}::regclass and x.indisunique`;
    for (const i of indexes) {
      if (!/\(tenant_id\b|, tenant_id\b/.test(i.indexdef)) problems.push(`${t.relname}: unique index ${i.indexname} lacks tenant_id`);
    }
  }

  const [role] = await sql<{ rolsuper: boolean; rolbypassrls: boolean }[]>`
    select rolsuper, rolbypassrls from pg_roles where rolname = ${appRole}`;
  if (!role) problems.push(`app role ${appRole} missing`);
  else {
    if (role.rolsuper) problems.push("app role is superuser");
    if (role.rolbypassrls) problems.push("app role has BYPASSRLS");
  }
  const owned = await sql<{ relname: string }[]>`
    select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and pg_get_userbyid(c.relowner) = ${appRole}`;
  for (const o of owned) problems.push(`app role owns ${o.relname}`);

  // SECURITY DEFINER functions the app role can call: only the reviewed ones, with a pinned search_path.
  const reviewed = new Set([
    "tenant_id_by_slug",
    "all_tenant_ids",
    // 010_security.sql: sign-in and account flows; none returns a password hash.
    "auth_password_params",
    "auth_verify_password",
    "auth_change_password",
    "auth_request_password_reset",
    "auth_force_password_reset",
    "auth_reset_password",
    "auth_create_invited_account",
    // 120_security_signup.sql: sign-up confirmed by e-mail before anything is created.
    "auth_request_signup",
    "auth_confirm_signup",
  ]);
  const definers = await sql<{ proname: string; config: string[] | null }[]>`
    select p.proname, p.proconfig as config from pg_proc p join pg_namespace n on n.oid = p.pronamespace
    where n.nspname = 'public' and p.prosecdef and has_function_privilege(${appRole}, p.oid, 'execute')`;
  for (const d of definers) {
    if (!reviewed.has(d.proname)) problems.push(`unreviewed SECURITY DEFINER function ${d.proname}`);
    if (!(d.config ?? []).some((c) => c.startsWith("search_path="))) problems.push(`${d.proname}: search_path not pinned`);
  }

  const views = await sql<{ relname: string; options: string[] | null }[]>`
    select c.relname, c.reloptions as options from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind = 'v'`;
  for (const v of views) {
    if (!(v.options ?? []).includes("security_invoker=true")) problems.push(`view ${v.relname} is not security_invoker`);
  }
  return problems;
}
