// The FinTech generator's name and version, alone in a module: `sdh version` reads it without loading
// the reference tables (subpath export `@sdh/pack-fintech/version`).

/** The generator a FinTech manifest records: its version moves with any change to the bytes of its seeded records. */
export const FINTECH_GENERATOR = { name: "sdh-pack-fintech", version: "0.3.1" } as const;
