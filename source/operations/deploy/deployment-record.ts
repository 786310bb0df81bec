/**
 * ECS's own record of OUR deployment, read for the watch (ListServiceDeployments, DescribeServiceDeployments,
 * DescribeServiceRevisions): the source of truth for its outcome where the endpoint keeps records.
 *
 * Which record is ours: the service deployment our CreateService/UpdateService produced (its ARN), checked to roll out
 * our task definition; without an ARN, the newest record created since our deployment was asked for (`since`, with a
 * minute's slack for clocks) whose target revision runs our task definition. Neither known: records are not asked.
 *
 * Where the endpoint does not implement the API (moto: AwsError kind `unsupported`) or the caller may not use it
 * (`access-denied`), the records are "not available" for the rest of the watch, said once; DescribeServices decides.
 * Other errors are thrown, for the watch's poll to handle (back-off on throttling, warnings).
 */
import type {ServiceDeploymentEvent} from '../../domain/deploy/events.js';
import type {JudgedRecord} from '../../domain/deploy/verdict.js';
import type {EcsPort, EcsServiceDeployment} from '../../ports/ecs.js';

/** Clocks differ: a record created up to this long before `since` may still be ours. */
export const SINCE_SLACK_MS = 60_000;

/** How the watch makes a call (rate-limited, counted, abortable). */
export type Call = <T>(run: () => Promise<T>) => Promise<T>;

export interface DeploymentRecordOptions {
  ecs: EcsPort;
  cluster: string;
  service: string;
  taskDefinitionArn: string;
  /** Our service deployment, as CreateService/UpdateService (or the service's currentServiceDeployment) named it. */
  serviceDeploymentArn?: string;
  /** When our deployment was asked for (ms since the epoch). */
  since?: number;
}

export type RecordRead =
  /** The records cannot be had here: say so once (`message`), then judge from DescribeServices. */
  | {kind: 'unavailable'; message: string}
  /** Our record, as last read; `changed` when it differs from the read before. */
  | {kind: 'record'; record: EcsServiceDeployment; judged: JudgedRecord; event: Omit<ServiceDeploymentEvent, 'at'>; changed: boolean}
  /** Not asked, or ours not found (yet). */
  | {kind: 'none'};

const isAwsKind = (error: unknown, kind: string): boolean => typeof error === 'object' && error !== null && (error as {kind?: unknown}).kind === kind;
const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** The fields whose change is worth an event (not the task counts, which move on every poll). */
const eventKey = (event: Omit<ServiceDeploymentEvent, 'at'>): string =>
  JSON.stringify([event.status, event.statusReason, event.lifecycleStage, event.rollback, event.circuitBreaker?.status, event.alarms]);

export class DeploymentRecords {
  /** undefined: not asked yet. */
  private available: boolean | undefined;
  private arn: string | undefined;
  private readonly since: number | undefined;
  /** Service revision ARN → task definition. */
  private readonly revisions = new Map<string, string>();
  private last: Extract<RecordRead, {kind: 'record'}> | undefined;
  private lastKey = '';
  private lastSearchAt = -Infinity;

  constructor(private readonly options: DeploymentRecordOptions) {
    this.arn = options.serviceDeploymentArn;
    this.since = options.since;
  }

  /** Whether there is anything to ask ECS for (an ARN, or a time to search from) and the endpoint answers. */
  get wanted(): boolean {
    return this.available !== false && (this.arn !== undefined || this.since !== undefined);
  }

  /** The last record read (kept while the next read is skipped). */
  get current(): Extract<RecordRead, {kind: 'record'}> | undefined {
    return this.last;
  }

  /**
   * Reads our record (finding it first when its ARN is not known: at most every `searchEveryMs`). Throws what the port
   * throws, except `unsupported` and `access-denied`, which make the records unavailable.
   */
  async read(call: Call, now: number, searchEveryMs: number): Promise<RecordRead> {
    if (!this.wanted) return {kind: 'none'};
    try {
      if (this.arn === undefined) {
        if (now - this.lastSearchAt < searchEveryMs) return {kind: 'none'};
        this.lastSearchAt = now;
        this.arn = await this.find(call);
        if (this.arn === undefined) {
          this.available = true;
          return {kind: 'none'};
        }
      }
      const arn = this.arn;
      const [record] = await call(() => this.options.ecs.describeServiceDeployments([arn]));
      this.available = true;
      if (record === undefined) return {kind: 'none'};
      await this.resolve(call, [record.targetServiceRevision?.arn, record.rollback?.serviceRevisionArn]);
      const target = this.revisionOf(record.targetServiceRevision?.arn);
      if (target !== undefined && target !== this.options.taskDefinitionArn) {
        // Not ours (the service's current deployment rolls out another revision): look for ours by time instead.
        this.arn = undefined;
        return this.since === undefined ? {kind: 'none'} : this.read(call, now, searchEveryMs);
      }
      const event = this.eventOf(record);
      const key = eventKey(event);
      const changed = key !== this.lastKey;
      this.lastKey = key;
      this.last = {kind: 'record', record, judged: this.judged(record), event, changed};
      return this.last;
    } catch (error) {
      if (isAwsKind(error, 'unsupported')) return this.unavailable(`ECS service deployment records are not available here (${messageOf(error)})`);
      if (isAwsKind(error, 'access-denied'))
        return this.unavailable(`ECS service deployment records may not be read with these credentials (${messageOf(error)})`);
      throw error;
    }
  }

