/** Discount factor of period t (0-based): mid-period by default, end of period when `endOfPeriod`. */
export function discountFactor(discountRate: number, t: number, periodsPerYear: number, endOfPeriod: boolean): number {
  const years = (t + (endOfPeriod ? 1 : 0.5)) / periodsPerYear;
  return Math.pow(1 + discountRate, -years);
}

/** Present value of a per-period stream, summed with Neumaier compensation (long streams, large values). */
export function presentValue(stream: ArrayLike<number>, discountRate: number, periodsPerYear: number, endOfPeriod: boolean, periods = stream.length): number {
  let sum = 0;
  let compensation = 0;
  for (let t = 0; t < periods; t++) {
    const term = stream[t] * discountFactor(discountRate, t, periodsPerYear, endOfPeriod);
    const next = sum + term;
    compensation += Math.abs(sum) >= Math.abs(term) ? sum - next + term : term - next + sum;
    sum = next;
  }
  return sum + compensation;
}
