import {describe, expect, test} from 'vitest';
import fc from 'fast-check';
import {artifactImage, deriveContainerName, formatImage, inferRegistryKind, isDigest, isValidTag, parseImageReference} from '../../source/domain/image.js';

const DIGEST = 'sha256:4f53cda18c2baa0c0354bb5f9a3ecbe5ed12ab4d8e11ba873c2f11161202b945';
const ECR = '123456789012.dkr.ecr.eu-west-1.amazonaws.com';

describe('formatImage', () => {
  test.each([
    // The seed: the artifact registry.hub.docker.com/library/nginx with the tag stable-perl.
    ['registry.hub.docker.com', 'library/nginx', 'stable-perl', 'registry.hub.docker.com/library/nginx:stable-perl'],
    ['', 'nginx', '1.27', 'nginx:1.27'],
    ['', 'nginx', undefined, 'nginx'],
    ['', 'nginx', '', 'nginx'],
    ['localhost:5000', 'team/api', '1.2', 'localhost:5000/team/api:1.2'],
    [ECR, 'team/api', 'v3', `${ECR}/team/api:v3`],
    ['', 'nginx', DIGEST, `nginx@${DIGEST}`],
    ['ghcr.io', 'org/app', `1.0@${DIGEST}`, `ghcr.io/org/app:1.0@${DIGEST}`],
  ])('%s + %s + %s → %s', (host, image, tag, expected) => {
    expect(formatImage({host, image}, tag)).toBe(expected);
  });
});

describe('artifactImage', () => {
  test('an artifact imported without a tag is written without one at latest, and with any other tag as usual', () => {
    const untagged = {host: '', image: 'nginx', implicitLatest: true};
    expect(artifactImage(untagged, 'latest')).toBe('nginx');
    expect(artifactImage(untagged, '1.27')).toBe('nginx:1.27');
    expect(artifactImage({host: 'localhost:5000', image: 'team/api', implicitLatest: true}, 'latest')).toBe('localhost:5000/team/api');
    expect(artifactImage({host: '', image: 'nginx'}, 'latest')).toBe('nginx:latest');
  });
});

describe('parseImageReference', () => {
  test.each([
    ['registry.hub.docker.com/library/nginx:stable-perl', {registry: 'dockerhub', host: 'registry.hub.docker.com', image: 'library/nginx', tag: 'stable-perl'}],
    ['nginx:1.27', {registry: 'dockerhub', host: '', image: 'nginx', tag: '1.27'}],
    ['nginx', {registry: 'dockerhub', host: '', image: 'nginx'}],
    ['library/nginx', {registry: 'dockerhub', host: '', image: 'library/nginx'}],
    ['docker.io/library/nginx:latest', {registry: 'dockerhub', host: 'docker.io', image: 'library/nginx', tag: 'latest'}],
    ['index.docker.io/library/nginx', {registry: 'dockerhub', host: 'index.docker.io', image: 'library/nginx'}],
    ['localhost:5000/team/api:1.2', {registry: 'registry', host: 'localhost:5000', image: 'team/api', tag: '1.2'}],
    ['localhost:5000/team/api', {registry: 'registry', host: 'localhost:5000', image: 'team/api'}],
    ['localhost/api', {registry: 'registry', host: 'localhost', image: 'api'}],
    ['[::1]:5000/api:x', {registry: 'registry', host: '[::1]:5000', image: 'api', tag: 'x'}],
    [`${ECR}/team/api:v3`, {registry: 'ecr', host: ECR, image: 'team/api', tag: 'v3'}],
    [
      '123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn/app:1',
      {registry: 'ecr', host: '123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn', image: 'app', tag: '1'},
    ],
    [`nginx@${DIGEST}`, {registry: 'dockerhub', host: '', image: 'nginx', tag: DIGEST}],
    [`ghcr.io/org/app:1.0@${DIGEST}`, {registry: 'registry', host: 'ghcr.io', image: 'org/app', tag: `1.0@${DIGEST}`}],
    ['Registry/app', {registry: 'registry', host: 'Registry', image: 'app'}],
  ])('%s', (ref, expected) => {
    const parsed = parseImageReference(ref);
    expect(parsed).toEqual(expected);
    // Exact round trip: the same characters come back.
    expect(formatImage(parsed!, parsed!.tag)).toBe(ref);
  });

  test.each([
    '',
    '${DOCKER_IMAGE_NAME}',
    'Nginx',
    'nginx:',
    'nginx:-bad',
    'nginx@sha256:short',
    'nginx@',
    'host.com/',
    '/nginx',
    'nginx//x',
    'a b',
    `nginx:${'x'.repeat(129)}`,
    `host.com/${'a'.repeat(260)}`,
    'host.com:99999999/a',
  ])('%j is not an image reference', (ref) => {
    expect(parseImageReference(ref)).toBeUndefined();
  });

  const component = fc.stringMatching(/^[a-z0-9]{1,6}(?:[._-][a-z0-9]{1,4})?$/);
  const imagePath = fc.array(component, {minLength: 1, maxLength: 3}).map((parts) => parts.join('/'));
  const host = fc.oneof(
    fc.constant(''),
    fc.constantFrom('registry.hub.docker.com', 'docker.io', 'ghcr.io', 'localhost', 'localhost:5000', ECR, 'my-registry.example.com:8443'),
  );
  const tag = fc.oneof(fc.constant(undefined), fc.stringMatching(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,20}$/), fc.constant(DIGEST), fc.constant(`v1@${DIGEST}`));

  test('parse(format(host, image, tag)) gives back host, image and tag', () => {
    fc.assert(
      fc.property(host, imagePath, tag, (h, image, t) => {
        // An implicit-Docker-Hub path whose first component looks like a host would be read as one.
        fc.pre(h !== '' || !/^[^/]*[.:][^/]*\//.test(image));
        const ref = formatImage({host: h, image}, t);
        const parsed = parseImageReference(ref);
        expect(parsed).toEqual({registry: inferRegistryKind(h), host: h, image, ...(t === undefined ? {} : {tag: t})});
        expect(formatImage(parsed!, parsed!.tag)).toBe(ref);
      }),
      {numRuns: 500, seed: 3},
    );
  });
});

