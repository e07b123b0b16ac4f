/**
 * Root records per part in `export-layouts`' parts-layout builds: the default shard size, so every part
 * is one shard. The scale model predicts those builds with the same figure (`--temporal`).
 */
export const LAYOUT_PART_ROOTS = 50_000;
