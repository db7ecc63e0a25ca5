/**
 * The assumption catalogue: the one table every other part reads (validation, the custom functions'
 * key/value parsing, the task pane forms and the docs). Adding an assumption means adding a row here.
 *
 * Scopes: `scenario` keys are set once per scenario, `segment` keys once per customer segment,
 * `behaviour` keys describe how people respond to pay (one set per scenario), `plan` keys describe an
 * incentive plan (the baseline and each proposed plan have their own values). The quota layer's rows
 * (roles and components, MODEL.md section 8) are quota-catalogue.ts.
 *
 * Longer than 300 lines on purpose: CATALOGUE is the one table of assumptions (the brief: "one catalogue
 * … never duplicate it"), read top to bottom by whoever adds a key; split by scope it would be four
 * lists whose order and types must be kept in step by hand.
 */
export type Scope = 'scenario' | 'segment' | 'behaviour' | 'plan';

/** How a value is shown and parsed. `share` and `rate` are fractions (10 % is 0.1). */
export type Unit = 'count' | 'currency' | 'share' | 'rate' | 'years' | 'exponent' | 'multiplier' | 'choice';

export interface Text {
  en: string;
  es: string;
}

/** What every catalogue row has, whatever its scope: how a value is checked, shown and explained. */
export interface ValueSpec {
  readonly key: string;
  readonly unit: Unit;
  readonly min: number;
  readonly max: number;
  readonly defaultValue: number;
  readonly integer?: boolean;
  /** Only these values are valid (periodsPerYear). */
  readonly allowed?: readonly number[];
  readonly label: Text;
  readonly meaning: Text;
  /** Where the default comes from: a citation (the same in both languages) or a reason, said in each. */
  readonly source?: string | Text;
}

export interface AssumptionSpec extends ValueSpec {
  readonly scope: Scope;
  /** Group inside the task pane's "how people respond" section. */
  readonly group?: 'sales' | 'people' | 'service' | 'overselling' | 'wordOfMouth' | 'timing' | 'churnCurve';
}

const spec = <K extends string, S extends Scope>(s: AssumptionSpec & { key: K; scope: S }) => s;

