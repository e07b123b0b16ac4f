/** Failure types the workflow never retries: the same input would fail the same way. */
export const NON_RETRYABLE = {
  config: "InvalidConfig",
  validation: "ValidationFailed",
  conflict: "PublishConflict",
  staged: "StagedOutputMissing",
  corrupt: "StagedOutputCorrupt",
  invalidTarget: "InvalidStoredDocument",
  refused: "PublishRefused",
} as const;
