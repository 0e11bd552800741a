import type { MethodInput, MethodName } from '../../../../shared/api/table';
import type { Fixture } from '../fixture';

/**
 * One valid call of a method, as a domain declares it for the generated suites: who may make it, and how to
 * bring a demo center to a state where it succeeds (earlier steps through the same dispatch). The method ×
 * role matrix, the fuzzing seeds and the undo/version property all start from these.
 */
export interface Example<M extends MethodName> {
  as: string;
  input(fx: Fixture): Promise<MethodInput<M>>;
}

export function example<M extends MethodName>(as: string, input: (fx: Fixture) => Promise<MethodInput<M>> | MethodInput<M>): Example<M> {
  return { as, input: async (fx) => input(fx) };
}
