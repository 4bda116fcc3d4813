import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

// `npm run dev` stopped with SIGTERM or SIGINT stops next's whole process group and then the
// embedded PostgreSQL (issue 21.6). The fixture supervises a shell with two grandchildren
// exactly as scripts/dev.ts supervises `npx next dev`.

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function until<T>(what: () => T | undefined | false, timeoutMs = 60_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = what();
    if (v) return v;
    if (Date.now() > end) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("dev supervisor shutdown", () => {
  it.each(["SIGTERM", "SIGINT"] as const)("%s stops every process of the group and runs the cleanup", async (signal) => {
    const dir = mkdtempSync(path.join(tmpdir(), "dev-stop-"));
    const fixture = path.resolve(import.meta.dirname, "fixtures/supervisor.ts");
    const supervisor = spawn(process.execPath, ["--import", "tsx", fixture, dir], { stdio: "ignore" });
    const exited = new Promise<number | null>((r) => supervisor.once("exit", (code) => r(code)));
    const pids = await until(() => {
      const text = existsSync(`${dir}/pids`) ? readFileSync(`${dir}/pids`, "utf8").trim().split("\n") : [];
      return existsSync(`${dir}/ready`) && text.length === 2 ? text.map(Number) : undefined;
    });
    expect(pids.every(alive)).toBe(true);

    supervisor.kill(signal);
    expect(await exited).toBe(0);
    expect(readFileSync(`${dir}/stopped`, "utf8")).toBe("yes");
    await until(() => pids.every((p) => !alive(p)), 10_000);
  });
});
