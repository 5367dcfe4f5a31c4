/**
 * The rule registry: rule type → its pure function over the report data and crawl runs. A new rule
 * type is one file in this folder, one schema in config/alerts-schema.ts and one line here.
 */
import type { AlertRuleConfig } from '../../config/alerts-schema.js';
import { competitorFindings } from './competitors.js';
import { personaFindings } from './personas.js';
import { reviewFindings } from './reviews.js';
import type { Candidate, RuleInput } from './rule-input.js';
import { sourceHealthFindings } from './source-health.js';
import { themeFindings } from './themes.js';

/** The findings a rule proposes over the data. Pure. */
export function ruleFindings(rule: AlertRuleConfig, input: RuleInput): Candidate[] {
  switch (rule.type) {
    case 'reviews':
      return reviewFindings(rule, input);
    case 'themes':
      return themeFindings(rule, input);
    case 'competitors':
      return competitorFindings(rule, input);
    case 'personas':
      return personaFindings(rule, input);
    case 'source-health':
      return sourceHealthFindings(rule, input);
  }
}
