/**
 * How a renderer steers a run that watches a deployment: the deploy screen's keys act through a DeployControl
 * (`d` / Ctrl-C detach: the watch makes a final poll and ends, the deployment goes on; `r` roll back now: the service
 * goes back to the revision it ran before), and the watch's limits.
 */
import {taskDefinitionLabel} from '../../domain/aws-names.js';
import type {EcsPort} from '../../ports/ecs.js';
import {rollBackService} from './service.js';

/** The service `r` rolls back: set by the run once it was created or updated (or found, for `watch`). */
export interface ControlledService {
  ecs: EcsPort;
  cluster: string;
  serviceName: string;
  previousTaskDefinitionArn?: string;
}

/** The deploy screen's keys: `d` / Ctrl-C detach, `r` roll back now. */
export class DeployControl {
  private readonly controller = new AbortController();
  private target: ControlledService | undefined;
  private rolling = false;
  private stopping = false;

  /** Aborted on detach: the watch makes a final poll and ends with `detached`. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  detach(): void {
    this.controller.abort();
  }

  /** Set by the deploy once the service was created or updated. */
  arm(target: ControlledService): void {
    this.target = target;
  }

  /** Why `r` cannot roll back now (undefined when it can). */
  get rollbackUnavailable(): string | undefined {
    if (this.target === undefined) return 'nothing was deployed yet';
    if (this.target.previousTaskDefinitionArn === undefined) return 'the service is new: there is no earlier revision to go back to';
    if (this.rolling) return 'already rolling back';
    return undefined;
  }

  /** Why `r`/`a` cannot ask ECS to stop our service deployment (`arn`, from ECS's record of it) now; undefined when they can. */
  stopUnavailable(arn: string | undefined): string | undefined {
    if (this.target === undefined) return 'nothing was deployed yet';
    if (arn === undefined || arn === '') return 'ECS keeps no record of this deployment here (StopServiceDeployment needs it)';
    if (this.stopping) return 'already asked';
    return undefined;
  }

  /**
   * StopServiceDeployment of our deployment (ROLLBACK: production traffic back to the revision before; ABORT): returns
   * what ECS answered, in words. An endpoint without the API (moto) says so; nothing was stopped then.
   */
  async stopDeployment(arn: string, stopType: 'ROLLBACK' | 'ABORT'): Promise<string> {
    const why = this.stopUnavailable(arn);
    if (why !== undefined) throw new Error(why);
    this.stopping = true;
    try {
      const answer = await this.target!.ecs.stopServiceDeployment(arn, stopType);
      const id = answer.arn.slice(answer.arn.lastIndexOf('/') + 1);
      return `ECS accepted StopServiceDeployment ${stopType} for service deployment ${id}; watching what it does.`;
    } catch (error) {
      this.stopping = false;
      if (typeof error === 'object' && error !== null && (error as {kind?: unknown}).kind === 'unsupported')
        throw new Error(`this ECS endpoint does not implement StopServiceDeployment (${(error as Error).message}); nothing was stopped`);
      throw error;
    }
  }

  /** Updates the service to the revision it ran before; the watch then sees the rollback. Returns what was done. */
  async rollBack(): Promise<string> {
    const why = this.rollbackUnavailable;
    if (why !== undefined) throw new Error(why);
    const target = this.target!;
    this.rolling = true;
    try {
      await rollBackService(target.ecs, {cluster: target.cluster, serviceName: target.serviceName, taskDefinitionArn: target.previousTaskDefinitionArn!});
    } catch (error) {
      this.rolling = false;
      throw error;
    }
    return `rolling back: service ${target.serviceName} is going back to ${taskDefinitionLabel(target.previousTaskDefinitionArn!)}`;
  }
}

/** The limits and keys of a run that watches (rollback, watch). */
export interface WatchRunOptions {
  timeoutMs: number;
  noProgressTimeoutMs: number;
  /** The screen's keys: detach (its signal ends the watch), roll back now. */
  control?: DeployControl;
  simulated?: boolean;
}
