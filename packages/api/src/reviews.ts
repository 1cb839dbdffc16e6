/** The programme's two reviews and their cutoffs (SPEC section 4). */
export const REVIEWS = {
  midterm: { title: 'Halbzeitbilanz (mid-term review)', cutoff: '2012-02-29' },
  final: { title: 'Abschlussbewertung (final evaluation)', cutoff: '2013-12-31' },
} as const;
export type ReviewId = keyof typeof REVIEWS;
export const REVIEW_IDS = Object.keys(REVIEWS) as [ReviewId, ...ReviewId[]];
