import { createPrivateKey, X509Certificate, type KeyObject } from "node:crypto";
import { NotRegularFileError, readRegularFileSync } from "@sdh/local-files";
import type { TLSConfig } from "@temporalio/client";

// How the worker and every CLI command reach Temporal beyond an address: TLS with the server's CA and
// name, a client certificate for mTLS, an API key (Temporal Cloud, or a proxy that checks it). The
// settings have the names the Temporal CLI and SDKs' environment configuration use, so one set of
// TEMPORAL_* variables (or Kubernetes Secret keys) serves `temporal`, `sdh` and the worker alike.

/** The TLS settings, each with its config-file key, as `sdh config show` and errors name them. */
export const TLS_SETTINGS = {
  TEMPORAL_TLS: "temporal.tls.enabled",
  TEMPORAL_TLS_SERVER_CA_CERT_PATH: "temporal.tls.serverCaCertPath",
  TEMPORAL_TLS_SERVER_CA_CERT_DATA: "temporal.tls.serverCaCertData",
  TEMPORAL_TLS_SERVER_NAME: "temporal.tls.serverName",
  TEMPORAL_TLS_CLIENT_CERT_PATH: "temporal.tls.clientCertPath",
  TEMPORAL_TLS_CLIENT_CERT_DATA: "temporal.tls.clientCertData",
  TEMPORAL_TLS_CLIENT_KEY_PATH: "temporal.tls.clientKeyPath",
  TEMPORAL_TLS_CLIENT_KEY_DATA: "temporal.tls.clientKeyData",
} as const;

type TlsEnv = keyof typeof TLS_SETTINGS;

/** A connection setting that cannot be used as given: which one, and why. Exit 2 in the CLI. */
export class ConnectionSettingError extends Error {
  override name = "ConnectionSettingError";
}

/** What `Connection.connect` and `NativeConnection.connect` take besides the address. */
export interface TemporalSecurity {
  /** false: plaintext even with an API key (the SDKs turn TLS on for an API key unless told not to). */
  tls: TLSConfig | false | undefined;
  apiKey: string | undefined;
  /** For logs and errors: how this process connects, without any secret ("TLS, CA from …, client certificate …, API key"). */
  summary: string;
}

/** A certificate chain or key file is a few KB; 1 MiB leaves room for long chains and bundles. */
const MAX_PEM_BYTES = 1024 * 1024;

const set = (env: NodeJS.ProcessEnv, name: string): string | undefined => (env[name] === undefined || env[name] === "" ? undefined : env[name]);
const nameOf = (name: TlsEnv) => `${name} (${TLS_SETTINGS[name]})`;

/** One PEM from its path or its data: both set is ambiguous, an unreadable file or non-PEM data is refused naming the setting. */
function pem(env: NodeJS.ProcessEnv, path: TlsEnv, data: TlsEnv, what: string): { bytes: Buffer; from: string } | undefined {
  const file = set(env, path);
  const inline = set(env, data);
  if (file && inline) throw new ConnectionSettingError(`${nameOf(path)} and ${nameOf(data)} are both set; give the ${what} one way`);
  let bytes: Buffer | undefined;
  let from = "";
  if (file) {
    try {
      // A device or FIFO would be read forever: regular files (or links to one) of a PEM's size only.
      bytes = readRegularFileSync(file, { maxBytes: MAX_PEM_BYTES, label: file });
    } catch (error) {
      const why = error instanceof NotRegularFileError ? error.message.replace(`${file} `, "it ") : ((error as NodeJS.ErrnoException).code ?? (error as Error).message);
      throw new ConnectionSettingError(`${nameOf(path)}: cannot read the ${what} at ${file}: ${why}`);
    }
    from = `${nameOf(path)} ${file}`;
  } else if (inline) {
    bytes = Buffer.from(inline.replace(/\\n/g, "\n"));
    from = nameOf(data);
  }
  if (bytes && !bytes.includes("-----BEGIN ")) throw new ConnectionSettingError(`${from}: the ${what} is not PEM (no '-----BEGIN' line)`);
  return bytes ? { bytes, from } : undefined;
}

/** A certificate's PEM parsed here, so a key or garbage in its place is named by its setting, not by an OpenSSL code at connect. */
function certificate(given: { bytes: Buffer; from: string }, what: string): X509Certificate {
  try {
    return new X509Certificate(given.bytes);
  } catch {
    throw new ConnectionSettingError(`${given.from}: the ${what} is not a PEM certificate (-----BEGIN CERTIFICATE-----)${given.bytes.includes("PRIVATE KEY-----") ? "; it holds a private key: are the certificate and key swapped?" : ""}`);
  }
}

