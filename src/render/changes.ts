/** How a change since the baseline is written: "+6", "−3", "±0", or "" without a baseline. */
import type { Report } from '../model/report.js';

export function deltaText(delta: number | null | undefined): string {
  if (delta === null || delta === undefined) return '';
  const rounded = Math.round(delta);
  if (rounded === 0) return '±0';
  return rounded > 0 ? `+${rounded}` : `−${Math.abs(rounded)}`;
}

export function arrow(delta: number | null | undefined): string {
  if (delta === null || delta === undefined) return '';
  const rounded = Math.round(delta);
  return rounded > 0 ? '↑' : rounded < 0 ? '↓' : '→';
}

export function practiceChange(report: Report, number: number): number | null {
  return report.baseline?.practices.find((practice) => practice.number === number)?.delta ?? null;
}

export function principleChange(report: Report, id: string): number | null {
  return report.baseline?.principles.find((principle) => principle.id === id)?.delta ?? null;
}
