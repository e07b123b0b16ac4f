/** A URL with any `user:password@` replaced by `***@`: safe to print. No AWS SDK here, so the CLI's settings load fast. */
export function withoutUserinfo(text: string): string {
  return text.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@]*@/i, "$1***@");
}
