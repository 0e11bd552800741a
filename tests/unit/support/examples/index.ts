import type { MethodName, MethodsOfKind } from '../../../../shared/api/table';
import type { Example } from './example';
import { callExamples } from './calls';
import { customerExamples } from './customers';
import { workOrderExamples } from './workorders';
import { orgExamples } from './org';
import { policyExamples } from './policy';
import { rosterExamples } from './roster';
import { swapExamples } from './swap';
import { leaveExamples } from './leave';
import { syncExamples } from './sync';
import { auditExamples } from './audit';
import { handoverExamples } from './handover';
import { escalationExamples } from './escalation';
import { answerExamples } from './answers';
import { briefingExamples } from './briefing';
import { reportExamples } from './reports';
import { qaExamples } from './qa';
import { evaluationExamples } from './evaluation';
import { recordingExamples } from './recordings';

/** Every method the suites call with a valid input: session methods are driven by the fixture itself. */
export type ExampledMethod = Exclude<MethodName, MethodsOfKind<'session'>>;

/**
 * One example per method, composed from the domains' own files. The type makes it complete: a method added
 * to the table without an example fails the typecheck, so a new domain joins every generated suite by
 * declaring its examples here, not by copying a test.
 */
export const EXAMPLES: { readonly [M in ExampledMethod]: Example<M> } = {
  ...callExamples,
  ...customerExamples,
  ...workOrderExamples,
  ...orgExamples,
  ...policyExamples,
  ...rosterExamples,
  ...swapExamples,
  ...leaveExamples,
  ...syncExamples,
  ...auditExamples,
  ...handoverExamples,
  ...escalationExamples,
  ...answerExamples,
  ...briefingExamples,
  ...reportExamples,
  ...qaExamples,
  ...evaluationExamples,
  ...recordingExamples,
};

export type { Example };
