import React from 'react';
import {cleanup, render} from 'ink-testing-library';
import {afterEach, describe, expect, test} from 'vitest';
import {HomeTree, treeLines} from '../../../source/ui/screens/home-tree.js';
import {ec2FormProfile, fargateJsonProfile} from '../../helpers/profile-fixtures.js';

afterEach(() => cleanup());

const profiles = () => [
  fargateJsonProfile({name: 'web', application: 'shop'}),
  fargateJsonProfile({name: 'api', application: 'shop'}),
  {...fargateJsonProfile({name: 'worker', application: 'shop'}), environments: [fargateJsonProfile().environments[0]!]},
  ec2FormProfile({name: 'blog', application: 'Blog'}),
];

describe("the home screen's tree: applications → services → environments", () => {
  test('each application with its services and environments, then each service with its environments', () => {
    expect(treeLines(profiles())).toEqual([
      {depth: 0, text: 'Blog · 1 service · dev'},
      {depth: 1, text: 'blog (nginx) → dev'},
      {depth: 0, text: 'shop · 3 services · staging, production'},
      {depth: 1, text: 'web (web-api) → staging, production'},
      {depth: 1, text: 'api (web-api) → staging, production'},
      {depth: 1, text: 'worker (web-api) → staging'},
    ]);
  });

  test("the application's artifact servers its services pull from, and each service's", () => {
    const team = (profile: ReturnType<typeof fargateJsonProfile>) => ({
      ...profile,
      service: {...profile.service, artifact: {...profile.service.artifact, server: 'team'}},
    });
    const [web, api, worker] = profiles();
    expect(treeLines([team(web!), team(api!), worker!])).toEqual([
      {depth: 0, text: 'shop · 3 services · staging, production · artifact server team'},
      {depth: 1, text: 'web (web-api) → staging, production · from team'},
      {depth: 1, text: 'api (web-api) → staging, production · from team'},
      {depth: 1, text: 'worker (web-api) → staging'},
    ]);
  });

  test('drawn within its rows; the rest counted', async () => {
    const all = render(<HomeTree profiles={profiles()} rows={12} />);
    expect(all.lastFrame()).toBe(
      [
        '▸ Blog · 1 service · dev',
        '    blog (nginx) → dev',
        '▸ shop · 3 services · staging, production',
        '    web (web-api) → staging, production',
        '    api (web-api) → staging, production',
        '    worker (web-api) → staging',
      ].join('\n'),
    );
    const few = render(<HomeTree profiles={profiles()} rows={4} />);
    expect(few.lastFrame()).toBe(
      [
        '▸ Blog · 1 service · dev',
        '    blog (nginx) → dev',
        '▸ shop · 3 services · staging, production',
        '  … 3 more lines (Manage profiles, or ecs-wizard apps list)',
      ].join('\n'),
    );
  });

  test("each application's row shows its last whole-application run: its environment and outcome, or that no end was recorded", () => {
    const run = {id: 'r', environment: 'staging', startedAt: '2026-01-01T00:00:00.000Z', order: ['web'], services: []};
    expect(treeLines(profiles(), {shop: {...run, outcome: 'rolled-back', exitCode: 3}})[2]).toEqual({
      depth: 0,
      text: 'shop · 3 services · staging, production · last run: staging rolled back (exit 3)',
    });
    expect(treeLines(profiles(), {Blog: run})[0]!.text).toBe('Blog · 1 service · dev · last run: staging no end recorded (still running, or interrupted)');
  });
});
