export const versionHelp = `sdh version — the sdh, schema, generator (the pc pack's), packs and Node versions

Options:
  --json     print them as JSON

Exit codes: 0 always, unless the options are bad (2).

Examples:
  sdh version
  sdh version --json`;
