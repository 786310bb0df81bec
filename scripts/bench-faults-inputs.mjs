// The bad inputs of scripts/bench-faults.mjs, through the doors a process can use: `init` (flags and files),
// `import --from-file`, `profiles import`. Each must end with exit 2, the JSON path named, no stack trace and the
// store unchanged. The specification cases are the corpus of test/fixtures/bad-input/ (test/cli.bad-input.test.ts
// checks each case's exact error in every door, the wizard and the live imports included); the rest are inputs of
// the flags and files themselves.
import {readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';

const VALID_TASK = {
  family: 'web',
  networkMode: 'bridge',
  requiresCompatibilities: ['EC2'],
  containerDefinitions: [{name: 'web', image: 'nginx:1.27', essential: true, memory: 256, portMappings: [{containerPort: 80, hostPort: 0, protocol: 'tcp'}]}],
};
const INIT = ['init', '--name', 'bad', '--app', 'shop', '--service', 'bad', '--image', 'library/nginx', '--tag', '1.27', '--launch-type', 'EC2'];
const ENV = ['--env', 'dev', '--cluster', 'dev', '--yes'];

/** The corpus of test/fixtures/bad-input/ (its README): index.json's cases, bases and substitutions. */
function corpus(root) {
  const dir = join(root, 'test', 'fixtures', 'bad-input');
  const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8'));
  const read = (name) => readFileSync(join(dir, name), 'utf8');
  const concrete = (text) => Object.entries(index.substitutions).reduce((result, [placeholder, value]) => result.split(placeholder).join(value), text);
  return index.cases.map((entry) => {
    const launchType = entry.launchType ?? 'FARGATE';
    return {
      ...entry,
      launchType,
      doors: entry.doors ?? index.doors,
      task: entry.document === 'taskDefinition' ? read(entry.file) : read(index.bases.taskDefinition[launchType]),
      service: entry.document === 'service' ? read(entry.file) : read(index.bases.service),
      concrete,
      role: index.substitutions['${EXECUTION_ROLE}'],
    };
  });
}

/** A profile export file whose container specification is `text`. */
function exportWith(work, name, text, launchType = 'EC2') {
  const file = join(work, `export-${name}.json`);
  writeFileSync(
    file,
    JSON.stringify({
      ecsWizardProfile: 2,
      profile: {
        name,
        application: 'shop',
        service: {
          name,
          artifact: {registry: 'dockerhub', host: 'registry.hub.docker.com', image: 'library/nginx', tag: '1.27'},
          launchType,
          containerSpec: {mode: 'json', json: text},
          serviceSpec: '{}',
          variables: {},
        },
        environments: [
          {
            name: 'dev',
            region: 'us-east-1',
            cluster: 'dev',
            launchType,
            overrides: {},
            executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
            network: {subnets: ['subnet-0a1b2c3d'], securityGroups: ['sg-0a1b2c3d'], assignPublicIp: false},
          },
        ],
        runs: [],
        createdAt: '2026-12-06T00:00:00.000Z',
        updatedAt: '2026-12-06T00:00:00.000Z',
      },
    }),
  );
  return file;
}

export function badInputCases(root, work) {
  const file = (name, text) => {
    const path = join(work, name);
    writeFileSync(path, text);
    return path;
  };
  const cases = [];
  for (const entry of corpus(root)) {
    const expect = new RegExp(entry.path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    const name = entry.file.replace(/\.json$/, '');
    const task = file(`${name}.task.json`, entry.task);
    const service = file(`${name}.service.json`, entry.service);
    const network = entry.launchType === 'FARGATE' ? ['--subnets', 'subnet-0a1b2c3d', '--security-groups', 'sg-0a1b2c3d'] : [];
    if (entry.doors.includes('init')) {
      const specs = ['--container-spec', task, ...(entry.document === 'service' ? ['--service-spec', service] : [])];
      const flags = ['--app', 'shop', '--service', 'web', '--image', 'library/nginx', '--tag', '1.27', '--launch-type', entry.launchType];
      cases.push({
        label: `init: ${entry.file}`,
        args: ['init', ...flags, '--execution-role', entry.role, '--env', 'dev', '--cluster', 'dev', ...network, '--yes', '--name', `bad-${name}`, ...specs],
        expect,
      });
    }
    if (entry.doors.includes('import-file')) {
      const fromFiles = ['--from-file', file(`${name}.described.json`, entry.concrete(entry.task))];
      if (entry.document === 'service') fromFiles.push('--from-file', file(`${name}.services.json`, entry.concrete(entry.service)));
      cases.push({label: `import --from-file: ${entry.file}`, args: ['import', ...fromFiles, '--as', `bad-${name}`], expect});
    }
    if (entry.doors.includes('profiles-import') && entry.document === 'taskDefinition') {
      cases.push({
        label: `profiles import: ${entry.file}`,
        args: ['profiles', 'import', exportWith(work, `bad-${name}`, entry.task, entry.launchType)],
        expect,
      });
    }
  }
  const broken = file('broken.json', '{\n  "family": "web",\n  "containerDefinitions": [\n    {"name": "web" "image": "nginx"}\n  ]\n}\n');
  const withDuplicate = (task) => JSON.stringify(task, null, 2).replace('"family": "web",', '"family": "web",\n  "family": "api",');
  const duplicate = file('duplicate.json', withDuplicate(VALID_TASK));
  const placeholders = {
    ...VALID_TASK,
    containerDefinitions: [{...VALID_TASK.containerDefinitions[0], name: '${CONTAINER_NAME}', image: '${DOCKER_IMAGE_NAME}'}],
  };
  const duplicateSpec = file('duplicate-spec.json', withDuplicate(placeholders));
  const huge = file('huge.json', `{"family": "${'x'.repeat(9 * 1024 * 1024)}"}`);
  cases.push(
    {label: 'init --container-spec: broken JSON', args: [...INIT, '--container-spec', broken, ...ENV], expect: /line 4, column/},
    {label: 'import --from-file: broken JSON', args: ['import', '--from-file', broken, '--as', 'broken'], expect: /line 4, column/},
    {label: 'init --container-spec: duplicate key', args: [...INIT, '--container-spec', duplicateSpec, ...ENV], expect: /family/},
    {label: 'import --from-file: duplicate key', args: ['import', '--from-file', duplicate, '--as', 'dup'], expect: /family/},
    {label: 'profiles import /dev/zero', args: ['profiles', 'import', '/dev/zero']},
    {label: 'profiles import: 9 MiB file', args: ['profiles', 'import', huge]},
    {label: 'profiles import {}', args: ['profiles', 'import', file('empty-object.json', '{}')]},
    {label: 'profiles import: binary', args: ['profiles', 'import', file('binary.json', '\u0000\u0001\u0002PK\u0003\u0004')]},
    {label: 'profiles import - (stdin: a task definition)', args: ['profiles', 'import', '-'], stdin: JSON.stringify(VALID_TASK)},
    {label: 'init --desired-count -1', args: [...INIT, '--memory', '256', '--desired-count', '-1', ...ENV], expect: /--desired-count/},
    {label: 'init --port 70000', args: [...INIT, '--memory', '256', '--port', '70000', ...ENV], expect: /--port/},
    {label: 'init --launch-type MARS', args: [...INIT.slice(0, -2), '--launch-type', 'MARS', '--memory', '256', ...ENV], expect: /--launch-type/},
    {label: 'init --memory 0', args: [...INIT, '--memory', '0', ...ENV], expect: /--memory/},
    {label: 'init --container-spec missing file', args: [...INIT, '--container-spec', join(work, 'nope.json'), ...ENV], expect: /nope\.json/},
    {label: 'render of an unknown profile', args: ['render', 'nope', '--env', 'dev'], expect: /nope/},
  );
  return cases;
}

/** The corpus's valid bases through the same doors: each must be accepted, or the bad cases prove nothing. */
export function baseCases(root, work) {
  const dir = join(root, 'test', 'fixtures', 'bad-input');
  const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8'));
  const concrete = (text) => Object.entries(index.substitutions).reduce((result, [placeholder, value]) => result.split(placeholder).join(value), text);
  const role = index.substitutions['${EXECUTION_ROLE}'];
  return Object.entries(index.bases.taskDefinition).flatMap(([launchType, name]) => {
    const text = readFileSync(join(dir, name), 'utf8');
    const task = join(work, `base-${launchType}.json`);
    writeFileSync(task, text);
    const described = join(work, `base-${launchType}.described.json`);
    writeFileSync(described, concrete(text));
    const network = launchType === 'FARGATE' ? ['--subnets', 'subnet-0a1b2c3d', '--security-groups', 'sg-0a1b2c3d'] : [];
    const flags = ['--app', 'shop', '--service', 'web', '--image', 'library/nginx', '--tag', '1.27', '--launch-type', launchType, '--execution-role', role];
    return [
      {
        label: `init: ${name}`,
        args: ['init', ...flags, '--env', 'dev', '--cluster', 'dev', ...network, '--yes', '--name', `base-${launchType}`, '--container-spec', task],
      },
      {label: `import --from-file: ${name}`, args: ['import', '--from-file', described, '--as', `base-import-${launchType}`]},
      {label: `profiles import: ${name}`, args: ['profiles', 'import', exportWith(work, `base-export-${launchType}`, text, launchType)]},
    ];
  });
}
