// sdh learn (issue 34): sample tables in, a recipe out that mimics them without carrying their rows,
// with the fidelity and privacy of what the recipe generates measured against the sample.
export { readSampleFile, SampleError, SAMPLE_LIMITS, SAMPLE_FORMATS, type SampleTable, type SampleColumn, type Cell, type ColumnKind } from "./sample-file.js";
export { learnFromTables, LearnError, snakeName, type LearnSettings, type LearnedRecipe } from "./learn-recipe.js";
export { learnReport, learnedSummary, HOLDOUT_SHARE, type LearnReport } from "./learn-report.js";
export { fidelityOf, ksComplement, tvComplement, type Fidelity, type ComparedColumn } from "./fidelity.js";
export { privacyOf, type Privacy } from "./privacy.js";
export { augmentTables, type AugmentedTable } from "./augment.js";
export { writeAugmented } from "./write-augmented.js";
