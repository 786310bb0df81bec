import {describe, expect, test} from 'vitest';
import type {JsonObject} from '../../source/domain/json.js';
import type {Profile} from '../../source/domain/model.js';
import {render} from '../../source/domain/render.js';
import {importProfile} from '../../source/domain/import/profile.js';
import {renderAndValidate} from '../../source/domain/render-and-validate.js';
import {ec2FormProfile} from '../helpers/profile-fixtures.js';

const REGISTRY = 'arn:aws:servicediscovery:us-east-1:123456789012:service/srv-jwyz7x4igkxckqno';
const TARGET_GROUP = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef';

/** nginx with a metrics sidecar and a log router, referring to the artifact container in every way there is. */
function profile(options: {containerName?: string; artifactName?: string; reference?: string} = {}): Profile {
  const reference = options.reference ?? 'library_nginx_1.25';
  const containerSpec = JSON.stringify(
    {
      family: 'web',
      networkMode: 'bridge',
      containerDefinitions: [
        {
          name: options.artifactName ?? '${CONTAINER_NAME}',
          image: '${DOCKER_IMAGE_NAME}',
          essential: true,
          memory: 256,
          portMappings: [{containerPort: 80, hostPort: 0, protocol: 'tcp'}],
          logConfiguration: {logDriver: 'awsfirelens', options: {Name: 'cloudwatch', region: 'us-east-1', log_group_name: '/ecs/web'}},
        },
        {
          name: 'metrics',
          image: 'prom/nginx-exporter:1.1',
          essential: false,
          memory: 64,
          dependsOn: [{containerName: '${CONTAINER_NAME}', condition: 'START'}],
          links: [`${reference}:web`],
          volumesFrom: [{sourceContainer: reference, readOnly: true}],
        },
        {
          name: 'log_router',
          image: 'public.ecr.aws/aws-observability/aws-for-fluent-bit:2.32.0',
          essential: true,
          memory: 64,
          firelensConfiguration: {type: 'fluentbit', options: {'enable-ecs-log-metadata': 'true'}},
          logConfiguration: {logDriver: 'awsfirelens', options: {Name: 'forward', Match: `${reference}-firelens*`}},
        },
      ],
    },
    null,
    2,
  );
  const serviceSpec = JSON.stringify({
    schedulingStrategy: 'REPLICA',
    serviceRegistries: [{registryArn: REGISTRY, containerName: '${CONTAINER_NAME}', containerPort: 80}],
    loadBalancers: [{targetGroupArn: TARGET_GROUP, containerName: reference, containerPort: 80}],
  });
  const base = ec2FormProfile();
  return {
    ...base,
    service: {
      ...base.service,
      artifact: {registry: 'dockerhub', host: 'registry.hub.docker.com', image: 'library/nginx', tag: '1.26'},
      containerSpec: {mode: 'json', json: containerSpec},
      serviceSpec,
      ...(options.containerName === undefined ? {} : {containerName: options.containerName}),
    },
  };
}

interface Rendered {
  task: {containerDefinitions: JsonObject[]};
  service: {serviceRegistries: JsonObject[]; loadBalancers: JsonObject[]};
  issues: string[];
}

function rendered(subject: Profile, tag?: string): Rendered {
  const result = render({profile: subject, environment: 'dev', ...(tag === undefined ? {} : {tag})});
  return {
    task: result.taskDefinition as Rendered['task'],
    service: result.service as Rendered['service'],
    issues: result.issues.filter((issue) => issue.code === 'container-name-follows').map((issue) => `${issue.source} ${issue.path}`),
  };
}

/** The value at a path of keys and indexes. */
function at(value: unknown, ...path: Array<string | number>): unknown {
  return path.reduce<unknown>((current, key) => (current as Record<string | number, unknown> | undefined)?.[key], value);
}

/** Every name the documents use for the artifact container. */
function references({task, service}: Rendered): unknown[] {
  return [
    at(task, 'containerDefinitions', 0, 'name'),
    at(task, 'containerDefinitions', 1, 'dependsOn', 0, 'containerName'),
    at(task, 'containerDefinitions', 1, 'links', 0),
    at(task, 'containerDefinitions', 1, 'volumesFrom', 0, 'sourceContainer'),
    at(task, 'containerDefinitions', 2, 'logConfiguration', 'options', 'Match'),
    at(service, 'serviceRegistries', 0, 'containerName'),
    at(service, 'loadBalancers', 0, 'containerName'),
  ];
}

