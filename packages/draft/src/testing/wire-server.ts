import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A local stand-in for a hosted model, speaking the documented wire formats: OpenAI's chat
 * completions (`POST /v1/chat/completions`, and Azure's `/openai/deployments/{d}/chat/completions`)
 * and Anthropic's Messages (`POST /v1/messages`). The official SDKs talk to it over HTTP as they
 * would to the real services. It answers from a script (recorded or written answers, statuses,
 * delays) and records every request, headers and body, for the tests to inspect.
 */
export interface ScriptedAnswer {
  /** The assistant's message content (a 200 answer). */
  content?: string;
  /** An error status instead, with the provider's error body. */
  status?: number;
  message?: string;
  headers?: Record<string, string>;
  /** Waits this long before answering (a slow or hung server). */
  delayMs?: number;
  inputTokens?: number;
  outputTokens?: number;
}

export interface RecordedRequest {
  path: string;
  headers: IncomingHttpHeaders;
  raw: string;
  body: Record<string, unknown>;
}

export class WireServer {
  readonly requests: RecordedRequest[] = [];
  script: ScriptedAnswer[] = [];
  private server: Server | undefined;

  constructor(readonly key = "sk-test-4f1c2a9e") {}

  async start(): Promise<string> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on("data", (c: Buffer) => chunks.push(c));
      request.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        const path = request.url ?? "";
        let body: Record<string, unknown> = {};
        try {
          body = JSON.parse(raw) as Record<string, unknown>;
        } catch {
          // Recorded as sent; the route answers 400 below.
        }
        this.requests.push({ path, headers: request.headers, raw, body });
        const wire = path.startsWith("/v1/messages") ? "anthropic" : /^\/(v1\/|openai\/deployments\/[^/]+\/)chat\/completions/.test(path) ? "openai" : null;
        const send = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
          if (response.destroyed) return;
          response.writeHead(status, { "content-type": "application/json", ...headers });
          response.end(JSON.stringify(payload));
        };
        if (!wire || request.method !== "POST") return send(404, { error: { message: `no route ${request.method} ${path}` } });
        const presented = wire === "anthropic" ? request.headers["x-api-key"] : path.startsWith("/openai/") ? request.headers["api-key"] : request.headers.authorization?.replace(/^Bearer /, "");
        if (presented !== this.key) return send(401, errorBody(wire, 401, "Incorrect API key provided"));
        const answer = this.script.shift() ?? { status: 500, message: "the test scripted no answer for this request" };
        const reply = () => {
          if (answer.status && answer.status !== 200) return send(answer.status, errorBody(wire, answer.status, answer.message ?? "scripted error"), answer.headers);
          const usage = { input: answer.inputTokens ?? Math.ceil(raw.length / 4), output: answer.outputTokens ?? Math.ceil((answer.content ?? "").length / 4) };
          send(200, wire === "anthropic" ? anthropicMessage(String(body.model), answer.content ?? "", usage) : openAiCompletion(String(body.model ?? "deployment"), answer.content ?? "", usage), answer.headers);
        };
        if (answer.delayMs) setTimeout(reply, answer.delayMs);
        else reply();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

/** OpenAI's chat.completion object (https://platform.openai.com/docs/api-reference/chat/object). */
function openAiCompletion(model: string, content: string, usage: { input: number; output: number }) {
  return {
    id: "chatcmpl-local",
    object: "chat.completion",
    created: 1_764_720_000,
    model,
    choices: [{ index: 0, message: { role: "assistant", content, refusal: null }, logprobs: null, finish_reason: "stop" }],
    usage: { prompt_tokens: usage.input, completion_tokens: usage.output, total_tokens: usage.input + usage.output },
  };
}

/** Anthropic's Message object (https://docs.anthropic.com/en/api/messages). */
function anthropicMessage(model: string, text: string, usage: { input: number; output: number }) {
  return { id: "msg_local", type: "message", role: "assistant", model, content: [{ type: "text", text }], stop_reason: "end_turn", stop_sequence: null, usage: { input_tokens: usage.input, output_tokens: usage.output } };
}

function errorBody(wire: "openai" | "anthropic", status: number, message: string) {
  if (wire === "anthropic") return { type: "error", error: { type: status === 401 ? "authentication_error" : status === 429 ? "rate_limit_error" : status >= 500 ? "api_error" : "invalid_request_error", message } };
  return { error: { message, type: status === 401 ? "invalid_request_error" : status === 429 ? "rate_limit_exceeded" : "server_error", param: null, code: status === 401 ? "invalid_api_key" : null } };
}
