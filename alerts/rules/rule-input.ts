/**
 * What every rule reads (the report just built, its rows, the crawl runs) and what it returns:
 * candidate findings, each either an event (a review, a mention, a persona change: reported once by
 * its key) or a condition (a theme shifting, a competitor ahead, a source broken: reported when it
 * starts holding, and again only after it stopped and came back).
 */
import type { RadarConfig } from '../../config/schema.js';
import type { AlertFinding } from '../../domain/alerts.js';
import type { CrawlRun } from '../../domain/types.js';
import type { ReportData, ReportRow } from '../../reports/model.js';

/** The data a rule is evaluated over. */
export interface RuleInput {
  /** The validated project configuration. */
  config: RadarConfig;
  /** The report just built. */
  report: ReportData;
  /** Its rows: documents with their analyses (duplicates excluded). */
  rows: ReportRow[];
  /** Crawl runs, newest first. */
  runs: CrawlRun[];
  /** When the rule was first evaluated (ISO 8601): documents stored before it are not news. */
  since: string;
}

/** A finding as a rule proposes it. */
export interface Candidate extends AlertFinding {
  /**
   * Unset: an event, reported once by its key. "state": a condition, reported when it starts holding.
   * "crossing": a condition whose first sighting is no change (who is ahead when the rule is
   * first evaluated), so it is reported only when it starts holding later.
   */
  condition?: 'state' | 'crossing';
}
