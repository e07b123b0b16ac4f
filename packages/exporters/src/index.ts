export { createDigestTap, type Digest } from "./digest-tap.js";