describe('inferRegistryKind', () => {
  test.each([
    [ECR, 'ecr'],
    ['123456789012.dkr.ecr-fips.us-east-1.amazonaws.com', 'ecr'],
    ['public.ecr.aws', 'registry'],
    ['12345.dkr.ecr.us-east-1.amazonaws.com', 'registry'],
    ['', 'dockerhub'],
    ['docker.io', 'dockerhub'],
    ['registry.hub.docker.com', 'dockerhub'],
    ['index.docker.io', 'dockerhub'],
    ['localhost:5000', 'registry'],
    ['quay.io', 'registry'],
  ] as const)('%s → %s', (host, kind) => {
    expect(inferRegistryKind(host)).toBe(kind);
  });
});

describe('tags', () => {
  test.each([
    ['stable-perl', true, false],
    ['1.27', true, false],
    [DIGEST, true, true],
    [`v1@${DIGEST}`, true, false],
    ['-x', false, false],
    ['a:b', false, false],
    ['', false, false],
    ['sha256:abc', false, false],
  ])('%s valid=%s digest=%s', (value, valid, digest) => {
    expect(isValidTag(value)).toBe(valid);
    expect(isDigest(value)).toBe(digest);
  });
});

describe('deriveContainerName', () => {
  test.each([
    // The seed: library/nginx with stable-perl becomes library_nginx_stable-perl.
    ['library/nginx', 'stable-perl', 'library_nginx_stable-perl'],
    ['nginx', '1.27', 'nginx_1_27'],
    ['nginx', undefined, 'nginx'],
    ['team/web.api', 'v1.0_rc-2', 'team_web_api_v1_0_rc-2'],
    ['nginx', DIGEST, `nginx_${DIGEST.replace(':', '_')}`],
    // Pinned to its digest, a tag names the container as it did before: pinning renames nothing.
    ['nginx', `1.27@${DIGEST}`, 'nginx_1_27'],
  ])('%s + %s → %s', (image, tag, expected) => {
    expect(deriveContainerName(image, tag)).toBe(expected);
  });

  test('is cut to 255 characters and only ever holds [A-Za-z0-9_-]', () => {
    fc.assert(
      fc.property(fc.string({maxLength: 300}), fc.option(fc.string({maxLength: 200}), {nil: undefined}), (image, tag) => {
        const name = deriveContainerName(image, tag);
        expect(name.length).toBeLessThanOrEqual(255);
        expect(name).toMatch(/^[A-Za-z0-9_-]*$/);
      }),
      {numRuns: 300, seed: 5},
    );
    expect(deriveContainerName('a'.repeat(300), 'x')).toBe('a'.repeat(255));
  });
});
