export { RESERVED_EMAIL_DOMAINS, isReservedEmail, isFictionalPhone } from "./privacy.js";
