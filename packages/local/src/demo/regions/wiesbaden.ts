import { begin, cancel, delay, done, eu, kommune, land, plan, projectStep, type RegionData, series, stiftung } from '../builders';

export const wiesbaden: RegionData = {
  profile: {
    id: 'wiesbaden',
    reportedBy: 'Amt für Zuwanderung und Integration, Landeshauptstadt Wiesbaden',
    share: { population: 0.33, young: 0.5 },
    baselineSource: 'Integrationsmonitoring der Landeshauptstadt, Basisjahr 2008',
    monitoring: {
      2008: '2010-06-14 09:00',
      2009: '2010-08-23 09:00',
      2010: '2011-03-21 09:00',
      2011: '2012-03-01 08:00',
      2012: '2013-03-04 09:00',
    },
  },

  milestones: [
    {
      id: 'koordinationsbuero-eingerichtet',
      title: 'Koordinationsbüro Modellregion im Amt für Zuwanderung und Integration eingerichtet',
      fieldOfAction: 'administration',
      dueDate: '2010-01-31',
      steps: [plan('2009-11-19 10:00'), done('2010-01-28 11:00', '2010-01-15')],
    },
    {
      id: 'fortschreibung-integrationskonzept-auftakt',
      title: 'Auftakt zur Fortschreibung des Integrationskonzepts',
      fieldOfAction: 'participation',
      dueDate: '2010-04-30',
      steps: [plan('2010-01-28 11:05'), done('2010-05-10 09:30', '2010-04-27')],
    },
    {
      id: 'bildungsnetzwerke-stadtteile',
      title: 'Bildungsnetzwerke in drei Stadtteilen mit hohem Zuwandereranteil',
      fieldOfAction: 'education',
      dueDate: '2011-03-31',
      steps: [plan('2010-05-10 09:35'), begin('2010-09-20 14:00'), done('2011-05-16 10:00', '2011-04-29')],
    },
    {
      id: 'vereinbarungen-migrantenorganisationen',
      title: 'Integrationsvereinbarungen mit Migrantenorganisationen',
      fieldOfAction: 'participation',
      dueDate: '2011-10-31',
      steps: [
        plan('2010-09-20 14:05'),
        begin('2011-05-16 10:05'),
        delay('2011-11-21 15:00', '2012-06-30', 'Zwei Vereine ziehen sich aus dem Prozess zurück; Neuansprache über den Ausländerbeirat.'),
        done('2012-07-02 10:00', '2012-06-21', 'Vereinbarungen mit elf Migrantenorganisationen unterzeichnet.'),
      ],
    },
    {
      id: 'mehrsprachige-elternbriefe',
      title: 'Mehrsprachige Elternbriefe für alle Grundschulen',
      fieldOfAction: 'language',
      dueDate: '2011-12-31',
      steps: [plan('2011-01-24 10:00'), cancel('2011-10-17 09:00', 'Aufgegangen im Projekt Bildungslotsen; ein eigener Meilenstein entfällt.')],
    },
    {
      id: 'interkulturelle-oeffnung-kitas',
      title: 'Interkulturelle Öffnung der städtischen Kindertagesstätten: Leitlinien und Fortbildung',
      fieldOfAction: 'education',
      dueDate: '2012-01-31',
      steps: [plan('2011-05-16 10:10'), begin('2011-09-12 11:00'), done('2012-04-23 10:00', '2012-04-18')],
    },
    {
      id: 'monitoring-nach-migrationshintergrund',
      title: 'Umstellung des Integrationsmonitorings auf Auswertungen nach Migrationshintergrund',
      fieldOfAction: 'administration',
      dueDate: '2012-12-31',
      steps: [plan('2011-09-12 11:05'), begin('2012-03-01 08:30'), done('2013-02-11 10:00', '2013-01-31')],
    },
    {
      id: 'fortschreibung-integrationskonzept-beschluss',
      title: 'Beschluss des fortgeschriebenen Integrationskonzepts',
      fieldOfAction: 'participation',
      dueDate: '2013-09-30',
      steps: [
        plan('2012-07-02 10:05'),
        begin('2013-02-11 10:05'),
        delay('2013-09-23 14:00', '2014-03-31', 'Beratung im Ausschuss auf das erste Quartal 2014 verschoben.'),
      ],
    },
  ],

  projects: [
    {
      id: 'bildungslotsen',
      title: 'Bildungslotsen – Übergangsbegleitung von der Kita bis zur Ausbildung',
      fieldOfAction: 'education',
      startDate: '2010-10-01',
      endDate: '2013-09-30',
      funding: [land(38000), kommune(24500, 'Amt für Soziale Arbeit'), eu(19800, 'Europäischer Integrationsfonds')],
      partners: ['Staatliches Schulamt', 'Kita-Träger', 'Migrantenorganisationen'],
      lighthouse: true,
      summary:
        'Ehrenamtliche und hauptamtliche Lotsen begleiten Familien an den Übergängen Kita–Grundschule, Grundschule–weiterführende Schule und Schule–Beruf.',
      steps: [projectStep('2010-08-23 09:45', 'planned'), projectStep('2010-10-04 10:00', 'running'), projectStep('2013-10-07 11:00', 'completed')],
    },
    {
      id: 'mehrsprachige-elternschule',
      title: 'Mehrsprachige Elternschule an Grundschulen',
      fieldOfAction: 'language',
      startDate: '2011-02-01',
      endDate: '2012-12-31',
      funding: [land(16000), stiftung(6000, 'Bürgerstiftung, Bildungsfonds')],
      partners: ['Grundschulen', 'Elternvereine'],
      steps: [projectStep('2011-01-24 10:05', 'planned'), projectStep('2011-02-21 09:00', 'running'), projectStep('2013-01-14 10:00', 'completed')],
    },
    {
      id: 'interkulturelles-gesundheitsnetz',
      title: 'Interkulturelles Gesundheitsnetzwerk mit Ärztinnen, Hebammen und Beratungsstellen',
      fieldOfAction: 'health',
      startDate: '2011-06-01',
      funding: [land(11000), kommune(4000, 'Gesundheitsamt')],
      partners: ['Gesundheitsamt', 'Hebammen', 'Beratungsstellen'],
      steps: [
        projectStep('2011-05-16 10:15', 'planned'),
        projectStep('2011-06-06 09:00', 'running'),
        projectStep('2012-10-15 10:00', 'discontinued', {
          endDate: '2012-09-30',
          summary: 'Eingestellt, weil der Träger der Netzwerkkoordination ausgefallen ist; die Kontakte führt das Gesundheitsamt weiter.',
        }),
      ],
    },
    {
      id: 'sportvereine-interkulturell',
      title: 'Sportvereine interkulturell – Übungsleiterinnen und Übungsleiter mit Migrationshintergrund',
      fieldOfAction: 'culture',
      startDate: '2012-03-01',
      endDate: '2013-12-31',
      funding: [land(12000), stiftung(4500.5, 'Sportstiftung'), kommune(3000, 'Sportamt')],
      partners: ['Sportkreis', 'Sportvereine', 'Migrantenorganisationen'],
      steps: [projectStep('2012-03-01 08:35', 'running'), projectStep('2013-12-09 10:00', 'completed')],
    },
  ],

  indicators: [
    series('daycare-attendance-3-to-6', [85.2, 96.0], [91.0, 96.4]),
    series('daycare-attendance-under-3', [12.1, 28.5], [20.8, 34.6]),
    series('school-leavers-without-qualification', [9.6, 3.9], [7.2, 3.6], { delayDays: 35 }),
    series('school-leavers-university-entrance', [22.4, 45.8], [27.9, 47.0], { delayDays: 35 }),
    series('unemployment-rate', [13.8, 6.1], [11.6, 5.6]),
    series('youth-unemployment-rate', [9.9, 5.2], [8.0, 4.9]),
    series('basic-income-support-rate', [17.9, 8.4], [16.2, 8.0]),
    series('early-childhood-screening-participation', [84.5, 93.8], [89.7, 94.5]),
    series('naturalisations', 980, 1082, {
      source: 'Einbürgerungsstatistik der Landeshauptstadt Wiesbaden',
      corrections: [{ year: 2011, at: '2012-04-16 10:00', shift: 8, why: 'Nachmeldungen der Einbürgerungsbehörde' }],
    }),
    series('naturalisation-rate', 18.2, 19.6),
  ],

  singleValues: [
    {
      indicatorId: 'advisory-council-turnout',
      period: '2010-11',
      at: '2010-11-17 10:00',
      total: 7.3,
      source: 'Wahlamt, Ausländerbeiratswahl vom 7. November 2010',
    },
  ],

  findings: [
    {
      id: 'bildungslotsen-uebergaenge',
      at: '2012-11-19 10:00',
      title: 'Übergänge begleiten statt Einzelangebote stapeln',
      summary:
        'Die Bildungslotsen zeigen: Familien brauchen an den Übergängen eine Person, die sie über mehrere Jahre kennt. Die Lotsen wurden in die Schulsozialarbeit eingebunden, statt ein weiteres Sonderangebot zu schaffen.',
      fieldOfAction: 'education',
      relatedProjectIds: ['bildungslotsen', 'mehrsprachige-elternschule'],
      tags: ['Übergang Schule', 'Regelangebote', 'Best Practice'],
    },
    {
      id: 'monitoring-nach-migrationshintergrund',
      at: '2013-11-20 09:30',
      title: 'Monitoring braucht Daten nach Migrationshintergrund, nicht nur nach Staatsangehörigkeit',
      summary:
        'Kennzahlen nur nach Staatsangehörigkeit unterschätzen die Zugangslücken deutlich; erst die Auswertung nach Migrationshintergrund zeigt, wo Regelangebote noch nicht alle gleichermaßen erreichen.',
      fieldOfAction: 'education',
      tags: ['Integrationsmonitoring', 'gleiche Zugangschancen'],
    },
  ],
};
