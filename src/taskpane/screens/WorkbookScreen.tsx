import * as React from 'react';
import { MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import { t } from '../../i18n';
import { useStudio } from '../studio';

// The workbook actions and their Office adapters load only inside Excel (their own chunk).
const WorkbookExcel = React.lazy(() => import(/* webpackChunkName: "workbook-excel" */ './WorkbookExcel'));

/** Inside Excel: the workbook actions. In preview: a note saying they need Excel. */
export default function WorkbookScreen(): React.ReactElement {
  const { lang, host } = useStudio();
  if (host.kind !== 'excel') {
    return (
      <MessageBar intent="info" data-testid="preview-workbook-note">
        <MessageBarBody>{t(lang, 'previewNote')}</MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <React.Suspense fallback={<Spinner label={t(lang, 'loading')} />}>
      <WorkbookExcel />
    </React.Suspense>
  );
}
