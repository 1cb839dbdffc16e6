import { enc } from '../api/client';
import { PageHeader } from '../components/page';
import { t } from '../i18n/i18n';
import type { ScreenProps } from '../screen';

/** Neue Meldung: which kind of report to send. */
const ReportMenuScreen = ({ params }: ScreenProps) => {
  const base = `/regionen/${enc(params.regionId!)}`;
  const choices = [
    { href: `${base}/meilensteine/neu`, title: t('report.milestone'), text: t('report.milestoneText') },
    { href: `${base}/projekte/neu`, title: t('report.project'), text: t('report.projectText') },
    { href: `${base}/indikatoren/neu`, title: t('report.indicator'), text: t('report.indicatorText') },
    { href: `${base}/import`, title: t('report.import'), text: t('report.importText') },
    { href: `${base}/erkenntnisse/neu`, title: t('report.finding'), text: t('report.findingText') },
  ];
  return (
    <>
      <PageHeader title={t('report.title')} lead={t('report.lead')} />
      <ul class="cards choice-cards">
        {choices.map((c) => (
          <li class="card" key={c.href}>
            <h2>
              <a href={c.href}>{c.title}</a>
            </h2>
            <p>{c.text}</p>
          </li>
        ))}
      </ul>
    </>
  );
};

export default ReportMenuScreen;
