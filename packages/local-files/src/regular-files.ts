import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from "node:fs";
import { open, readlink, realpath, type FileHandle } from "node:fs/promises";
import { relative } from "node:path";
import { insideFolder } from "./inside-folder.js";

// Files named by data or settings are opened without trusting what is there: a FIFO would block an
// open or a read forever, a device (`/dev/zero`) never ends, and a symbolic link leads anywhere.
// O_NONBLOCK makes opening a FIFO return at once; fstat on the opened descriptor then says what it is.

/** A path that must be a regular file is something else, too big, or reached through a link. */
export class NotRegularFileError extends Error {
  override name = "NotRegularFileError";
}

/** The largest JSON document of a snapshot (manifest, report, latest.json, pull record) read into memory: 64 MiB. */
export const MAX_DOCUMENT_BYTES = 64 * 1024 * 1024;

const READ_FLAGS = constants.O_RDONLY | constants.O_NONBLOCK;

/** What a non-regular file is, in words. */
function kindOf(info: Stats): string {
  if (info.isDirectory()) return "a folder";
  if (info.isFIFO()) return "a FIFO";
  if (info.isCharacterDevice() || info.isBlockDevice()) return "a device";
  if (info.isSocket()) return "a socket";
  if (info.isSymbolicLink()) return "a symbolic link";
  return "not a regular file";
}

export interface ReadLimits {
  /** Refuse a file larger than this. */
  maxBytes: number;
  /** How messages name the file (a setting's name and path, say); default: the path. */
  label?: string;
}

/**
 * A settings file (a config file, a certificate): a symbolic link is followed (Kubernetes mounts
 * secrets through links), but what it reaches must be a regular file of at most `maxBytes`.
 */
export function readRegularFileSync(path: string, { maxBytes, label = path }: ReadLimits): Buffer {
  const fd = openSync(path, READ_FLAGS);
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) throw new NotRegularFileError(`${label} is ${kindOf(info)}, not a regular file`);
    if (info.size > maxBytes) throw new NotRegularFileError(`${label} holds ${info.size} bytes; at most ${maxBytes} are read`);
    // Read to the size fstat gave, and one byte more to notice a file that grew meanwhile.
    const buffer = Buffer.alloc(info.size + 1);
    let got = 0;
    for (let n; got < buffer.length && (n = readSync(fd, buffer, got, buffer.length - got, got)) > 0; ) got += n;
    if (got > maxBytes) throw new NotRegularFileError(`${label} grew past ${maxBytes} bytes while it was read`);
    return buffer.subarray(0, got);
  } finally {
    closeSync(fd);
  }
}

/**
 * Opens `name` under `root` for reading, only if it is a regular file reached through real folders:
 * no symbolic link on the way (the file or any folder between it and `root`), no FIFO, device, socket
 * or folder. `root` itself may be a link. Throws NotRegularFileError, or the system's ENOENT when
 * nothing is there. The caller closes the handle.
 */
export async function openInsideFolder(root: string, name: string): Promise<{ handle: FileHandle; info: Stats }> {
  const path = insideFolder(root, name);
  let handle: FileHandle;
  try {
    handle = await open(path, READ_FLAGS | constants.O_NOFOLLOW);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ELOOP") throw new NotRegularFileError(`${name} is a symbolic link; only regular files are read`);
    throw error;
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new NotRegularFileError(`${name} is ${kindOf(info)}, not a regular file`);
    // Where the descriptor really is (Linux names it in /proc, race-free; elsewhere the path resolved
    // again) must be where the name says: a linked folder on the way would lead elsewhere.
    const real = await readlink(`/proc/self/fd/${handle.fd}`).catch(() => realpath(path));
    const expected = insideFolder(await realpath(root), relative(root, path));
    if (real !== expected) throw new NotRegularFileError(`${name} is reached through a symbolic link; only regular files inside the target are read`);
    return { handle, info };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/** The text of a regular file under `root` (see openInsideFolder), refused above `maxBytes`. */
export async function readInsideFolder(root: string, name: string, maxBytes: number): Promise<Buffer> {
  const { handle, info } = await openInsideFolder(root, name);
  try {
    if (info.size > maxBytes) throw new NotRegularFileError(`${name} holds ${info.size} bytes; at most ${maxBytes} are read`);
    const buffer = Buffer.alloc(info.size + 1);
    let got = 0;
    for (let n; got < buffer.length && (n = (await handle.read(buffer, got, buffer.length - got, got)).bytesRead) > 0; ) got += n;
    if (got > maxBytes) throw new NotRegularFileError(`${name} grew past ${maxBytes} bytes while it was read`);
    return buffer.subarray(0, got);
  } finally {
    await handle.close();
  }
}
