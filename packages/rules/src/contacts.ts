// Contact details any pack gives its synthetic people: never an address or a line a real person could own.

/** The domains RFC 2606 reserves for examples: mail to them reaches no one. */
export const RESERVED_DOMAINS = ["example.com", "example.net", "example.org"] as const;

/** The 100 fictional lines 555-0100 to 555-0199 (reserved for fiction by the NANP administrator). */
export const FICTIONAL_LINES = Array.from({ length: 100 }, (_, n) => `555-01${String(n).padStart(2, "0")}`);
