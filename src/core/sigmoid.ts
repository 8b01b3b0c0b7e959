// The logistic sigmoid σ(x) = 1 / (1 + e^(−x)), its derivative σ′(x) = σ(x)(1 − σ(x)) and its
// inverse logit(p) = ln(p / (1 − p)).
//
// Accuracy: σ and σ′ are computed in double-double arithmetic (106-bit working precision) from
// our own e^(−|x|) (good to 2^−75 relative), and rounded to a double once at the end, so both
// are within about half an ulp of the exact value for every finite double x (test/core/sigmoid.test.ts measures it
// against 80-digit reference values). The simple stable forms (1/(1+e^−x), e^−|x|/(1+e^−|x|)²)
// lose up to 1.7 and 3.4 ulps through Math.exp's own error and three roundings.
// Using our own exponential also makes every value identical on every JavaScript engine, so
// seeded variants and graded answers never depend on the machine's Math.exp.
//
// Inputs: callers pass finite numbers. For the others: σ(+∞) = 1, σ(−∞) = 0, σ′(±∞) = 0,
// and NaN gives NaN (no exception: NaN is a value, not a domain error, for σ and σ′).

// ---------------------------------------------------------------------------------------------
// Double-double arithmetic: a value is hi + lo with |lo| ≤ ulp(hi)/2. No FMA in JavaScript, so
// exact products use Dekker's splitting.

type DD = readonly [hi: number, lo: number];

function twoSum(a: number, b: number): DD {
  const s = a + b;
  const bb = s - a;
  return [s, a - (s - bb) + (b - bb)];
}

/** Like twoSum, but only valid when |a| ≥ |b| (or a is 0). */
function quickTwoSum(a: number, b: number): DD {
  const s = a + b;
  return [s, b - (s - a)];
}

const SPLITTER = 134217729; // 2^27 + 1

function twoProd(a: number, b: number): DD {
  const p = a * b;
  let t = SPLITTER * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLITTER * b;
  const bh = t - (t - b);
  const bl = b - bh;
  return [p, ah * bh - p + ah * bl + al * bh + al * bl];
}

function ddAdd(a: DD, b: DD): DD {
  const [s, e0] = twoSum(a[0], b[0]);
  const [t, f] = twoSum(a[1], b[1]);
  const [s1, e1] = quickTwoSum(s, e0 + t);
  return quickTwoSum(s1, e1 + f);
}

function ddAddNumber(a: DD, b: number): DD {
  const [s, e] = twoSum(a[0], b);
  return quickTwoSum(s, e + a[1]);
}

function ddMul(a: DD, b: DD): DD {
  const [p, e] = twoProd(a[0], b[0]);
  return quickTwoSum(p, e + (a[0] * b[1] + a[1] * b[0]));
}

function ddMulNumber(a: DD, b: number): DD {
  const [p, e] = twoProd(a[0], b);
  return quickTwoSum(p, e + a[1] * b);
}

function ddDiv(a: DD, b: DD): DD {
  const q1 = a[0] / b[0];
  let r = ddAdd(a, ddMulNumber(b, -q1));
  const q2 = r[0] / b[0];
  r = ddAdd(r, ddMulNumber(b, -q2));
  const q3 = r[0] / b[0];
  return ddAddNumber(quickTwoSum(q1, q2), q3);
}

function ddDivNumber(a: DD, b: number): DD {
  const q1 = a[0] / b;
  const [p, e] = twoProd(q1, b);
  const [s, f] = twoSum(a[0], -p);
  const q2 = (s + (f - e + a[1])) / b;
  return quickTwoSum(q1, q2);
}

// ---------------------------------------------------------------------------------------------
// Powers of two built from their bits: exact on every engine (Math.pow need not be).

const pow2View = new DataView(new ArrayBuffer(8));

/** 2^n for an integer n in [−1022, 1023] (normal doubles only). */
function pow2(n: number): number {
  pow2View.setUint32(0, (n + 1023) * 0x100000);
  pow2View.setUint32(4, 0);
  return pow2View.getFloat64(0);
}

