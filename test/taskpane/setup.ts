import '@testing-library/jest-dom';

// jsdom has no ResizeObserver (Fluent's MessageBar and the charts' width hook observe sizes) and no
// matchMedia (the theme follows prefers-color-scheme): minimal stand-ins.
(globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver ??= class {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
};
if (typeof window !== 'undefined' && typeof window.matchMedia !== 'function') {
  window.matchMedia = (query: string) => ({
    matches: false, media: query, onchange: null,
    addEventListener: () => undefined, removeEventListener: () => undefined, addListener: () => undefined, removeListener: () => undefined,
    dispatchEvent: () => false,
  }) as MediaQueryList;
}

// Every jsdom suite starts with the pane's lazy modules loaded (lazy.ts): a lazy screen then renders
// within the act() that opened its tab, however busy the machine. The generous limit only guards a hang.
// findBy/waitFor wait for the DOM to change (a MutationObserver), not for a clock: their time limit is
// jest's hang guard (jest.config.js testTimeout), so a slow machine only makes a test slower.
import { configure } from '@testing-library/react';
import { preloadLazyModules } from './lazy';
configure({ asyncUtilTimeout: 600_000 });
beforeAll(() => preloadLazyModules());
