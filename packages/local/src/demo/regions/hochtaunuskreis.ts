import { begin, cancel, delay, done, eu, kommune, land, other, plan, projectStep, type RegionData, series, stiftung } from '../builders';

export const hochtaunuskreis: RegionData = {
  profile: {
    id: 'hochtaunuskreis',
    reportedBy: 'Koordinationsstelle Modellregion Integration, Hochtaunuskreis',
    share: { population: 0.26, young: 0.38 },
    baselineSource: 'Sozialstrukturdaten des Hochtaunuskreises 2008',
    monitoring: {
      2008: '2010-10-18 10:00',
      2009: '2010-11-22 10:00',
      2010: '2011-07-18 11:00',
      2011: '2012-02-20 10:00',
      2012: '2013-05-13 10:00',
    },
  },

  milestones: [
    {
      id: 'koordinationsstelle-eingerichtet',
      title: 'Einrichtung der Koordinationsstelle Modellregion Integration in der Kreisverwaltung',
      fieldOfAction: 'administration',
      dueDate: '2010-02-28',
      steps: [plan('2009-11-23 10:00'), done('2010-03-08 10:00', '2010-02-15')],
    },
    {
      id: 'kreisweite-auftaktveranstaltung',
      title: 'Kreisweite Auftaktveranstaltung mit den Städten und Gemeinden',
      fieldOfAction: 'participation',
      dueDate: '2010-04-30',
      steps: [plan('2009-11-23 10:05'), done('2010-05-03 09:00', '2010-04-24')],
    },
    {
      id: 'netzwerk-integrationsverantwortliche',
      title: 'Netzwerk der Integrationsverantwortlichen in den kreisangehörigen Kommunen',
      fieldOfAction: 'participation',
      dueDate: '2010-12-31',
      steps: [
        plan('2010-05-03 09:05'),
        begin('2010-09-06 10:00'),
        done('2011-02-07 10:00', '2011-01-26', 'Alle dreizehn Städte und Gemeinden haben eine Ansprechperson benannt.'),
      ],
    },
    {
      id: 'leitbild-interkulturelle-oeffnung',
      title: 'Leitbild zur interkulturellen Öffnung der Kreisverwaltung',
      fieldOfAction: 'administration',
      dueDate: '2011-06-30',
      steps: [plan('2010-09-06 10:05'), begin('2011-02-07 10:05'), done('2011-07-18 10:00', '2011-06-29')],
    },
    {
      id: 'integrationsmonitoring-kreis',
      title: 'Integrationsmonitoring für den Kreis und die kreisangehörigen Kommunen',
      fieldOfAction: 'administration',
      dueDate: '2011-12-31',
      steps: [
        plan('2011-02-07 10:10'),
        begin('2011-07-18 10:05'),
        delay(
          '2012-01-23 10:00',
          '2012-12-31',
          'Die Daten der kreisangehörigen Kommunen liegen nicht nach Migrationshintergrund vor; Abstimmung mit den Meldebehörden.',
        ),
        done('2013-01-21 10:00', '2013-01-14'),
      ],
    },
    {
      id: 'willkommensmappe',
      title: 'Willkommensmappe für Neuzugewanderte in allen Kommunen',
      fieldOfAction: 'participation',
      dueDate: '2011-10-31',
      steps: [
        plan('2011-02-07 10:15'),
        begin('2011-07-18 10:10'),
        done('2012-05-07 10:00', '2012-04-30', 'In sechs Sprachen, ausgegeben über die Meldestellen.'),
      ],
    },
    {
      id: 'integrationsbeirat-kreis',
      title: 'Einrichtung eines Integrationsbeirats auf Kreisebene',
      fieldOfAction: 'participation',
      dueDate: '2012-06-30',
      steps: [
        plan('2011-07-18 10:15'),
        cancel('2012-06-11 10:00', 'Der Kreistag überträgt die Aufgaben dem bestehenden Sozialausschuss; ein eigener Beirat entfällt.'),
      ],
    },
    {
      id: 'integrationskonzept-kreistag',
      title: 'Integrationskonzept des Hochtaunuskreises im Kreistag beschlossen',
      fieldOfAction: 'participation',
      dueDate: '2013-06-30',
      steps: [plan('2012-01-23 10:05'), begin('2012-09-10 10:00'), done('2013-06-24 10:00', '2013-06-17')],
    },
    {
      id: 'verstetigung-koordinationsstelle',
      title: 'Verstetigung der Koordinationsstelle über das Programmende hinaus',
      fieldOfAction: 'administration',
      dueDate: '2013-10-31',
      steps: [
        plan('2013-01-21 10:10'),
        begin('2013-06-24 10:05', 'Anschlussfinanzierung über das Landesprogramm WIR ab 2014 beantragt; Entscheidung des Kreisausschusses steht aus.'),
      ],
    },
  ],

  projects: [
    {
      id: 'interkulturelle-oeffnung-kreisverwaltung',
      title: 'Interkulturelle Öffnung der Kreisverwaltung: Qualifizierung der Regeldienste',
      fieldOfAction: 'administration',
      startDate: '2011-02-01',
      endDate: '2012-12-31',
      funding: [land(35000), kommune(12000, 'Personalentwicklung der Kreisverwaltung')],
      partners: ['Fachdienst Personal', 'Ausländerbehörde', 'Jobcenter Hochtaunus'],
      steps: [
        projectStep('2011-04-12 10:00', 'running'),
        projectStep('2013-01-21 10:05', 'completed', {
          funding: [land(35000), kommune(13876.9, 'Personalentwicklung der Kreisverwaltung')],
          summary: 'Schulungen für 180 Beschäftigte, Leitfaden für mehrsprachige Informationen, Dolmetscherliste.',
          why: 'abgeschlossen, Abrechnung der kommunalen Mittel',
        }),
      ],
    },
    {
      id: 'sprachpaten-kommunen',
      title: 'Ehrenamtliche Sprachpatenschaften in den kreisangehörigen Kommunen',
      fieldOfAction: 'language',
      startDate: '2010-10-01',
      endDate: '2013-12-31',
      funding: [land(22000), kommune(8000, 'Ehrenamtsförderung des Kreises'), stiftung(5000, 'Sparkassenstiftung')],
      partners: ['Freiwilligenagenturen', 'Volkshochschule', 'Kirchengemeinden'],
      lighthouse: true,
      summary: 'Ehrenamtliche begleiten Zugewanderte beim Deutschlernen im Alltag, ergänzend zu den Integrationskursen.',
      steps: [projectStep('2010-09-06 10:10', 'planned'), projectStep('2010-10-11 10:00', 'running'), projectStep('2013-12-09 10:00', 'completed')],
    },
    {
      id: 'gesundheitskurse-migrantinnen',
      title: 'Gesundheitskurse für Migrantinnen in Familienzentren',
      fieldOfAction: 'health',
      startDate: '2011-09-01',
      endDate: '2012-08-31',
      funding: [land(9800), other(4200, 'Präventionsmittel der Krankenkassen')],
      partners: ['Familienzentren', 'Gesundheitsamt'],
      steps: [projectStep('2011-07-18 10:20', 'planned'), projectStep('2011-09-05 10:00', 'running'), projectStep('2012-09-10 10:05', 'completed')],
    },
    {
      id: 'mentoring-berufsrueckkehrerinnen',
      title: 'Mentoring für Berufsrückkehrerinnen mit Migrationshintergrund',
      fieldOfAction: 'employment',
      startDate: '2012-09-01',
      endDate: '2014-08-31',
      funding: [land(14000), eu(21000)],
      partners: ['Jobcenter Hochtaunus', 'Unternehmerinnennetzwerk'],
      steps: [projectStep('2012-06-11 10:05', 'planned'), projectStep('2012-09-10 10:10', 'running')],
    },
  ],

  indicators: [
    series('daycare-attendance-3-to-6', [86.9, 96.8], [91.8, 97.0]),
    series('daycare-attendance-under-3', [14.0, 31.5], [22.9, 37.2]),
    series('school-leavers-without-qualification', [7.1, 2.4], [5.0, 2.2], { delayDays: 14 }),
    series('school-leavers-university-entrance', [31.5, 58.2], [36.8, 59.0], { delayDays: 14 }),
    series('unemployment-rate', [10.2, 4.0], [8.6, 3.7]),
    series('vocational-training-rate', [44.0, 58.7], [48.9, 59.1]),
    series('youth-sports-club-membership', [45.5, 68.9], [51.0, 69.3]),
    series('integration-course-participants', 720, 880, {
      source: 'Kursträgerabfrage des Kreises {year}',
      quarters: { years: [2012], seasonal: [0.24, 0.26, 0.22, 0.28] },
    }),
    series('administration-staff-migration-background', 4.1, 6.0),
    series('integration-budget', 420000, 615000),
  ],

  findings: [
    {
      id: 'sprachpaten-tragen-ehrenamt',
      at: '2012-11-05 10:00',
      title: 'Sprachpatenschaften brauchen eine hauptamtliche Begleitung',
      summary:
        'Das Ehrenamt trägt die Sprachpatenschaften, aber ohne Schulung, Vermittlung und Austauschtreffen durch die Freiwilligenagenturen brechen viele Tandems nach wenigen Wochen ab.',
      fieldOfAction: 'language',
      relatedProjectIds: ['sprachpaten-kommunen'],
      tags: ['Ehrenamt', 'Sprachförderung'],
    },
    {
      id: 'kreis-und-kommunen-gemeinsam',
      at: '2013-09-16 10:00',
      title: 'Ein Landkreis öffnet seine Verwaltung nur gemeinsam mit seinen Kommunen',
      summary:
        'Zugewanderte begegnen zuerst der Meldestelle ihrer Gemeinde, nicht dem Kreis. Die Schulungen der Kreisverwaltung wirkten erst, als die Kommunen mit ihren Bürgerbüros einbezogen wurden.',
      fieldOfAction: 'administration',
      relatedProjectIds: ['interkulturelle-oeffnung-kreisverwaltung'],
      tags: ['Interkulturelle Öffnung', 'Landkreis', 'Kompetenzkreis'],
    },
  ],
};
