import { HeadBucketCommand } from "@aws-sdk/client-s3";
import { testServices } from "@sdh/infra/testing";
import { describe, expect, it } from "vitest";
import { createS3Client, s3SettingsFromEnv } from "./index.js";

describe("s3SettingsFromEnv", () => {
  it("uses path style for a custom endpoint and virtual hosts for AWS", () => {
    expect(s3SettingsFromEnv({ SDH_S3_ENDPOINT: "http://127.0.0.1:7070", AWS_REGION: "eu-west-1" })).toEqual({
      endpoint: "http://127.0.0.1:7070",
      region: "eu-west-1",
      forcePathStyle: true,
    });
    expect(s3SettingsFromEnv({})).toEqual({ endpoint: undefined, region: "us-east-1", forcePathStyle: false });
  });

  it("names the variable and the allowed values when one is wrong", () => {
    expect(() => s3SettingsFromEnv({ SDH_S3_ENDPOINT: "localhost:7070" })).toThrow(/SDH_S3_ENDPOINT='localhost:7070' is not a URL/);
    expect(() => s3SettingsFromEnv({ SDH_S3_FORCE_PATH_STYLE: "yes" })).toThrow(/must be 'true' or 'false'/);
  });
});

describe("createS3Client (real S3 gateway)", () => {
  it("reaches the bucket with credentials from the standard provider chain", async () => {
    const services = testServices();
    // The provider chain reads AWS_* from the environment; set them as a deployment would.
    process.env.AWS_ACCESS_KEY_ID = services.accessKeyId;
    process.env.AWS_SECRET_ACCESS_KEY = services.secretAccessKey;
    const client = createS3Client(s3SettingsFromEnv({ SDH_S3_ENDPOINT: services.s3Endpoint, AWS_REGION: services.region }));
    try {
      const head = await client.send(new HeadBucketCommand({ Bucket: services.bucket }));
      expect(head.$metadata.httpStatusCode).toBe(200);
    } finally {
      client.destroy();
    }
  });
});
