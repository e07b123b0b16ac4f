import { hostname } from "node:os";

export interface ActivityDeps {
  /** Names the machine in results, so a doctor run shows which worker answered. */
  host?: () => string;
}

/** Activities are built from their dependencies: the worker wires real ones, tests may pass their own. */
export function createActivities({ host = hostname }: ActivityDeps = {}) {
  return {
    async healthcheck(message: string): Promise<{ echoed: string; host: string }> {
      return { echoed: message, host: host() };
    },
  };
}

export type Activities = ReturnType<typeof createActivities>;
