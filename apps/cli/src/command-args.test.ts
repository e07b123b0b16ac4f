import { describe, expect, it } from "vitest";
import { commandArgs } from "./command-args.js";
import { numberOption, wholeNumberOption } from "./config-flags.js";
import { UsageError } from "./usage-error.js";

// Issue 33.11: flags that used to be taken silently are usage errors (exit 2) that say what is wrong.
describe("command flags", () => {
  const options = { records: { type: "string" }, target: { type: "string", multiple: true }, "task-queue": { type: "string" } } as const;
  const parse = (args: string[]) => commandArgs("generate", { args, options });

  it("refuses a repeated flag and an empty value, and keeps a repeatable flag's every value", () => {
    expect(() => parse(["--records", "5", "--records", "6"])).toThrow(new UsageError("--records is given more than once; give it once; see `sdh generate --help`"));
    expect(() => parse(["--task-queue", ""])).toThrow(new UsageError("--task-queue needs a value (got an empty one); see `sdh generate --help`"));
    expect(() => parse(["--task-queue="])).toThrow(UsageError);
    expect(parse(["--target", "a", "--target", "b", "--records", "-3"]).values).toEqual({ target: ["a", "b"], records: "-3" });
  });

  it("reads numbers only as decimals: not hex, exponents or padding", () => {
    for (const text of ["0x10", "1e3", " 5", "5 ", "", "Infinity", "+5"]) expect(() => numberOption("--records", text), text).toThrow(/--records must be a decimal number such as 100/);
    expect([numberOption("--seed", "-7"), numberOption("--x", "2.5"), wholeNumberOption("--records", "1000")]).toEqual([-7, 2.5, 1000]);
    expect(() => wholeNumberOption("--records", "0")).toThrow("--records must be a whole number ≥ 1 (got 0)");
  });
});
