import Anthropic, { APIConnectionError, APIConnectionTimeoutError, APIError } from "@anthropic-ai/sdk";
import { ProviderError, type ChatRequest, type ChatResponse, type DraftProvider } from "./provider.js";
import { providerErrorOf } from "./sdk-errors.js";

export interface AnthropicSettings {
  model: string;
  apiKey: string;
  baseUrl: string;
  timeoutMs: number;
}

/**
 * Anthropic's Messages API through the official `@anthropic-ai/sdk`. It has no JSON mode: the system
 * prompt asks for one JSON object, and the draft loop takes the object out of the text.
 */
export class AnthropicProvider implements DraftProvider {
  readonly kind = "anthropic" as const;
  readonly model;
  readonly endpoint;
  private readonly client: Anthropic;

  constructor(settings: AnthropicSettings) {
    this.model = settings.model;
    this.endpoint = settings.baseUrl;
    this.client = new Anthropic({ apiKey: settings.apiKey, baseURL: settings.baseUrl, maxRetries: 0, timeout: settings.timeoutMs });
  }

  async complete(request: ChatRequest): Promise<ChatResponse> {
    try {
      const message = await this.client.messages.create({ model: this.model, system: request.system, messages: request.messages, max_tokens: request.maxTokens, temperature: 0 });
      if (message.stop_reason === "max_tokens") throw new ProviderError(`Anthropic stopped at the token limit (${request.maxTokens}) before finishing the recipe`, false);
      const text = message.content.map((block) => (block.type === "text" ? block.text : "")).join("");
      return { text, inputTokens: message.usage.input_tokens, outputTokens: message.usage.output_tokens };
    } catch (error) {
      if (error instanceof ProviderError) throw error;
      throw providerErrorOf(error, { APIError, APIConnectionError, APIConnectionTimeoutError }, "Anthropic", "ANTHROPIC_API_KEY");
    }
  }
}
