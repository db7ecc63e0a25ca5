/** The built-in example scenarios (examples/*.json, documented in docs/taskpane.md): preview mode opens the first. */
import { scenarioFromJson, type Language, type Scenario, type ScenarioJson } from '../engine';
import { t } from '../i18n';
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

/** The examples' segment and plan names in Spanish (their descriptions are the messages exampleInfo.*). */
const SPANISH_NAMES: Readonly<Record<string, string>> = {
  SMB: 'Pymes',
  'Mid-market': 'Mercado medio',
  Enterprise: 'Grandes empresas',
  'Managed services': 'Servicios gestionados',
  'Current plan': 'Plan actual',
  'Retention plan': 'Plan de retención',
  'Multi-year retention': 'Retención plurianual',
  'Efficiency bonus': 'Bono de eficiencia',
  'Outcome bonus + prevention': 'Bono por resultados + prevención',
};

/** An example in the reader's language: in Spanish its scenario, segment and plan names are Spanish. */
export function exampleScenario(id: ExampleId, lang: Language = 'en'): Scenario {
  const s = scenarioFromJson(JSON_BY_ID[id]);
  if (lang === 'en') return s;
  const es = (name: string) => SPANISH_NAMES[name] ?? name;
  s.name = t(lang, `example.${id}`);
  s.segments = s.segments.map((g) => ({ ...g, name: es(g.name) }));
  s.baseline = { ...s.baseline, name: es(s.baseline.name) };
  s.proposed = s.proposed.map((p) => ({ ...p, name: es(p.name) }));
  return s;
}
