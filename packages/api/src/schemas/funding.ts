import * as z from 'zod';
import { FUNDING_SOURCES } from '@modellregionen/events';

const euros = z.number().min(0).meta({ description: 'Euros, summed exactly in whole cents.' });

const bySource = z
  .strictObject(Object.fromEntries(FUNDING_SOURCES.map((s) => [s, euros])) as Record<(typeof FUNDING_SOURCES)[number], typeof euros>)
  .meta({ id: 'FundingBySource', description: 'Euros by funding source: Land, Bund, Kommune, EU, Stiftung, other.' });

export const fundingSchema = z
  .strictObject({
    totalEur: euros,
    bySource,
    byProgramme: z
      .array(z.strictObject({ programme: z.string(), totalEur: euros, bySource }))
      .meta({ description: 'Largest first; a programme is its name as reported (spaces around and between words aside).' }),
    byRegion: z
      .array(z.strictObject({ regionId: z.string(), name: z.string(), totalEur: euros, bySource }))
      .meta({ description: 'Every model region of the registry, in its order, also one without funding.' }),
  })
  .meta({
    id: 'Funding',
    description:
      "The funding of the model regions' current projects: in all, by source, by programme and by region. Every total is the exact sum of its parts.",
  });
