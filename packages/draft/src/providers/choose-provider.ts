import { AnthropicProvider } from "./anthropic-provider.js";
import { OpenAiProvider } from "./openai-provider.js";
import type { DraftProvider, ProviderKind } from "./provider.js";

export const PROVIDER_KINDS: readonly ProviderKind[] = ["openai", "azure", "anthropic"];

/** The hosted APIs' own addresses, and the model a draft uses there when none is named. */
const HOSTED = {
  openai: { baseUrl: "https://api.openai.com/v1", model: "gpt-4.1" },
  anthropic: { baseUrl: "https://api.anthropic.com", model: "claude-sonnet-4-5" },
} as const;

export interface ProviderChoice {
  /** --provider / SDH_DRAFT_PROVIDER; unset: from which SDK variables are set. */
  provider?: string | undefined;
  /** --model / SDH_DRAFT_MODEL (an Azure deployment's name on Azure). */
  model?: string | undefined;
  /** --base-url / SDH_DRAFT_BASE_URL, above the SDKs' own OPENAI_BASE_URL, ANTHROPIC_BASE_URL, AZURE_OPENAI_ENDPOINT. */
  baseUrl?: string | undefined;
  timeoutMs: number;
  /** The environment the SDKs' standard variables are read from. */
  env: NodeJS.ProcessEnv;
}

/** A provider that cannot be set up as configured: what is missing and which variable or flag gives it. */
export class ProviderSetupError extends Error {
  override name = "ProviderSetupError";
}

const set = (v: string | undefined) => v !== undefined && v.trim() !== "";

/** Which provider the settings and the SDKs' variables point at. With only OPENAI_* set, it is openai. */
export function providerKindOf(choice: Pick<ProviderChoice, "provider" | "env">): ProviderKind {
  if (choice.provider !== undefined) {
    if (!(PROVIDER_KINDS as readonly string[]).includes(choice.provider)) throw new ProviderSetupError(`provider '${choice.provider}' is not one sdh draft knows; providers: ${PROVIDER_KINDS.join(", ")}`);
    return choice.provider as ProviderKind;
  }
  const { env } = choice;
  const openai = set(env.OPENAI_API_KEY) || set(env.OPENAI_BASE_URL);
  const anthropic = set(env.ANTHROPIC_API_KEY) || set(env.ANTHROPIC_BASE_URL);
  const azure = set(env.AZURE_OPENAI_API_KEY) || set(env.AZURE_OPENAI_ENDPOINT);
  const found = [openai && "openai", azure && "azure", anthropic && "anthropic"].filter((k): k is ProviderKind => Boolean(k));
  if (found.length === 1) return found[0]!;
  if (found.length === 0) throw new ProviderSetupError("no model provider is configured: set OPENAI_API_KEY (or OPENAI_BASE_URL for a local OpenAI-compatible server), ANTHROPIC_API_KEY, or AZURE_OPENAI_ENDPOINT and AZURE_OPENAI_API_KEY");
  throw new ProviderSetupError(`variables of several providers are set (${found.join(", ")}): choose one with --provider or SDH_DRAFT_PROVIDER`);
}

function checkedUrl(url: string, from: string): string {
  if (!/^https?:\/\/[^/\\]/i.test(url) || !URL.canParse(url)) throw new ProviderSetupError(`${from} must be an http(s) URL such as http://127.0.0.1:11434/v1`);
  const parsed = new URL(url);
  if (parsed.username || parsed.password) throw new ProviderSetupError(`${from} must not carry credentials (user:password@): give the key in the provider's API key variable`);
  if (parsed.search || parsed.hash) throw new ProviderSetupError(`${from} must not carry a query or fragment`);
  return url.replace(/\/+$/, "");
}

/** The provider the settings describe, checked: a missing key or model is named with the variable that gives it. */
export function chooseProvider(choice: ProviderChoice): DraftProvider {
  const kind = providerKindOf(choice);
  const { env } = choice;
  const fromFlag = set(choice.baseUrl) ? checkedUrl(choice.baseUrl!, "--base-url / SDH_DRAFT_BASE_URL") : undefined;
  if (kind === "azure") {
    const endpoint = fromFlag ?? (set(env.AZURE_OPENAI_ENDPOINT) ? checkedUrl(env.AZURE_OPENAI_ENDPOINT!, "AZURE_OPENAI_ENDPOINT") : undefined);
    if (!endpoint) throw new ProviderSetupError("Azure OpenAI needs its endpoint: set AZURE_OPENAI_ENDPOINT (https://<resource>.openai.azure.com)");
    if (!set(env.AZURE_OPENAI_API_KEY)) throw new ProviderSetupError("Azure OpenAI needs a key: set AZURE_OPENAI_API_KEY");
    if (!set(choice.model)) throw new ProviderSetupError("Azure OpenAI needs the deployment to use: --model DEPLOYMENT or SDH_DRAFT_MODEL");
    return new OpenAiProvider({ kind, model: choice.model!, apiKey: env.AZURE_OPENAI_API_KEY!, baseUrl: endpoint, apiVersion: set(env.OPENAI_API_VERSION) ? env.OPENAI_API_VERSION! : undefined, timeoutMs: choice.timeoutMs, keyVariable: "AZURE_OPENAI_API_KEY" });
  }
  const hosted = HOSTED[kind];
  const sdkVariable = kind === "openai" ? "OPENAI_BASE_URL" : "ANTHROPIC_BASE_URL";
  const keyVariable = kind === "openai" ? "OPENAI_API_KEY" : "ANTHROPIC_API_KEY";
  const baseUrl = fromFlag ?? (set(env[sdkVariable]) ? checkedUrl(env[sdkVariable]!, sdkVariable) : hosted.baseUrl);
  const isHosted = baseUrl === hosted.baseUrl;
  // A local server (Ollama, vLLM, llama.cpp) often takes no key; the hosted APIs always need one.
  if (isHosted && !set(env[keyVariable])) throw new ProviderSetupError(`${kind === "openai" ? "OpenAI" : "Anthropic"} needs a key: set ${keyVariable}`);
  const apiKey = set(env[keyVariable]) ? env[keyVariable]! : "no-key";
  // A hosted API has a sensible default model; a local server's models are its own, so one must be named.
  const model = set(choice.model) ? choice.model! : isHosted ? hosted.model : undefined;
  if (!model) throw new ProviderSetupError(`name the model the server at ${baseUrl} serves: --model NAME or SDH_DRAFT_MODEL`);
  const timeoutMs = choice.timeoutMs;
  return kind === "openai" ? new OpenAiProvider({ kind, model, apiKey, baseUrl, timeoutMs, keyVariable }) : new AnthropicProvider({ model, apiKey, baseUrl, timeoutMs });
}