describe('references to the artifact container follow its name in the same render', () => {
  test("the derived name (the guide's default): a new tag renames the container, and every reference with it", () => {
    const result = rendered(profile(), '1.27');
    expect(references(result)).toEqual([
      'library_nginx_1_27',
      'library_nginx_1_27',
      'library_nginx_1_27:web',
      'library_nginx_1_27',
      'library_nginx_1_27-firelens*',
      'library_nginx_1_27',
      'library_nginx_1_27',
    ]);
    expect(result.issues).toEqual([
      'containerSpec containerDefinitions[1].volumesFrom[0].sourceContainer',
      'containerSpec containerDefinitions[1].links[0]',
      'containerSpec containerDefinitions[2].logConfiguration.options.Match',
      'serviceSpec loadBalancers[0].containerName',
    ]);
  });

  test('a stable name: the same on every tag, everywhere', () => {
    for (const tag of ['1.26', '1.27', `sha256:${'ab'.repeat(32)}`]) {
      expect(references(rendered(profile({containerName: 'web'}), tag))).toEqual(['web', 'web', 'web:web', 'web', 'web-firelens*', 'web', 'web']);
    }
    const validated = renderAndValidate({profile: profile({containerName: 'web'}), environment: 'dev', tag: '1.27'});
    expect(validated.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
  });

  test('a stable name needs no tag for ${CONTAINER_NAME} (the image still does)', () => {
    const subject = profile({containerName: 'web'});
    delete subject.service.artifact.tag;
    const messages = render({profile: subject, environment: 'dev'}).issues.map((issue) => issue.message);
    expect(messages.some((message) => message.includes('${DOCKER_IMAGE_NAME}'))).toBe(true);
    expect(messages.some((message) => message.includes('${CONTAINER_NAME}'))).toBe(false);
  });

  test('a literal name (an imported profile keeps the name it had) is not renamed, nor what refers to it', () => {
    const result = rendered(profile({artifactName: 'library_nginx_1.25'}), '1.27');
    expect(references(result)).toEqual([
      'library_nginx_1.25',
      'library_nginx_1_27',
      'library_nginx_1.25:web',
      'library_nginx_1.25',
      'library_nginx_1.25-firelens*',
      'library_nginx_1_27',
      'library_nginx_1.25',
    ]);
    expect(result.issues).toEqual([]);
  });

  test("another container's name is never taken for the artifact's", () => {
    const subject = profile({reference: 'library_nginx_exporter'});
    const spec = JSON.parse((subject.service.containerSpec as {json: string}).json) as {containerDefinitions: JsonObject[]};
    spec.containerDefinitions[1]!['name'] = 'library_nginx_exporter';
    subject.service.containerSpec = {mode: 'json', json: JSON.stringify(spec)};
    const result = rendered(subject, '1.27');
    expect((result.task.containerDefinitions[1]!['volumesFrom'] as JsonObject[])[0]!['sourceContainer']).toBe('library_nginx_exporter');
    expect(result.service.loadBalancers[0]!['containerName']).toBe('library_nginx_exporter');
  });

  test('an imported profile keeps the name it had: a literal name stays on every tag, with what refers to it', () => {
    const task = {
      family: 'web',
      networkMode: 'bridge',
      containerDefinitions: [
        {name: 'web', image: 'nginx:1.25', essential: true, memory: 256, portMappings: [{containerPort: 80, hostPort: 0, protocol: 'tcp'}]},
        {name: 'metrics', image: 'prom/nginx-exporter:1.1', essential: false, memory: 64, dependsOn: [{containerName: 'web', condition: 'START'}]},
      ],
    };
    const service = {
      serviceName: 'web',
      cluster: 'prod',
      launchType: 'EC2',
      loadBalancers: [{targetGroupArn: TARGET_GROUP, containerName: 'web', containerPort: 80}],
    };
    const imported = importProfile({
      taskDefinitionText: JSON.stringify({taskDefinition: task}),
      serviceText: JSON.stringify({services: [service]}),
      names: {profile: 'web', application: 'web', service: 'web', environment: 'production', region: 'us-east-1'},
      now: '2026-01-01T00:00:00.000Z',
    });
    const result = render({profile: imported.profile!, environment: 'production', tag: '1.27'});
    expect(at(result.taskDefinition, 'containerDefinitions', 0, 'name')).toBe('web');
    expect(at(result.taskDefinition, 'containerDefinitions', 1, 'dependsOn', 0, 'containerName')).toBe('web');
    expect(at(result.service, 'loadBalancers', 0, 'containerName')).toBe('web');
  });
});
