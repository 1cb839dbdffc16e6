import { begin, delay, done, eu, kommune, land, plan, projectStep, type RegionData, series, stiftung } from '../builders';

export const kassel: RegionData = {
  profile: {
    id: 'kassel',
    reportedBy: 'Koordinationsbüro Modellregion Integration, Stadt Kassel',
    share: { population: 0.34, young: 0.48 },
    baselineSource: 'Basisbericht Integrationsmonitoring Kassel 2008',
    monitoring: {
      2008: '2010-09-13 10:00',
      2009: '2010-10-11 10:00',
      2010: '2011-06-20 10:00',
      2011: '2012-02-13 14:00',
      2012: '2013-04-22 10:00',
    },
  },

  milestones: [
    {
      id: 'koordinationsbuero-eingerichtet',
      title: 'Einrichtung des Koordinationsbüros Modellregion Integration',
      fieldOfAction: 'administration',
      dueDate: '2010-01-31',
      steps: [
        plan('2009-11-12 09:40'),
        done('2010-02-03 10:15', '2010-01-18', 'Zwei Stellen besetzt; das Büro ist direkt beim Oberbürgermeister angesiedelt.'),
      ],
    },
    {
      id: 'lenkungsgruppe-konstituiert',
      title: 'Konstituierung der Lenkungsgruppe mit Fachdezernaten, Trägern und Migrantenorganisationen',
      fieldOfAction: 'administration',
      dueDate: '2010-04-30',
      steps: [plan('2009-11-12 09:45'), done('2010-04-22 14:30', '2010-04-20')],
    },
    {
      id: 'auftaktkonferenz',
      title: 'Auftaktkonferenz Integration mit Bürgerinnen und Bürgern, Vereinen und Migrantenorganisationen',
      fieldOfAction: 'participation',
      dueDate: '2010-05-31',
      steps: [plan('2010-02-03 10:20'), done('2010-06-07 09:00', '2010-05-29', 'Rund 250 Teilnehmende; Themenwünsche für die Arbeitsgruppen gesammelt.')],
    },
    {
      id: 'bestandsaufnahme-angebote',
      title: 'Bestandsaufnahme der Integrationsangebote in allen Stadtteilen',
      fieldOfAction: 'education',
      dueDate: '2010-10-31',
      steps: [
        plan('2010-02-03 10:25'),
        begin('2010-06-07 09:05'),
        delay('2010-11-08 11:00', '2011-03-31', 'Rücklauf der Trägerbefragung unvollständig; Nachfrist bis Ende Januar 2011.'),
        done('2011-04-11 10:00', '2011-03-28', 'Angebotslandkarte mit 214 Angeboten von 96 Trägern liegt vor.'),
      ],
    },
    {
      id: 'arbeitsgruppen-handlungsfelder',
      title: 'Arbeitsgruppen zu den Handlungsfeldern Bildung, Arbeit, Gesundheit und Teilhabe',
      fieldOfAction: 'participation',
      dueDate: '2011-06-30',
      steps: [plan('2010-06-07 09:10'), begin('2010-11-08 11:05'), done('2011-07-04 15:00', '2011-06-23')],
    },
    {
      id: 'integrationskonzept-entwurf',
      title: 'Entwurf des Integrationskonzepts aus den Ergebnissen der Arbeitsgruppen',
      fieldOfAction: 'participation',
      dueDate: '2011-12-31',
      steps: [
        plan('2011-04-11 10:05'),
        begin('2011-07-04 15:05'),
        delay('2012-03-12 10:30', '2012-06-30', 'Abstimmung mit den Fachdezernaten dauert länger als geplant; Entwurf nach Beratung im Ausländerbeirat.'),
        done('2012-07-09 09:30', '2012-06-28'),
      ],
    },
    {
      id: 'monitoringsystem-aufbau',
      title: 'Aufbau eines kommunalen Integrationsmonitorings mit Kennzahlen nach Migrationshintergrund',
      fieldOfAction: 'administration',
      dueDate: '2012-09-30',
      steps: [
        plan('2011-11-14 11:20'),
        begin('2012-04-16 10:00'),
        done('2012-10-22 09:45', '2012-10-15', 'Erster Integrationsbericht mit Kennzahlen nach Migrationshintergrund veröffentlicht.'),
      ],
    },
    {
      id: 'integrationskonzept-beschluss',
      title: 'Beschluss des Integrationskonzepts durch die Stadtverordnetenversammlung',
      fieldOfAction: 'participation',
      dueDate: '2012-12-31',
      steps: [
        plan('2012-07-09 09:35'),
        delay('2012-11-26 14:00', '2013-03-31', 'Beratung in den Ausschüssen auf das erste Quartal 2013 verschoben.'),
        done('2013-03-25 16:00', '2013-03-18'),
      ],
    },
    {
      id: 'interkulturelle-schulung-buergerservice',
      title: 'Interkulturelle Schulung der Beschäftigten mit Publikumsverkehr',
      fieldOfAction: 'administration',
      dueDate: '2013-09-30',
      steps: [
        plan('2012-01-16 10:00'),
        begin('2012-09-03 09:00'),
        done('2013-10-07 10:00', '2013-09-26', '312 Beschäftigte aus Bürgerservice, Sozialamt und Ausländerbehörde geschult.'),
      ],
    },
  ],

  projects: [
    {
      id: 'stadtteilmuetter',
      title: 'Stadtteilmütter – Familienbegleitung durch geschulte Mütter in den Stadtteilen',
      fieldOfAction: 'education',
      startDate: '2010-09-01',
      endDate: '2013-12-31',
      funding: [land(42000), kommune(16500, 'Haushalt Jugendamt, Familienbildung'), stiftung(8000, 'Bürgerstiftung, Förderfonds Familie')],
      partners: ['Familienbildungsstätten', 'Migrantenorganisationen', 'Jugendamt der Stadt Kassel'],
      lighthouse: true,
      summary: 'Mütter mit Migrationshintergrund werden zu Stadtteilmüttern qualifiziert und begleiten Familien zu Kita, Schule und Beratung.',
      steps: [
        projectStep('2010-06-07 09:20', 'planned'),
        projectStep('2010-09-20 10:00', 'running'),
        projectStep('2012-01-16 10:10', 'running', {
          funding: [land(56000), kommune(16500, 'Haushalt Jugendamt, Familienbildung'), stiftung(8000, 'Bürgerstiftung, Förderfonds Familie')],
          why: 'Landesmittel für 2012 und 2013 aufgestockt',
        }),
        projectStep('2013-12-16 11:00', 'completed', {
          summary:
            'In vier Jahren 24 Stadtteilmütter qualifiziert, die rund 380 Familien begleitet haben; die Stadt übernimmt das Angebot in die Regelförderung.',
        }),
      ],
    },
    {
      id: 'ausbildungspaten',
      title: 'Ausbildungspatenschaften für Jugendliche mit Migrationshintergrund',
      fieldOfAction: 'employment',
      startDate: '2011-02-01',
      endDate: '2012-07-31',
      funding: [land(24000), eu(18640.4)],
      partners: ['Handwerkskammer', 'Jobcenter', 'Migrantenvereine'],
      steps: [
        projectStep('2010-11-08 11:10', 'planned'),
        projectStep('2011-02-14 09:30', 'running'),
        projectStep('2012-08-20 10:00', 'completed', {
          summary: '57 Patenschaften, 31 Jugendliche in Ausbildung vermittelt.',
        }),
      ],
    },
    {
      id: 'gesundheitslotsen',
      title: 'Interkulturelle Gesundheitslotsinnen und -lotsen',
      fieldOfAction: 'health',
      startDate: '2011-09-01',
      funding: [land(15000), kommune(7500, 'Gesundheitsförderung'), stiftung(5000, 'Stiftung für Gesundheitsförderung')],
      partners: ['Gesundheitsamt', 'Migrantenorganisationen', 'Familienzentren'],
      steps: [
        projectStep('2011-07-04 15:10', 'planned'),
        projectStep('2011-10-10 10:00', 'running'),
        projectStep('2013-08-12 09:30', 'completed', { endDate: '2013-06-30' }),
      ],
    },
    {
      id: 'interkulturelle-oeffnung-buergerservice',
      title: 'Interkulturelle Öffnung des Bürgerservice',
      fieldOfAction: 'administration',
      startDate: '2012-03-01',
      endDate: '2013-12-31',
      funding: [land(20000), kommune(12000.25, 'Personalentwicklung')],
      partners: ['Personal- und Organisationsamt', 'Ausländerbeirat'],
      steps: [projectStep('2012-01-16 10:15', 'planned'), projectStep('2012-03-12 10:35', 'running'), projectStep('2013-12-16 11:05', 'completed')],
    },
  ],

  indicators: [
    series('daycare-attendance-3-to-6', [83.0, 94.6], [88.9, 95.1]),
    series('daycare-attendance-under-3', [9.8, 22.4], [19.6, 29.8]),
    series('school-leavers-without-qualification', [12.4, 5.1], [9.0, 4.6], {
      delayDays: 28,
      corrections: [{ year: 2010, at: '2011-11-14 11:30', shift: -0.4, why: 'Schulstatistik nachträglich bereinigt' }],
    }),
    series('school-leavers-university-entrance', [14.8, 38.5], [19.2, 40.1], { delayDays: 28 }),
    series('language-support-need-school-entry', [46.0, 12.5], [38.2, 11.9]),
    series('unemployment-rate', [19.6, 9.4], [16.9, 8.5], {
      quarters: { years: [2011, 2012], seasonal: [1.05, 0.99, 0.97, 0.99] },
    }),
    series('youth-unemployment-rate', [12.8, 6.9], [10.1, 6.2]),
    // SGB II: both groups fell, the one without a migration background faster; the gap widened.
    series('basic-income-support-rate', [23.5, 11.8], [23.1, 11.0]),
    series('integration-course-participants', 980, 1340),
    series('naturalisations', 612, 705),
    series('administration-staff-migration-background', 5.8, 8.4),
    series('integration-budget', 640000, 910000),
  ],

  singleValues: [
    {
      indicatorId: 'advisory-council-turnout',
      period: '2010-11',
      at: '2010-11-16 09:00',
      total: 7.9,
      source: 'Wahlamt, Ausländerbeiratswahl vom 7. November 2010',
    },
  ],

  findings: [
    {
      id: 'stadtteilmuetter-tueroeffner',
      at: '2012-09-17 10:00',
      title: 'Stadtteilmütter öffnen Türen zu Familien, die keine Beratungsstelle erreicht',
      summary:
        'Familien, die Einladungen von Kita und Schule bisher nicht wahrgenommen haben, lassen sich über Mütter aus der eigenen Community ansprechen. Entscheidend sind feste Ansprechpersonen in den Regeleinrichtungen und eine verlässliche Finanzierung über die Modellphase hinaus.',
      fieldOfAction: 'education',
      relatedProjectIds: ['stadtteilmuetter'],
      tags: ['Elternarbeit', 'Sozialraum', 'Best Practice'],
    },
    {
      id: 'monitoring-braucht-datenlieferungen',
      at: '2013-04-29 10:00',
      title: 'Ein Integrationsmonitoring steht und fällt mit den Datenlieferungen der Fachämter',
      summary:
        'Der Aufbau des Monitorings hat länger gedauert als geplant, weil viele Fachämter das Merkmal Migrationshintergrund nicht erfassten. Feste Lieferzusagen in der Lenkungsgruppe haben das gelöst.',
      fieldOfAction: 'administration',
      tags: ['Integrationsmonitoring', 'Steuerung'],
    },
  ],
};
