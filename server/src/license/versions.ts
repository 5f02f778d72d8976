/**
 * Logix package versions (`12.1.2301`) compare component by component as numbers (R12):
 * 12.1.29 < 12.1.2209 < 12.1.2301.
 */
export function compareVersions(a: string, b: string): number {
  const left = a.split('.').map((part) => Number.parseInt(part, 10) || 0);
  const right = b.split('.').map((part) => Number.parseInt(part, 10) || 0);
  for (let index = 0; index < Math.max(left.length, right.length); index++) {
    const difference = (left[index] ?? 0) - (right[index] ?? 0);
    if (difference !== 0) return Math.sign(difference);
  }
  return 0;
}

export function isVersion(text: string): boolean {
  return /^\d+(\.\d+)*$/.test(text);
}
