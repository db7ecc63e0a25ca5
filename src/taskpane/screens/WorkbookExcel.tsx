import * as React from 'react';
import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { t } from '../../i18n';
import { insertComparison } from '../../office/comparison';
import { readScenario } from '../../office/read-scenario';
import { workbookScenarios } from '../../office/saved-scenarios';
import { insertModel } from '../../office/workbook';
import { WorkbookPanel, type WorkbookActions } from '../workbook';
import { useStudio } from '../studio';

/**
 * The workbook panel wired to the Office adapters (its header comment). It works on the scenario the
 * results are for (budget-neutral plans scaled), so the sheets show the numbers the pane shows.
 */
export default function WorkbookExcel(): React.ReactElement {
  const { lang, computed, loadScenario } = useStudio();
  const actions = React.useMemo((): WorkbookActions | Error => {
    try {
      return {
        // Live-sheet formulas get the function names of the pane's language (insertModel's default).
        insertModel: (s) => insertModel(s, { lang }),
        readFromSelection: () => readScenario({ kind: 'selection' }, lang),
        readScenario: (source) => readScenario(source, lang),
        saved: workbookScenarios(lang),
        insertComparison: (rows) => insertComparison(rows, { lang }),
      };
    } catch (e) {
      return e instanceof Error ? e : new Error(String(e));
    }
  }, [lang]);
  if (actions instanceof Error) {
    return <MessageBar intent="error"><MessageBarBody>{t(lang, 'workbookLoadFailed', { error: actions.message })}</MessageBarBody></MessageBar>;
  }
  if (!computed) return <MessageBar intent="info"><MessageBarBody>{t(lang, 'staleResults')}</MessageBarBody></MessageBar>;
  return <WorkbookPanel lang={lang} scenario={computed.scenario} onScenario={loadScenario} actions={actions} />;
}