export const CATALOGUE = [
  // ── Scenario ──────────────────────────────────────────────────────────────────────────────────
  spec({ key: 'horizonYears', scope: 'scenario', unit: 'years', min: 1, max: 30, defaultValue: 5, integer: true,
    label: { en: 'Horizon', es: 'Horizonte' },
    meaning: { en: 'Years projected.', es: 'Años proyectados.' } }),
  spec({ key: 'periodsPerYear', scope: 'scenario', unit: 'choice', min: 1, max: 12, defaultValue: 1, allowed: [1, 4, 12],
    label: { en: 'Periods per year', es: 'Períodos por año' },
    meaning: { en: '1 = years, 4 = quarters, 12 = months. Rates stay annual and are converted exactly.',
      es: '1 = años, 4 = trimestres, 12 = meses. Las tasas siguen siendo anuales y se convierten de forma exacta.' } }),
  spec({ key: 'discountRate', scope: 'scenario', unit: 'rate', min: 0, max: 0.5, defaultValue: 0.1,
    label: { en: 'Discount rate', es: 'Tasa de descuento' },
    meaning: { en: 'Annual rate used to discount cash flows (cost of capital).',
      es: 'Tasa anual para descontar los flujos (coste de capital).' } }),
  spec({ key: 'tenureYears', scope: 'scenario', unit: 'years', min: 1, max: 30, defaultValue: 4, integer: true,
    label: { en: 'Executive tenure', es: 'Mandato del directivo' },
    meaning: { en: 'Years an executive is judged on: the tenure view shows value inside this span.',
      es: 'Años por los que se juzga a un directivo: la vista de mandato muestra el valor dentro de ese plazo.' } }),
  spec({ key: 'discountTiming', scope: 'scenario', unit: 'choice', min: 0, max: 1, defaultValue: 0, allowed: [0, 1],
    label: { en: 'Discount timing', es: 'Momento de descuento' },
    meaning: { en: '0 = cash flows at mid-period, 1 = at the end of each period.',
      es: '0 = flujos a mitad de período, 1 = al final de cada período.' } }),

  // ── Segment: the customer base ────────────────────────────────────────────────────────────────
  spec({ key: 'customers', scope: 'segment', unit: 'count', min: 0, max: 10_000_000, defaultValue: 500,
    label: { en: 'Customers at start', es: 'Clientes al inicio' },
    meaning: { en: 'Accounts on the books at the start.', es: 'Cuentas activas al inicio.' } }),
  spec({ key: 'arpa', scope: 'segment', unit: 'currency', min: 0, max: 100_000_000, defaultValue: 24_000,
    label: { en: 'ARR per account', es: 'ARR por cuenta' },
    meaning: { en: 'Annual recurring revenue per account, also the ARR a new account brings.',
      es: 'Ingreso recurrente anual por cuenta; también el ARR que trae una cuenta nueva.' } }),
  spec({ key: 'grossMargin', scope: 'segment', unit: 'share', min: 0, max: 1, defaultValue: 0.78,
    label: { en: 'Gross margin', es: 'Margen bruto' },
    meaning: { en: 'Gross margin on revenue before service costs.', es: 'Margen bruto sobre ingresos antes de costes de servicio.' } }),
  spec({ key: 'costToServe', scope: 'segment', unit: 'currency', min: 0, max: 10_000_000, defaultValue: 1_200,
    label: { en: 'Cost to serve', es: 'Coste de servicio' },
    meaning: { en: 'Cost per customer per year besides service contacts.', es: 'Coste por cliente y año aparte de los contactos de soporte.' } }),
  spec({ key: 'churn', scope: 'segment', unit: 'rate', min: 0, max: 0.95, defaultValue: 0.10,
    label: { en: 'Logo churn', es: 'Abandono de clientes' },
    meaning: { en: 'Annual share of customers lost under the baseline plan.', es: 'Proporción anual de clientes perdidos con el plan base.' } }),
  spec({ key: 'contraction', scope: 'segment', unit: 'rate', min: 0, max: 0.5, defaultValue: 0.02,
    label: { en: 'Contraction', es: 'Contracción' },
    meaning: { en: 'Annual downgrade of retained ARR.', es: 'Reducción anual del ARR retenido.' } }),
  spec({ key: 'expansion', scope: 'segment', unit: 'rate', min: 0, max: 1, defaultValue: 0.14,
    label: { en: 'Expansion', es: 'Expansión' },
    meaning: { en: 'Annual expansion of retained ARR under the baseline plan.', es: 'Expansión anual del ARR retenido con el plan base.' } }),
  spec({ key: 'newCustomers', scope: 'segment', unit: 'count', min: 0, max: 1_000_000, defaultValue: 120,
    label: { en: 'New customers a year', es: 'Clientes nuevos al año' },
    meaning: { en: 'Accounts won per year under the baseline plan.', es: 'Cuentas ganadas al año con el plan base.' } }),
  spec({ key: 'acquisitionCost', scope: 'segment', unit: 'currency', min: 0, max: 10_000_000, defaultValue: 6_000,
    label: { en: 'Acquisition cost', es: 'Coste de adquisición' },
    meaning: { en: 'Cost per new customer other than sales commission (marketing etc.).',
      es: 'Coste por cliente nuevo aparte de la comisión de ventas (marketing, etc.).' } }),
  spec({ key: 'contactsPerCustomer', scope: 'segment', unit: 'count', min: 0, max: 1_000, defaultValue: 4,
    label: { en: 'Service contacts', es: 'Contactos de soporte' },
    meaning: { en: 'Service contacts per customer per year.', es: 'Contactos de soporte por cliente y año.' } }),
  spec({ key: 'costPerContact', scope: 'segment', unit: 'currency', min: 0, max: 10_000, defaultValue: 25,
    label: { en: 'Cost per contact', es: 'Coste por contacto' },
    meaning: { en: 'Cost of a contact handled by a person.', es: 'Coste de un contacto atendido por una persona.' } }),
  spec({ key: 'contractTermYears', scope: 'segment', unit: 'years', min: 1, max: 5, defaultValue: 1, integer: true,
    label: { en: 'Contract term', es: 'Duración del contrato' },
    meaning: { en: 'Years per contract: a new customer can first churn at its first renewal, and changes in churn reach the base as contracts renew.',
      es: 'Años por contrato: un cliente nuevo solo puede irse en su primera renovación y los cambios de abandono llegan a la base al renovar.' } }),
  spec({ key: 'sbgAlpha', scope: 'segment', unit: 'exponent', min: 0, max: 1000, defaultValue: 0, group: 'churnCurve',
    label: { en: 'sBG alpha', es: 'sBG alfa' },
    meaning: { en: 'Shifted-beta-geometric retention curve alpha; 0 (with beta 0) means flat churn.',
      es: 'Alfa de la curva de retención beta-geométrica desplazada; 0 (con beta 0) significa abandono constante.' },
    source: 'Fader & Hardie (2007), How to project customer retention' }),
  spec({ key: 'sbgBeta', scope: 'segment', unit: 'exponent', min: 0, max: 1000, defaultValue: 0, group: 'churnCurve',
    label: { en: 'sBG beta', es: 'sBG beta' },
    meaning: { en: 'Shifted-beta-geometric retention curve beta; 0 (with alpha 0) means flat churn.',
      es: 'Beta de la curva beta-geométrica desplazada; 0 (con alfa 0) significa abandono constante.' },
    source: 'Fader & Hardie (2007)' }),
  spec({ key: 'baseTenureYears', scope: 'segment', unit: 'years', min: 0, max: 50, defaultValue: 3, group: 'churnCurve',
    label: { en: 'Tenure of the starting base', es: 'Antigüedad de la base inicial' },
    meaning: { en: 'Years the starting customers have been with you; sets where they sit on the sBG curve.',
      es: 'Años que llevan los clientes iniciales; fija su punto en la curva sBG.' } }),
  spec({ key: 'walletMultiple', scope: 'segment', unit: 'multiplier', min: 0, max: 100, defaultValue: 4,
    label: { en: 'Expansion ceiling', es: 'Techo de expansión' },
    meaning: { en: 'ARR per account can grow to this multiple of its starting value; expansion fades as it gets there. 0 = no ceiling.',
      es: 'El ARR por cuenta puede crecer hasta este múltiplo de su valor inicial; la expansión se apaga al acercarse. 0 = sin techo.' },
    source: { en: 'Judgement: a customer\'s wallet is finite; 4× leaves room for a decade of median expansion.',
      es: 'Criterio: la cartera de un cliente es finita; 4× deja sitio para una década de expansión mediana.' } }),

  // ── Behaviour: how pay moves effort ───────────────────────────────────────────────────────────
  spec({ key: 'responsiveness', scope: 'behaviour', unit: 'exponent', min: 0, max: 2, defaultValue: 0.6, group: 'sales',
    label: { en: 'Responsiveness to pay', es: 'Sensibilidad a la retribución' },
    meaning: { en: 'How strongly effort follows pay (ε); 0 means pay changes nothing but its cost. Poorly known: give it a distribution.',
      es: 'Cuánto sigue el esfuerzo a la retribución (ε); 0 significa que la retribución solo cambia su coste. Poco conocido: asígnele una distribución.' } }),
  spec({ key: 'nonCashPull', scope: 'behaviour', unit: 'multiplier', min: 0, max: 10, defaultValue: 0.5, group: 'sales',
    label: { en: 'Non-cash pull', es: 'Atracción no monetaria' },
    meaning: { en: 'What salary, management and the work itself pull toward an activity, as a multiple of today\'s commission on it (λ): at zero commission an activity keeps λ/(1+λ) of its pull.',
      es: 'Lo que el salario, la dirección y el propio trabajo atraen hacia una actividad, como múltiplo de la comisión actual (λ): sin comisión una actividad conserva λ/(1+λ) de su atracción.' },
    source: { en: 'Judgement: commission is typically 40 % of pay; λ = 0.5 keeps a third of the pull at zero commission. Poorly known: give it a distribution.',
      es: 'Criterio: la comisión suele ser un 40 % de la retribución; λ = 0,5 conserva un tercio de la atracción sin comisión. Poco conocido: asígnele una distribución.' } }),
  spec({ key: 'effortElasticity', scope: 'behaviour', unit: 'exponent', min: 0, max: 1, defaultValue: 0.3, group: 'sales',
    label: { en: 'Effort elasticity to pay', es: 'Elasticidad del esfuerzo a la retribución' },
    meaning: { en: 'How much total effort follows expected variable pay (η): 0.3 means 10 % less variable pay gives about 2 % less effort.',
      es: 'Cuánto sigue el esfuerzo total a la retribución variable esperada (η): 0,3 significa que un 10 % menos de variable da un 2 % menos de esfuerzo.' },
    source: { en: 'Incentive-pay field studies report effort elasticities of 0.1–0.5 (e.g. Lazear 2000; Chung, Steenburgh & Sudhir 2014).',
      es: 'Estudios de campo sobre retribución variable dan elasticidades del esfuerzo de 0,1–0,5 (p. ej. Lazear 2000; Chung, Steenburgh y Sudhir 2014).' } }),
  spec({ key: 'effortAcquire', scope: 'behaviour', unit: 'share', min: 0, max: 1, defaultValue: 0.7, group: 'sales',
    label: { en: 'Effort on new deals', es: 'Esfuerzo en nuevas ventas' },
    meaning: { en: 'Share of sales effort spent acquiring under the baseline plan.', es: 'Parte del esfuerzo comercial dedicada a captar con el plan base.' } }),
  spec({ key: 'effortRetain', scope: 'behaviour', unit: 'share', min: 0, max: 1, defaultValue: 0.15, group: 'sales',
    label: { en: 'Effort on renewals', es: 'Esfuerzo en renovaciones' },
    meaning: { en: 'Share of sales effort spent retaining under the baseline plan.', es: 'Parte del esfuerzo comercial dedicada a retener con el plan base.' } }),
  spec({ key: 'effortExpand', scope: 'behaviour', unit: 'share', min: 0, max: 1, defaultValue: 0.15, group: 'sales',
    label: { en: 'Effort on expansion', es: 'Esfuerzo en expansión' },
    meaning: { en: 'Share of sales effort spent expanding accounts under the baseline plan.', es: 'Parte del esfuerzo comercial dedicada a ampliar cuentas con el plan base.' } }),
  spec({ key: 'effortFloor', scope: 'behaviour', unit: 'share', min: 0, max: 0.3, defaultValue: 0.02, group: 'sales',
    label: { en: 'Effort floor', es: 'Esfuerzo mínimo' },
    meaning: { en: 'Share of effort salary and management keep on each activity whatever the pay.',
      es: 'Parte del esfuerzo que el salario y la dirección mantienen en cada actividad sea cual sea la retribución.' } }),
  spec({ key: 'elasticityAcquire', scope: 'behaviour', unit: 'exponent', min: 0, max: 1, defaultValue: 0.34, group: 'sales',
    label: { en: 'Acquisition elasticity', es: 'Elasticidad de captación' },
    meaning: { en: 'Diminishing returns of selling effort on new customers.', es: 'Rendimientos decrecientes del esfuerzo comercial sobre clientes nuevos.' },
    source: 'Albers, Mantrala & Sridhar (2010), mean personal-selling elasticity' }),
  spec({ key: 'elasticityRetain', scope: 'behaviour', unit: 'exponent', min: 0, max: 1, defaultValue: 0.4, group: 'sales',
    label: { en: 'Retention elasticity', es: 'Elasticidad de retención' },
    meaning: { en: 'How sales-driven churn falls with retention effort.', es: 'Cuánto baja el abandono atribuible a ventas con el esfuerzo de retención.' } }),
  spec({ key: 'elasticityExpand', scope: 'behaviour', unit: 'exponent', min: 0, max: 1, defaultValue: 0.5, group: 'sales',
    label: { en: 'Expansion elasticity', es: 'Elasticidad de expansión' },
    meaning: { en: 'How expansion grows with expansion effort.', es: 'Cuánto crece la expansión con el esfuerzo de expansión.' } }),
  spec({ key: 'salesVariableShare', scope: 'behaviour', unit: 'share', min: 0.01, max: 1, defaultValue: 0.4, group: 'people',
    label: { en: 'Sales variable share', es: 'Parte variable en ventas' },
    meaning: { en: 'Share of sales target pay that is variable under the baseline plan; sets the sales payroll (baseline variable pay ÷ this share) and how far a pay change moves it.',
      es: 'Parte variable de la retribución objetivo de ventas con el plan base; fija la masa salarial de ventas (variable base ÷ esta parte) y cuánto la mueve un cambio de retribución.' },
    source: { en: 'Common 60/40 base/variable split for account executives.', es: 'Reparto fijo/variable habitual de 60/40 para ejecutivos de cuentas.' } }),
  spec({ key: 'serviceVariableShare', scope: 'behaviour', unit: 'share', min: 0.01, max: 1, defaultValue: 0.1, group: 'people',
    label: { en: 'Service variable share', es: 'Parte variable en soporte' },
    meaning: { en: 'Share of service target pay that is the bonus pool under the baseline plan; sets the service payroll (pool ÷ this share).',
      es: 'Parte de la retribución objetivo de soporte que es el bono con el plan base; fija la masa salarial de soporte (bono ÷ esta parte).' },
    source: { en: 'Service and success bonuses are typically 5–15 % of pay.', es: 'Los bonos de soporte y éxito de cliente suelen ser un 5–15 % de la retribución.' } }),
  spec({ key: 'salesAttrition', scope: 'behaviour', unit: 'rate', min: 0, max: 0.9, defaultValue: 0.25, group: 'people',
    label: { en: 'Sales attrition', es: 'Rotación en ventas' },
    meaning: { en: 'Annual share of sales people who leave under the baseline plan (a⁰).', es: 'Parte anual de comerciales que se van con el plan base (a⁰).' },
    source: { en: 'Published SaaS sales turnover, about 25–35 % a year.', es: 'Rotación comercial publicada en SaaS, un 25–35 % al año.' } }),
  spec({ key: 'serviceAttrition', scope: 'behaviour', unit: 'rate', min: 0, max: 0.9, defaultValue: 0.35, group: 'people',
    label: { en: 'Service attrition', es: 'Rotación en soporte' },
    meaning: { en: 'Annual share of service people who leave under the baseline plan.', es: 'Parte anual del personal de soporte que se va con el plan base.' },
    source: { en: 'Published contact-centre turnover, 30–45 % a year.', es: 'Rotación publicada en centros de contacto, un 30–45 % al año.' } }),
  spec({ key: 'attritionElasticity', scope: 'behaviour', unit: 'exponent', min: 0, max: 10, defaultValue: 2, group: 'people',
    label: { en: 'Attrition elasticity', es: 'Elasticidad de la rotación' },
    meaning: { en: 'How attrition rises as target pay falls (κ): attrition = a⁰ × (target pay ÷ today\'s)^−κ, at most 90 %. 0 = pay never drives anyone out.',
      es: 'Cuánto sube la rotación al bajar la retribución objetivo (κ): rotación = a⁰ × (retribución ÷ la actual)^−κ, como mucho un 90 %. 0 = la retribución nunca hace que nadie se vaya.' },
    source: { en: 'Quit elasticities to pay of 1–4 in labour economics (Manning 2003). Poorly known: give it a distribution.',
      es: 'Elasticidades de abandono a la retribución de 1–4 en economía laboral (Manning 2003). Poco conocido: asígnele una distribución.' } }),
  spec({ key: 'replacementCost', scope: 'behaviour', unit: 'multiplier', min: 0, max: 3, defaultValue: 0.5, group: 'people',
    label: { en: 'Replacement cost', es: 'Coste de reposición' },
    meaning: { en: 'Cost of replacing a leaver (recruiting plus ramp), as a multiple of that person\'s yearly target pay.',
      es: 'Coste de sustituir a quien se va (selección más rampa), como múltiplo de su retribución objetivo anual.' },
    source: { en: 'Replacement-cost surveys: 30–100 % of annual pay for professional roles.', es: 'Encuestas de coste de reposición: 30–100 % de la retribución anual en puestos profesionales.' } }),
  spec({ key: 'rampLoss', scope: 'behaviour', unit: 'share', min: 0, max: 1, defaultValue: 0.5, group: 'people',
    label: { en: 'Ramp loss', es: 'Pérdida en rampa' },
    meaning: { en: 'Effort lost while new hires ramp, per point of extra attrition: effort level × (1 − extra attrition × this).',
      es: 'Esfuerzo perdido mientras los nuevos se forman, por punto de rotación extra: nivel de esfuerzo × (1 − rotación extra × esto).' },
    source: { en: 'A new rep reaches full productivity in about a year: half a year of effort lost per hire.', es: 'Un comercial nuevo alcanza su productividad en un año: medio año de esfuerzo perdido por contratación.' } }),
  spec({ key: 'handoffChurn', scope: 'behaviour', unit: 'share', min: 0, max: 1, defaultValue: 0.05, group: 'people',
    label: { en: 'Churn from account hand-offs', es: 'Abandono por traspaso de cuentas' },
    meaning: { en: 'Extra annual churn on the book per point of extra sales attrition (accounts of a departing rep churn more).',
      es: 'Abandono anual extra de la cartera por punto de rotación comercial extra (las cuentas de quien se va abandonan más).' },
    source: { en: 'Judgement: a hand-off raises an account\'s churn risk by a fifth to a half; 0.05 is the conservative end.',
      es: 'Criterio: un traspaso sube el riesgo de abandono de una cuenta entre un quinto y la mitad; 0,05 es el extremo prudente.' } }),
  spec({ key: 'resolveEffortShare', scope: 'behaviour', unit: 'share', min: 0.01, max: 0.99, defaultValue: 0.5, group: 'service',
    label: { en: 'Service effort on resolving', es: 'Esfuerzo de soporte en resolver' },
    meaning: { en: 'Share of service effort spent truly resolving (not just closing) under the baseline plan.',
      es: 'Parte del esfuerzo de soporte dedicada a resolver de verdad (no solo cerrar) con el plan base.' } }),
  spec({ key: 'resolutionRate', scope: 'behaviour', unit: 'share', min: 0, max: 0.99, defaultValue: 0.7, group: 'service',
    label: { en: 'Resolution rate', es: 'Tasa de resolución' },
    meaning: { en: 'Share of human-handled contacts truly resolved under the baseline plan.', es: 'Parte de los contactos atendidos por personas que se resuelven de verdad con el plan base.' } }),
  spec({ key: 'elasticityResolution', scope: 'behaviour', unit: 'exponent', min: 0, max: 1, defaultValue: 0.5, group: 'service',
    label: { en: 'Resolution elasticity', es: 'Elasticidad de resolución' },
    meaning: { en: 'How the resolution rate grows with resolving effort.', es: 'Cuánto crece la tasa de resolución con el esfuerzo de resolver.' } }),
  spec({ key: 'resolveCostElasticity', scope: 'behaviour', unit: 'exponent', min: 0, max: 3, defaultValue: 0.5, group: 'service',
    label: { en: 'Cost of resolving', es: 'Coste de resolver' },
    meaning: { en: 'Resolving takes time: a human contact costs cost per contact × (resolving share ÷ baseline share)^φ.',
      es: 'Resolver lleva tiempo: un contacto humano cuesta coste por contacto × (parte en resolver ÷ la del plan base)^φ.' },
    source: { en: 'Handle time rises with first-contact resolution; 0.5 means doubling resolving effort costs 41 % more per contact.',
      es: 'El tiempo de atención sube con la resolución al primer contacto; 0,5 significa que doblar el esfuerzo en resolver cuesta un 41 % más por contacto.' } }),
  spec({ key: 'assistCostPerContact', scope: 'behaviour', unit: 'currency', min: 0, max: 10_000, defaultValue: 4, group: 'service',
    label: { en: 'Agent-assist cost', es: 'Coste de la asistencia al agente' },
    meaning: { en: 'Cost per human contact of full agent assist; a plan pays this × its agent-assist share.',
      es: 'Coste por contacto humano de la asistencia completa al agente; un plan paga esto × su nivel de asistencia.' },
    source: { en: 'Vendor list prices of AI agent assist, a few dollars a contact.', es: 'Precios de catálogo de asistencia de IA al agente, unos pocos dólares por contacto.' } }),
  spec({ key: 'pChurnIfUnresolved', scope: 'behaviour', unit: 'share', min: 0, max: 1, defaultValue: 0.06, group: 'service',
    label: { en: 'Churn per unresolved contact', es: 'Abandono por contacto no resuelto' },
    meaning: { en: 'Chance an unresolved contact makes the customer leave.', es: 'Probabilidad de que un contacto no resuelto haga que el cliente se vaya.' } }),
  spec({ key: 'saveRate', scope: 'behaviour', unit: 'share', min: 0, max: 1, defaultValue: 0.25, group: 'service',
    label: { en: 'Save rate', es: 'Tasa de rescate' },
    meaning: { en: 'Share of would-be leavers that service wins back.', es: 'Parte de los clientes a punto de irse que soporte recupera.' } }),
  spec({ key: 'automationResolution', scope: 'behaviour', unit: 'share', min: 0, max: 1, defaultValue: 0.45, group: 'service',
    label: { en: 'Automated resolution rate', es: 'Resolución automatizada' },
    meaning: { en: 'Share of automated contacts truly resolved.', es: 'Parte de los contactos automatizados que se resuelven de verdad.' } }),
  spec({ key: 'costPerAutomatedContact', scope: 'behaviour', unit: 'currency', min: 0, max: 10_000, defaultValue: 2, group: 'service',
    label: { en: 'Cost per automated contact', es: 'Coste por contacto automatizado' },
    meaning: { en: 'Cost of a contact handled without a person.', es: 'Coste de un contacto atendido sin persona.' } }),
  spec({ key: 'preventionCostPerPoint', scope: 'behaviour', unit: 'currency', min: 1, max: 1_000_000_000, defaultValue: 50_000, group: 'service',
    label: { en: 'Prevention cost per point', es: 'Coste de prevención por punto' },
    meaning: { en: 'Yearly prevention spend that cuts contacts per customer by 1 % a year.',
      es: 'Gasto anual de prevención que reduce un 1 % al año los contactos por cliente.' } }),
  spec({ key: 'minContacts', scope: 'behaviour', unit: 'count', min: 0, max: 1_000, defaultValue: 1, group: 'service',
    label: { en: 'Minimum contacts', es: 'Contactos mínimos' },
    meaning: { en: 'Floor on contacts per customer per year that prevention cannot go below.',
      es: 'Mínimo de contactos por cliente y año por debajo del cual la prevención no llega.' } }),
  spec({ key: 'misSoldShare', scope: 'behaviour', unit: 'share', min: 0, max: 0.9, defaultValue: 0.08, group: 'overselling',
    label: { en: 'Mis-sold share', es: 'Proporción mal vendida' },
    meaning: { en: 'Share of new customers mis-sold under the baseline plan ("bad profits").',
      es: 'Parte de los clientes nuevos mal vendidos con el plan base ("malos beneficios").' } }),
  spec({ key: 'overSellingElasticity', scope: 'behaviour', unit: 'exponent', min: 0, max: 3, defaultValue: 0.7, group: 'overselling',
    label: { en: 'Over-selling elasticity', es: 'Elasticidad de sobreventa' },
    meaning: { en: 'How mis-selling grows with pay on new deals (γ), per unit of responsiveness.', es: 'Cuánto crece la mala venta con la retribución por nuevas ventas (γ), por unidad de sensibilidad.' } }),
  spec({ key: 'clawbackElasticity', scope: 'behaviour', unit: 'exponent', min: 0, max: 3, defaultValue: 1, group: 'overselling',
    label: { en: 'Clawback elasticity', es: 'Elasticidad de recuperación' },
    meaning: { en: 'How clawbacks curb mis-selling (δ), per unit of responsiveness.', es: 'Cuánto frenan las recuperaciones de comisión la mala venta (δ), por unidad de sensibilidad.' } }),
  spec({ key: 'misSoldFloor', scope: 'behaviour', unit: 'share', min: 0, max: 0.9, defaultValue: 0.01, group: 'overselling',
    label: { en: 'Mis-selling floor', es: 'Mínimo de mala venta' },
    meaning: { en: 'Share of new customers mis-sold whatever the clawback (honest mistakes); never above the baseline share.',
      es: 'Parte de clientes nuevos mal vendidos sea cual sea la recuperación de comisión (errores honestos); nunca por encima de la del plan base.' },
    source: { en: 'Judgement: a full clawback deters mis-selling but does not abolish it.', es: 'Criterio: una recuperación total disuade la mala venta pero no la elimina.' } }),
  spec({ key: 'misSoldChurn', scope: 'behaviour', unit: 'share', min: 0, max: 1, defaultValue: 0.55, group: 'overselling',
    label: { en: 'Mis-sold churn', es: 'Abandono de mal vendidos' },
    meaning: { en: 'Share of mis-sold customers who leave at their first renewal.', es: 'Parte de los clientes mal vendidos que se van en su primera renovación.' } }),
  spec({ key: 'misSoldContactUplift', scope: 'behaviour', unit: 'multiplier', min: 0, max: 5, defaultValue: 0.5, group: 'overselling',
    label: { en: 'Extra contacts when mis-sold', es: 'Contactos extra si mal vendido' },
    meaning: { en: 'Extra service contacts of a mis-sold customer before its first renewal (0.5 = 50 % more).',
      es: 'Contactos extra de un cliente mal vendido antes de su primera renovación (0,5 = 50 % más).' } }),
  spec({ key: 'promoterShare', scope: 'behaviour', unit: 'share', min: 0, max: 1, defaultValue: 0.3, group: 'wordOfMouth',
    label: { en: 'Promoter share', es: 'Proporción de promotores' },
    meaning: { en: 'Share of customers who promote you under the baseline plan.', es: 'Parte de los clientes que le recomiendan con el plan base.' } }),
  spec({ key: 'pDetractorIfUnresolved', scope: 'behaviour', unit: 'share', min: 0, max: 1, defaultValue: 0.15, group: 'wordOfMouth',
    label: { en: 'Detractors per unresolved contact', es: 'Detractores por contacto no resuelto' },
    meaning: { en: 'Chance an unresolved contact turns the customer into a detractor.', es: 'Probabilidad de que un contacto no resuelto convierta al cliente en detractor.' } }),
  spec({ key: 'womPositive', scope: 'behaviour', unit: 'multiplier', min: 0, max: 5, defaultValue: 0.3, group: 'wordOfMouth',
    label: { en: 'Positive word of mouth', es: 'Boca a boca positivo' },
    meaning: { en: 'Acquisition gain per point more promoters (ω⁺).', es: 'Aumento de captación por punto más de promotores (ω⁺).' },
    source: 'LSE (2005), Advocacy drives growth' }),
  spec({ key: 'womNegative', scope: 'behaviour', unit: 'multiplier', min: 0, max: 5, defaultValue: 0.9, group: 'wordOfMouth',
    label: { en: 'Negative word of mouth', es: 'Boca a boca negativo' },
    meaning: { en: 'Acquisition loss per point more detractors (ω⁻); larger than ω⁺.', es: 'Pérdida de captación por punto más de detractores (ω⁻); mayor que ω⁺.' },
    source: 'LSE (2005), Advocacy drives growth' }),
  spec({ key: 'attainmentCV', scope: 'behaviour', unit: 'share', min: 0, max: 2, defaultValue: 0.35, group: 'sales',
    label: { en: 'Spread of quota attainment', es: 'Dispersión del cumplimiento de cuota' },
    meaning: { en: 'Coefficient of variation of quota attainment across the people in a role (lognormal); used only by plans with roles.',
      es: 'Coeficiente de variación del cumplimiento de cuota entre las personas de un puesto (lognormal); solo lo usan los planes con puestos.' } }),
  spec({ key: 'adoptionHalfLife', scope: 'behaviour', unit: 'years', min: 0, max: 10, defaultValue: 0.5, group: 'timing',
    label: { en: 'Adoption half-life', es: 'Semivida de adopción' },
    meaning: { en: 'Years until behaviour has moved half way to the new plan.', es: 'Años hasta que el comportamiento recorre la mitad del camino hacia el nuevo plan.' } }),

  // ── Plan: what people are paid for ────────────────────────────────────────────────────────────
  spec({ key: 'commissionNew', scope: 'plan', unit: 'rate', min: 0, max: 1, defaultValue: 0.10,
    label: { en: 'Commission on new ARR', es: 'Comisión sobre ARR nuevo' },
    meaning: { en: 'Share of first-year ARR of a new customer paid as commission.', es: 'Parte del ARR del primer año de un cliente nuevo pagada como comisión.' },
    source: 'Published medians 8.5–10 %' }),
  spec({ key: 'commissionRenewal', scope: 'plan', unit: 'rate', min: 0, max: 1, defaultValue: 0.02,
    label: { en: 'Commission on renewed ARR', es: 'Comisión sobre ARR renovado' },
    meaning: { en: 'Share of renewed ARR paid as commission.', es: 'Parte del ARR renovado pagada como comisión.' },
    source: 'Published median 2 %' }),
  spec({ key: 'commissionExpansion', scope: 'plan', unit: 'rate', min: 0, max: 1, defaultValue: 0.08,
    label: { en: 'Commission on expansion ARR', es: 'Comisión sobre ARR de expansión' },
    meaning: { en: 'Share of expansion ARR paid as commission.', es: 'Parte del ARR de expansión pagada como comisión.' },
    source: 'Published median 8 %' }),
  spec({ key: 'clawback', scope: 'plan', unit: 'share', min: 0, max: 1, defaultValue: 0,
    label: { en: 'Clawback', es: 'Recuperación de comisión' },
    meaning: { en: 'Share of the new-ARR commission returned when the customer leaves at its first renewal.',
      es: 'Parte de la comisión de ARR nuevo que se devuelve si el cliente se va en su primera renovación.' } }),
  spec({ key: 'outcomeWeight', scope: 'plan', unit: 'share', min: 0, max: 1, defaultValue: 0.2,
    label: { en: 'Service outcome weight', es: 'Peso de resultados en soporte' },
    meaning: { en: 'Share of the service bonus paid on outcomes (resolved, saved, retained) rather than efficiency.',
      es: 'Parte del bono de soporte pagada por resultados (resuelto, rescatado, retenido) en lugar de eficiencia.' } }),
  spec({ key: 'serviceBonusPool', scope: 'plan', unit: 'currency', min: 0, max: 1_000_000_000, defaultValue: 300_000,
    label: { en: 'Service bonus pool', es: 'Bono de soporte' },
    meaning: { en: 'Service and customer-success bonus paid per year (all segments).', es: 'Bono anual de soporte y éxito de cliente (todos los segmentos).' } }),
  spec({ key: 'preventionBudget', scope: 'plan', unit: 'currency', min: 0, max: 1_000_000_000, defaultValue: 0,
    label: { en: 'Prevention budget', es: 'Presupuesto de prevención' },
    meaning: { en: 'Yearly spend on removing root causes of recurring issues (all segments).',
      es: 'Gasto anual en eliminar las causas de incidencias recurrentes (todos los segmentos).' } }),
  spec({ key: 'automationShare', scope: 'plan', unit: 'share', min: 0, max: 1, defaultValue: 0.15,
    label: { en: 'Automated contacts', es: 'Contactos automatizados' },
    meaning: { en: 'Share of contacts handled without a person (deflection).', es: 'Parte de los contactos atendidos sin persona (desvío).' } }),
  spec({ key: 'agentAssist', scope: 'plan', unit: 'share', min: 0, max: 1, defaultValue: 0,
    label: { en: 'Agent assist', es: 'Asistencia al agente' },
    meaning: { en: 'Share of the gap to full resolution that AI assistance closes for human agents.',
      es: 'Parte de la distancia a la resolución total que la asistencia de IA cierra para los agentes.' } }),
] as const;

