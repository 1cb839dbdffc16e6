// The ministry's findings: the mid-term review (Halbzeitbilanz, February 2012), the brochure
// "Integration, wie geht das?" (9 October 2012) and the final evaluation (December 2013).

import { MINISTRY_ID } from '@modellregionen/events';
import type { FindingSpec, Reporter } from '../builders';

export const ministry: Reporter = {
  id: MINISTRY_ID,
  reportedBy: 'Hessisches Ministerium der Justiz, für Integration und Europa, Referat Modellregionen',
};

export const ministryFindings: readonly FindingSpec[] = [
  {
    id: 'halbzeitbilanz-querschnittsaufgabe',
    at: '2012-02-24 12:00',
    title: 'Halbzeitbilanz: Integration als Querschnittsaufgabe der gesamten Verwaltung verankern',
    summary:
      'Die Halbzeitbilanz im Februar 2012 zeigt: Wo die Federführung bei der Verwaltungsspitze liegt und eine Steuerungsgruppe die Fachämter einbindet, werden Regelangebote geöffnet statt Einzelprojekte aneinandergereiht.',
    fieldOfAction: 'administration',
    tags: ['Halbzeitbilanz', 'Steuerung', 'Querschnittsaufgabe'],
  },
  {
    id: 'broschuere-integration-wie-geht-das',
    at: '2012-10-09 11:00',
    title: 'Broschüre „Integration, wie geht das?“: Fahrplan für ein kommunales Integrationsmanagement',
    summary:
      'Handreichung für alle hessischen Kommunen mit konkreten Schritten zu Gesamtkonzept, Integrationsmonitoring und Netzwerkausbau sowie beispielgebenden Pilotprojekten aus den sechs Modellregionen.',
    fieldOfAction: 'participation',
    relatedProjectIds: ['fruehstart', 'mama-lernt-deutsch', 'interkulturelle-oeffnung-kreisverwaltung'],
    tags: ['Best Practice', 'Integrationsmonitoring', 'Handreichung'],
  },
  {
    id: 'abschlussbewertung-modellregionen',
    at: '2013-12-17 10:00',
    title: 'Abschlussbewertung: Vom Einzelprojekt zur kommunalen Gesamtkonzeption',
    summary:
      'Alle sechs Modellregionen haben ein Integrationskonzept erarbeitet, fünf davon politisch beschlossen, und ein Monitoring nach Migrationshintergrund aufgebaut. Die Lücken beim Kita-Besuch und bei Schulabschlüssen sind fast überall kleiner geworden, bei der Jugendarbeitslosigkeit und beim Bezug von Grundsicherung nicht überall. Die Koordinationsstellen sind die Struktur, auf der das Landesprogramm WIR ab 2014 aufbaut.',
    fieldOfAction: 'administration',
    tags: ['Abschlussbewertung', 'Integrationsmonitoring', 'WIR', 'Kompetenzkreis'],
  },
];
