// RFC 4180: fields separated by commas, records by CRLF; a field holding a comma, a quote, CR or LF
// is quoted, with inner quotes doubled. UTF-8, no byte-order mark. Nulls are empty fields.

const NEEDS_QUOTES = /[",\r\n]/;

export function csvField(value: unknown): string {
  if (value === null || value === undefined) return "";
  const text = typeof value === "string" ? value : String(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const CSV_LINE_END = "\r\n";

export function csvLine(values: readonly unknown[]): string {
  let line = "";
  for (let i = 0; i < values.length; i++) line += (i === 0 ? "" : ",") + csvField(values[i]);
  return line + CSV_LINE_END;
}
