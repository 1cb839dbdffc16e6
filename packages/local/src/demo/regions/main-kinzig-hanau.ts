import { begin, delay, done, eu, kommune, land, plan, projectStep, type RegionData, series, stiftung } from '../builders';

export const mainKinzigHanau: RegionData = {
  profile: {
    id: 'main-kinzig-hanau',
    reportedBy: 'Koordinationsbüro Modellregion Integration Main-Kinzig-Kreis und Stadt Hanau',
    share: { population: 0.27, young: 0.4 },
    baselineSource: 'Basisbericht Integrationsmonitoring Main-Kinzig-Kreis und Hanau 2008',
    monitoring: {
      2008: '2010-11-29 11:00',
      2009: '2011-01-24 11:00',
      2010: '2011-09-12 11:00',
      2011: '2012-05-14 11:00',
      2012: '2013-06-03 11:00',
    },
  },

  milestones: [
    {
      id: 'kooperationsvereinbarung-kreis-hanau',
      title: 'Kooperationsvereinbarung zwischen Main-Kinzig-Kreis und Stadt Hanau',
      fieldOfAction: 'administration',
      dueDate: '2010-01-31',
      steps: [plan('2009-11-30 11:00'), done('2010-02-01 11:00', '2010-01-26')],
    },
    {
      id: 'gemeinsames-koordinationsbuero',
      title: 'Gemeinsames Koordinationsbüro von Kreis und Stadt eingerichtet',
      fieldOfAction: 'administration',
      dueDate: '2010-03-31',
      steps: [plan('2009-11-30 11:05'), begin('2010-02-01 11:05'), done('2010-04-12 11:00', '2010-04-01')],
    },
    {
      id: 'regionalkonferenz-integration',
      title: 'Regionalkonferenz Integration mit Kommunen, Trägern und Migrantenorganisationen',
      fieldOfAction: 'participation',
      dueDate: '2010-09-30',
      steps: [plan('2010-04-12 11:05'), done('2010-10-04 11:00', '2010-09-25')],
    },
    {
      id: 'arbeitsgruppen-eingesetzt',
      title: 'Arbeitsgruppen Bildung, Arbeit und Gesundheit eingesetzt',
      fieldOfAction: 'participation',
      dueDate: '2011-03-31',
      steps: [plan('2010-10-04 11:05'), begin('2011-01-17 11:00'), done('2011-04-18 11:00', '2011-03-30')],
    },
    {
      id: 'integrationsmonitoring-kreis-und-stadt',
      title: 'Gemeinsames Integrationsmonitoring für Kreis und Stadt',
      fieldOfAction: 'administration',
      dueDate: '2011-12-31',
      steps: [
        plan('2011-01-17 11:05'),
        begin('2011-06-06 11:00'),
        delay(
          '2012-05-21 11:00',
          '2012-12-31',
          'Kreis und Stadt führen unterschiedliche Statistiksysteme; gemeinsame Kennzahlendefinitionen erst im Frühjahr vereinbart.',
        ),
        done('2013-03-04 11:00', '2013-02-22'),
      ],
    },
    {
      id: 'konzept-uebergang-schule-beruf',
      title: 'Konzept Übergang Schule–Beruf mit Kammern und Agentur für Arbeit',
      fieldOfAction: 'employment',
      dueDate: '2012-03-31',
      steps: [plan('2011-04-18 11:05'), begin('2011-10-10 11:00'), done('2012-06-25 11:00', '2012-06-14')],
    },
    {
      id: 'dolmetscherpool-gesundheitsdienste',
      title: 'Interkulturelle Öffnung der Gesundheitsdienste: Dolmetscherpool',
      fieldOfAction: 'health',
      dueDate: '2012-09-30',
      steps: [
        plan('2011-10-10 11:05'),
        begin('2012-03-19 11:00'),
        delay('2012-10-08 11:00', '2013-06-30', 'Versicherungsschutz der ehrenamtlichen Dolmetscherinnen und Dolmetscher noch ungeklärt.'),
        done('2013-07-15 11:00', '2013-07-01'),
      ],
    },
    {
      id: 'integrationskonzept-beschluesse',
      title: 'Beschlüsse von Kreistag und Stadtverordnetenversammlung zum gemeinsamen Integrationskonzept',
      fieldOfAction: 'participation',
      dueDate: '2013-09-30',
      steps: [
        plan('2012-06-25 11:05'),
        begin('2013-03-04 11:05'),
        done('2013-11-11 11:00', '2013-10-31', 'Die Stadtverordnetenversammlung Hanau hat im September, der Kreistag im Oktober beschlossen.'),
      ],
    },
  ],

  projects: [
    {
      id: 'sprachfoerderung-familienzentren',
      title: 'Sprachförderung in Familienzentren des Kreises und der Stadt',
      fieldOfAction: 'language',
      startDate: '2010-06-01',
      endDate: '2013-12-31',
      funding: [land(40000), kommune(18000, 'Jugendhilfe, Familienzentren')],
      partners: ['Familienzentren', 'Kita-Träger', 'Volkshochschulen'],
      lighthouse: true,
      steps: [
        projectStep('2010-04-12 11:10', 'planned'),
        projectStep('2010-06-07 11:00', 'running'),
        projectStep('2013-12-16 11:00', 'completed', {
          funding: [land(40000), kommune(18000, 'Jugendhilfe, Familienzentren'), stiftung(7250, 'Stiftung Kinderförderung')],
          why: 'abgeschlossen, Stiftungsmittel nachgemeldet',
        }),
      ],
    },
    {
      id: 'integrationslotsen-ehrenamt',
      title: 'Integrationslotsinnen und -lotsen im Ehrenamt',
      fieldOfAction: 'participation',
      startDate: '2010-11-01',
      endDate: '2012-10-31',
      funding: [land(18000), kommune(6000, 'Ehrenamtsförderung')],
      partners: ['Freiwilligenagentur', 'Migrantenorganisationen'],
      steps: [projectStep('2010-10-04 11:10', 'planned'), projectStep('2010-11-08 11:00', 'running'), projectStep('2012-11-12 11:00', 'completed')],
    },
    {
      id: 'dolmetscherpool-gesundheit',
      title: 'Ehrenamtlicher Dolmetscherpool für Gesundheitsdienste',
      fieldOfAction: 'health',
      startDate: '2012-04-01',
      funding: [land(9500), stiftung(3500, 'Stiftung für Gesundheitsförderung'), kommune(2000, 'Gesundheitsamt')],
      partners: ['Gesundheitsamt', 'Kliniken', 'Migrantenorganisationen'],
      steps: [projectStep('2012-03-19 11:05', 'planned'), projectStep('2012-04-16 11:00', 'running')],
    },
    {
      id: 'ausbildungslotsen',
      title: 'Ausbildungslotsen für Jugendliche mit Migrationshintergrund',
      fieldOfAction: 'employment',
      startDate: '2012-09-01',
      funding: [land(25000), eu(30000)],
      partners: ['IHK Hanau-Gelnhausen-Schlüchtern', 'Kreishandwerkerschaft', 'Agentur für Arbeit Hanau'],
      steps: [projectStep('2012-06-20 15:10', 'planned'), projectStep('2012-09-17 11:00', 'running', { endDate: '2014-08-31' })],
    },
  ],

  indicators: [
    series('daycare-attendance-3-to-6', [85.5, 95.5], [90.4, 95.9]),
    series('daycare-attendance-under-3', [10.4, 22.8], [17.3, 27.9], {
      corrections: [{ year: 2011, at: '2012-06-18 11:00', shift: 0.6, why: 'Kindertagespflege der Stadt Hanau nachträglich einbezogen' }],
    }),
    series('school-leavers-without-qualification', [10.3, 4.4], [8.0, 4.1], { delayDays: 14 }),
    series('unemployment-rate', [12.9, 5.6], [11.3, 5.2]),
    series('youth-unemployment-rate', [10.8, 5.9], [9.1, 5.6]),
    series('vocational-training-rate', [40.2, 60.0], [45.5, 60.3], { delayDays: 14 }),
    series('early-childhood-screening-participation', [83.1, 92.7], [88.0, 93.6]),
    series('integration-course-participants', 1150, 1420),
    series('naturalisations', 745, 820),
  ],

  findings: [
    {
      id: 'kreis-und-stadt-gemeinsam',
      at: '2012-02-13 11:00',
      title: 'Kreis und kreisangehörige Sonderstatusstadt brauchen eine gemeinsame Geschäftsstelle',
      summary:
        'Die gemeinsame Koordination von Main-Kinzig-Kreis und Stadt Hanau vermeidet doppelte Angebote, kostet aber Zeit: Kennzahlen, Gremien und Haushalte mussten zuerst aufeinander abgestimmt werden.',
      fieldOfAction: 'administration',
      relatedProjectIds: ['integrationslotsen-ehrenamt'],
      tags: ['Steuerung', 'Kooperation', 'Halbzeitbilanz'],
    },
    {
      id: 'ausbildungslotsen-frueh-beginnen',
      at: '2013-09-23 11:00',
      title: 'Ausbildungsbegleitung muss in der Vorabgangsklasse beginnen',
      summary:
        'Jugendliche, die die Lotsen schon ein Jahr vor dem Abschluss kennenlernen, bewerben sich früher und breiter. Im Abgangsjahr allein ist die Zeit für Praktika und Bewerbungen zu knapp.',
      fieldOfAction: 'employment',
      relatedProjectIds: ['ausbildungslotsen'],
      tags: ['Übergang Schule–Beruf', 'Ausbildung'],
    },
  ],
};
