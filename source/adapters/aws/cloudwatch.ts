/** AlarmsPort on the AWS SDK v3 (CloudWatch DescribeAlarms, metric and composite alarms, every page). Errors become AwsError. */
import type {CloudWatchClient, DescribeAlarmsCommandInput} from '@aws-sdk/client-cloudwatch';
import type {Alarm, AlarmsPort} from '../../ports/alarms.js';
import type {AwsClientFactory} from './client-factory.js';
import {describeAwsError} from './errors.js';

/** DescribeAlarms takes at most 100 names at a time. */
const NAMES_PER_CALL = 100;

export async function createAlarmsPort(factory: AwsClientFactory): Promise<AlarmsPort> {
  const client: CloudWatchClient = await factory.client('cloudwatch');
  const sdk = await import('@aws-sdk/client-cloudwatch');
  const target = await factory.target('cloudwatch');

  async function describe(input: DescribeAlarmsCommandInput): Promise<Alarm[]> {
    const alarms: Alarm[] = [];
    let NextToken: string | undefined;
    do {
      let page;
      try {
        page = await client.send(new sdk.DescribeAlarmsCommand({...input, AlarmTypes: ['MetricAlarm', 'CompositeAlarm'], NextToken}));
      } catch (error) {
        throw describeAwsError(error, {service: 'cloudwatch', operation: 'DescribeAlarms', ...target});
      }
      for (const alarm of page.MetricAlarms ?? [])
        alarms.push({
          name: alarm.AlarmName ?? '',
          ...(alarm.AlarmArn === undefined ? {} : {arn: alarm.AlarmArn}),
          ...(alarm.StateValue === undefined ? {} : {state: alarm.StateValue}),
          ...(alarm.MetricName === undefined ? {} : {metricName: alarm.MetricName}),
          ...(alarm.Namespace === undefined ? {} : {namespace: alarm.Namespace}),
        });
      for (const alarm of page.CompositeAlarms ?? [])
        alarms.push({
          name: alarm.AlarmName ?? '',
          ...(alarm.AlarmArn === undefined ? {} : {arn: alarm.AlarmArn}),
          ...(alarm.StateValue === undefined ? {} : {state: alarm.StateValue}),
        });
      NextToken = page.NextToken === '' ? undefined : page.NextToken;
    } while (NextToken !== undefined);
    return alarms;
  }

  return {
    region: target.region,
    listAlarms: async () => (await describe({})).sort((a, b) => a.name.localeCompare(b.name)),
    async getAlarms(names) {
      const alarms: Alarm[] = [];
      for (let start = 0; start < names.length; start += NAMES_PER_CALL)
        alarms.push(...(await describe({AlarmNames: names.slice(start, start + NAMES_PER_CALL)})));
      return alarms;
    },
  };
}
