/**
 * CheerioCrawler with four overrides, in Crawlee's own style of thin layers: responses keep their
 * raw bytes (Crawlee would decode by the Content-Type charset alone) and are decoded by our sniffing
 * decoder (header, BOM, <meta charset>, XML declaration); bodies above the page-size cap are
 * refused while downloading instead of being buffered whole; a response refused on its headers is
 * closed without downloading its body; and robots.txt is read by our loader (crawlers/robots.ts),
 * not Crawlee's.
 */
import type { IncomingMessage } from 'node:http';
import { CheerioCrawler, type CheerioCrawlerOptions, type CheerioCrawlingContext } from '@crawlee/cheerio';
import type { Configuration } from '@crawlee/core';
import { PageError } from '../domain/errors.js';
import { decodeBody } from './extract/decode.js';
import { parsePage, type ParsedPage } from './extract/dom.js';
import { isDataDocument } from './extract/data-documents.js';
import { isFeed } from './extract/feeds.js';
import type { RobotsLoader } from './robots.js';

/** The error of a page larger than the configured cap (kind `too-large`: never retried). */
export function pageTooLarge(url: string, limit: number): PageError {
  return new PageError('too-large', `page ${url} is larger than ${Math.round(limit / 1024 / 1024)} MB (crawl.maxPageBytes); skipped`);
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
      throw pageTooLarge(url, limit);
    }
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

/** Options of the crawler: Crawlee's plus the page-size cap and our robots.txt loader. */
export interface RadarCheerioCrawlerOptions extends CheerioCrawlerOptions {
  /** Largest page body accepted, in bytes. */
  maxPageBytes: number;
  /** Reads robots.txt the RFC 9309 way; unset when the source ignores robots.txt. */
  robots?: RobotsLoader;
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
  private readonly robots?: RobotsLoader;

  /** Creates the crawler; `config` gives it its own storage (one queue per crawl). */
  constructor(options: RadarCheerioCrawlerOptions, config?: Configuration) {
    const { maxPageBytes, robots, ...rest } = options;
    super({ ...rest, respectRobotsTxtFile: rest.respectRobotsTxtFile ?? !!robots }, config);
    this.maxPageBytes = maxPageBytes;
    this.robots = robots;
  }

  // Crawlee's own loader lets everything through when robots.txt answers 5xx or cannot be reached,
  // and fetches it with another User-Agent; Crawlee asks here before each request and when enqueueing.
  protected override async getRobotsTxtFileForUrl(url: string): ReturnType<CheerioCrawler['getRobotsTxtFileForUrl']> {
    if (!this.robots) return super.getRobotsTxtFileForUrl(url);
    return (await this.robots(url)) as Awaited<ReturnType<CheerioCrawler['getRobotsTxtFileForUrl']>>;
  }

  // A response refused after its headers (a content type that is not a page, such as
  // application/octet-stream) is closed at once: Crawlee throws without reading the body, but the
  // open stream would keep downloading, and a slow one holds the crawl until the navigation timeout.
  protected override async _handleNavigation(context: CheerioCrawlingContext): Promise<void> {
    try {
      await super._handleNavigation(context);
    } catch (err) {
      (context.response as IncomingMessage | undefined)?.destroy();
      throw err;
    }
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
