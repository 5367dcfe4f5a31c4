/** The JSON Schema of radar.yaml, generated from the zod schema (for editor completion). */
import { z } from 'zod';
import { ConfigSchema } from './schema.js';

/** JSON Schema (draft 2020-12) of the project file. */
export function configJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(ConfigSchema, { io: 'input', unrepresentable: 'any' }),
    title: 'Review Radar project file (radar.yaml)',
  };
}
