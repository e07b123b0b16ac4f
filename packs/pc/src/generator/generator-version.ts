// The generator's name and version, alone in a module: reading them (`sdh version`, manifests' readers)
// must not load the reference tables (subpath export `@sdh/pack-pc/version`).

/** Name and version stamped into every manifest. Bump the version with any change to seeded output. */
export const GENERATOR = { name: "sdh-rules", version: "0.11.0" } as const;
