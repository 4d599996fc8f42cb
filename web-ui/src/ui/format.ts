/** Display helpers shared by the components. */
import { normalize } from '../lib/decimal';
import { decimalsOf } from '../lib/market';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for innerHTML; every server-provided value goes through this. */
export function esc(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

export function amountOf(asset: string, text: string | null | undefined): string {
  return text === null || text === undefined || text === '' ? '—' : normalize(String(text), decimalsOf(asset));
}

export function timeOf(t: string | number | undefined): string {
  if (t === undefined || t === null) return '';
  const ms = typeof t === 'number' ? t : Date.parse(t);
  if (!Number.isFinite(ms)) return String(t);
  return new Date(ms).toISOString().slice(11, 19);
}

export function el<T extends HTMLElement = HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (found === null) throw new Error(`missing element #${id}`);
  return found as T;
}
