import type { Direction } from '../../lib/map/direction.ts';

/** What a key does on the focused map. */
export type MapKeyAction =
  | { kind: 'move'; direction: Direction }
  | { kind: 'open' }
  | { kind: 'reset' }
  | { kind: 'zoom'; factor: number };

const ARROWS: Record<string, Direction> = {
  ArrowLeft: 'left',
  ArrowRight: 'right',
  ArrowUp: 'up',
  ArrowDown: 'down',
};

/** The action for a key press, or null for keys the map leaves alone (Tab, shortcuts with modifiers). */
export function keyToAction(event: KeyboardEvent): MapKeyAction | null {
  if (event.altKey || event.ctrlKey || event.metaKey) return null;
  const direction = ARROWS[event.key];
  if (direction) return { kind: 'move', direction };
  switch (event.key) {
    case 'Enter':
      return { kind: 'open' };
    case 'Escape':
      return { kind: 'reset' };
    case '+':
    case '=':
      return { kind: 'zoom', factor: 1.6 };
    case '-':
    case '_':
      return { kind: 'zoom', factor: 1 / 1.6 };
    default:
      return null;
  }
}

/** Listen for map keys on `element`, call `onAction`, and stop the page from scrolling on arrows. */
export function attachKeyboard(element: HTMLElement, onAction: (action: MapKeyAction) => void): void {
  element.addEventListener('keydown', (event) => {
    const action = keyToAction(event);
    if (!action) return;
    event.preventDefault();
    onAction(action);
  });
}
