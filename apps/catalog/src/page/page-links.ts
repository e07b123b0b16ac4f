// The page's own URLs, built in one place so every link names its target and version the same way.

const query = (params: Record<string, string | number | undefined>) => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== "") search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : "";
};

export const snapshotHref = (id: string, target: string, params: { entity?: string; offset?: number; filter?: string[] } = {}) => {
  const filters = (params.filter ?? []).map((f) => `&filter=${encodeURIComponent(f)}`).join("");
  return `/ui/snapshots/${encodeURIComponent(id)}${query({ target, entity: params.entity, offset: params.offset })}${filters}${params.offset !== undefined || params.filter?.length ? "#preview" : params.entity ? "#entity" : ""}`;
};

export const fileHref = (id: string, target: string, path: string) => `/snapshots/${encodeURIComponent(id)}/files/${encodeURIComponent(path)}${query({ target })}`;

export const buildHref = (id: string) => `/ui/builds/${encodeURIComponent(id)}`;
