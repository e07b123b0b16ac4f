import { withoutUserinfo } from "@sdh/storage/redact-url";
import { UsageError } from "../usage-error.js";
import { findConfigFile, readConfigFile } from "./config-file.js";
import { SETTINGS, settingByFlag, type SettingSpec } from "./setting-specs.js";
import { readTemporalProfile } from "./temporal-profile.js";

export interface ResolvedSetting {
  spec: SettingSpec;
  value: string | undefined;
  /** Where the value came from: `flag --records`, `env SDH_RECORDS`, `sdh.config.yaml`, `temporal profile …`, `.sdh/services.env` or `default`. */
  source: string;
}

export interface SettingSources {
  /** This process's environment. */
  env: NodeJS.ProcessEnv;
  /** .sdh/services.env, written by `pnpm services:up`: below the config file, above the defaults. */
  servicesEnv: NodeJS.ProcessEnv;
  /** --config FILE or SDH_CONFIG; else sdh.config.{json,yaml,yml} in `cwd`. */
  configPath?: string;
  cwd: string;
}

/** Every setting's value and where it came from; env values are checked as the file's are. */
export class Settings {
  readonly file: string | null;
  private readonly resolved: Map<string, ResolvedSetting>;

  constructor({ env, servicesEnv, configPath, cwd }: SettingSources) {
    this.file = findConfigFile(configPath ?? (env.SDH_CONFIG || undefined), cwd);
    const file = this.file ? readConfigFile(this.file) : null;
    const profile = readTemporalProfile(env);
    const problems: string[] = [];
    this.resolved = new Map<string, ResolvedSetting>(
      SETTINGS.map((spec): [string, ResolvedSetting] => {
        const fromEnv = env[spec.env];
        if (fromEnv !== undefined && fromEnv !== "") {
          const checked = spec.schema.safeParse(fromEnv);
          if (!checked.success) problems.push(`${spec.env}='${spec.secret ? "***" : withoutUserinfo(fromEnv)}': ${checked.error.issues.map((i) => i.message).join("; ")}`);
          return [spec.key, { spec, value: checked.data ?? fromEnv, source: `env ${spec.env}` }];
        }
        const fromFile = file?.values.get(spec.key);
        if (fromFile !== undefined) return [spec.key, { spec, value: fromFile, source: file!.path.split("/").pop()! }];
        const fromProfile = profile?.values.get(spec.key);
        if (fromProfile !== undefined) {
          const checked = spec.schema.safeParse(fromProfile);
          if (!checked.success) problems.push(`${profile!.source}: ${spec.key} ${spec.secret ? "***" : JSON.stringify(fromProfile)}: ${checked.error.issues.map((i) => i.message).join("; ")}`);
          return [spec.key, { spec, value: checked.data ?? fromProfile, source: profile!.source }];
        }
        const fromServices = servicesEnv[spec.env];
        if (fromServices) return [spec.key, { spec, value: fromServices, source: ".sdh/services.env" }];
        return [spec.key, { spec, value: undefined, source: "default" }];
      }),
    );
    if (problems.length) throw new UsageError(problems.join("\n"));
  }

  get(key: string): string | undefined {
    return this.resolved.get(key)?.value;
  }

  /** Each setting, with a flag's value in place of the rest where one was given. */
  describe(flags: Record<string, unknown> = {}): ResolvedSetting[] {
    return SETTINGS.map((spec) => {
      const flag = spec.flag ? flags[spec.flag] : undefined;
      return typeof flag === "string" ? { spec, value: flag, source: `flag --${spec.flag}` } : this.resolved.get(spec.key)!;
    });
  }

  /** A command's parsed flags, completed from env, file and services.env for the flags it did not get. */
  fill<T extends Record<string, unknown>>(values: T): T {
    const out: Record<string, unknown> = { ...values };
    for (const [flag, spec] of settingByFlag) {
      if (flag in out || out[flag] !== undefined) continue;
      const value = this.get(spec.key);
      if (value !== undefined) out[flag] = value;
    }
    return out as T;
  }

  /**
   * The environment the rest of the code reads (Temporal address, S3 settings, staging, log level):
   * `env` with the values from the config file and services.env filled in.
   */
  environment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
    const out = { ...env };
    for (const { spec, value } of this.resolved.values()) if (value !== undefined && (out[spec.env] === undefined || out[spec.env] === "")) out[spec.env] = value;
    return out;
  }
}
