/** A byte count as people read it in a listing: MiB with one decimal. */
export const megabytes = (bytes: number): string => `${(bytes / 1_048_576).toFixed(1)} MB`;