/** v · 2^n with a single rounding, also when the result is subnormal or overflows. */
function ldexp(v: number, n: number): number {
  if (n > 1023) return v * pow2(1023) * pow2(n - 1023);
  if (n < -1022) return v * pow2(n + 1000) * pow2(-1000);
  return v * pow2(n);
}

// ---------------------------------------------------------------------------------------------
// e^y in double-double, as p · 2^k with p in [1/√2, √2].

// ln 2 = LN2_HI + LN2_LO (+ under 2^−86). LN2_HI has its 21 low mantissa bits zero, so
// m · LN2_HI is exact for |m| < 2^21 (fdlibm's split). With |m| ≤ 750 · 64 / ln 2 the
// leftover error of ln 2 moves e^y by under 2^−75 relative: invisible after rounding.
const LN2_HI = 0.6931471803691238;
const LN2_LO = 1.9082149292705877e-10;
const LN2 = Math.LN2;
/** Beyond this, e^(−|y|) < 2^−1082: σ and σ′ round to their limits whatever the input. */
const TAIL_LIMIT = 750;

/** e^r by its Taylor series in double-double (Horner: 1 + r(1 + r/2(1 + r/3(…)))). */
function taylorExp(r: DD, terms: number): DD {
  let p: DD = [1, 0];
  for (let n = terms; n >= 1; n--) p = ddAddNumber(ddDivNumber(ddMul(r, p), n), 1);
  return p;
}

/** m · ln 2 as a double-double, for |m| < 2^21 (m · LN2_HI is exact there). */
function ln2Times(m: number): DD {
  const [lp, le] = twoProd(m, LN2_LO);
  return ddAdd([m * LN2_HI, 0], [lp, le]);
}

