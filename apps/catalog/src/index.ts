export { createCatalogApp, type CatalogOptions } from "./catalog-app.js";
export { openSources, type CatalogSource } from "./catalog-sources.js";
export { serveCatalog, type ServedCatalog } from "./serve-catalog.js";
export type { BuildOptions } from "./build-routes.js";
