/** The built-in example scenarios (examples/*.json, documented in docs/taskpane.md): preview mode opens the first. */
import { scenarioFromJson, type Scenario, type ScenarioJson } from '../engine';
import midMarket from '../../examples/mid-market-saas.json';
import enterprise from '../../examples/enterprise-multi-year.json';
import services from '../../examples/high-touch-services.json';

export const EXAMPLE_IDS = ['mid-market-saas', 'enterprise-multi-year', 'high-touch-services'] as const;
export type ExampleId = (typeof EXAMPLE_IDS)[number];

const JSON_BY_ID: Record<ExampleId, ScenarioJson> = {
  'mid-market-saas': midMarket as ScenarioJson,
  'enterprise-multi-year': enterprise as ScenarioJson,
  'high-touch-services': services as ScenarioJson,
};

export function exampleScenario(id: ExampleId): Scenario {
  return scenarioFromJson(JSON_BY_ID[id]);
}
