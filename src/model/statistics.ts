/** Small, exact statistics for 1-5 answers. */

export function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** Sample standard deviation (n - 1), the usual choice for a group of respondents; 0 for fewer than two answers. */
export function standardDeviation(values: readonly number[]): number {
  if (values.length < 2) return 0;
  const average = mean(values);
  const squares = values.reduce((sum, value) => sum + (value - average) ** 2, 0);
  return Math.sqrt(squares / (values.length - 1));
}

/** Two decimals: survey means are read as "3.42", and bytes must be stable. */
export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/** The 1-5 agreement mean on the 0-100 evidence scale: 1 is 0, 3 is 50, 5 is 100. */
export function perceptionScore(average: number): number {
  return ((average - 1) / 4) * 100;
}
