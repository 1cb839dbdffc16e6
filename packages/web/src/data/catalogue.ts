import { api } from '../api/client';
import type { Catalogue, FieldOfAction, IndicatorDef } from '../api/types';
import { MINISTRY_ID } from '../api/types';
import { useResource, type Resource } from '../components/async';
import type { Locale } from '../i18n/format';
import { t } from '../i18n/i18n';

// The catalogue changes only with a deployment: one request per session is enough.
let cached: { token: string; promise: Promise<Catalogue> } | undefined;

const loadCatalogue = (token: string): Promise<Catalogue> => {
  if (cached?.token !== token) {
    const promise = api.get<Catalogue>('/v1/catalogue');
    cached = { token, promise };
    // A failed load is not kept: the next screen asks again.
    promise.catch(() => {
      if (cached?.promise === promise) cached = undefined;
    });
  }
  return cached.promise;
};

export const useCatalogue = (token: string): Resource<Catalogue> => useResource(() => loadCatalogue(token), [token]);

const _modelRegions = (catalogue: Catalogue) => catalogue.regions.filter((r) => r.role === 'model-region');

export const regionName = (catalogue: Catalogue, regionId: string): string =>
  regionId === MINISTRY_ID ? t('common.ministry') : (catalogue.regions.find((r) => r.id === regionId)?.name ?? regionId);

export const fieldOfActionTitle = (catalogue: Catalogue, id: string | undefined, locale: Locale): string => {
  if (id === undefined) return '–';
  const f: FieldOfAction | undefined = catalogue.fieldsOfAction.find((x) => x.id === id);
  return f ? (locale === 'de' ? f.titleDe : f.titleEn) : id;
};

export const indicatorTitle = (def: IndicatorDef | undefined, locale: Locale, fallback = ''): string =>
  def ? (locale === 'de' ? def.title : def.titleEn) : fallback;

export const indicatorById = (catalogue: Catalogue, id: string): IndicatorDef | undefined => catalogue.indicators.find((i) => i.id === id);
