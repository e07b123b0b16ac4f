import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { connectionProblem, ConnectionSettingError, temporalSecurity } from "./temporal-connection.js";

describe("the TLS and API key settings (TEMPORAL_TLS_*, TEMPORAL_API_KEY)", () => {
  const dir = mkdtempSync(join(tmpdir(), "sdh-tls-settings-"));
  // Real certificates and keys (openssl, as the TLS proxy test mints them): the settings parse both.
  const mint = (name: string) => {
    execFileSync("openssl", ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "1", "-subj", `/CN=${name}`, "-keyout", join(dir, `${name}.key`), "-out", join(dir, `${name}.crt`)], { stdio: "ignore" });
    return { crt: readFileSync(join(dir, `${name}.crt`), "utf8"), key: readFileSync(join(dir, `${name}.key`), "utf8") };
  };
  const client = mint("client");
  const other = mint("other");
  const PEM = client.crt;
  const file = (name: string, text = PEM) => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  };

  it("are off by default, on when anything of TLS or an API key is set, and off when TEMPORAL_TLS=false says so", () => {
    expect(temporalSecurity({})).toEqual({ tls: undefined, apiKey: undefined, summary: "plaintext" });
    expect(temporalSecurity({ TEMPORAL_API_KEY: "k" })).toMatchObject({ tls: {}, apiKey: "k", summary: "TLS, system CAs, API key" });
    expect(temporalSecurity({ TEMPORAL_TLS: "true" })).toMatchObject({ tls: {}, summary: "TLS, system CAs" });
    // false, not undefined: the SDKs turn TLS on for an API key unless told not to (issue 33.8).
    expect(temporalSecurity({ TEMPORAL_TLS: "false", TEMPORAL_API_KEY: "k" })).toEqual({ tls: false, apiKey: "k", summary: "plaintext, API key" });
    const both = temporalSecurity({ TEMPORAL_TLS_SERVER_CA_CERT_DATA: PEM.replace(/\n/g, "\\n"), TEMPORAL_TLS_SERVER_NAME: "temporal.internal", TEMPORAL_TLS_CLIENT_CERT_PATH: file("c.pem"), TEMPORAL_TLS_CLIENT_KEY_PATH: file("k.pem", client.key) });
    expect(both.summary).toBe("TLS, server CA given, server name temporal.internal, client certificate");
    expect(Buffer.from((both.tls || {}).serverRootCACertificate!).toString()).toBe(PEM);
    expect((both.tls || {}).serverNameOverride).toBe("temporal.internal");
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
    // Caught here, naming the setting, not by an OpenSSL code at connect (issue 33.8).
    const [crt, key, otherKey] = [file("crt.pem", client.crt), file("key.pem", client.key), file("other.key", other.key)];
    expect(problem({ TEMPORAL_TLS_CLIENT_CERT_PATH: key, TEMPORAL_TLS_CLIENT_KEY_PATH: crt })).toBe(`TEMPORAL_TLS_CLIENT_CERT_PATH (temporal.tls.clientCertPath) ${key}: the client certificate is not a PEM certificate (-----BEGIN CERTIFICATE-----); it holds a private key: are the certificate and key swapped?`);
    expect(problem({ TEMPORAL_TLS_CLIENT_CERT_PATH: crt, TEMPORAL_TLS_CLIENT_KEY_DATA: "-----BEGIN PRIVATE KEY-----\\ngarbage\\n-----END PRIVATE KEY-----" })).toBe("TEMPORAL_TLS_CLIENT_KEY_DATA (temporal.tls.clientKeyData): the client key is not a PEM private key (-----BEGIN PRIVATE KEY-----, or an RSA or EC one)");
    expect(problem({ TEMPORAL_TLS_CLIENT_CERT_PATH: crt, TEMPORAL_TLS_CLIENT_KEY_PATH: otherKey })).toBe(`TEMPORAL_TLS_CLIENT_CERT_PATH (temporal.tls.clientCertPath) ${crt} and TEMPORAL_TLS_CLIENT_KEY_PATH (temporal.tls.clientKeyPath) ${otherKey} are not a pair: the client key does not belong to the client certificate`);
    expect(problem({ TEMPORAL_TLS_SERVER_CA_CERT_PATH: file("ca-garbage.pem", "-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----\n") })).toMatch(/^TEMPORAL_TLS_SERVER_CA_CERT_PATH .*: the server CA certificate is not a PEM certificate/);
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
