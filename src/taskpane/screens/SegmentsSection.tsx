import * as React from 'react';
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Button, makeStyles, tokens } from '@fluentui/react-components';
import { Add16Regular } from '@fluentui/react-icons';
import { specsOf } from '../../engine';
import { t } from '../../i18n';
import { AssumptionTable, type TableColumn } from '../components/AssumptionTable';
import { useStudio } from '../studio';
import { freshName } from '../state/draft';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: '8px' },
  hint: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, margin: 0 },
});

/** Customer segments as an editable table: one column each, add, rename, remove. */
export function SegmentsSection(): React.ReactElement {
  const styles = useStyles();
  const { lang, draft, dispatch } = useStudio();
  const specs = specsOf('segment');
  const main = specs.filter((s) => s.group !== 'churnCurve');
  const curve = specs.filter((s) => s.group === 'churnCurve');
  const columns: TableColumn[] = draft.segments.map((g) => ({
    prefix: `segment:${g.id}`,
    name: g.name,
    values: g.values,
    removeLabel: t(lang, 'removeSegment', { name: g.name }),
    onRemove: draft.segments.length > 1 ? () => dispatch({ type: 'removeSegment', id: g.id }) : undefined,
  }));
  return (
    <div className={styles.section}>
      <p className={styles.hint}>{t(lang, 'segmentsHint')}</p>
      <AssumptionTable caption={t(lang, 'segments')} specs={main} columns={columns} nameLabel={t(lang, 'segmentName')} testId="segments-table" />
      <div>
        <Button size="small" icon={<Add16Regular />}
          onClick={() => dispatch({ type: 'addSegment', name: freshName(draft.segments.map((g) => g.name), lang, 'newSegmentName') })}>
          {t(lang, 'addSegment')}
        </Button>
      </div>
      {curve.length > 0 && (
        <Accordion collapsible>
          <AccordionItem value="curve">
            <AccordionHeader as="h3" size="small">{t(lang, 'retentionCurve')}</AccordionHeader>
            <AccordionPanel>
              <AssumptionTable caption={t(lang, 'retentionCurve')} specs={curve} columns={columns.map((c) => ({ ...c, renamable: false, onRemove: undefined }))}
                nameLabel={t(lang, 'segmentName')} />
            </AccordionPanel>
          </AccordionItem>
        </Accordion>
      )}
    </div>
  );
}
