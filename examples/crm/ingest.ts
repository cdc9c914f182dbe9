// From mapped CRM payloads to the programme's storage: the events go to `ingest` in one call
// (one transaction), and what was ignored or could not be mapped is reported beside the engine's
// own answer, each with its position in the CRM's batch, so nothing is dropped unseen.
import type { IngestResult } from '@siso/partner-engine';
import type { DealEvent, Mapping, MappingError } from './mapping.js';

/** The part of `createPartnerProgramme(...)` that this needs. */
export interface Ingests {
  ingest(events: readonly unknown[]): Promise<IngestResult>;
}

export interface CrmIngestReport {
  /** The engine's answer; its `index` fields count the mapped events only, in the batch's order. */
  readonly ingested: IngestResult;
  /** The batch positions of the events given to `ingest`, so `ingested` indexes map back. */
  readonly positions: readonly number[];
  readonly ignored: readonly { readonly index: number; readonly reason: string }[];
  readonly errors: readonly (MappingError & { readonly index: number })[];
}

/**
 * Ingests the events of a batch of mappings (from `mapHubSpotWebhook`, or `mapSalesforceChange`
 * over a batch of change events) and reports the rest.
 *
 * @example
 * const report = await ingestMappings(await mapHubSpotWebhook(body, fetchDeal), programme);
 * report.ingested.appended //=> 1
 * report.ignored //=> [{ index: 1, reason: 'stage "contractsent" is neither closed won nor a refund: …' }]
 */
export async function ingestMappings(
  mappings: readonly Mapping<DealEvent>[],
  programme: Ingests,
): Promise<CrmIngestReport> {
  const events: DealEvent[] = [];
  const positions: number[] = [];
  const ignored: { index: number; reason: string }[] = [];
  const errors: (MappingError & { index: number })[] = [];
  mappings.forEach((mapping, index) => {
    if (mapping.ok) {
      events.push(mapping.event);
      positions.push(index);
    } else if ('ignored' in mapping) ignored.push({ index, reason: mapping.ignored });
    else errors.push({ ...mapping.error, index });
  });
  const ingested = await programme.ingest(events);
  return { ingested, positions, ignored, errors };
}
