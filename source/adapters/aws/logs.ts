/**
 * LogsPort on the AWS SDK v3 (CloudWatch Logs). Errors become AwsError.
 *
 * FilterLogEvents is sent with `logStreamNamePrefix`; the page is also filtered by that prefix here and sorted by
 * time, so an endpoint that ignores the prefix or does not interleave (moto) gives the same answer as AWS.
 */
import type {CloudWatchLogsClient} from '@aws-sdk/client-cloudwatch-logs';
import {AwsError} from '../../errors.js';
import type {LogEvent, LogsPort} from '../../ports/logs.js';
import type {AwsClientFactory} from './client-factory.js';
import {describeAwsError} from './errors.js';

export async function createLogsPort(factory: AwsClientFactory): Promise<LogsPort> {
  const client: CloudWatchLogsClient = await factory.client('logs');
  const sdk = await import('@aws-sdk/client-cloudwatch-logs');
  const target = await factory.target('logs');

  async function call<T>(operation: string, send: () => Promise<T>): Promise<T> {
    try {
      return await send();
    } catch (error) {
      throw describeAwsError(error, {service: 'logs', operation, ...target});
    }
  }

  return {
    async logGroupExists(name) {
      // DescribeLogGroups matches by prefix: page until the exact name shows up (or the prefix runs out).
      let nextToken: string | undefined;
      do {
        const page = await call('DescribeLogGroups', () => client.send(new sdk.DescribeLogGroupsCommand({logGroupNamePrefix: name, nextToken})));
        if ((page.logGroups ?? []).some((group) => group.logGroupName === name)) return true;
        nextToken = page.nextToken === '' ? undefined : page.nextToken;
      } while (nextToken !== undefined);
      return false;
    },

    async createLogGroup(name) {
      try {
        await call('CreateLogGroup', () => client.send(new sdk.CreateLogGroupCommand({logGroupName: name})));
      } catch (error) {
        if (error instanceof AwsError && error.awsName === 'ResourceAlreadyExistsException') return;
        throw error;
      }
    },

    async tailStream(group, stream, limit) {
      const page = await call('GetLogEvents', () =>
        client.send(
          new sdk.GetLogEventsCommand({logGroupName: group, logStreamName: stream, limit: Math.max(1, Math.min(10_000, limit)), startFromHead: false}),
        ),
      );
      const events: LogEvent[] = (page.events ?? []).map((event) => ({timestamp: event.timestamp ?? 0, message: event.message ?? '', stream}));
      return byTime(events).slice(-limit);
    },

    async filterEvents(query) {
      const page = await call('FilterLogEvents', () =>
        client.send(
          new sdk.FilterLogEventsCommand({
            logGroupName: query.group,
            ...(query.streamPrefix === undefined || query.streamPrefix === '' ? {} : {logStreamNamePrefix: query.streamPrefix}),
            startTime: query.startTime,
            ...(query.endTime === undefined ? {} : {endTime: query.endTime}),
            ...(query.nextToken === undefined ? {} : {nextToken: query.nextToken}),
            ...(query.limit === undefined ? {} : {limit: query.limit}),
          }),
        ),
      );
      const prefix = query.streamPrefix ?? '';
      const events: LogEvent[] = (page.events ?? [])
        .filter((event) => (event.logStreamName ?? '').startsWith(prefix))
        .map((event) => ({
          timestamp: event.timestamp ?? 0,
          message: event.message ?? '',
          stream: event.logStreamName ?? '',
          ...(event.eventId === undefined ? {} : {id: event.eventId}),
        }));
      const nextToken = page.nextToken === undefined || page.nextToken === '' ? undefined : page.nextToken;
      return {events: byTime(events), ...(nextToken === undefined ? {} : {nextToken})};
    },
  };
}

/** Oldest first; the order within one millisecond is kept (a stream's own order). */
const byTime = (events: LogEvent[]): LogEvent[] =>
  events
    .map((event, index) => ({event, index}))
    .sort((a, b) => a.event.timestamp - b.event.timestamp || a.index - b.index)
    .map(({event}) => event);
