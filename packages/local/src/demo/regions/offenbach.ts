import { begin, bund, cancel, delay, done, eu, kommune, land, plan, projectStep, type RegionData, series, stiftung } from '../builders';

export const offenbach: RegionData = {
  profile: {
    id: 'offenbach',
    reportedBy: 'Koordinationsbüro Integration, Stadt Offenbach am Main',
    share: { population: 0.56, young: 0.7 },
    baselineSource: 'Integrationsmonitoring Offenbach am Main 2008',
    monitoring: {
      2008: '2010-05-17 14:00',
      2009: '2010-09-27 14:00',
      2010: '2011-05-23 14:00',
      2011: '2012-04-23 14:00',
      2012: '2013-05-27 14:00',
    },
  },

  milestones: [
    {
      id: 'koordinationsbuero-eingerichtet',
      title: 'Einrichtung des Koordinationsbüros Integration',
      fieldOfAction: 'administration',
      dueDate: '2010-01-31',
      steps: [plan('2009-11-26 16:00'), done('2010-02-15 16:30', '2010-02-01')],
    },
    {
      id: 'integrationskonferenz',
      title: 'Integrationskonferenz mit Migrantenorganisationen und Trägern',
      fieldOfAction: 'participation',
      dueDate: '2010-06-30',
      steps: [plan('2010-02-15 16:35'), done('2010-07-05 16:00', '2010-06-19')],
    },
    {
      id: 'fachforen-auftakt',
      title: 'Auftakt der Fachforen zu den Handlungsfeldern Bildung, Arbeit und Teilhabe',
      fieldOfAction: 'participation',
      dueDate: '2010-11-30',
      steps: [plan('2010-07-05 16:05'), done('2010-12-08 16:45', '2010-11-25')],
    },
    {
      id: 'quartiersmanagement-verzahnung',
      title: 'Verzahnung von Quartiersmanagement und Integrationsarbeit in zwei Stadtteilen',
      fieldOfAction: 'housing',
      dueDate: '2011-06-30',
      steps: [plan('2010-12-08 16:50'), begin('2011-03-14 15:00'), done('2011-09-19 15:00', '2011-09-09')],
    },
    {
      id: 'sprachstandserhebung-kitas',
      title: 'Einheitliche Sprachstandserhebung in allen Kindertagesstätten',
      fieldOfAction: 'language',
      dueDate: '2011-12-31',
      steps: [
        plan('2010-12-08 16:55'),
        begin('2011-03-14 15:05'),
        delay('2011-12-12 15:00', '2012-08-31', 'Die Träger einigen sich erst im Herbst auf ein gemeinsames Verfahren.'),
        done('2012-10-01 15:00', '2012-09-20'),
      ],
    },
    {
      id: 'dialogforum-moscheegemeinden',
      title: 'Dialogforum mit den Moscheegemeinden als eigenes Gremium',
      fieldOfAction: 'participation',
      dueDate: '2012-06-30',
      steps: [
        plan('2011-03-14 15:10'),
        cancel('2012-01-30 15:00', 'Der Dialog wird im bestehenden interreligiösen Arbeitskreis geführt; ein eigenes Gremium entfällt.'),
      ],
    },
    {
      id: 'ausbildungsbuendnis-migrantenbetriebe',
      title: 'Ausbildungsbündnis mit Betrieben von Unternehmerinnen und Unternehmern mit Migrationshintergrund',
      fieldOfAction: 'employment',
      dueDate: '2012-01-31',
      steps: [
        plan('2011-03-14 15:15'),
        begin('2011-09-19 15:05'),
        delay('2012-04-16 15:00', '2012-12-31', 'Kammern und Agentur für Arbeit treten erst 2012 bei; Unterzeichnung zum Jahresende geplant.'),
        done('2013-01-28 15:00', '2012-12-13', 'Vereinbarung mit 38 Betrieben unterzeichnet.'),
      ],
    },
    {
      id: 'interkulturelle-oeffnung-buergerbuero',
      title: 'Interkulturelle Öffnung von Bürgerbüro und Ausländerbehörde',
      fieldOfAction: 'administration',
      dueDate: '2012-12-31',
      steps: [plan('2011-09-19 15:10'), begin('2012-04-16 15:05'), done('2013-02-25 15:00', '2013-02-15')],
    },
    {
      id: 'integrationskonzept-beschluss',
      title: 'Beschluss des Integrationskonzepts durch die Stadtverordnetenversammlung',
      fieldOfAction: 'participation',
      dueDate: '2013-06-30',
      steps: [plan('2012-04-16 15:10'), begin('2012-10-01 15:05'), done('2013-07-01 15:00', '2013-06-20')],
    },
  ],

  projects: [
    {
      id: 'elternbegleiterinnen-grundschulen',
      title: 'Elternbegleiterinnen an Grundschulen',
      fieldOfAction: 'education',
      startDate: '2010-09-01',
      endDate: '2013-07-31',
      funding: [land(36000), kommune(14250.75, 'Schulverwaltungsamt'), stiftung(10000, 'Bildungsstiftung')],
      partners: ['Grundschulen', 'Staatliches Schulamt', 'Migrantenorganisationen'],
      lighthouse: true,
      summary: 'Mehrsprachige Elternbegleiterinnen bauen an acht Grundschulen Brücken zwischen Lehrkräften und Eltern.',
      steps: [projectStep('2010-07-05 16:10', 'planned'), projectStep('2010-09-13 15:00', 'running'), projectStep('2013-08-19 15:00', 'completed')],
    },
    {
      id: 'ausbildungsbruecke',
      title: 'Ausbildungsbrücke – Ausbildungsplätze in Migrantenbetrieben',
      fieldOfAction: 'employment',
      startDate: '2011-04-01',
      endDate: '2013-03-31',
      funding: [land(28000), eu(33500), kommune(6000, 'Wirtschaftsförderung')],
      partners: ['Kammern', 'Agentur für Arbeit', 'Unternehmerverbände'],
      steps: [
        projectStep('2011-03-14 15:20', 'planned'),
        projectStep('2011-04-11 15:00', 'running'),
        projectStep('2013-04-15 15:00', 'completed', {
          summary: '46 zusätzliche Ausbildungsplätze in Betrieben von Inhaberinnen und Inhabern mit Migrationshintergrund.',
        }),
      ],
    },
    {
      id: 'nachbarschaftsbuero-soziale-stadt',
      title: 'Nachbarschaftsbüro im Quartier der Sozialen Stadt',
      fieldOfAction: 'housing',
      startDate: '2011-01-01',
      endDate: '2013-12-31',
      funding: [bund(45000, 'Bund-Länder-Programm Soziale Stadt'), kommune(15000, 'Stadtplanung, Quartiersmanagement')],
      partners: ['Quartiersmanagement', 'Wohnungsbaugesellschaft', 'Wohlfahrtsverbände'],
      steps: [projectStep('2011-01-17 15:00', 'running'), projectStep('2013-12-09 15:00', 'completed')],
    },
    {
      id: 'deutschkurse-eltern-kita',
      title: 'Deutschkurse für Eltern in Kindertagesstätten',
      fieldOfAction: 'language',
      startDate: '2010-11-01',
      endDate: '2012-12-31',
      funding: [land(12000), bund(18900, 'Integrationskurse (BAMF)')],
      partners: ['Kita-Träger', 'Volkshochschule'],
      steps: [projectStep('2010-11-08 15:00', 'running'), projectStep('2013-01-14 15:00', 'completed')],
    },
    {
      id: 'maedchenfussball-interkulturell',
      title: 'Mädchenfußball interkulturell',
      fieldOfAction: 'culture',
      startDate: '2011-05-01',
      funding: [land(6500), stiftung(2500, 'Sportstiftung')],
      partners: ['Sportvereine', 'Grundschulen'],
      steps: [
        projectStep('2011-05-02 15:00', 'running'),
        projectStep('2012-06-18 15:00', 'discontinued', {
          endDate: '2012-05-31',
          summary: 'Eingestellt, weil keine Übungsleiterin mehr gefunden wurde; die Mädchen wurden an Vereine vermittelt.',
        }),
      ],
    },
  ],

  indicators: [
    series('daycare-attendance-3-to-6', [82.1, 93.0], [88.4, 93.6]),
    series('daycare-attendance-under-3', [8.6, 20.3], [14.9, 25.1]),
    series('language-support-need-school-entry', [52.3, 15.1], [44.0, 14.2]),
    series('school-leavers-without-qualification', [13.5, 6.0], [10.4, 5.5], { delayDays: 21 }),
    series('unemployment-rate', [18.4, 9.0], [15.2, 8.1]),
    // The gap in youth unemployment widened: an honest finding the demo keeps.
    series('youth-unemployment-rate', [12.0, 7.3], [12.6, 6.7], {
      quarters: { years: [2012], seasonal: [1.06, 0.98, 1.01, 0.95] },
    }),
    series('basic-income-support-rate', [24.8, 13.6], [22.9, 12.8]),
    series('vocational-training-rate', [35.2, 56.0], [41.3, 57.2], { delayDays: 21 }),
    series('naturalisations', 690, 812),
    series('naturalisation-rate', 15.0, 16.9),
  ],

  singleValues: [
    {
      indicatorId: 'advisory-council-turnout',
      period: '2010-11',
      at: '2010-11-15 17:30',
      total: 6.8,
      source: 'Wahlamt, Ausländerbeiratswahl vom 7. November 2010',
    },
  ],

  findings: [
    {
      id: 'elternbegleitung-wirkt',
      at: '2012-03-19 15:00',
      title: 'Elternbegleiterinnen machen Elternabende wieder voll',
      summary:
        'An den acht beteiligten Grundschulen ist die Teilnahme an Elternabenden und Lernentwicklungsgesprächen deutlich gestiegen, seit mehrsprachige Begleiterinnen einladen und übersetzen.',
      fieldOfAction: 'education',
      relatedProjectIds: ['elternbegleiterinnen-grundschulen'],
      tags: ['Elternarbeit', 'Schule'],
    },
    {
      id: 'migrantenbetriebe-als-ausbilder',
      at: '2013-06-10 15:00',
      title: 'Betriebe von Zugewanderten sind ein unterschätztes Ausbildungspotenzial',
      summary:
        'Viele Inhaberinnen und Inhaber bilden nicht aus, weil sie die Wege zur Ausbildereignung nicht kennen. Eine feste Ansprechperson bei den Kammern hat 46 neue Ausbildungsplätze erschlossen; die Lücke bei der Jugendarbeitslosigkeit hat sich dennoch nicht geschlossen.',
      fieldOfAction: 'employment',
      relatedProjectIds: ['ausbildungsbruecke'],
      tags: ['Ausbildung', 'Wirtschaft', 'Lessons learned'],
    },
  ],
};
