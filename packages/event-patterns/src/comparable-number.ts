/**
 * Which JSON numbers aws/event-ruler can compare (`ComparableNumber.generate`, since 1.8.0): the number's
 * decimal value must be exactly that of its double as Java prints it, i.e. `BigDecimal(text)` must equal
 * `BigDecimal.valueOf(double)`, which is `new BigDecimal(Double.toString(double))`. Such a number is fully
 * described by its double; any other is incomparable (`12345678901234567890`, `12345678901234567168`
 * although a double holds it, `0.1000000000000000055`, `1e400`, `1e-400`): it is refused as an operand
 * and, in an event, matches only a plain pattern number written the same way.
 */

type Decimal = { readonly negative: boolean; readonly digits: string; readonly exponent: bigint };

const ZERO: Decimal = { negative: false, digits: '', exponent: 0n };

/** The exact value of a decimal numeral (JSON or JavaScript's `String(number)`) as digits × 10^exponent. */
const decimalOf = (text: string): Decimal => {
  const match = /^(-?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (match === null) throw new Error(`not a decimal numeral: ${text}`);
  const [, sign = '', whole = '', fraction = '', exponent = '0'] = match;
  const all = (whole + fraction).replace(/^0+/, '');
  const digits = all.replace(/0+$/, '');
  // BigDecimal has no negative zero: -0 and 0 are the same number to event-ruler.
  if (digits === '') return ZERO;
  return {
    negative: sign === '-',
    digits,
    exponent: BigInt(exponent) - BigInt(fraction.length) + BigInt(all.length - digits.length),
  };
};

const sameDecimal = (a: Decimal, b: Decimal): boolean => a.negative === b.negative && a.digits === b.digits && a.exponent === b.exponent;

const MIN_NORMAL = 2.2250738585072014e-308;

/**
 * The decimal Java's `Double.toString` prints for a finite double (as specified since JDK 19, where
 * `DoubleToDecimal` implements it): the shortest decimal that rounds to it, the one closest to it among
 * those; but if the shortest has a single digit, the closest among those of one or two digits. JavaScript
 * prints the same digits except in that last case, where it keeps the single digit. The two differ only
 * for eight subnormals up to 1e-322 (`Double.MIN_VALUE` is 4.9E-324 in Java, 5e-324 in JavaScript; 5e-323
 * is 4.9E-323): for larger doubles no other decimal of two digits rounds to the same double. Java 18 and
 * earlier print some doubles with more digits than needed (not mirrored).
 */
const javaDecimalOf = (value: number): Decimal => {
  const shortest = decimalOf(String(value));
  if (shortest.digits.length !== 1 || Math.abs(value) >= MIN_NORMAL) return shortest;
  // value = units × 2^-1074 exactly; scaling by powers of two is exact here.
  const units = BigInt(Math.abs(value) * 2 ** 1000 * 2 ** 74);
  const single = { digits: BigInt(shortest.digits), exponent: shortest.exponent };
  // Distance to the double, scaled by 2^1074 × 10^k so that it is an integer for every candidate.
  const k = -(single.exponent - 2n);
  const scaledUnits = units * 10n ** k;
  const distance = (digits: bigint, exponent: bigint): bigint => {
    const d = digits * 2n ** 1074n * 10n ** (exponent + k) - scaledUnits;
    return d < 0n ? -d : d;
  };
  let best = single;
  let bestDistance = distance(single.digits, single.exponent);
  for (const exponent of [single.exponent - 2n, single.exponent - 1n]) {
    for (let digits = 10n; digits <= 99n; digits++) {
      if (Number(`${digits}e${exponent}`) !== Math.abs(value)) continue;
      const d = distance(digits, exponent);
      if (d < bestDistance || (d === bestDistance && digits % 2n === 0n && best.digits % 2n !== 0n)) {
        best = { digits, exponent };
        bestDistance = d;
      }
    }
  }
  return decimalOf(`${value < 0 ? '-' : ''}${best.digits}e${best.exponent}`);
};

/** Whether event-ruler can compare the JSON number written as `text` (see above); if not, it is incomparable. */
export const isComparable = (text: string): boolean => {
  const value = Number(text);
  if (!Number.isFinite(value)) return false;
  // Most numbers are written as JavaScript prints them, which for normal doubles is Java's decimal too.
  if (text === String(value) && (value === 0 || Math.abs(value) >= MIN_NORMAL)) return true;
  return sameDecimal(decimalOf(text), javaDecimalOf(value));
};
