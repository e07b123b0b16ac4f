// Bounds on a sample, apart from the reader so that help texts can name them without loading DuckDB.
export const SAMPLE_LIMITS = { bytes: 1024 * 1024 * 1024, rows: 1_000_000, columns: 200 } as const;
