export { SCHEMA_VERSION, VERSION_TAG, versionedFileName } from "./version.js";
