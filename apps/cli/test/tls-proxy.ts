// A TLS-terminating gRPC proxy in front of the test's Temporal dev server, as a production cluster
// puts one there: nginx (Debian's, installed by scripts/lib.sh) demands a client certificate signed
// by the test's CA and a bearer token in `authorization`, then passes the call on in plaintext.
// Certificates are minted here with openssl, for this run only.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "@sdh/infra/testing";

export interface TlsProxy {
  /** host:port the proxy listens on, as clients address it (the certificate names localhost). */
  address: string;
  dir: string;
  /** The CA that signed the server's and the good client's certificates. */
  caPath: string;
  clientCertPath: string;
  clientKeyPath: string;
  /** A client certificate signed by another CA: the proxy refuses it. */
  rogueCertPath: string;
  rogueKeyPath: string;
  apiKey: string;
  /** What nginx logged (handshake refusals are there). */
  log(): string;
  stop(): Promise<void>;
}

const openssl = (dir: string, args: string[]) => execFileSync("openssl", args, { cwd: dir, stdio: ["ignore", "ignore", "pipe"] });

/** A P-256 key and a certificate for `cn`, signed by `ca` (or self-signed when `ca` is null) with the given extensions. */
function mint(dir: string, name: string, cn: string, ca: string | null, extensions: string): void {
  writeFileSync(join(dir, `${name}.ext`), extensions);
  if (ca === null) {
    openssl(dir, ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", `${name}.key`, "-out", `${name}.pem`, "-days", "2", "-subj", `/CN=${cn}`, "-extensions", "v3", "-config", writeConfig(dir, name, extensions)]);
    return;
  }
  openssl(dir, ["req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", `${name}.key`, "-out", `${name}.csr`, "-subj", `/CN=${cn}`]);
  openssl(dir, ["x509", "-req", "-in", `${name}.csr`, "-CA", `${ca}.pem`, "-CAkey", `${ca}.key`, "-CAcreateserial", "-out", `${name}.pem`, "-days", "2", "-extfile", `${name}.ext`]);
}

function writeConfig(dir: string, name: string, extensions: string): string {
  const path = join(dir, `${name}.cnf`);
  writeFileSync(path, `[req]\ndistinguished_name = dn\n[dn]\n[v3]\n${extensions}`);
  return path;
}

const CA_EXT = "basicConstraints = critical, CA:TRUE\nkeyUsage = critical, keyCertSign, cRLSign\nsubjectKeyIdentifier = hash\n";
const SERVER_EXT = "basicConstraints = CA:FALSE\nkeyUsage = critical, digitalSignature\nextendedKeyUsage = serverAuth\nsubjectAltName = DNS:localhost, IP:127.0.0.1\n";
const CLIENT_EXT = "basicConstraints = CA:FALSE\nkeyUsage = critical, digitalSignature\nextendedKeyUsage = clientAuth\n";

/** Starts nginx in front of `upstream` (the Temporal frontend) and resolves once it listens. */
export async function startTlsProxy(upstream: string): Promise<TlsProxy> {
  const dir = mkdtempSync(join(tmpdir(), "sdh-tls-proxy-"));
  mint(dir, "ca", "sdh test CA", null, CA_EXT);
  mint(dir, "server", "localhost", "ca", SERVER_EXT);
  mint(dir, "client", "sdh worker", "ca", CLIENT_EXT);
  mint(dir, "rogue-ca", "someone else's CA", null, CA_EXT);
  mint(dir, "rogue", "sdh worker", "rogue-ca", CLIENT_EXT);
  const apiKey = `test-key-${Math.random().toString(36).slice(2)}`;
  const port = await freePort();
  // One process (no master, no workers), everything under `dir`: nothing of the machine's nginx is used.
  writeFileSync(
    join(dir, "nginx.conf"),
    `daemon off;
master_process off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log info;
events {}
http {
  access_log ${dir}/access.log;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  map $http_authorization $refused { "Bearer ${apiKey}" 0; default 1; }
  server {
    listen 127.0.0.1:${port} ssl http2;
    ssl_certificate ${dir}/server.pem;
    ssl_certificate_key ${dir}/server.key;
    ssl_client_certificate ${dir}/ca.pem;
    ssl_verify_client on;
    client_max_body_size 0;
    location / {
      if ($refused) { return 401; }
      # Long polls wait up to about a minute: the proxy must wait longer.
      grpc_read_timeout 300s;
      grpc_send_timeout 300s;
      grpc_pass grpc://${upstream};
    }
  }
}
`,
  );
  const nginx = process.env.SDH_NGINX || "nginx";
  const child: ChildProcess = spawn(nginx, ["-c", join(dir, "nginx.conf"), "-e", join(dir, "error.log")], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
  const log = () => {
    try {
      return readFileSync(join(dir, "error.log"), "utf8");
    } catch {
      return "";
    }
  };
  const started = Date.now();
  while (!/start worker process|using the "epoll" event method/.test(log()) || !(await listening(port))) {
    if (child.exitCode !== null) throw new Error(`nginx exited (${child.exitCode}): ${stderr}${log()}`);
    if (Date.now() - started > 10_000) throw new Error(`nginx did not listen on ${port} within 10 s: ${stderr}${log()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    address: `localhost:${port}`,
    dir,
    caPath: join(dir, "ca.pem"),
    clientCertPath: join(dir, "client.pem"),
    clientKeyPath: join(dir, "client.key"),
    rogueCertPath: join(dir, "rogue.pem"),
    rogueKeyPath: join(dir, "rogue.key"),
    apiKey,
    log,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill("SIGQUIT");
      await new Promise((r) => child.once("exit", r));
    },
  };
}

async function listening(port: number): Promise<boolean> {
  const { connect } = await import("node:net");
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1", () => {
      socket.destroy();
      resolve(true);
    });
    socket.on("error", () => resolve(false));
  });
}
