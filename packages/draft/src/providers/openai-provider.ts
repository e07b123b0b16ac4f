import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError, AzureOpenAI } from "openai";
import { ProviderError, type ChatRequest, type ChatResponse, type DraftProvider } from "./provider.js";
import { providerErrorOf } from "./sdk-errors.js";

export interface OpenAiSettings {
  kind: "openai" | "azure";
  model: string;
  apiKey: string;
  /** OpenAI-compatible: the server's base URL (…/v1). Azure: the resource endpoint. */
  baseUrl: string;
  /** Azure only: the API version (OPENAI_API_VERSION). */
  apiVersion?: string;
  timeoutMs: number;
  /** Where the key came from, for messages: OPENAI_API_KEY or AZURE_OPENAI_API_KEY. */
  keyVariable: string;
}

/**
 * Chat completions through the official `openai` SDK: OpenAI, Azure OpenAI, and the servers that
 * speak its wire format (Ollama, vLLM, llama.cpp's server). The answer is asked for as a JSON object
 * in the message content (`response_format: json_object`), which needs no tool calling. A server that
 * rejects a parameter (no JSON mode; `max_tokens` renamed `max_completion_tokens` by newer OpenAI
 * models) is asked again without it, once, and remembered for the rest of the draft.
 */
export class OpenAiProvider implements DraftProvider {
  readonly kind;
  readonly model;
  readonly endpoint;
  private readonly client: OpenAI;
  private readonly label: string;
  private jsonMode = true;
  private tokenParameter: "max_tokens" | "max_completion_tokens" = "max_tokens";

  constructor(private readonly settings: OpenAiSettings) {
    this.kind = settings.kind;
    this.model = settings.model;
    this.endpoint = settings.baseUrl;
    this.label = settings.kind === "azure" ? "Azure OpenAI" : `the OpenAI-compatible server at ${settings.baseUrl}`;
    // Our retry loop bounds the total wait and logs each attempt; the SDK's would retry underneath it.
    this.client =
      settings.kind === "azure"
        ? new AzureOpenAI({ apiKey: settings.apiKey, endpoint: settings.baseUrl, apiVersion: settings.apiVersion ?? "2024-10-21", deployment: settings.model, maxRetries: 0, timeout: settings.timeoutMs })
        : new OpenAI({ apiKey: settings.apiKey, baseURL: settings.baseUrl, maxRetries: 0, timeout: settings.timeoutMs });
  }

  async complete(request: ChatRequest): Promise<ChatResponse> {
    for (let adapted = 0; ; adapted++) {
      try {
        const completion = await this.client.chat.completions.create({
          model: this.model,
          messages: [{ role: "system", content: request.system }, ...request.messages],
          temperature: 0,
          [this.tokenParameter]: request.maxTokens,
          ...(this.jsonMode ? { response_format: { type: "json_object" as const } } : {}),
        });
        const choice = completion.choices[0];
        if (!choice) throw new ProviderError(`${this.label} answered with no choices`, true);
        if (choice.finish_reason === "length") throw new ProviderError(`${this.label} stopped at the token limit (${request.maxTokens}) before finishing the recipe`, false);
        return { text: choice.message.content ?? "", inputTokens: completion.usage?.prompt_tokens ?? 0, outputTokens: completion.usage?.completion_tokens ?? 0 };
      } catch (error) {
        if (adapted < 2 && error instanceof APIError && error.status === 400 && this.adapt(error.message)) continue;
        if (error instanceof ProviderError) throw error;
        throw providerErrorOf(error, { APIError, APIConnectionError, APIConnectionTimeoutError }, this.label, this.settings.keyVariable);
      }
    }
  }

  /** Drops what a 400 says the server does not take; false when it names nothing we can drop. */
  private adapt(message: string): boolean {
    if (this.jsonMode && /response_format|json_object|json mode/i.test(message)) {
      this.jsonMode = false;
      return true;
    }
    if (this.tokenParameter === "max_tokens" && /max_tokens/.test(message) && /max_completion_tokens/.test(message)) {
      this.tokenParameter = "max_completion_tokens";
      return true;
    }
    return false;
  }
}
