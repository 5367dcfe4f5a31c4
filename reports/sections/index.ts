/** The report's sections in the order every format shows them: add a section here and in its own file. */
import { activitySection } from './activity.js';
import { brandsSection } from './brands.js';
import { coverageSection } from './coverage.js';
import { keyDriversSection } from './key-drivers.js';
import { personasSection } from './personas.js';
import type { ReportSection } from './section.js';
import { themesSection } from './themes.js';

/** Every section, in order. */
export const REPORT_SECTIONS: readonly ReportSection[] = [
  brandsSection,
  keyDriversSection,
  themesSection,
  personasSection,
  activitySection,
  coverageSection,
];
