/** Standard normal CDF (Marsaglia's series; continued fraction in the tails), density and quantile (Acklam + two Halley steps). */
export function normalPdf(x: number) { return Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI); }
function cdfPos(x: number): number { // Marsaglia series for P(Z<x), good for |x| < 7
  let s = x, t = 0, b = x; const q = x * x; let i = 1;
  while (s !== t) { t = s; i += 2; b *= q / i; s = t + b; }
  return 0.5 + s * Math.exp(-0.5 * q - 0.91893853320467274178);
}
function upperTailCF(x: number): number { // Q(x) for x>=7 via continued fraction
  let f = x; for (let k = 60; k >= 1; k--) f = x + k / f;
  return normalPdf(x) / f;
}
export function normalCdf(x: number): number {
  if (x < -7) return upperTailCF(-x);
  if (x > 7) return 1 - upperTailCF(x);
  if (x < 0) { // use symmetry with accurate small values
    return 0.5 - (cdfPos(-x) - 0.5);
  }
  return cdfPos(x);
}
export function normalQuantile(p: number): number {
  const a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00];
  const b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01];
  const c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00];
  const d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00];
  let x: number;
  if (p < 0.02425) { const q = Math.sqrt(-2 * Math.log(p)); x = (((((c[0]*q+c[1])*q+c[2])*q+c[3])*q+c[4])*q+c[5]) / ((((d[0]*q+d[1])*q+d[2])*q+d[3])*q+1); }
  else if (p > 1 - 0.02425) { const q = Math.sqrt(-2 * Math.log(1 - p)); x = -(((((c[0]*q+c[1])*q+c[2])*q+c[3])*q+c[4])*q+c[5]) / ((((d[0]*q+d[1])*q+d[2])*q+d[3])*q+1); }
  else { const q = p - 0.5, r = q*q; x = (((((a[0]*r+a[1])*r+a[2])*r+a[3])*r+a[4])*r+a[5])*q / (((((b[0]*r+b[1])*r+b[2])*r+b[3])*r+b[4])*r+1); }
  for (let k = 0; k < 2; k++) { const e = normalCdf(x) - p; const u = e / normalPdf(x); x = x - u / (1 + x * u / 2); }
  return x;
}
