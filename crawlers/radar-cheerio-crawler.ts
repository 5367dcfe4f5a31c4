/**
 * CheerioCrawler with two overrides, in Crawlee's own style of thin layers: responses keep their
 * raw bytes (Crawlee would decode by the Content-Type charset alone) and are decoded by our sniffing
 * decoder (header, BOM, <meta charset>, XML declaration); and bodies above the page-size cap are
 * refused while downloading instead of being buffered whole.
 */
import type { IncomingMessage } from 'node:http';
import { CheerioCrawler, NonRetryableError, type CheerioCrawlerOptions, type CheerioCrawlingContext } from '@crawlee/cheerio';
import type { Configuration } from '@crawlee/core';
import { decodeBody } from './extract/decode.js';
import { parsePage, type ParsedPage } from './extract/dom.js';
import { isDataDocument } from './extract/data-documents.js';
import { isFeed } from './extract/feeds.js';

/** Thrown when a page is larger than the configured cap; never retried. */
export class PageTooLargeError extends NonRetryableError {
  /** Creates the error for a page and the cap it exceeded. */
  constructor(url: string, limit: number) {
    super(`page ${url} is larger than ${Math.round(limit / 1024 / 1024)} MB (crawl.maxPageBytes); skipped`);
  }
}

/** Reads a response stream up to `limit` bytes; destroys it and throws past the limit. */
export async function readLimited(stream: NodeJS.ReadableStream & { destroy?: () => void }, limit: number, url: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream as AsyncIterable<Buffer | string>) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk, 'latin1') : chunk;
    total += buf.length;
    if (total > limit) {
      stream.destroy?.();
      throw new PageTooLargeError(url, limit);
    }
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

/** Options of the crawler: Crawlee's plus the page-size cap. */
export interface RadarCheerioCrawlerOptions extends CheerioCrawlerOptions {
  /** Largest page body accepted, in bytes. */
  maxPageBytes: number;
}

type ParseResult = Awaited<ReturnType<CheerioCrawler['_parseHTML']>>;

/** What the crawler adds to Crawlee's context: the page parsed once for extraction (absent for feeds). */
export interface RadarParsed {
  /** The parsed page. */
  parsedPage?: ParsedPage;
}

/** The static-page crawler of Review Radar. */
export class RadarCheerioCrawler extends CheerioCrawler {
  private readonly maxPageBytes: number;

  /** Creates the crawler; `config` gives it its own storage (one queue per crawl). */
  constructor(options: RadarCheerioCrawlerOptions, config?: Configuration) {
    const { maxPageBytes, ...rest } = options;
    super(rest, config);
    this.maxPageBytes = maxPageBytes;
  }

  // Keep the raw bytes: decoding happens in _parseHTML, where the page itself can be sniffed.
  protected override _encodeResponse(
    _request: unknown,
    response: IncomingMessage,
    encoding: BufferEncoding,
  ): { encoding: BufferEncoding; response: IncomingMessage } {
    return { response, encoding: (Buffer.isEncoding(encoding) ? encoding : 'utf8') as BufferEncoding };
  }

  // Parse once, the way the extractors want it (htmlparser2), and share the parsed page with them.
  protected override async _parseHTML(response: IncomingMessage, _isXml: boolean, context: CheerioCrawlingContext): Promise<ParseResult> {
    const raw = await readLimited(response, this.maxPageBytes, context.request.url);
    const body = decodeBody(raw, response.headers['content-type']);
    const url = response.url || context.request.url;
    const parsedPage: ParsedPage | undefined = isFeed(body) || isDataDocument(body) ? undefined : parsePage(body, { url });
    return {
      $: parsedPage?.$,
      body,
      parsedPage,
      enqueueLinks: async () => ({ processedRequests: [], unprocessedRequests: [] }),
    } as unknown as ParseResult;
  }
}
