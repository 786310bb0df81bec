/**
 * The one table of what each Copilot manifest field becomes in ecs-wizard (readme.md, "Coming from Copilot",
 * prints the same table). A field is mapped, waits for a counterpart that ecs-wizard does not have yet (`wire`
 * names the feature that will take it: the place to connect it later), or has none. The migration walks every
 * key of every manifest through `classify`: nothing is dropped without a line in the report.
 */

/** mapped: becomes part of the profile; later: listed until its counterpart lands (see `wire`); unmapped: listed, no counterpart planned. */
export type MappingStatus = 'mapped' | 'later' | 'unmapped';

/** The ecs-wizard feature a `later` field waits for. */
export type Wire = 'capacity-providers' | 'load-balancer' | 'service-connect' | 'queue';

export interface MappingRow {
  /** The manifest field, dotted: `count.range`; `*` matches any one key (an environment name). */
  field: string;
  /** Which manifests have it. */
  manifest: 'service' | 'environment' | 'workspace';
  status: MappingStatus;
  /** What it becomes (or why not). */
  target: string;
  wire?: Wire;
  /** May appear under `environments.<env>` of a service manifest and is then mapped per environment. */
  perEnvironment?: boolean;
}

export const COPILOT_MAPPING: readonly MappingRow[] = [
  {field: 'application', manifest: 'workspace', status: 'mapped', target: "the profiles' application"},
  {field: 'name', manifest: 'service', status: 'mapped', target: 'the service name; the profile is `<app>-<name>`'},
  {
    field: 'type',
    manifest: 'service',
    status: 'mapped',
    target:
      'Load Balanced Web Service, Backend Service, Worker Service → a REPLICA service on Fargate; Scheduled Job, Request-Driven Web Service → not an ECS service: no profile',
  },
  {field: 'image.location', manifest: 'service', status: 'mapped', target: 'the artifact: registry, image and tag', perEnvironment: false},
  {
    field: 'image.build',
    manifest: 'service',
    status: 'mapped',
    target: 'the artifact: the ECR repository Copilot pushed to (`<app>/<name>`); the tag is asked at deploy',
  },
  {field: 'image.context', manifest: 'service', status: 'mapped', target: 'as image.build'},
  {field: 'image.port', manifest: 'service', status: 'mapped', target: 'the container port mapping (tcp)'},
  {field: 'image.healthcheck', manifest: 'service', status: 'mapped', target: 'the container healthCheck (command, interval, retries, timeout, startPeriod)'},
  {field: 'image.labels', manifest: 'service', status: 'mapped', target: 'the container dockerLabels'},
  {field: 'image.depends_on', manifest: 'service', status: 'unmapped', target: 'container dependencies need the sidecars, which are not mapped'},
  {field: 'image.credentials', manifest: 'service', status: 'unmapped', target: 'private registry credentials: set them with init --credentials-secret'},
  {field: 'cpu', manifest: 'service', status: 'mapped', target: 'the task cpu', perEnvironment: true},
  {field: 'memory', manifest: 'service', status: 'mapped', target: 'the task memory', perEnvironment: true},
  {field: 'platform', manifest: 'service', status: 'mapped', target: 'runtimePlatform (linux/arm64 → LINUX / ARM64)'},
  {field: 'count', manifest: 'service', status: 'mapped', target: 'desiredCount (a number)', perEnvironment: true},
  {
    field: 'count.range',
    manifest: 'service',
    status: 'mapped',
    target:
      'service.autoScaling minCount and maxCount ("1-10", or min: and max:), or each environment\'s own when they differ; a new service starts within the range',
  },
  {
    field: 'count.range.spot_from',
    manifest: 'service',
    status: 'unmapped',
    target: 'tasks from the Nth on FARGATE_SPOT: auto scaling has no capacity provider per task count',
  },
  {
    field: 'count.cpu_percentage',
    manifest: 'service',
    status: 'mapped',
    target: 'a target tracking policy on ECSServiceAverageCPUUtilization (named as Copilot names it)',
  },
  {
    field: 'count.memory_percentage',
    manifest: 'service',
    status: 'mapped',
    target: 'a target tracking policy on ECSServiceAverageMemoryUtilization (named as Copilot names it)',
  },
  {
    field: 'count.requests',
    manifest: 'service',
    status: 'mapped',
    target:
      'a target tracking policy on ALBRequestCountPerTarget, named as Copilot names its policy — once the target group is known (read from AWS), else listed as not mapped',
  },
  {
    field: 'count.response_time',
    manifest: 'service',
    status: 'unmapped',
    target: 'response time is not a predefined ECS metric: auto scaling tracks CPU, memory or requests per target',
  },
  {
    field: 'count.queue_delay',
    manifest: 'service',
    status: 'unmapped',
    target:
      "the queue backlog per task is a custom metric (a Lambda function Copilot runs): not migrated; a deploy leaves Copilot's policy on the scalable target as it is",
  },
  {
    field: 'count.cooldown',
    manifest: 'service',
    status: 'mapped',
    target: "each policy's scaleInCooldown and scaleOutCooldown (a target's own cooldown first; Copilot's defaults 120 s / 60 s)",
  },
  {field: 'count.spot', manifest: 'service', status: 'later', target: 'a FARGATE_SPOT capacity provider strategy', wire: 'capacity-providers'},
  {field: 'exec', manifest: 'service', status: 'mapped', target: 'enableExecuteCommand', perEnvironment: true},
  {field: 'variables', manifest: 'service', status: 'mapped', target: 'container environment variables', perEnvironment: true},
  {
    field: 'secrets',
    manifest: 'service',
    status: 'mapped',
    target: 'container secrets (valueFrom: the SSM parameter, or the Secrets Manager secret ARN)',
    perEnvironment: true,
  },
  {field: 'entrypoint', manifest: 'service', status: 'mapped', target: 'the container entryPoint'},
  {field: 'command', manifest: 'service', status: 'mapped', target: 'the container command'},
  {
    field: 'environments',
    manifest: 'service',
    status: 'mapped',
    target: "per-environment values (count, cpu, memory, exec, variables, secrets, placement); auto scaling as each environment's own when they differ",
  },
  {
    field: 'network.vpc.placement',
    manifest: 'service',
    status: 'mapped',
    target: "the environment's subnets (public or private) and public IP",
    perEnvironment: true,
  },
  {field: 'network.vpc.security_groups', manifest: 'service', status: 'mapped', target: "added to the environment's security groups", perEnvironment: true},
  {
    field: 'network.connect',
    manifest: 'service',
    status: 'mapped',
    target:
      "serviceConnectConfiguration as Copilot renders it: the namespace `<env>.<app>.local`, the logs to the service's log group; with image.port a server (port mapping named `target`, discovery name `<name>-sc`, the alias or the service name as its DNS name)",
  },
  {
    field: 'network.connect.alias',
    manifest: 'service',
    status: 'mapped',
    target: "the Service Connect client alias's dnsName (default: the service name)",
  },
  {
    field: 'http',
    manifest: 'service',
    status: 'mapped',
    target:
      "loadBalancers: the target group of Copilot's service stack (read from the live service; without AWS the config variable targetGroupArn, to set), the container and port that take the traffic; healthCheckGracePeriodSeconds (Copilot's 60 s unless healthcheck.grace_period)",
  },
  {field: 'http.target_container', manifest: 'service', status: 'mapped', target: 'loadBalancers containerName (a sidecar is not mapped)'},
  {field: 'http.target_port', manifest: 'service', status: 'mapped', target: 'loadBalancers containerPort (else image.port), with its port mapping'},
  {field: 'http.healthcheck.grace_period', manifest: 'service', status: 'mapped', target: 'healthCheckGracePeriodSeconds'},
  {
    field: 'http.path',
    manifest: 'service',
    status: 'unmapped',
    target: "the listener rule stays in Copilot's service stack (ECS does not hold it); with AWS access its path-pattern is compared with the manifest",
  },
  {
    field: 'http.healthcheck',
    manifest: 'service',
    status: 'unmapped',
    target:
      "the target group's health check stays in Copilot's service stack (it is ELB's, not ECS's); with AWS access its path and success codes are compared with the manifest",
  },
  {
    field: 'http.alias',
    manifest: 'service',
    status: 'unmapped',
    target: "host-header rules and DNS records stay in Copilot's stacks; with AWS access the rule's host-header is compared with the manifest",
  },
  {field: 'http.deregistration_delay', manifest: 'service', status: 'unmapped', target: "a target group attribute: stays in Copilot's service stack"},
  {field: 'http.stickiness', manifest: 'service', status: 'unmapped', target: "a target group attribute: stays in Copilot's service stack"},
  {
    field: 'http.allowed_source_ips',
    manifest: 'service',
    status: 'unmapped',
    target: "a condition of the listener rule: stays in Copilot's service stack",
  },
  {field: 'http.redirect_to_https', manifest: 'service', status: 'unmapped', target: "the environment's listeners stay in Copilot's stacks"},
  {
    field: 'http.additional_rules',
    manifest: 'service',
    status: 'unmapped',
    target: 'only the first rule is wired: add the other target groups to loadBalancers by hand',
  },
  {
    field: 'nlb',
    manifest: 'service',
    status: 'mapped',
    target:
      "loadBalancers: the Network Load Balancer's target group (read from the live service; without AWS the config variable nlbTargetGroupArn, to set), the container and port (target_port, else the listener's port)",
  },
  {
    field: 'nlb.port',
    manifest: 'service',
    status: 'mapped',
    target: "the target port when target_port is not given; the listener stays in Copilot's service stack",
  },
  {field: 'nlb.target_container', manifest: 'service', status: 'mapped', target: 'loadBalancers containerName (a sidecar is not mapped)'},
  {field: 'nlb.target_port', manifest: 'service', status: 'mapped', target: 'loadBalancers containerPort, with its port mapping'},
  {field: 'nlb.healthcheck.grace_period', manifest: 'service', status: 'mapped', target: 'healthCheckGracePeriodSeconds (when http has none)'},
  {
    field: 'nlb.additional_listeners',
    manifest: 'service',
    status: 'unmapped',
    target: "only the first listener is wired: add the others' target groups to loadBalancers by hand",
  },
  {field: 'nlb.healthcheck', manifest: 'service', status: 'unmapped', target: "the target group's health check stays in Copilot's service stack"},
  {
    field: 'nlb.alias',
    manifest: 'service',
    status: 'unmapped',
    target: "the load balancer, its listeners, certificates and DNS records stay in Copilot's service stack",
  },
  {
    field: 'subscribe',
    manifest: 'service',
    status: 'later',
    target: "the worker's SQS queue and SNS subscriptions (COPILOT_QUEUE_URI is kept when read from AWS)",
    wire: 'queue',
  },
  {field: 'deployment.rolling', manifest: 'service', status: 'mapped', target: 'deploymentConfiguration (recreate: 0 % / 100 %; default: 100 % / 200 %)'},
  {field: 'deployment.rollback_alarms', manifest: 'service', status: 'unmapped', target: 'rollback alarms: CloudWatch alarms are not created by ecs-wizard'},
  {field: 'publish', manifest: 'service', status: 'unmapped', target: 'SNS topics stay in their CloudFormation stack'},
  {field: 'logging', manifest: 'service', status: 'unmapped', target: 'the FireLens sidecar: add it to the container specification by hand'},
  {field: 'sidecars', manifest: 'service', status: 'unmapped', target: 'sidecar containers: add them to the container specification by hand'},
  {field: 'storage', manifest: 'service', status: 'unmapped', target: 'volumes and EFS: add them to the container specification by hand'},
  {field: 'env_file', manifest: 'service', status: 'unmapped', target: 'environmentFiles live in Copilot’s S3 bucket: copy the values into variables'},
  {field: 'taskdef_overrides', manifest: 'service', status: 'unmapped', target: 'apply them to the container specification by hand'},
  {field: 'observability', manifest: 'service', status: 'unmapped', target: 'tracing sidecars are not mapped'},
  {field: 'on', manifest: 'service', status: 'unmapped', target: 'a Scheduled Job is an EventBridge rule, not a service'},
  {field: 'name', manifest: 'environment', status: 'mapped', target: "the environment's name"},
  {field: 'type', manifest: 'environment', status: 'mapped', target: '(Environment)'},
  {field: 'network.vpc.id', manifest: 'environment', status: 'mapped', target: "reported: the environment's VPC"},
  {
    field: 'network.vpc.subnets.public',
    manifest: 'environment',
    status: 'mapped',
    target: 'the public subnets (placement: public); ids, or from the stack output PublicSubnets',
  },
  {
    field: 'network.vpc.subnets.private',
    manifest: 'environment',
    status: 'mapped',
    target: 'the private subnets (placement: private); ids, or from the stack output PrivateSubnets',
  },
  {field: 'network.vpc.cidr', manifest: 'environment', status: 'mapped', target: 'a VPC Copilot created: its subnets come from the stack `<app>-<env>`'},
];

