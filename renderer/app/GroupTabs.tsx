import { Badge, Button } from 'antd';
import { useT } from '../i18n/i18n-store';
import type { Area, AreaGroup } from './areas';
import { useNav } from './nav-store';

/**
 * The menu groups as tabs in the header. Each carries the sum of its areas' badges, so something waiting in
 * another group is still in sight, and lists its areas in `data-areas` (tests open an area through its group).
 */
export function GroupTabs(p: { groups: readonly AreaGroup[]; current: AreaGroup | undefined; areas: readonly Area[]; counts: Partial<Record<string, number>>; show: (area: string) => void }) {
  const t = useT();
  const visited = useNav((s) => s.visited);
  return (
    <nav data-testid="nav-groups" aria-label={t('nav.groups')} style={{ display: 'flex', gap: 4, alignItems: 'center', whiteSpace: 'nowrap' }}>
      {p.groups.map((g) => {
        const inGroup = p.areas.filter((a) => a.group === g);
        const waiting = inGroup.reduce((n, a) => n + (p.counts[a.key] ?? 0), 0);
        const target = visited.find((v) => inGroup.some((a) => a.key === v)) ?? inGroup[0]!.key;
        return (
          <Button
            key={g}
            type={g === p.current ? 'primary' : 'text'}
            data-group={g}
            data-areas={inGroup.map((a) => a.key).join(' ')}
            aria-current={g === p.current ? 'page' : undefined}
            onClick={() => p.show(target)}
          >
            <Badge count={waiting} size="small" offset={[8, -2]} data-testid={`group-${g}-count`}>
              <span style={{ color: 'inherit' }}>{t(`nav.group.${g}`)}</span>
            </Badge>
          </Button>
        );
      })}
    </nav>
  );
}
