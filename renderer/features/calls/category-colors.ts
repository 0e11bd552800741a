import type { CallCategory } from '../../../shared/calls/schemas';

export const CATEGORY_COLORS: Record<CallCategory, string> = {
  consultation: 'blue',
  query: 'cyan',
  registration: 'geekblue',
  complaint: 'red',
  suggestion: 'green',
};
