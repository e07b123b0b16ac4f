import { createHash, randomUUID } from "node:crypto";
import { GetObjectCommand, PutObjectCommand, S3ServiceException, type S3Client } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testS3Client, testServices } from "../src/testing.js";

describe("S3 gateway (real)", () => {
  let s3: S3Client;
  const { bucket } = testServices();
  beforeAll(() => {
    s3 = testS3Client();
  });
  afterAll(() => s3?.destroy());

  it("stores with a SHA-256 checksum, returns the same bytes, and refuses an If-None-Match overwrite", async () => {
    const key = `smoke/${randomUUID()}.txt`;
    const body = Buffer.from("synthetic, never real\n");
    const sha256 = createHash("sha256").update(body).digest("base64");

    const put = await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ChecksumSHA256: sha256 }));
    expect(put.ChecksumSHA256).toBe(sha256);

    const got = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key, ChecksumMode: "ENABLED" }));
    expect(Buffer.from(await got.Body!.transformToByteArray())).toEqual(body);
    expect(got.ChecksumSHA256).toBe(sha256);

    const overwrite = s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: "different", IfNoneMatch: "*" }));
    const error = await overwrite.then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(S3ServiceException);
    expect((error as S3ServiceException).$metadata.httpStatusCode).toBe(412);

    const after = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    expect(Buffer.from(await after.Body!.transformToByteArray())).toEqual(body);
  });

  it("rejects an upload whose declared checksum does not match its bytes", async () => {
    const wrong = createHash("sha256").update("something else").digest("base64");
    const put = s3.send(new PutObjectCommand({ Bucket: bucket, Key: `smoke/${randomUUID()}`, Body: "payload", ChecksumSHA256: wrong }));
    await expect(put).rejects.toBeInstanceOf(S3ServiceException);
  });
});
