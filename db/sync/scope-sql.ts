import type { ExpressionBuilder, SelectQueryBuilder } from 'kysely';
import type { RowScope } from '../../shared/sync/scope';

/**
 * A RowScope as a WHERE clause, for the server's pull and for every list query on either side: the one
 * place a scope becomes SQL. `table` qualifies the columns when the query joins others.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- generic over every table's query builder
export function whereInScope<Q extends SelectQueryBuilder<any, any, any>>(qb: Q, scope: RowScope, table?: string): Q {
  const col = (c: string) => (table ? `${table}.${c}` : c);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const where = (f: (eb: ExpressionBuilder<any, any>) => any) => qb.where(f) as Q;
  switch (scope.kind) {
    case 'all':
      return qb;
    case 'none':
      return where((eb) => eb(eb.val(1), '=', 0));
    case 'eq':
      return where((eb) => eb(col(scope.column), '=', scope.value));
    case 'anyOf':
      return where((eb) => eb.or(scope.columns.map((c) => eb(col(c), '=', scope.value))));
  }
}
