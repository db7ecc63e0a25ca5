/**
 * Guarded registration with Excel. Every id is associated once, synchronously, at load; where
 * CustomFunctions does not exist (tests, a browser preview) nothing happens and nothing throws.
 */
type Fn = (...args: never[]) => unknown;

const associated = new Set<string>();

interface Runtime {
  associate(id: string, fn: Fn): void;
}

export const registration = {
  associate(id: string, fn: Fn): void {
    if (associated.has(id)) return;
    const cf = (globalThis as { CustomFunctions?: Partial<Runtime> }).CustomFunctions;
    if (!cf || typeof cf.associate !== 'function') return;
    cf.associate(id, fn);
    associated.add(id);
  },
};
