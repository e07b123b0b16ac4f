import { ProviderError, retryAfterOf } from "./provider.js";

/** The error classes both official SDKs export (the same shapes, from the same generator). */
export interface SdkErrorClasses {
  APIError: abstract new (...args: never[]) => Error & { status?: number | undefined; headers?: { get(name: string): string | null } | undefined };
  APIConnectionError: abstract new (...args: never[]) => Error;
  APIConnectionTimeoutError: abstract new (...args: never[]) => Error;
}

/**
 * An SDK's error as a ProviderError a user can act on. A refused key names the variable it came
 * from (never its value); a server's message is kept to its first line and 300 characters, since
 * a proxy may answer with a whole HTML page.
 */
export function providerErrorOf(error: unknown, classes: SdkErrorClasses, provider: string, keyVariable: string): ProviderError {
  if (error instanceof classes.APIConnectionTimeoutError) return new ProviderError(`${provider} did not answer in time`, true);
  if (error instanceof classes.APIConnectionError) return new ProviderError(`${provider} cannot be reached: ${causeOf(error)}`, true);
  if (error instanceof classes.APIError) {
    const status = error.status;
    const said = firstLine(error.message);
    if (status === 401) return new ProviderError(`${provider} refused the API key (401): check ${keyVariable}`, false, status);
    if (status === 403) return new ProviderError(`${provider} refused access (403) with the key in ${keyVariable}: ${said}`, false, status);
    if (status === 404) return new ProviderError(`${provider} answered 404: check the model name and the base URL (${said})`, false, status);
    if (status === 429) return new ProviderError(`${provider} is rate-limiting (429): ${said}`, true, status, retryAfterOf(error.headers));
    if (status !== undefined && status >= 500) return new ProviderError(`${provider} failed (${status}): ${said}`, true, status, retryAfterOf(error.headers));
    return new ProviderError(`${provider} refused the request (${status ?? "no status"}): ${said}`, false, status);
  }
  return new ProviderError(`${provider}: ${firstLine(error instanceof Error ? error.message : String(error))}`, false);
}

function causeOf(error: Error): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? (cause?.message ? firstLine(cause.message) : firstLine(error.message));
}

const firstLine = (text: string) => {
  const line = text.split("\n")[0]!.trim();
  return line.length > 300 ? `${line.slice(0, 300)}…` : line;
};
