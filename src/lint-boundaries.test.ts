import path from "node:path";
import { describe, expect, it } from "vitest";
import { ESLint } from "eslint";

// The import boundaries are enforced by eslint.config.mjs; these cases prove a
// wrong-direction import fails `npm run lint` and the right direction passes.
const root = path.resolve(import.meta.dirname, "..");
const eslint = new ESLint({ cwd: root });

async function restricted(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath) });
  return result!.messages.filter((m) => m.ruleId === "@typescript-eslint/no-restricted-imports").map((m) => m.message);
}

describe("ESLint import boundaries", () => {
  it.each([
    ["src/components/x/y.tsx", `import { withTenant } from "@/server/db/with-tenant";\nexport const a = withTenant;\n`],
    ["src/components/x/y.tsx", `import { can } from "../../server/auth/permissions";\nexport const a = can;\n`],
    ["src/components/x/y.tsx", `import type { Tx } from "@/server/db/client";\nexport type A = Tx;\n`],
    ["src/pos/y.ts", `import { log } from "@/server/log";\nexport const a = log;\n`],
    ["src/lib/y.ts", `import { log } from "@/server/log";\nexport const a = log;\n`],
    ["src/lib/y.ts", `import { Button } from "@/components/ui/button";\nexport const a = Button;\n`],
    ["src/server/inventory/y.ts", `import { Button } from "@/components/ui/button";\nexport const a = Button;\n`],
    ["src/server/inventory/y.ts", `import Page from "../../app/page";\nexport const a = Page;\n`],
    ["src/app/(app)/[slug]/x/page.tsx", `import { withTenant } from "@/server/db/with-tenant";\nexport const a = withTenant;\n`],
  ])("%s: refuses %s", async (file, code) => {
    expect(await restricted(file, code)).toHaveLength(1);
  });

  it.each([
    ["src/components/x/y.tsx", `import { formatMoney } from "@/lib/number";\nexport const a = formatMoney;\n`],
    ["src/app/(app)/[slug]/x/page.tsx", `import { getPageMembership } from "@/server/auth/page-membership";\nexport const a = getPageMembership;\n`],
    ["src/server/inventory/y.ts", `import { dec } from "@/lib/decimal";\nexport const a = dec;\n`],
    ["src/lib/trpc/y.ts", `import type { AppRouter } from "@/server/api/root";\nexport type A = AppRouter;\n`],
  ])("%s: allows %s", async (file, code) => {
    expect(await restricted(file, code)).toEqual([]);
  });
});
