import { describe, expect, it } from "vitest";
import { withoutUserinfo } from "./redact-url.js";

describe("withoutUserinfo", () => {
  it("hides credentials and queries however the URL is malformed, and keeps the rest readable", () => {
    const cases: Array<[string, string]> = [
      ["http://keyid:SECRET@127.0.0.1:7070", "http://***@127.0.0.1:7070"],
      ["http:\\\\u:SECRET@host", "http:\\\\***@host"],
      ["http:\\u:SECRET@host", "***@host"],
      ["u:SECRET@host", "***@host"],
      ["http://host:7070/?token=SECRET", "http://host:7070/?***"],
      ["http://host/#SECRET", "http://host/#***"],
      ["https://a:b@c@host/x?y=SECRET", "https://***@host/x?***"],
      ["http://127.0.0.1:7070", "http://127.0.0.1:7070"],
    ];
    for (const [given, shown] of cases) {
      expect(withoutUserinfo(given), given).toBe(shown);
      expect(withoutUserinfo(given), given).not.toContain("SECRET");
    }
  });
});
