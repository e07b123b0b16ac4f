export { fileDigest, writeWithDigest, UnexpectedSizeError, BULK_READ_BYTES, type FileDigest, type WriteOptions } from "./file-digest.js";
export { insideFolder, OutsideFolderError } from "./inside-folder.js";
export { partialFolder, abandonedPartials, isProcessRunning, makePartialFolder, FolderNotWritableError, localFileProblem } from "./partial-folders.js";
export { readRegularFileSync, openInsideFolder, readInsideFolder, NotRegularFileError, MAX_DOCUMENT_BYTES, type ReadLimits } from "./regular-files.js";
export { readAt } from "./read-at.js";
export { inLanes } from "./in-lanes.js";
