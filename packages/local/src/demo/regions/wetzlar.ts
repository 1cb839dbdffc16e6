// Wetzlar follows its roadmap from the seeds: Projektkoordination Integration, Integrationsworkshop,
// Steuerungs-AG and Programmbeirat, Fachforen I to V, the integrated action plan for the council,
// a monitoring system building on the Migrationsbericht 2008 and the Sozialstrukturatlas.

import { begin, bund, delay, done, kommune, land, plan, projectStep, type RegionData, series, stiftung } from '../builders';

const fruehstartFunding = [land(48000), kommune(22500.5, 'Haushalt Jugendamt, Kindertagesstätten')];

export const wetzlar: RegionData = {
  profile: {
    id: 'wetzlar',
    reportedBy: 'Projektkoordination Integration, Stadt Wetzlar',
    share: { population: 0.3, young: 0.36 },
    baselineSource: 'Migrationsbericht 2008',
    monitoring: {
      2008: '2010-03-22 13:00',
      2009: '2010-07-12 13:00',
      2010: '2011-04-18 10:00',
      2011: '2012-01-30 10:45',
      2012: '2013-03-18 10:00',
    },
    sourceByYear: {
      2009: 'Sozialstrukturatlas Wetzlar',
      2010: 'Sozialstrukturatlas Wetzlar, Fortschreibung {year}',
      2012: 'Monitoringsystem Integration Wetzlar, Berichtsjahr {year}',
    },
  },

  milestones: [
    {
      id: 'projektkoordination-eingerichtet',
      title: 'Einrichtung der Projektkoordination Integration',
      fieldOfAction: 'administration',
      dueDate: '2009-12-31',
      steps: [
        plan('2009-11-05 09:30'),
        done('2010-01-11 09:00', '2009-12-01', 'Federführung beim Oberbürgermeister; Projektkoordination mit einer Vollzeitstelle besetzt.'),
      ],
    },
    {
      id: 'integrationsworkshop-strategische-partner',
      title: 'Integrationsworkshop mit strategischen Partnern aus der Region',
      fieldOfAction: 'participation',
      dueDate: '2010-02-28',
      steps: [
        plan('2009-11-05 09:35'),
        done(
          '2010-02-08 11:00',
          '2010-02-04',
          'Wohlfahrtsverbände, Kreis, Kirchen und Glaubensgemeinschaften, Vereine und Verbände; Staatsminister Hahn informiert sich beim Workshop über die Modellregion.',
        ),
      ],
    },
    {
      id: 'steuerungs-ag-eingerichtet',
      title: 'Einrichtung der Steuerungs-AG als Schnittstelle zu Fachforen und Integrationsworkshop',
      fieldOfAction: 'administration',
      dueDate: '2010-06-30',
      steps: [
        plan('2010-02-08 11:05'),
        done(
          '2010-05-20 10:15',
          '2010-05-18',
          'Konstituierende Sitzung unter Federführung des Oberbürgermeisters; Vertreterinnen und Vertreter aus allen fünf Fachforen und externe Moderation.',
        ),
      ],
    },
    {
      id: 'programmbeirat-konstituiert',
      title: 'Konstituierung des Programmbeirats mit BAMF, Bundesagentur für Arbeit, LDA und Stiftungen',
      fieldOfAction: 'administration',
      dueDate: '2010-06-30',
      steps: [plan('2010-02-08 11:10'), begin('2010-05-20 10:20'), done('2010-07-12 09:30', '2010-07-07')],
    },
    {
      id: 'fachforen-i-bis-v',
      title: 'Fachforen I bis V zu den zentralen Handlungsfeldern',
      fieldOfAction: 'participation',
      dueDate: '2010-12-31',
      steps: [
        plan('2010-05-20 10:25'),
        begin('2010-09-13 14:00'),
        done('2011-01-17 10:00', '2010-12-09', 'Alle fünf Fachforen haben mindestens zweimal getagt; Ergebnisse an die Steuerungs-AG übergeben.'),
      ],
    },
    {
      id: 'monitoringsystem-aufbau',
      title: 'Aufbau eines Monitoringsystems auf Grundlage von Migrationsbericht 2008 und Sozialstrukturatlas',
      fieldOfAction: 'administration',
      dueDate: '2011-09-30',
      steps: [
        plan('2010-07-12 09:35'),
        begin('2011-01-17 10:05'),
        delay('2012-03-05 14:05', '2012-06-30', 'Kita-Befragung und Schuldaten sind erst jetzt nach Migrationshintergrund auswertbar.'),
        done('2012-07-16 10:00', '2012-07-02'),
      ],
    },
    {
      id: 'neuorganisation-auslaenderbuero',
      title: 'Neuorganisation des Ausländerbüros als Servicestelle für Zugewanderte',
      fieldOfAction: 'administration',
      dueDate: '2011-06-30',
      steps: [plan('2010-09-13 14:05'), begin('2011-01-17 10:10'), done('2011-07-11 09:00', '2011-07-01')],
    },
    {
      id: 'neubuergerempfang',
      title: 'Erster Neubürgerempfang der Stadt für Zugewanderte',
      fieldOfAction: 'participation',
      dueDate: '2011-09-30',
      steps: [plan('2011-01-17 10:15'), done('2011-09-26 12:05', '2011-09-17', 'Im Rahmen des Internationalen Kulturfests.')],
    },
    {
      id: 'handlungskonzept-beschluss',
      title: 'Parlamentarische Beschlussfassung des integrierten Handlungskonzepts zum Integrationsmanagement',
      fieldOfAction: 'participation',
      dueDate: '2012-12-31',
      steps: [
        plan('2011-01-17 10:20'),
        begin('2012-02-10 09:30', 'Stand zur Halbzeitbilanz: Entwurf aus den Fachforen I bis V liegt der Steuerungs-AG vor.'),
        delay(
          '2012-03-05 14:00',
          '2013-06-30',
          'Korrektur der Meldung vom 10.02.2012: Die Beschlussfassung verschiebt sich, weil die Ergebnisse des Fachforums III (Wirtschaft und berufliche Integration) noch eingearbeitet werden.',
        ),
        done('2013-07-08 10:00', '2013-06-27', 'Die Stadtverordnetenversammlung beschließt das integrierte Handlungskonzept.'),
      ],
    },
    {
      id: 'qualifizierung-regeldienste',
      title: 'Interkulturelle Qualifizierung der Regeldienste',
      fieldOfAction: 'administration',
      dueDate: '2013-06-30',
      steps: [
        plan('2012-03-05 14:10'),
        begin('2012-09-10 09:00'),
        delay('2013-06-17 11:00', '2013-12-31', 'Zweite Schulungsreihe für Jugendamt und Sozialamt auf den Herbst verschoben.'),
        done('2013-12-09 10:00', '2013-12-05'),
      ],
    },
  ],

  projects: [
    {
      id: 'fruehstart',
      title: 'Frühstart – Sprachförderung und Elternbildung in Kindertageseinrichtungen',
      fieldOfAction: 'language',
      startDate: '2010-01-01',
      endDate: '2013-12-31',
      funding: fruehstartFunding,
      partners: ['Jugendamt der Stadt Wetzlar', 'Träger der Kindertagesstätten', 'Quartiersmanagement Soziale Stadt'],
      lighthouse: true,
      summary:
        'Sprachförderung für Kinder mit Migrationshintergrund in den Kitas, verbunden mit Elternarbeit durch geschulte interkulturelle Fachkräfte (Leuchtturmprojekt, Fachforum I).',
      steps: [
        projectStep('2010-03-15 09:00', 'running'),
        projectStep('2012-01-30 11:00', 'running', {
          funding: [...fruehstartFunding, stiftung(6000, 'Stiftung Sprachförderung, Elternmodul')],
          why: 'Stiftungsmittel für das Elternmodul hinzugekommen',
        }),
        projectStep('2013-12-16 09:00', 'completed'),
      ],
    },
    {
      id: 'mama-lernt-deutsch',
      title: 'Mama lernt Deutsch – Deutschkurse für Mütter an Kitas und Grundschulen',
      fieldOfAction: 'language',
      startDate: '2010-09-01',
      funding: [land(18000), kommune(6000, 'Städtischer Integrationsfonds'), bund(9450, 'Integrationskurse (BAMF)')],
      partners: ['Volkshochschule Wetzlar', 'Grundschulen der Kernstadt', 'Migrantenvereine'],
      lighthouse: true,
      summary: 'Niedrigschwellige Sprach- und Orientierungskurse für Mütter am Lernort ihrer Kinder, mit Kinderbetreuung während des Kurses.',
      steps: [
        projectStep('2010-09-01 08:30', 'running'),
        projectStep('2013-08-05 10:00', 'completed', {
          endDate: '2013-07-31',
          funding: [land(18000), kommune(14500, 'Städtischer Integrationsfonds'), bund(21780.6, 'Integrationskurse (BAMF)')],
          why: 'abgeschlossen, Kosten der Gesamtlaufzeit',
        }),
      ],
    },
    {
      id: 'nachbarschaftszentren-soziale-stadt',
      title: 'Nachbarschaftszentren und Angebote in den Quartieren der Sozialen Stadt',
      fieldOfAction: 'housing',
      startDate: '2010-04-01',
      endDate: '2013-12-31',
      funding: [
        bund(64000, 'Bund-Länder-Programm Soziale Stadt'),
        land(21333.33, 'Bund-Länder-Programm Soziale Stadt, Landesanteil'),
        kommune(30000, 'Stadtentwicklung, Quartiersmanagement'),
      ],
      partners: ['Quartiersmanagement Soziale Stadt', 'Wohnungswirtschaft', 'Wohlfahrtsverbände'],
      lighthouse: true,
      steps: [projectStep('2010-05-20 10:30', 'running'), projectStep('2013-12-16 09:05', 'completed')],
    },
    {
      id: 'integrations-und-sprachkurse-quartier',
      title: 'Niedrigschwellige Integrations- und Sprachkurse in den Stadtteilen',
      fieldOfAction: 'language',
      startDate: '2011-02-01',
      endDate: '2013-12-31',
      funding: [land(12000), bund(15300, 'Integrationskurse (BAMF)'), kommune(4000, 'Städtischer Integrationsfonds')],
      partners: ['Volkshochschule Wetzlar', 'Kursträger', 'Quartiersmanagement Soziale Stadt'],
      steps: [projectStep('2010-12-06 10:00', 'planned'), projectStep('2011-02-14 10:00', 'running'), projectStep('2013-12-16 09:10', 'completed')],
    },
    {
      id: 'internationales-kulturfest-2011',
      title: 'Internationales Kulturfest 2011',
      fieldOfAction: 'culture',
      startDate: '2011-09-17',
      endDate: '2011-09-17',
      funding: [kommune(7500, 'Kulturamt, Veranstaltungsetat'), stiftung(2000, 'Sparkassen-Kulturstiftung')],
      partners: ['Ausländerbeirat', 'Kirchen und Glaubensgemeinschaften', 'Migrantenvereine'],
      summary: 'Fest mit Beiträgen von Migrantenvereinen, Kirchen und Ausländerbeirat; zugleich Rahmen für den Neubürgerempfang der Stadt.',
      steps: [projectStep('2011-09-26 12:00', 'completed')],
    },
  ],

  indicators: [
    series('daycare-attendance-3-to-6', [84.7, 95.2], [90.6, 95.9]),
    series('daycare-attendance-under-3', [7.5, 18.9], [14.2, 24.0]),
    series('language-support-need-school-entry', [41.5, 10.8], [33.0, 10.1]),
    series('school-leavers-without-qualification', [11.2, 4.3], [8.1, 4.0], { delayDays: 21 }),
    series('unemployment-rate', [16.4, 7.2], [13.9, 6.5]),
    series('vocational-training-rate', [38.5, 61.2], [45.1, 62.0], { delayDays: 21 }),
    series('youth-sports-club-membership', [41.0, 63.5], [47.5, 64.0]),
    series('integration-course-participants', 310, 445),
    series('naturalisations', 168, 204),
  ],

  singleValues: [
    {
      indicatorId: 'advisory-council-turnout',
      period: '2010-11',
      at: '2010-11-15 11:00',
      total: 8.4,
      source: 'Wahlamt, Ausländerbeiratswahl vom 7. November 2010',
    },
  ],

  findings: [
    {
      id: 'fachforen-mit-steuerungs-ag',
      at: '2011-03-14 10:00',
      title: 'Fachforen mit fester Schnittstelle zur Steuerungs-AG halten die Beteiligung lebendig',
      summary:
        'Weil jedes Fachforum eine Vertretung in der Steuerungs-AG hat, sehen die Beteiligten, was aus ihren Vorschlägen wird. Die Teilnahme blieb über fünf Sitzungsrunden stabil.',
      fieldOfAction: 'participation',
      tags: ['Steuerung', 'Beteiligung', 'Fachforen'],
    },
    {
      id: 'muetter-als-zugang-zur-familie',
      at: '2012-05-14 10:00',
      title: 'Sprachförderung über die Mütter erreicht die ganze Familie',
      summary:
        'Kurse am Lernort der Kinder senken die Schwelle: Mütter, die zuvor kein Kursangebot genutzt hatten, nehmen regelmäßig teil, und die Zusammenarbeit zwischen Kita und Elternhaus verbessert sich messbar.',
      fieldOfAction: 'language',
      relatedProjectIds: ['mama-lernt-deutsch', 'fruehstart'],
      tags: ['Elternbildung', 'Sprachförderung'],
      update: {
        at: '2013-08-12 10:00',
        summary:
          'Kurse am Lernort der Kinder senken die Schwelle: Mütter, die zuvor kein Kursangebot genutzt hatten, nehmen regelmäßig teil, und die Zusammenarbeit zwischen Kita und Elternhaus verbessert sich messbar. Bilanz nach drei Jahren: 212 Teilnehmerinnen, davon 64 im Anschluss in einem Integrationskurs.',
        why: 'Bilanz nach Projektende ergänzt',
      },
    },
  ],
};
