/**
 * An endpoint as it may be printed: any `user:password@` (with or without a scheme, with slashes or
 * backslashes) becomes `***@`, and a query or fragment (`?token=…`) becomes `?***`. Applied before
 * any message is built, to text that failed to parse as well: a malformed URL may still hold a secret.
 * No AWS SDK here, so the CLI's settings load fast.
 */
export function withoutUserinfo(text: string): string {
  return text
    .replace(/^([a-z][a-z0-9+.-]*:[/\\]{2})?.*@/is, "$1***@")
    .replace(/[?#].*$/s, (rest) => `${rest[0]}***`);
}