function privateKey(given: { bytes: Buffer; from: string }): KeyObject {
  try {
    return createPrivateKey(given.bytes);
  } catch {
    throw new ConnectionSettingError(`${given.from}: the client key is not a PEM private key (-----BEGIN PRIVATE KEY-----, or an RSA or EC one)${given.bytes.includes("-----BEGIN CERTIFICATE-----") ? "; it holds a certificate: are the certificate and key swapped?" : ""}`);
  }
}

/**
 * The TLS and API key settings of `env` (the environment, with the config file's values filled in),
 * checked before any connection is tried. TLS is on when TEMPORAL_TLS=true or any TLS file, server
 * name or API key is set, unless TEMPORAL_TLS=false; as in Temporal's own clients, an API key alone
 * means TLS with the system's CAs (Temporal Cloud).
 */
export function temporalSecurity(env: NodeJS.ProcessEnv): TemporalSecurity {
  const flag = set(env, "TEMPORAL_TLS");
  if (flag !== undefined && flag !== "true" && flag !== "false") throw new ConnectionSettingError(`${nameOf("TEMPORAL_TLS")}: must be true or false (got '${flag}')`);
  const apiKey = set(env, "TEMPORAL_API_KEY");
  const ca = pem(env, "TEMPORAL_TLS_SERVER_CA_CERT_PATH", "TEMPORAL_TLS_SERVER_CA_CERT_DATA", "server CA certificate");
  const crt = pem(env, "TEMPORAL_TLS_CLIENT_CERT_PATH", "TEMPORAL_TLS_CLIENT_CERT_DATA", "client certificate");
  const key = pem(env, "TEMPORAL_TLS_CLIENT_KEY_PATH", "TEMPORAL_TLS_CLIENT_KEY_DATA", "client key");
  const serverName = set(env, "TEMPORAL_TLS_SERVER_NAME");
  if (Boolean(crt) !== Boolean(key)) {
    throw new ConnectionSettingError(crt ? "a client certificate is set but no client key: set TEMPORAL_TLS_CLIENT_KEY_PATH (temporal.tls.clientKeyPath) or TEMPORAL_TLS_CLIENT_KEY_DATA" : "a client key is set but no client certificate: set TEMPORAL_TLS_CLIENT_CERT_PATH (temporal.tls.clientCertPath) or TEMPORAL_TLS_CLIENT_CERT_DATA");
  }
  if (ca) certificate(ca, "server CA certificate");
  if (crt && key && !certificate(crt, "client certificate").checkPrivateKey(privateKey(key))) {
    throw new ConnectionSettingError(`${crt.from} and ${key.from} are not a pair: the client key does not belong to the client certificate`);
  }
  const wanted = flag === "true" || (flag === undefined && Boolean(ca || crt || serverName || apiKey));
  if (flag === "false" && (ca || crt || serverName)) throw new ConnectionSettingError("TEMPORAL_TLS (temporal.tls.enabled) is false, yet TLS certificates or a server name are set: remove one or the other");
  // `false`, not undefined: given an API key and no TLS setting, the SDKs would turn TLS on themselves.
  if (!wanted) return { tls: flag === "false" ? false : undefined, apiKey, summary: apiKey ? "plaintext, API key" : "plaintext" };
  const tls: TLSConfig = {
    ...(ca ? { serverRootCACertificate: ca.bytes } : {}),
    ...(serverName ? { serverNameOverride: serverName } : {}),
    ...(crt && key ? { clientCertPair: { crt: crt.bytes, key: key.bytes } } : {}),
  };
  const parts = ["TLS", ca ? "server CA given" : "system CAs", ...(serverName ? [`server name ${serverName}`] : []), ...(crt ? ["client certificate"] : []), ...(apiKey ? ["API key"] : [])];
  return { tls, apiKey, summary: parts.join(", ") };
}

/** Every message of an error and its causes: the client SDK says only "Failed to connect to Temporal server", gRPC's reason is in the cause. */
function messagesOf(error: Error): string {
  const messages: string[] = [];
  for (let e: unknown = error; e instanceof Error && messages.length < 4; e = e.cause) if (!messages.includes(e.message)) messages.push(e.message);
  return messages.join(": ");
}

