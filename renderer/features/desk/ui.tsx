import { defineUi } from '../../app/ui-domain';
import { DeskInfoPage } from './DeskInfoPage';

export const deskUi = defineUi({
  areas: [{ key: 'desk', group: 'manage', label: 'nav.desk', method: 'desk.info', render: () => <DeskInfoPage /> }],
});
