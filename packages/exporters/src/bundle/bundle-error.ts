/** A folder that is not a readable bundle: missing, empty, or with a file that breaks its schema. */
export class BundleError extends Error {
  override name = "BundleError";
}
