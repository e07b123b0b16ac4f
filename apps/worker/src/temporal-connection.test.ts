import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { connectionProblem, ConnectionSettingError, temporalSecurity } from "./temporal-connection.js";

const PEM = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";

describe("the TLS and API key settings (TEMPORAL_TLS_*, TEMPORAL_API_KEY)", () => {
  const dir = mkdtempSync(join(tmpdir(), "sdh-tls-settings-"));
  const file = (name: string, text = PEM) => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  };

  it("are off by default, on when anything of TLS or an API key is set, and off when TEMPORAL_TLS=false says so", () => {
    expect(temporalSecurity({})).toEqual({ tls: undefined, apiKey: undefined, summary: "plaintext" });
    expect(temporalSecurity({ TEMPORAL_API_KEY: "k" })).toMatchObject({ tls: {}, apiKey: "k", summary: "TLS, system CAs, API key" });
    expect(temporalSecurity({ TEMPORAL_TLS: "true" })).toMatchObject({ tls: {}, summary: "TLS, system CAs" });
    expect(temporalSecurity({ TEMPORAL_TLS: "false", TEMPORAL_API_KEY: "k" })).toMatchObject({ tls: undefined, summary: "plaintext, API key" });
    const both = temporalSecurity({ TEMPORAL_TLS_SERVER_CA_CERT_DATA: PEM.replace(/\n/g, "\\n"), TEMPORAL_TLS_SERVER_NAME: "temporal.internal", TEMPORAL_TLS_CLIENT_CERT_PATH: file("c.pem"), TEMPORAL_TLS_CLIENT_KEY_PATH: file("k.pem", "-----BEGIN PRIVATE KEY-----\nx\n-----END PRIVATE KEY-----\n") });
    expect(both.summary).toBe("TLS, server CA given, server name temporal.internal, client certificate");
    expect(Buffer.from(both.tls!.serverRootCACertificate!).toString()).toBe(PEM);
    expect(both.tls!.serverNameOverride).toBe("temporal.internal");
  });

  it("refuse what cannot work, naming the setting: both path and data, half a pair, an unreadable file, non-PEM, a bad flag", () => {
    const problem = (env: NodeJS.ProcessEnv) => {
      try {
        temporalSecurity(env);
        return null;
      } catch (error) {
        expect(error).toBeInstanceOf(ConnectionSettingError);
        return (error as Error).message;
      }
    };
    expect(problem({ TEMPORAL_TLS_SERVER_CA_CERT_PATH: file("ca.pem"), TEMPORAL_TLS_SERVER_CA_CERT_DATA: PEM })).toBe("TEMPORAL_TLS_SERVER_CA_CERT_PATH (temporal.tls.serverCaCertPath) and TEMPORAL_TLS_SERVER_CA_CERT_DATA (temporal.tls.serverCaCertData) are both set; give the server CA certificate one way");
    expect(problem({ TEMPORAL_TLS_CLIENT_KEY_PATH: file("k2.pem") })).toMatch(/^a client key is set but no client certificate: set TEMPORAL_TLS_CLIENT_CERT_PATH/);
    expect(problem({ TEMPORAL_TLS_SERVER_CA_CERT_PATH: join(dir, "missing.pem") })).toBe(`TEMPORAL_TLS_SERVER_CA_CERT_PATH (temporal.tls.serverCaCertPath): cannot read the server CA certificate at ${join(dir, "missing.pem")}: ENOENT`);
    expect(problem({ TEMPORAL_TLS_SERVER_CA_CERT_PATH: file("not.pem", "hello") })).toMatch(/the server CA certificate is not PEM/);
    expect(problem({ TEMPORAL_TLS: "yes" })).toBe("TEMPORAL_TLS (temporal.tls.enabled): must be true or false (got 'yes')");
    expect(problem({ TEMPORAL_TLS: "false", TEMPORAL_TLS_SERVER_NAME: "x" })).toMatch(/is false, yet TLS certificates or a server name are set/);
  });

  it("explain a failure from the error's causes, and never repeat the API key", () => {
    const security = temporalSecurity({ TEMPORAL_API_KEY: "sekrit" });
    const refused = new Error("Failed to connect to Temporal server", { cause: new Error("16 UNAUTHENTICATED: Received HTTP status code 401") });
    const text = connectionProblem("temporal.example:7233", security, refused);
    expect(text).toBe("cannot reach Temporal at temporal.example:7233 (TLS, system CAs, API key): the server refused the credentials (check TEMPORAL_API_KEY). (Failed to connect to Temporal server: 16 UNAUTHENTICATED: Received HTTP status code 401)");
    expect(text).not.toContain("sekrit");
    expect(connectionProblem("h:1", security, new Error("connect ECONNREFUSED"))).toBe("cannot reach Temporal at h:1 (TLS, system CAs, API key): connect ECONNREFUSED");
  });
});
