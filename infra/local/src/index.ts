export { servicesUp, servicesDown, servicesStatus, type UpOptions, type UpResult, type ServiceStatus } from "./services.js";
export { readState, connectionEnv, envFile, type ServicesState, type TemporalRecord, type S3Record } from "./state.js";
export { defaultStateDir, cacheDir } from "./paths.js";
export { freePort } from "./ports.js";
export { resolveBinary } from "./binaries.js";
export { SDH_SEARCH_ATTRIBUTES } from "./temporal-server.js";
