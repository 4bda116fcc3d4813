import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";

// `npm run dev` runs `npx next dev`: npx, then next, then its workers. Killing the direct child
// (npx) left next holding the port. The child now leads its own process group, and stopping
// signals that whole group, waits, then stops what else the dev script started (PostgreSQL).

/** Spawns `command` as the leader of a new process group. */
export function spawnGroup(command: string, args: string[], options: SpawnOptions = {}): ChildProcess {
  return spawn(command, args, { ...options, detached: true });
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (!child.pid) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // ESRCH: the group is already gone.
  }
}

/**
 * On SIGINT or SIGTERM (or when the child exits by itself): SIGTERM to the child's whole group,
 * SIGKILL after `graceMs` if it is still there, then `cleanup()` (e.g. stop the embedded
 * PostgreSQL), then exit. Runs once however many signals arrive.
 */
export function stopGroupOnSignals(child: ChildProcess, cleanup: () => Promise<unknown>, { graceMs = 5_000 } = {}): void {
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    const exited =
      child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise<void>((r) => child.once("exit", () => r()));
    signalGroup(child, "SIGTERM");
    const killer = setTimeout(() => signalGroup(child, "SIGKILL"), graceMs);
    await exited;
    clearTimeout(killer);
    // The leader may exit before its workers: nothing of the group outlives us.
    signalGroup(child, "SIGKILL");
    try {
      await cleanup();
    } finally {
      process.exit(code);
    }
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));
  child.on("exit", (code) => void stop(code ?? 0));
}