// e^y = 2^k · 2^(j/64) · e^r with |r| ≤ ln2/128: a table of 2^(j/64) (built once, by a long
// Taylor series) leaves only a short series for e^r. 64 entries keep the series at 11 terms:
// r^12/12! < 2^−120 here.
const TABLE_BITS = 6;
const TABLE_SIZE = 1 << TABLE_BITS;
const SERIES_TERMS = 11;
/** 2^(j/64) for j = 0…63 from its Taylor series in double-double: how the table below was made. */
export function twoToJOver64BySeries(): DD[] {
  return Array.from({ length: TABLE_SIZE }, (_, j) => {
    const [hi, lo] = ln2Times(j);
    // |j·ln2/64| < ln2, and 30 terms take the series below 2^−110 there.
    return taylorExp([hi / TABLE_SIZE, lo / TABLE_SIZE], 30);
  });
}
// The same values written out, so that loading this module computes nothing: the series took
// about 7 ms at start-up (an eighth of bare node's), which every `calc` and `check` paid.
// test/core/bundle-sigmoid-table.test.ts checks that each entry is identical to the series.
export const TWO_TO_J_OVER_64: readonly DD[] = [
  [1, 0],
  [1.0108892860517005, -1.5234778603551997e-17],
  [1.0218971486541166, 5.109225028936361e-17],
  [1.0330248790212284, 7.60083887346479e-18],
  [1.0442737824274138, 8.551889705462175e-17],
  [1.0556451783605572, 1.7593257378144052e-18],
  [1.0671404006768237, -7.899853966957755e-17],
  [1.0787607977571199, -6.656660436193605e-17],
  [1.0905077326652577, -3.046782079970761e-17],
  [1.102382583307841, 5.266036871390679e-17],
  [1.1143867425958924, 1.0410278456643376e-16],
  [1.1265216186082418, 5.1658567585706197e-17],
  [1.1387886347566916, 8.91281267577746e-17],
  [1.1511892299529827, 3.2507102185922927e-17],
  [1.1637248587775775, 3.829204836628487e-17],
  [1.1763969916502812, 5.554203253897909e-17],
  [1.189207115002721, 3.982015231120412e-17],
  [1.202156731452703, 6.644981498881496e-17],
  [1.215247359980469, -7.71263069307838e-17],
  [1.22848053610687, -1.898781631726034e-17],
  [1.241857812073484, 4.658027591386289e-17],
  [1.255380757024691, -6.7113898260802105e-18],
  [1.2690509571917332, 2.667932126276511e-18],
  [1.2828700160787783, 1.713594917708201e-17],
  [1.2968395546510096, 2.5382502789241112e-17],
  [1.3109612115247644, -7.18153613611411e-17],
  [1.3252366431597413, -2.8587312106640373e-17],
  [1.339667524053303, 8.92728259417544e-17],
  [1.3542555469368927, 7.70094837911498e-17],
  [1.3690024229745905, 9.593797918398508e-17],
  [1.383909881963832, -6.770511659548081e-17],
  [1.3989796725383112, -9.614213209838202e-17],
  // biome-ignore lint/suspicious/noApproximativeNumericConstant: one row of the generated 2^(k/64) table (k = 32), kept beside its neighbours
  [1.4142135623730951, -9.667293314274022e-17],
  [1.42961333839197, -1.2031642497613543e-17],
  [1.4451808069770467, -3.023758135885519e-17],
  [1.460917794180647, -5.600377187002963e-17],
  [1.4768261459394993, -3.483994557857441e-17],
  [1.4929077282912648, 1.4192920144261675e-17],
  [1.5091644275934228, -1.0164553278583483e-16],
  [1.5255981507445384, -1.1024941713422105e-16],
  [1.5422108254079407, 7.94983480857834e-17],
  [1.559004400237837, 3.7812070521977713e-17],
  [1.5759808451078865, -1.0136916483288104e-17],
  [1.593142151342267, -1.0094406543554927e-16],
  [1.6104903319492543, 2.4707192556940688e-17],
  [1.6280274218573478, -6.712955086036343e-17],
  [1.645755478153965, -1.0125679915048368e-16],
  [1.6636765803267364, 5.890992695294362e-17],
  [1.681792830507429, 8.199010019116793e-17],
  [1.7001063537185235, -8.023719385512682e-18],
  [1.718619298122478, -1.851380419822251e-17],
  [1.7373338352737062, 3.164389297685317e-17],
  [1.7562521603732995, 2.960140693791862e-17],
  [1.7753764925265212, 6.429731794849303e-17],
  [1.7947090750031072, 1.8227458410327863e-17],
  [1.8142521755003989, -9.969531540730839e-17],
  [1.8340080864093424, 3.283107222382146e-17],
  [1.8539791250833855, 9.761887488810183e-17],
  [1.8741676341103, -6.122763414976438e-17],
  [1.8945759815869656, 3.403403533188381e-17],
  [1.9152065613971474, -1.0619946058280945e-16],
  [1.9360617934922943, 1.0332385958533513e-16],
  [1.9571441241754002, 8.960767788835009e-17],
  [1.978456026387951, 4.0388753086662856e-17],
];
/** 1/n! as double-doubles, for the short series. */
const INVERSE_FACTORIALS: readonly DD[] = (() => {
  const out: DD[] = [[1, 0]];
  for (let n = 1; n <= SERIES_TERMS; n++) out.push(ddDivNumber(out[n - 1]!, n));
  return out;
})();

interface ScaledDD {
  p: DD;
  k: number;
}

/** e^y = p · 2^k for |y| ≤ TAIL_LIMIT, with p in about [1, 2], accurate to under 2^−75 relative. */
function expScaled(y: number): ScaledDD {
  const m = Math.round((y * TABLE_SIZE) / LN2);
  // y − m·ln2/64: the head is exact (Sterbenz), the rest is kept as a double-double.
  const [mh, ml] = ln2Times(m);
  const r = ddAdd(twoSum(y, -mh / TABLE_SIZE), [-ml / TABLE_SIZE, 0]);
  let series: DD = INVERSE_FACTORIALS[SERIES_TERMS]!;
  for (let n = SERIES_TERMS - 1; n >= 0; n--) series = ddAdd(ddMul(series, r), INVERSE_FACTORIALS[n]!);
  const j = m & (TABLE_SIZE - 1);
  return { p: ddMul(TWO_TO_J_OVER_64[j]!, series), k: (m - j) / TABLE_SIZE };
}