const ENVIRONMENT_DEFAULT: Omit<MappingRow, 'field'> = {
  manifest: 'environment',
  status: 'unmapped',
  target: 'environment infrastructure stays in the stack <app>-<env>; ecs-wizard reads its outputs (cluster, subnets, security group)',
};

/**
 * The row of a manifest field (the longest `field` that is the path or a prefix of it), or undefined when
 * the table does not know it.
 */
export function classify(manifest: MappingRow['manifest'], path: readonly string[]): MappingRow | undefined {
  let best: MappingRow | undefined;
  for (const row of COPILOT_MAPPING) {
    if (row.manifest !== manifest) continue;
    const parts = row.field.split('.');
    if (parts.length > path.length) continue;
    if (!parts.every((part, index) => part === '*' || part === path[index])) continue;
    if (best === undefined || parts.length > best.field.split('.').length) best = row;
  }
  if (best === undefined && manifest === 'environment') return {field: path.join('.'), ...ENVIRONMENT_DEFAULT};
  return best;
}

/** The fields a service manifest may override under `environments.<env>` and that are mapped per environment. */
export const PER_ENVIRONMENT_FIELDS: readonly string[] = COPILOT_MAPPING.filter((row) => row.perEnvironment === true).map((row) => row.field);

/** The table as markdown rows (readme.md prints it; a test keeps the two in step). */
export function mappingMarkdown(): string {
  const status: Record<MappingStatus, string> = {mapped: 'mapped', later: 'not yet', unmapped: 'not mapped'};
  const lines = ['| manifest | Copilot field | ecs-wizard | |', '|---|---|---|---|'];
  for (const row of COPILOT_MAPPING) {
    lines.push(
      `| ${row.manifest} | \`${row.field}\` | ${row.target.replaceAll('|', '\\|')} | ${status[row.status]}${row.wire === undefined ? '' : ` (${row.wire})`} |`,
    );
  }
  return lines.join('\n');
}
