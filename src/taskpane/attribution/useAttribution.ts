import * as React from 'react';
import { attribute, type Attribution } from '../../engine';
import type { Computed } from '../state/compute';

/**
 * The attribution of proposed plan `index` (up to 2^n projections for n changed levers): worked out
 * after the screen has painted, so opening the tab never waits for it. Undefined while computing;
 * null when the engine cannot split it (too many changed levers).
 */
export function useAttribution(computed: Computed | undefined, index: number): Attribution | null | undefined {
  const [state, setState] = React.useState<{ for?: Computed; index?: number; value: Attribution | null }>();
  React.useEffect(() => {
    if (!computed || index < 0 || index >= computed.scenario.proposed.length) return;
    const id = setTimeout(() => {
      let value: Attribution | null;
      try {
        value = attribute(computed.scenario, computed.scenario.proposed[index].values);
      } catch {
        value = null;
      }
      setState({ for: computed, index, value });
    }, 0);
    return () => clearTimeout(id);
  }, [computed, index]);
  return state && state.for === computed && state.index === index ? state.value : undefined;
}
