// What tests use to reach the services the global setup provided.
import { S3Client } from "@aws-sdk/client-s3";
import { inject } from "vitest";

export interface TestServices {
  temporalAddress: string;
  namespace: string;
  s3Endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}

declare module "vitest" {
  export interface ProvidedContext {
    sdhServices: TestServices;
  }
}

/** The running services; only valid in a project whose config enables `services`. */
export function testServices(): TestServices {
  const services = inject("sdhServices");
  if (!services) throw new Error("no test services: enable `services: true` in this package's vitest config");
  return services;
}

/** A real S3 client for the test gateway. */
export function testS3Client(services: TestServices = testServices()): S3Client {
  return new S3Client({
    endpoint: services.s3Endpoint,
    region: services.region,
    forcePathStyle: true,
    credentials: { accessKeyId: services.accessKeyId, secretAccessKey: services.secretAccessKey },
  });
}
