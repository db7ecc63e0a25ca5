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
