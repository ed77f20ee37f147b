/** A source of bytes (or text) whose origin is kept, so a spooled temp-file stream can still be closed. */
export type DecodedChunks = AsyncIterable<string> & { readonly source: AsyncIterable<Buffer | string> };

/**
 * Decodes a stream of UTF-8 chunks into text, carrying a character split across two chunks over to the next one.
 * ExcelJS's streaming reader decodes each chunk on its own and so turns such characters into U+FFFD
 * (exceljs issues #2063, #2084); handing it text instead of bytes avoids that.
 */
export function utf8Chunks(source: AsyncIterable<Buffer | string>): DecodedChunks {
  return {
    source,
    async *[Symbol.asyncIterator]() {
      const decoder = new TextDecoder('utf-8');
      for await (const chunk of source) {
        const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
        if (text !== '') {
          yield text;
        }
      }
      const rest = decoder.decode();
      if (rest !== '') {
        yield rest;
      }
    },
  };
}
