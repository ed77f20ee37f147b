import { open } from 'node:fs/promises';

/** The text encodings a CSV file may use (FORMATS.md §3). */
export type CsvEncoding = 'utf-8' | 'gb18030';

/** How much of the file decides the encoding. */
const sniffBytes = 64 * 1024;

/**
 * Decides a CSV file's encoding: UTF-8 (with or without BOM) when its first 64 KB decode strictly as UTF-8,
 * otherwise GB18030 (what Excel and WPS save on a Chinese Windows). Rejects when the file cannot be read.
 */
export async function detectEncoding(path: string): Promise<CsvEncoding> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(sniffBytes);
    const { bytesRead } = await handle.read(buffer, 0, sniffBytes, 0);
    const atEnd = bytesRead < sniffBytes;
    return isUtf8Prefix(buffer.subarray(0, bytesRead), atEnd) ? 'utf-8' : 'gb18030';
  } finally {
    await handle.close();
  }
}

/**
 * Whether bytes are valid UTF-8; unless `complete`, a multi-byte character cut off at the end is allowed,
 * since the sample may end in the middle of one.
 */
export function isUtf8Prefix(bytes: Uint8Array, complete: boolean): boolean {
  try {
    // In streaming mode the decoder holds back an incomplete trailing sequence instead of failing on it.
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: !complete });
    return true;
  } catch {
    return false;
  }
}
