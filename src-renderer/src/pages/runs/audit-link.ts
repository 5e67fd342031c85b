import type { RunEvents } from '../../../../src-shared/models/run-events';

/** The Audit page's address for a run's events: its time window, places and what it touched. */
export function auditLink(runId: string, found: RunEvents): string {
  const query = new URLSearchParams({ run: runId, from: found.start, to: found.end });
  for (const place of found.places) query.append('where', `${place.profileId}:${place.region}`);
  for (const resource of found.resources) query.append('resource', resource);
  return `/audit?${query.toString()}`;
}