/** What a failure's text means for the operator, or null when it says nothing we can name. */
function reasonOf(text: string, address: string, security: TemporalSecurity): string | null {
  const t = text.toLowerCase();
  if (/unknownissuer|certificate verify failed|invalid peer certificate|self.signed|unable.to.get.(local.)?issuer|unable.to.verify|cert.untrusted/.test(t)) {
    return "the server's TLS certificate is not signed by a CA this client trusts; set TEMPORAL_TLS_SERVER_CA_CERT_PATH (temporal.tls.serverCaCertPath) to the CA that signed it";
  }
  if (/notvalidforname|certificate is not valid for|hostname mismatch|doesn't match|altname/.test(t)) {
    return `the server's TLS certificate does not name ${address.slice(0, address.lastIndexOf(":"))}; set TEMPORAL_TLS_SERVER_NAME (temporal.tls.serverName) to the name it carries`;
  }
  if (/status code 400|status: 400|ssl certificate|certificate required|bad certificate|unknown ca|certificate unknown/.test(t)) {
    return `the server refused this client's TLS certificate${security.tls && security.tls.clientCertPair ? "" : " (none was given: set TEMPORAL_TLS_CLIENT_CERT_PATH and TEMPORAL_TLS_CLIENT_KEY_PATH)"}`;
  }
  if (/unauthenticated|status code 401|status: 401|permission ?denied|status code 403|status: 403/.test(t)) {
    return `the server refused the credentials${security.apiKey ? " (check TEMPORAL_API_KEY)" : " (none given: set TEMPORAL_API_KEY)"}`;
  }
  return null;
}

/**
 * Why a connection failed, in the operator's terms, from the SDK's error: the server's certificate
 * not trusted or not naming the host, the client certificate refused, the API key refused; else
 * the SDK's own words. The SDK's message follows in parentheses.
 */
export function connectionProblem(address: string, security: TemporalSecurity, error: Error): string {
  const message = messagesOf(error);
  const reason = reasonOf(message, address, security);
  const base = `cannot reach Temporal at ${address} (${security.summary})`;
  return reason ? `${base}: ${reason}. (${message})` : `${base}: ${message}`;
}

/**
 * When a TLS connection failed without a reason (gRPC reports a refused handshake as a timeout), asks
 * the server for its certificate with Node's TLS and the same CA, name and client certificate, and
 * returns what the handshake says ("unable to verify the first certificate"), or null when it passes.
 */
export async function tlsHandshakeProblem(address: string, security: TemporalSecurity, timeoutMs = 3_000): Promise<string | null> {
  if (!security.tls) return null;
  const { connect } = await import("node:tls");
  const at = address.lastIndexOf(":");
  const host = address.slice(0, at);
  const port = Number(address.slice(at + 1));
  const tls = security.tls;
  return new Promise((resolve) => {
    const socket = connect({
      host,
      port,
      servername: tls.serverNameOverride ?? (/^[\d.]+$/.test(host) ? undefined : host),
      ...(tls.serverRootCACertificate ? { ca: Buffer.from(tls.serverRootCACertificate) } : {}),
      ...(tls.clientCertPair ? { cert: Buffer.from(tls.clientCertPair.crt), key: Buffer.from(tls.clientCertPair.key) } : {}),
      ALPNProtocols: ["h2"],
      rejectUnauthorized: false,
    });
    const done = (problem: string | null) => {
      socket.destroy();
      resolve(problem);
    };
    socket.setTimeout(timeoutMs, () => done(null));
    // authorizationError is typed an Error but arrives as OpenSSL's code (UNABLE_TO_VERIFY_LEAF_SIGNATURE).
    socket.once("secureConnect", () => {
      const why = socket.authorizationError as unknown;
      done(socket.authorized ? null : typeof why === "string" ? why : why instanceof Error ? why.message : "the certificate was not accepted");
    });
    socket.once("error", (e) => done(e.message));
  });
}

/** connectionProblem, with the TLS handshake's own reason when gRPC gave none (it reports a refused handshake as a timeout). */
export async function explainConnectionFailure(address: string, security: TemporalSecurity, error: Error): Promise<string> {
  if (!security.tls || reasonOf(messagesOf(error), address, security)) return connectionProblem(address, security, error);
  const handshake = await tlsHandshakeProblem(address, security);
  return connectionProblem(address, security, handshake ? new Error(`${messagesOf(error)}; a TLS handshake of our own says: ${handshake}`) : error);
}
