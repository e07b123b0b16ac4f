// The privacy gate's primitives: synthetic contact data may only point at places that reach nobody.

/** RFC 2606 reserves these second-level domains for documentation; mail to them reaches no one. */
export const RESERVED_EMAIL_DOMAINS = ["example.com", "example.net", "example.org"] as const;

export function isReservedEmail(email: string): boolean {
  const at = email.lastIndexOf("@");
  if (at <= 0 || at !== email.indexOf("@")) return false;
  const domain = email.slice(at + 1).toLowerCase();
  return (RESERVED_EMAIL_DOMAINS as readonly string[]).includes(domain);
}

/** NANP reserves 555-0100 through 555-0199 for fictional use in every area code. */
const FICTIONAL_PHONE = /^\(?([2-9]\d{2})\)?[ -.]?555[ -.]?01(\d{2})$/;

export function isFictionalPhone(phone: string): boolean {
  return FICTIONAL_PHONE.test(phone.trim());
}
