// Stage: normalise. The question as the rest of the pipeline reads it (see normalizeQuery).
import { normalizeQuery } from '../text.js';

export function normalise(raw: string): string {
  return normalizeQuery(raw);
}
