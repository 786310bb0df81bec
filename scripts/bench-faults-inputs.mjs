// The bad inputs of scripts/bench-faults.mjs: each is sent through every door that takes it — `init` (flags and
// files), `import --from-file`, `profiles import` — and must end with exit 2, a clear message, no stack trace, and
// the store unchanged. The container and service specification cases are the corpus in test/fixtures/bad-input/
// (shared with the tests, which check each case's exact error); the rest are inputs of the flags and files themselves.
import {existsSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';

const VALID_TASK = {
  family: 'web',
  networkMode: 'bridge',
  requiresCompatibilities: ['EC2'],
  containerDefinitions: [{name: 'web', image: 'nginx:1.27', essential: true, memory: 256, portMappings: [{containerPort: 80, hostPort: 0, protocol: 'tcp'}]}],
};
const INIT = ['init', '--name', 'bad', '--app', 'shop', '--service', 'bad', '--image', 'library/nginx', '--tag', '1.27', '--launch-type', 'EC2'];
const ENV = ['--env', 'dev', '--cluster', 'dev', '--yes'];

/** The corpus of test/fixtures/bad-input/: {file, kind: 'task' | 'service', expect?: string} per case (index.json). */
function corpus(root) {
  const dir = join(root, 'test', 'fixtures', 'bad-input');
  const index = join(dir, 'index.json');
  if (!existsSync(index)) return [];
  const entries = JSON.parse(readFileSync(index, 'utf8'));
  return (Array.isArray(entries) ? entries : (entries.cases ?? [])).map((entry) => ({...entry, path: join(dir, entry.file)}));
}

/** A profile export file whose container specification is `text`. */
function exportWith(work, name, text) {
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
          launchType: 'EC2',
          containerSpec: {mode: 'json', json: text},
          serviceSpec: {json: '{}'},
          variables: {},
        },
        environments: [{name: 'dev', region: 'us-east-1', cluster: 'dev', launchType: 'EC2', overrides: {}}],
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
    const text = readFileSync(entry.path, 'utf8');
    const expect = entry.expect === undefined ? undefined : new RegExp(entry.expect.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    const name = entry.file.replace(/\.json$/, '').replace(/[^A-Za-z0-9_-]/g, '_');
    if (entry.kind === 'service') {
      cases.push({label: `init --service-spec ${entry.file}`, args: [...INIT, '--memory', '256', '--service-spec', entry.path, ...ENV], expect});
      continue;
    }
    cases.push({label: `init --container-spec ${entry.file}`, args: [...INIT, '--container-spec', entry.path, ...ENV], expect});
    if (entry.import !== false)
      cases.push({label: `import --from-file ${entry.file}`, args: ['import', '--from-file', entry.path, '--as', `bad-${name}`], expect});
    cases.push({label: `profiles import (spec ${entry.file})`, args: ['profiles', 'import', exportWith(work, `bad-${name}`, text)], expect});
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
