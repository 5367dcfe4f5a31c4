/** The report files the app offers for download: those in the configured report folder. */
import { readdir, stat } from 'node:fs/promises';
import { extname, resolve } from 'node:path';

/** Content types of the report files served. */
export const REPORT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.pdf': 'application/pdf',
};

/** A report file. */
export interface ReportFile {
  /** File name. */
  name: string;
  /** Size in bytes. */
  bytes: number;
  /** Last written (ISO 8601). */
  modifiedAt: string;
}

/** The report files in `dir` (index.html first), or none. */
export async function reportFiles(dir: string): Promise<ReportFile[]> {
  let names: string[];
  try {
    names = await readdir(resolve(dir));
  } catch {
    return [];
  }
  const files: ReportFile[] = [];
  for (const name of names.filter((n) => REPORT_TYPES[extname(n)])) {
    const s = await stat(resolve(dir, name)).catch(() => undefined);
    if (s?.isFile()) files.push({ name, bytes: s.size, modifiedAt: s.mtime.toISOString() });
  }
  return files.sort((a, b) => (a.name === 'index.html' ? -1 : b.name === 'index.html' ? 1 : a.name.localeCompare(b.name)));
}

/** The path of a report file by name, or undefined for anything but a plain file name of a served type. */
export function reportFilePath(dir: string, name: string): string | undefined {
  if (!/^[\w.-]+$/.test(name) || name.startsWith('.') || !REPORT_TYPES[extname(name)]) return undefined;
  return resolve(dir, name);
}
