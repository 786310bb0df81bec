/**
 * The JSON templates shipped in `templates/<name>.json` (read as text by an adapter and handed to the
 * domain: `parseJsonText`, `render…`). Pure metadata: what each template is for and which config
 * variables (`${serviceVariable.NAME}`) it needs, with an example value.
 */
import type {LaunchType} from './model.js';

export const TEMPLATE_NAMES = [
  'container-ec2',
  'container-fargate',
  'service-replica',
  'service-daemon',
  'service-discovery',
  'private-registry-policy',
] as const;
export type TemplateName = (typeof TEMPLATE_NAMES)[number];

export type TemplateKind = 'containerSpec' | 'serviceSpec' | 'policy';

export interface TemplateVariable {
  description: string;
  example: string;
}

export interface TemplateInfo {
  name: TemplateName;
  kind: TemplateKind;
  /** The only launch type the template suits; undefined when it suits both. */
  launchType?: LaunchType;
  description: string;
  /** Config variables the template references. */
  variables: Readonly<Record<string, TemplateVariable>>;
}

const containerPort: TemplateVariable = {description: 'The port the container listens on', example: '80'};

export const TEMPLATES: readonly TemplateInfo[] = [
  {
    name: 'container-ec2',
    kind: 'containerSpec',
    launchType: 'EC2',
    description: 'One container on EC2, bridge network mode, dynamic host port, 256 MiB soft memory limit',
    variables: {containerPort},
  },
  {
    name: 'container-fargate',
    kind: 'containerSpec',
    launchType: 'FARGATE',
    description: "One container on Fargate: awsvpc, 0.25 vCPU / 0.5 GB, the environment's execution role, logs to CloudWatch (awslogs)",
    variables: {
      containerPort,
      logGroup: {description: 'The CloudWatch Logs group (deploy creates it when it is missing, after its confirmation)', example: '/ecs/my-service'},
      logRegion: {description: 'The region of the log group', example: 'us-east-1'},
    },
  },
  {
    name: 'service-replica',
    kind: 'serviceSpec',
    description: 'The default service specification: REPLICA strategy (desiredCount defaults to 1)',
    variables: {},
  },
  {
    name: 'service-daemon',
    kind: 'serviceSpec',
    launchType: 'EC2',
    description: 'DAEMON strategy: one task on every container instance (EC2 only; no desiredCount, no placementStrategy)',
    variables: {},
  },
  {
    name: 'service-discovery',
    kind: 'serviceSpec',
    description: 'REPLICA with Cloud Map service discovery (serviceRegistries: containerName and containerPort)',
    variables: {
      registryArn: {description: 'The Cloud Map service ARN', example: 'arn:aws:servicediscovery:us-east-1:123456789012:service/srv-jwyz2x4igkxckqno'},
      containerPort,
    },
  },
  {
    name: 'private-registry-policy',
    kind: 'policy',
    description: 'Inline policy for the execution role: read the registry credentials secret, decrypt it with its customer KMS key',
    variables: {
      registryCredentialsSecretArn: {
        description: 'The Secrets Manager secret with the registry user name and password',
        example: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:registry-AbCdEf',
      },
      registryKmsKeyArn: {
        description: 'The customer KMS key of the secret',
        example: 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab',
      },
    },
  },
];

/** The template's file, relative to the package root. */
export const templatePath = (name: TemplateName): string => `templates/${name}.json`;

export const findTemplate = (name: string): TemplateInfo | undefined => TEMPLATES.find((template) => template.name === name);

/** The templates of a kind that suit a launch type. */
export function templatesFor(kind: TemplateKind, launchType?: LaunchType): TemplateInfo[] {
  return TEMPLATES.filter(
    (template) => template.kind === kind && (launchType === undefined || template.launchType === undefined || template.launchType === launchType),
  );
}
