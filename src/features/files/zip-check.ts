import type { FileHandle } from 'node:fs/promises';

const localFileHeader = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const endOfCentralDirectory = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
/** The end record is 22 bytes plus a comment of up to 65,535 bytes. */
const endRecordReach = 22 + 0xffff;

/**
 * Whether a file starts like a zip and still has its end record, i.e. was not cut short. ExcelJS's unzipper waits
 * forever on a truncated zip (an interrupted upload or copy), so such files are turned away before it sees them.
 */
export async function isCompleteZip(handle: FileHandle): Promise<boolean> {
  const stats = await handle.stat();
  const { size } = stats;
  if (!stats.isFile() || size < localFileHeader.length + 22) {
    return false;
  }
  const head = Buffer.alloc(localFileHeader.length);
  await handle.read(head, 0, head.length, 0);
  if (!head.equals(localFileHeader)) {
    return false;
  }
  const tailLength = Math.min(size, endRecordReach);
  const tail = Buffer.alloc(tailLength);
  await handle.read(tail, 0, tailLength, size - tailLength);
  return tail.lastIndexOf(endOfCentralDirectory) !== -1;
}
