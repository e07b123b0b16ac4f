import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "./run-cli.js";

const tmp = () => mkdtempSync(join(tmpdir(), "sdh-config-"));

interface Shown {
  configFile: string | null;
  settings: Array<{ key: string; value: string | null; source: string }>;
}
const show = (args: string[], env: NodeJS.ProcessEnv, cwd: string) => {
  const run = runCli(["config", "show", "--json", ...args], env, cwd);
  expect([run.status, run.stderr]).toEqual([0, ""]);
  const shown = JSON.parse(run.stdout) as Shown;
  return { file: shown.configFile, get: (key: string) => shown.settings.find((s) => s.key === key)! };
};

describe("settings: flags > env > config file > Temporal profile > .sdh/services.env > defaults", () => {
  it("reads Temporal's profile file (TEMPORAL_CONFIG_FILE, TEMPORAL_PROFILE) below sdh's config file and the environment", () => {
    const cwd = tmp();
    const toml = join(cwd, "temporal.toml");
    writeFileSync(
      toml,
      [
        "[profile.default]",
        'address = "default.example:7233"',
        "[profile.prod]",
        'address = "prod.example:7233"',
        'namespace = "qa-data.acct"',
        'api_key = "secret-key-123"',
        "[profile.prod.tls]",
        'server_name = "prod.example"',
        'client_cert_path = "/etc/sdh/worker.pem"',
        'client_key_path = "/etc/sdh/worker.key"',
        "",
      ].join("\n"),
    );
    writeFileSync(join(cwd, "sdh.config.yaml"), "temporal:\n  namespace: from-file\n");
    const source = `temporal profile prod (${toml})`;
    const { get } = show([], { TEMPORAL_CONFIG_FILE: toml, TEMPORAL_PROFILE: "prod", TEMPORAL_TLS_SERVER_NAME: "from-env" }, cwd);
    expect(get("temporal.address")).toMatchObject({ value: "prod.example:7233", source });
    expect(get("temporal.namespace")).toMatchObject({ value: "from-file", source: "sdh.config.yaml" });
    expect(get("temporal.apiKey")).toMatchObject({ value: "***", source });
    expect(get("temporal.tls.serverName")).toMatchObject({ value: "from-env", source: "env TEMPORAL_TLS_SERVER_NAME" });
    expect(get("temporal.tls.clientCertPath")).toMatchObject({ value: "/etc/sdh/worker.pem", source });
    // Without TEMPORAL_PROFILE: the default profile; from XDG_CONFIG_HOME when TEMPORAL_CONFIG_FILE is unset.
    mkdirSync(join(cwd, "xdg", "temporalio"), { recursive: true });
    writeFileSync(join(cwd, "xdg", "temporalio", "temporal.toml"), readFileSync(toml));
    expect(show([], { XDG_CONFIG_HOME: join(cwd, "xdg") }, cwd).get("temporal.address")).toMatchObject({ value: "default.example:7233", source: `temporal profile default (${join(cwd, "xdg", "temporalio", "temporal.toml")})` });
    // Asked for and missing, or not what Temporal's reader accepts: exit 2, naming the file or profile.
    const noProfile = runCli(["config", "show"], { TEMPORAL_CONFIG_FILE: toml, TEMPORAL_PROFILE: "staging" }, cwd);
    expect([noProfile.status, noProfile.stderr.trim()]).toEqual([2, `sdh: Temporal profile file ${toml}: Profile 'staging' not found in config data`]);
    const noFile = runCli(["config", "show"], { TEMPORAL_CONFIG_FILE: join(cwd, "nope.toml") }, cwd);
    expect([noFile.status, noFile.stderr.trim()]).toEqual([2, `sdh: TEMPORAL_CONFIG_FILE=${join(cwd, "nope.toml")}: no such file`]);
    writeFileSync(toml, '[profile.default]\naddres = "typo:7233"\n');
    const typo = runCli(["config", "show"], { TEMPORAL_CONFIG_FILE: toml }, cwd);
    expect(typo.status).toBe(2);
    expect(typo.stderr).toContain(`Temporal profile file ${toml}:`);
    expect(typo.stderr).toContain("addres");
  });

  it("shows each setting's value and where it came from, with secrets redacted", () => {
    const cwd = tmp();
    writeFileSync(join(cwd, "sdh.config.yaml"), "snapshot:\n  records: 5000\n  seed: 11\n  formats: [csv, parquet]\ntarget: s3://sdh-snapshots/nightly\ntemporal:\n  namespace: from-file\n");
    const { file, get } = show(["--records", "7"], { SDH_SEED: "12", TEMPORAL_NAMESPACE: "from-env", AWS_SECRET_ACCESS_KEY: "hunter2", ANTHROPIC_API_KEY: "sk-ant-hunter3", SDH_DRAFT_MODEL: "claude-x" }, cwd);
    expect(file).toBe(join(cwd, "sdh.config.yaml"));
    expect(get("snapshot.records")).toEqual({ key: "snapshot.records", env: "SDH_RECORDS", flag: "--records", value: "7", source: "flag --records" });
    expect(get("snapshot.seed")).toMatchObject({ value: "12", source: "env SDH_SEED" });
    expect(get("snapshot.formats")).toMatchObject({ value: "csv,parquet", source: "sdh.config.yaml" });
    expect(get("target")).toMatchObject({ value: "s3://sdh-snapshots/nightly", source: "sdh.config.yaml" });
    expect(get("temporal.namespace")).toMatchObject({ value: "from-env", source: "env TEMPORAL_NAMESPACE" });
    expect(get("snapshot.asOf")).toMatchObject({ value: "2026-01-06", source: "default" });
    expect(get("aws.secretAccessKey")).toMatchObject({ value: "***", source: "env AWS_SECRET_ACCESS_KEY" });
    // A model provider's key (sdh draft) likewise.
    expect(get("anthropic.apiKey")).toMatchObject({ value: "***", source: "env ANTHROPIC_API_KEY" });
    expect(get("draft.model")).toMatchObject({ value: "claude-x", source: "env SDH_DRAFT_MODEL" });
    const text = runCli(["config", "show"], { AWS_SECRET_ACCESS_KEY: "hunter2" }, cwd);
    expect(text.stdout).not.toContain("hunter2");
  });

  it("reads the TLS settings nested in the file (temporal.tls.*), below the environment; refuses an API key or a private key there", () => {
    const cwd = tmp();
    writeFileSync(join(cwd, "sdh.config.yaml"), "temporal:\n  address: temporal.internal:7233\n  tls:\n    serverCaCertPath: /etc/sdh/ca.pem\n    serverName: temporal.internal\n    clientCertPath: /etc/sdh/worker.pem\n");
    const { get } = show([], { TEMPORAL_TLS_CLIENT_CERT_PATH: "/run/secrets/worker.pem", TEMPORAL_API_KEY: "k-123" }, cwd);
    expect(get("temporal.tls.serverCaCertPath")).toMatchObject({ value: "/etc/sdh/ca.pem", source: "sdh.config.yaml" });
    expect(get("temporal.tls.serverName")).toMatchObject({ value: "temporal.internal", source: "sdh.config.yaml" });
    expect(get("temporal.tls.clientCertPath")).toMatchObject({ value: "/run/secrets/worker.pem", source: "env TEMPORAL_TLS_CLIENT_CERT_PATH" });
    expect(get("temporal.apiKey")).toMatchObject({ value: "***", source: "env TEMPORAL_API_KEY" });
    writeFileSync(join(cwd, "sdh.config.yaml"), "temporal:\n  apiKey: k-123\n  tls:\n    clientKeyData: pem\n");
    const refused = runCli(["config", "show"], {}, cwd);
    expect(refused.status).toBe(2);
    expect(refused.stderr.trim().split("\n")).toEqual([
      "sdh: sdh.config.yaml: temporal.apiKey: credentials are not read from config files; set TEMPORAL_API_KEY in the environment (a Kubernetes Secret can provide it)",
      "sdh.config.yaml: temporal.tls.clientKeyData: credentials are not read from config files; set TEMPORAL_TLS_CLIENT_KEY_DATA in the environment (a Kubernetes Secret can provide it)",
    ]);
    expect(refused.stderr).not.toContain("k-123");
  });

  it("reads .sdh/services.env below the config file, and a JSON file named by --config", () => {
    const cwd = tmp();
    const state = join(cwd, ".sdh");
    writeFileSync(join(cwd, "other.json"), JSON.stringify({ temporal: { address: "temporal.internal:7233" } }));
    const env = { SDH_STATE_DIR: state };
    mkdirSync(state);
    writeFileSync(join(state, "services.env"), "TEMPORAL_ADDRESS=127.0.0.1:7233\nSDH_S3_ENDPOINT=http://127.0.0.1:7070\n");
    const viaServices = show([], env, cwd);
    expect(viaServices.get("temporal.address")).toMatchObject({ value: "127.0.0.1:7233", source: ".sdh/services.env" });
    const viaFile = show(["--config", "other.json"], env, cwd);
    expect(viaFile.get("temporal.address")).toMatchObject({ value: "temporal.internal:7233", source: "other.json" });
    expect(viaFile.get("s3.endpoint")).toMatchObject({ value: "http://127.0.0.1:7070", source: ".sdh/services.env" });
  });

  it("reports every bad field of a config file, and a bad env var, with exit 2", () => {
    const cwd = tmp();
    writeFileSync(join(cwd, "sdh.config.json"), JSON.stringify({ snapshot: { records: -3, recrods: 5, formats: ["csv", "xml"] }, aws: { secretAccessKey: "x" }, logLevel: "LOUD" }));
    const run = runCli(["config", "show"], {}, cwd);
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split("\n")).toEqual([
      "sdh: sdh.config.json: snapshot.records: must be a whole number ≥ 1 (got -3)",
      expect.stringMatching(/^sdh.config.json: snapshot.recrods: unknown setting; known: snapshot.pack, snapshot.recipe, snapshot.records, /),
      "sdh.config.json: snapshot.formats: unknown format(s) xml; allowed: csv, json, jsonl, parquet",
      "sdh.config.json: aws.secretAccessKey: credentials are not read from config files; set AWS_SECRET_ACCESS_KEY in the environment or use an AWS profile",
      "sdh.config.json: logLevel: must be one of TRACE, DEBUG, INFO, WARN, ERROR",
    ]);
    const badEnv = runCli(["config", "show"], { SDH_AS_OF: "yesterday" }, tmp());
    expect([badEnv.status, badEnv.stderr.trim()]).toEqual([2, "sdh: SDH_AS_OF='yesterday': must be a date YYYY-MM-DD"]);
    // A port outside 1-65535 was found only at connect, exit 1, naming no setting (issue 33.8).
    const badPort = runCli(["config", "show"], { TEMPORAL_ADDRESS: "127.0.0.1:99999" }, tmp());
    expect([badPort.status, badPort.stderr.trim()]).toEqual([2, "sdh: TEMPORAL_ADDRESS='127.0.0.1:99999': must be host:port with a port from 1 to 65535, e.g. 127.0.0.1:7233 or my-ns.tmprl.cloud:7233"]);
    const missing = runCli(["--config", "nope.yaml", "config", "show"], {}, tmp());
    expect([missing.status, missing.stderr.trim()]).toEqual([2, "sdh: config file nope.yaml does not exist"]);
    writeFileSync(join(cwd, "broken.yaml"), "snapshot: [unclosed\n");
    expect(runCli(["--config", "broken.yaml", "config", "show"], {}, cwd).stderr).toMatch(/broken.yaml: not valid YAML/);
  });

  it("refuses config, profile and certificate paths that are devices or FIFOs at once, exit 2, naming the setting (issue 33.5)", () => {
    const cwd = tmp();
    execFileSync("mkfifo", [join(cwd, "fifo.yaml")]);
    const cases: Array<[string[], NodeJS.ProcessEnv, string]> = [
      [["config", "show"], { SDH_CONFIG: "/dev/zero" }, "sdh: config file /dev/zero is a device, not a regular file; a config file is a regular YAML or JSON file of at most 1048576 bytes"],
      [["--config", "fifo.yaml", "config", "show"], {}, `sdh: config file ${join(cwd, "fifo.yaml")} is a FIFO, not a regular file; a config file is a regular YAML or JSON file of at most 1048576 bytes`],
      [["config", "show"], { TEMPORAL_CONFIG_FILE: "/dev/zero" }, "sdh: Temporal profile file /dev/zero is a device, not a regular file"],
      [["schedule", "list"], { TEMPORAL_ADDRESS: "127.0.0.1:9", TEMPORAL_TLS_SERVER_CA_CERT_PATH: "/dev/zero" }, "sdh: TEMPORAL_TLS_SERVER_CA_CERT_PATH (temporal.tls.serverCaCertPath): cannot read the server CA certificate at /dev/zero: it is a device, not a regular file"],
    ];
    for (const [args, env, message] of cases) {
      const run = runCli(args, env, cwd);
      expect([run.status, run.stderr.trim()]).toEqual([2, message]);
    }
  });

  it("refuses credentials in SDH_S3_ENDPOINT without printing them, and names the type a config value should have", () => {
    const run = runCli(["config", "show"], { SDH_S3_ENDPOINT: "http://keyid:hunter2@127.0.0.1:7070" }, tmp());
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("SDH_S3_ENDPOINT='http://***@127.0.0.1:7070': must not carry credentials");
    expect(run.stdout + run.stderr).not.toMatch(/hunter2|keyid/);
    // Malformed, without a scheme, or in a query: redacted before the message is built (issue 33.9).
    const malformed = runCli(["config", "show"], { SDH_S3_ENDPOINT: "u:hunter2@127.0.0.1:7070" }, tmp());
    expect([malformed.status, malformed.stderr]).toEqual([2, expect.stringContaining("sdh: SDH_S3_ENDPOINT='***@127.0.0.1:7070': must be an http(s) URL such as http://127.0.0.1:7070")]);
    const query = runCli(["config", "show"], { SDH_S3_ENDPOINT: "http://127.0.0.1:7070/?token=hunter2" }, tmp());
    expect([query.status, query.stderr.trim()]).toEqual([2, "sdh: SDH_S3_ENDPOINT='http://127.0.0.1:7070/?***': must not carry a query or fragment: give scheme://host[:port]"]);
    expect(malformed.stderr + query.stderr).not.toContain("hunter2");
    const cwd = tmp();
    writeFileSync(join(cwd, "sdh.config.json"), JSON.stringify({ temporal: { namespace: 7 } }));
    const typed = runCli(["config", "show"], {}, cwd);
    expect([typed.status, typed.stderr.trim()]).toEqual([2, expect.stringMatching(/^sdh: sdh.config.json: temporal.namespace: 7 \(a number\) is not allowed here: /)]);
  });

  it("a command takes its options from the config file when no flag or env var gives them", () => {
    const cwd = tmp();
    writeFileSync(join(cwd, "sdh.config.yaml"), "snapshot:\n  records: 30\n  seed: 5\n  formats: [json]\n");
    const out = join(cwd, "bundle");
    const run = runCli(["generate", "--out", out, "--json"], { SDH_SEED: "6" }, cwd);
    expect([run.status, run.stderr]).toEqual([0, ""]);
    const manifest = JSON.parse(readFileSync(join(out, "snapshot_manifest_v0_9.json"), "utf8")) as { counts: { households: number }; seed: number; files: Array<{ path: string }> };
    expect(manifest.counts.households).toBe(30);
    expect(manifest.seed).toBe(6); // env beats the file
    expect(manifest.files.map((f) => f.path).filter((p) => p.endsWith(".csv") || p.endsWith(".parquet"))).toEqual([]);
  });
});

