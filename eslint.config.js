// One flat config for the whole repository; `eslint .` in any package finds it here.
export { default } from "@sdh/eslint-config";
