/**
 * What a renderer hands a deploy-like stream (deploy, rollback): a hook that shows the review (the plan and the
 * checks) and, when a person can answer, the confirmation asked before anything changes.
 */
import type {RollbackTarget} from './rollback.js';
import type {DeployReview} from './run.js';

/** A question the stream asks before it changes anything. */
export type Confirmation = {kind: 'deploy'; review: DeployReview} | {kind: 'rollback'; target: RollbackTarget & {serviceName: string}};

export interface StreamHooks {
  /** Set only when a person can answer (a terminal, no --yes). */
  confirm?: (question: Confirmation) => Promise<boolean>;
  /** The plan and checks, before the confirmation (and with --yes). */
  onReview?: (review: DeployReview) => void;
}

/** The hooks as a deploy request takes them. */
export function deployHooks(hooks: StreamHooks): {onReview?: (review: DeployReview) => void; confirm?: (review: DeployReview) => Promise<boolean>} {
  return {
    ...(hooks.onReview === undefined ? {} : {onReview: hooks.onReview}),
    ...(hooks.confirm === undefined ? {} : {confirm: (review: DeployReview) => hooks.confirm!({kind: 'deploy', review})}),
  };
}

/** The hooks as a rollback request takes them. */
export function rollbackHooks(hooks: StreamHooks): {confirm?: (target: RollbackTarget & {serviceName: string}) => Promise<boolean>} {
  return hooks.confirm === undefined ? {} : {confirm: (target) => hooks.confirm!({kind: 'rollback', target})};
}