export type AnySpec = (typeof CATALOGUE)[number];
export type KeyOf<S extends Scope> = Extract<AnySpec, { scope: S }>['key'];
export type AssumptionKey = AnySpec['key'];
export type ScenarioKey = KeyOf<'scenario'>;
export type SegmentKey = KeyOf<'segment'>;
export type BehaviourKey = KeyOf<'behaviour'>;
export type PlanKey = KeyOf<'plan'>;

export type ScenarioSettings = Record<ScenarioKey, number>;
export type SegmentValues = Record<SegmentKey, number>;
export type BehaviourValues = Record<BehaviourKey, number>;
/**
 * A plan's values. A plan with a quota layer also holds `<role>.<field>` and `<role>.<component>.<field>`
 * keys (numbers too, so the plan stays a flat record everywhere): read them with rolesOf (quota-plan.ts).
 */
export type PlanValues = Record<PlanKey, number>;

const byKey = new Map<string, AssumptionSpec>(CATALOGUE.map((s) => [s.key, s]));

export function findSpec(key: string): AssumptionSpec | undefined {
  return byKey.get(key);
}

const byScope = new Map<Scope, readonly AssumptionSpec[]>();
/** The catalogue rows of one scope, in catalogue order (one shared list per scope: validation reads it for every cell). */
export function specsOf(scope: Scope): readonly AssumptionSpec[] {
  let specs = byScope.get(scope);
  if (!specs) byScope.set(scope, (specs = CATALOGUE.filter((s) => s.scope === scope)));
  return specs;
}

export function defaultsOf<S extends Scope>(scope: S): Record<KeyOf<S>, number> {
  const out: Record<string, number> = {};
  for (const s of CATALOGUE) if (s.scope === scope) out[s.key] = s.defaultValue;
  // A copy by spread: V8 keeps an object filled key by key with some forty keys (the behaviour scope)
  // as a slow dictionary, and every projection reads hundreds of its values (a third of its time).
  return { ...out } as Record<KeyOf<S>, number>;
}

export const ALL_KEYS: readonly string[] = CATALOGUE.map((s) => s.key);
