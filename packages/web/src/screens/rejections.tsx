import { api, enc } from '../api/client';
import type { Rejection } from '../api/types';
import { Async, useResource } from '../components/async';
import { PageHeader } from '../components/page';
import { RejectionsList } from '../components/rejections-list';
import { regionName, useCatalogue } from '../data/catalogue';
import { t } from '../i18n/i18n';
import type { ScreenProps } from '../screen';

/** Abgelehnte Meldungen: the region's quarantined reports with their reasons, newest first. */
const RejectionsScreen = ({ params, session }: ScreenProps) => {
  const regionId = params.regionId!;
  const catalogue = useCatalogue(session.idToken);
  const rejections = useResource((signal) => api.get<{ rejections: Rejection[] }>(`/v1/regions/${enc(regionId)}/rejections`, signal), [regionId]);
  const name = catalogue.state === 'ready' ? regionName(catalogue.data, regionId) : '';
  return (
    <>
      <PageHeader title={t('rejections.title')} lead={name ? t('rejections.lead', { region: name }) : undefined} />
      <Async resource={rejections}>{(r) => <RejectionsList rejections={r.rejections} headingLevel={2} />}</Async>
    </>
  );
};

export default RejectionsScreen;