  private unavailable(why: string): RecordRead {
    this.available = false;
    return {kind: 'unavailable', message: `${why}; judging from DescribeServices`};
  }

  /** The newest record since `since` whose target revision runs our task definition. */
  private async find(call: Call): Promise<string | undefined> {
    if (this.since === undefined) return undefined;
    const {ecs, cluster, service} = this.options;
    const createdAfter = new Date(this.since - SINCE_SLACK_MS).toISOString();
    const briefs = await call(() => ecs.listServiceDeployments({cluster, service, createdAfter}));
    const newestFirst = [...briefs].sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? ''));
    await this.resolve(
      call,
      newestFirst.map((brief) => brief.targetServiceRevisionArn),
    );
    return newestFirst.find((brief) => this.revisionOf(brief.targetServiceRevisionArn) === this.options.taskDefinitionArn)?.arn;
  }

  /** DescribeServiceRevisions of the revisions not resolved yet. */
  private async resolve(call: Call, arns: Array<string | undefined>): Promise<void> {
    const unknown = [...new Set(arns.filter((arn): arn is string => arn !== undefined && arn !== '' && !this.revisions.has(arn)))];
    if (unknown.length === 0) return;
    const found = await call(() => this.options.ecs.describeServiceRevisions(unknown));
    for (const revision of found) this.revisions.set(revision.arn, revision.taskDefinition);
  }

  private revisionOf(arn: string | undefined): string | undefined {
    return arn === undefined ? undefined : this.revisions.get(arn);
  }

  private judged(record: EcsServiceDeployment): JudgedRecord {
    const rollbackTaskDefinition = this.revisionOf(record.rollback?.serviceRevisionArn);
    const triggered = record.circuitBreaker?.status === 'TRIGGERED' || record.alarms?.status === 'TRIGGERED';
    return {
      arn: record.arn,
      status: record.status,
      ...(record.statusReason === undefined ? {} : {statusReason: record.statusReason}),
      ...(record.rollback?.reason === undefined ? {} : {rollbackReason: record.rollback.reason}),
      ...(rollbackTaskDefinition === undefined ? {} : {rollbackTaskDefinition}),
      ...(triggered ? {triggered} : {}),
      ...(record.targetServiceRevision?.requestedTaskCount === undefined ? {} : {requestedTaskCount: record.targetServiceRevision.requestedTaskCount}),
      ...(record.targetServiceRevision?.runningTaskCount === undefined ? {} : {runningTaskCount: record.targetServiceRevision.runningTaskCount}),
    };
  }

  private eventOf(record: EcsServiceDeployment): Omit<ServiceDeploymentEvent, 'at'> {
    const taskDefinition = this.revisionOf(record.targetServiceRevision?.arn);
    const rollbackTo = this.revisionOf(record.rollback?.serviceRevisionArn);
    const triggered = record.alarms?.triggeredAlarmNames ?? [];
    return {
      type: 'service-deployment',
      arn: record.arn,
      status: record.status,
      ...(record.statusReason === undefined ? {} : {statusReason: record.statusReason}),
      ...(record.lifecycleStage === undefined ? {} : {lifecycleStage: record.lifecycleStage}),
      ...(taskDefinition === undefined ? {} : {taskDefinition}),
      ...(record.rollback === undefined
        ? {}
        : {
            rollback: {
              ...(record.rollback.reason === undefined ? {} : {reason: record.rollback.reason}),
              ...(rollbackTo === undefined ? {} : {taskDefinition: rollbackTo}),
            },
          }),
      ...(record.circuitBreaker === undefined ? {} : {circuitBreaker: {...record.circuitBreaker}}),
      ...(record.alarms?.status === undefined ? {} : {alarms: {status: record.alarms.status, ...(triggered.length === 0 ? {} : {triggered})}}),
    };
  }
}

/**
 * The service's current deployment by ECS's own records — what `watch` follows when the profile has no run of its own
 * in flight: the one DescribeServices names (`named`, its currentServiceDeployment), else the newest listed; with the
 * task definition it rolls out. So a rollback that already ended is still that rolled-back deployment, not the
 * previous revision's steady state. undefined where the records cannot be had or name none.
 */
export async function currentDeployment(
  ecs: EcsPort,
  where: {cluster: string; service: string; named?: string},
): Promise<{arn: string; taskDefinition: string} | undefined> {
  try {
    let arn = where.named;
    let revision: string | undefined;
    if (arn === undefined) {
      const briefs = await ecs.listServiceDeployments({cluster: where.cluster, service: where.service});
      const newest = [...briefs].sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? ''))[0];
      arn = newest?.arn;
      revision = newest?.targetServiceRevisionArn;
    } else {
      const [record] = await ecs.describeServiceDeployments([arn]);
      revision = record?.targetServiceRevision?.arn;
    }
    if (arn === undefined || revision === undefined) return undefined;
    const target = revision;
    const [found] = await ecs.describeServiceRevisions([target]);
    return found === undefined || found.taskDefinition === '' ? undefined : {arn, taskDefinition: found.taskDefinition};
  } catch {
    // Not available (the watch says so), or failing now (the watch's polls meet it again): follow the PRIMARY.
    return undefined;
  }
}
