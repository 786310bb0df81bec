/**
 * CloudWatch metric alarms, as a deployment's rollback alarms (deploymentConfiguration.alarms) need them.
 * Implemented by adapters/aws/cloudwatch.ts. Errors: AwsError.
 */
export interface Alarm {
  name: string;
  arn?: string;
  /** OK, ALARM, INSUFFICIENT_DATA. */
  state?: string;
  metricName?: string;
  namespace?: string;
}

export interface AlarmsPort {
  readonly region: string;
  /** Every metric alarm (every page), by name. */
  listAlarms(): Promise<Alarm[]>;
  /** The alarms of these names that exist (missing names are left out). */
  getAlarms(names: readonly string[]): Promise<Alarm[]>;
}
