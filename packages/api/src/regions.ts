import { type Catalogue, MINISTRY_ID } from '@modellregionen/events';

/** The regions the competence circle, the indicator comparison and the reviews list, in registry order. */
export const modelRegions = (catalogue: Catalogue) => catalogue.regions.filter((r) => r.role === 'model-region');

/** Regions that publish findings (every region but subscribers), and the ministry. */
export const publishersOfFindings = (catalogue: Catalogue): string[] => [
  ...catalogue.regions.filter((r) => r.role !== 'subscriber').map((r) => r.id),
  MINISTRY_ID,
];

const MINISTRY_NAME = 'Hessisches Ministerium der Justiz, für Integration und Europa';

export const regionName = (catalogue: Catalogue, regionId: string) =>
  regionId === MINISTRY_ID ? MINISTRY_NAME : (catalogue.regions.find((r) => r.id === regionId)?.name ?? regionId);
