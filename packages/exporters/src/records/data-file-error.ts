/** A data file that cannot be read as its entity's records: names the file, the place and what is expected. */
export class DataFileError extends Error {
  override name = "DataFileError";
}
