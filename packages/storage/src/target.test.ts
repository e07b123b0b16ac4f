import { describe, expect, it } from "vitest";
import { parseTarget } from "./index.js";

describe("parseTarget", () => {
  it("reads S3 URIs with and without a prefix", () => {
    expect(parseTarget("s3://sdh-snapshots/nightly/")).toEqual({ kind: "s3", bucket: "sdh-snapshots", prefix: "nightly" });
    expect(parseTarget("s3://sdh-snapshots")).toEqual({ kind: "s3", bucket: "sdh-snapshots", prefix: "" });
  });

  it("reads folders and file URIs", () => {
    expect(parseTarget("out/snapshots")).toEqual({ kind: "local", path: "out/snapshots" });
    expect(parseTarget("file:///data/my%20snapshots")).toEqual({ kind: "local", path: "/data/my snapshots" });
  });

  it("says what is wrong with a bad bucket or scheme", () => {
    expect(() => parseTarget("s3://My_Bucket/x")).toThrow(/bucket 'My_Bucket' is not a valid S3 bucket name/);
    expect(() => parseTarget("gs://bucket/x")).toThrow(/unsupported scheme; expected s3:\/\/bucket\/prefix/);
    expect(() => parseTarget(" ")).toThrow(/target is empty/);
    // These used to pass and fail minutes later with "S3 400 Bad Request".
    for (const uri of ["s3://bucket/../x", "s3://bucket/a//b", "s3://bucket/./x", "s3://bucket/a\\b"]) {
      expect(() => parseTarget(uri), uri).toThrow(/has an empty, '\.' or '\.\.' part or a backslash/);
    }
  });
});
