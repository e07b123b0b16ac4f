/** A CSV file that breaks RFC 4180 in a way a reader cannot recover from. */
export class CsvSyntaxError extends Error {
  override name = "CsvSyntaxError";
}

/**
 * An incremental RFC 4180 parser: feed it text chunks in order and it returns the complete rows
 * each one finishes. Quoted fields may hold commas, quotes ("") and line breaks; CRLF and LF both
 * end a row. `line` counts physical lines, for error messages.
 */
export class CsvParser {
  private field = "";
  private row: string[] = [];
  private quoted = false;
  private afterQuote = false;
  private line = 1;
  private pendingCr = false;

  feed(chunk: string): string[][] {
    const rows: string[][] = [];
    for (let i = 0; i < chunk.length; i++) {
      const ch = chunk[i]!;
      if (this.pendingCr) {
        this.pendingCr = false;
        if (ch === "\n") continue;
      }
      if (this.quoted) {
        if (ch === '"') {
          if (chunk[i + 1] === '"') {
            this.field += '"';
            i++;
          } else {
            // Closing, or (at the end of a chunk) the first of a doubled pair: the next character tells.
            this.quoted = false;
            this.afterQuote = true;
          }
        } else {
          if (ch === "\n") this.line++;
          this.field += ch;
        }
        continue;
      }
      if (this.afterQuote && ch === '"') {
        // The closing quote was the first of a doubled pair split across chunks.
        this.field += '"';
        this.quoted = true;
        this.afterQuote = false;
        continue;
      }
      if (ch === ",") {
        this.row.push(this.field);
        this.field = "";
        this.afterQuote = false;
      } else if (ch === "\n" || ch === "\r") {
        this.row.push(this.field);
        rows.push(this.row);
        this.row = [];
        this.field = "";
        this.afterQuote = false;
        this.line++;
        if (ch === "\r") this.pendingCr = true;
      } else if (ch === '"' && this.field === "" && !this.afterQuote) {
        this.quoted = true;
      } else if (this.afterQuote) {
        throw new CsvSyntaxError(`line ${this.line}: unexpected '${ch}' after a closing quote; quotes inside a field must be doubled ("")`);
      } else {
        this.field += ch;
      }
    }
    return rows;
  }

  /** The last row, when the file does not end with a line break. */
  end(): string[][] {
    if (this.quoted) throw new CsvSyntaxError(`line ${this.line}: the file ends inside a quoted field`);
    if (this.field === "" && this.row.length === 0 && !this.afterQuote) return [];
    this.row.push(this.field);
    const rows = [this.row];
    this.row = [];
    this.field = "";
    return rows;
  }
}
