/** Reading a rendered task definition for the pre-flight checks: its containers, secrets, log groups and images. */
import {isJsonObject, type JsonObject, type JsonValue} from '../../domain/json.js';

export const str = (value: JsonValue | undefined): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

export function containers(task: JsonObject): JsonObject[] {
  const items = task['containerDefinitions'];
  return Array.isArray(items) ? items.filter(isJsonObject) : [];
}

/** A Secrets Manager ARN as referenced by `valueFrom` (`…:secret:name-AbCdEf:json-key:stage:version`) → the secret's ARN. */
export function secretArnOf(reference: string): string {
  const parts = reference.split(':');
  return parts.length > 7 ? parts.slice(0, 7).join(':') : reference;
}

/** Secrets Manager references of the task: registry credentials and container secrets, by ARN. */
export function secretReferences(task: JsonObject): Array<{arn: string; kind: 'registry-credentials' | 'container-secret'; container: string; name?: string}> {
  const found: Array<{arn: string; kind: 'registry-credentials' | 'container-secret'; container: string; name?: string}> = [];
  for (const container of containers(task)) {
    const containerName = str(container['name']) ?? '?';
    const credentials = container['repositoryCredentials'];
    const parameter = isJsonObject(credentials) ? str(credentials['credentialsParameter']) : undefined;
    if (parameter !== undefined) found.push({arn: parameter, kind: 'registry-credentials', container: containerName});
    const secrets = Array.isArray(container['secrets']) ? container['secrets'].filter(isJsonObject) : [];
    for (const secret of secrets) {
      const valueFrom = str(secret['valueFrom']);
      if (valueFrom !== undefined && /^arn:aws[a-z-]*:secretsmanager:/.test(valueFrom)) {
        found.push({arn: secretArnOf(valueFrom), kind: 'container-secret', container: containerName, name: str(secret['name'])});
      }
    }
  }
  const seen = new Set<string>();
  return found.filter((item) => (seen.has(`${item.kind} ${item.arn}`) ? false : (seen.add(`${item.kind} ${item.arn}`), true)));
}

/** An awslogs log group of the task (the first container that writes to it names it). */
export interface AwslogsGroup {
  group: string;
  region: string;
  createGroup: boolean;
  container: string;
  /** `awslogs-stream-prefix`: streams are named PREFIX/CONTAINER/TASK_ID. */
  streamPrefix?: string;
}

export function awslogsGroups(task: JsonObject, defaultRegion: string): AwslogsGroup[] {
  const groups: AwslogsGroup[] = [];
  for (const container of containers(task)) {
    const configuration = container['logConfiguration'];
    if (!isJsonObject(configuration) || configuration['logDriver'] !== 'awslogs') continue;
    const options = isJsonObject(configuration['options']) ? configuration['options'] : {};
    const group = str(options['awslogs-group']);
    if (group === undefined) continue;
    if (groups.some((item) => item.group === group)) continue;
    groups.push({
      group,
      region: str(options['awslogs-region']) ?? defaultRegion,
      createGroup: options['awslogs-create-group'] === 'true',
      container: str(container['name']) ?? '?',
      ...(str(options['awslogs-stream-prefix']) === undefined ? {} : {streamPrefix: str(options['awslogs-stream-prefix'])!}),
    });
  }
  return groups;
}

/** An ECR repository the task's containers pull from. */
export interface EcrRepositoryReference {
  /** `arn:aws:ecr:REGION:ACCOUNT:repository/NAME`. */
  arn: string;
  name: string;
  /** The containers whose image is in it. */
  containers: string[];
}

const ECR_IMAGE = /^(\d{12})\.dkr\.ecr(?:-fips)?\.([a-z0-9-]+)\.amazonaws\.com(\.cn)?\/([^:@]+)/;

/** The ECR repositories of the containers' images (`ACCOUNT.dkr.ecr.REGION.amazonaws.com/NAME:TAG`), once each. */
export function ecrRepositories(task: JsonObject): EcrRepositoryReference[] {
  const found = new Map<string, EcrRepositoryReference>();
  for (const container of containers(task)) {
    const match = ECR_IMAGE.exec(str(container['image']) ?? '');
    if (match === null) continue;
    const [, account, region, china, name] = match as unknown as [string, string, string, string | undefined, string];
    const arn = `arn:${china === undefined ? 'aws' : 'aws-cn'}:ecr:${region}:${account}:repository/${name}`;
    const entry = found.get(arn) ?? {arn, name, containers: []};
    entry.containers.push(str(container['name']) ?? '?');
    found.set(arn, entry);
  }
  return [...found.values()];
}