/**
 * e^y correctly rounded in all but the rarest cases (error under 0.5 ulp + 2^−75 relative),
 * the same on every engine. Overflows to Infinity above about 709.78 and underflows to 0.
 */
export function exp(y: number): number {
  if (Number.isNaN(y)) return Number.NaN;
  if (y > TAIL_LIMIT) return Number.POSITIVE_INFINITY;
  if (y < -TAIL_LIMIT) return 0;
  const { p, k } = expScaled(y);
  return ldexp(p[0], k);
}

// ---------------------------------------------------------------------------------------------
// σ and σ′ share t = e^(−|x|) = p · 2^(−k).

/** Below 2^−119, t is invisible next to 1 at double-double precision: 1 + t is 1. */
const NEGLIGIBLE_K = 119;

/** The double nearest a double-double value. */
function round(v: DD): number {
  return v[0] + v[1];
}

export function sigmoid(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  const a = Math.abs(x);
  if (a > TAIL_LIMIT) return x > 0 ? 1 : 0;
  const { p, k } = expScaled(-a);
  if (-k >= NEGLIGIBLE_K) {
    // σ(x) = t / (1 + t) = t (1 − t + …) with t < 2^−118: for x < 0 the answer is t itself,
    // possibly subnormal (σ(−745) ≈ 5e−324); for x > 0 it is 1 − t, which rounds to 1.
    return x > 0 ? 1 : ldexp(round(p), k);
  }
  const scale = pow2(k);
  const t: DD = [p[0] * scale, p[1] * scale];
  const onePlusT = ddAddNumber(t, 1);
  return round(x >= 0 ? ddDiv([1, 0], onePlusT) : ddDiv(t, onePlusT));
}

/** σ′(x) = σ(x)(1 − σ(x)) = e^(−|x|) / (1 + e^(−|x|))², an even function of x. */
export function sigmoidDerivative(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  const a = Math.abs(x);
  if (a > TAIL_LIMIT) return 0;
  const { p, k } = expScaled(-a);
  // σ′ = t (1 − 2t + …): with t < 2^−118 it is t itself, possibly subnormal.
  if (-k >= NEGLIGIBLE_K) return ldexp(round(p), k);
  const scale = pow2(k);
  const t: DD = [p[0] * scale, p[1] * scale];
  const onePlusT = ddAddNumber(t, 1);
  return round(ddDiv(t, ddMul(onePlusT, onePlusT)));
}

// ---------------------------------------------------------------------------------------------
// logit

/** Thrown for a logit argument outside the open interval (0, 1). */
export class LogitDomainError extends RangeError {
  readonly p: number;
  constructor(p: number) {
    super(`logit needs 0 < p < 1, got ${String(p)}`);
    this.name = "LogitDomainError";
    this.p = p;
  }
}

/**
 * logit(p) = ln(p / (1 − p)), the x with σ(x) = p. Throws LogitDomainError (a RangeError)
 * unless 0 < p < 1. Accurate to a few ulps: near p = 1/2, where the answer is near 0, it is
 * computed as log1p((2p − 1) / (1 − p)), whose numerator is exact there.
 */
export function logit(p: number): number {
  if (typeof p !== "number" || !(p > 0 && p < 1)) throw new LogitDomainError(p);
  if (p >= 0.25 && p <= 0.75) return Math.log1p((2 * p - 1) / (1 - p));
  // Here |logit(p)| > ln 3, so the one rounding in p / (1 − p) stays small relative to the result.
  return Math.log(p / (1 - p));
}
