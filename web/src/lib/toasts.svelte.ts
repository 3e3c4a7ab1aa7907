// Short celebrations and notices that stack in a corner and fade: badges earned, a tutor found. Read out
// politely by screen readers (the region is a live status region).
import type { IconName } from './icons';

export interface Toast {
  id: number;
  /** A line icon, or an image URL (a badge's own picture). */
  icon: IconName | { image: string };
  title: string;
  body?: string;
  href?: string;
}

const SHOW_MS = 8000;

class Toasts {
  items = $state<Toast[]>([]);
  private next = 1;

  show(toast: Omit<Toast, 'id'>, showMs = SHOW_MS): number {
    const id = this.next++;
    this.items = [...this.items, { ...toast, id }];
    setTimeout(() => this.dismiss(id), showMs);
    return id;
  }

  dismiss(id: number): void {
    this.items = this.items.filter((t) => t.id !== id);
  }
}

export const toasts = new Toasts();
