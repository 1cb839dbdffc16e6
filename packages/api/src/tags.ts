/** The groups of the OpenAPI document; each route names its own. */
export const TAGS = [
  { name: 'Reporting', description: 'Coordinators report milestones, projects, indicator values and findings, and see rejected reports.' },
  { name: 'Views', description: 'The catalogue, the competence circle, a region, an indicator across regions.' },
  { name: 'Reviews', description: 'The mid-term review and the final evaluation.' },
  { name: 'Findings', description: 'What the regions learn, for every municipality: as JSON, as an Atom feed, and by webhook.' },
  { name: 'Meta', description: 'About the API itself.' },
] as const;
export type Tag = (typeof TAGS)[number]['name'];
