import {expect, test} from 'vitest';
import type {Profile} from '../../../../source/domain/model.js';
import {saveNewProfile} from '../../../../source/operations/wizard/questions/save.js';
import {fakeServices} from '../../../ui/wizard/fakes.js';
import {fargateAnswers} from '../fixtures.js';

test("saving refuses an image not built for the tasks' platform, with the fix; a multi-platform one is saved", async () => {
  const saved: Profile[] = [];
  let platforms = ['linux/arm64'];
  const {services} = fakeServices({
    tagDetails: async (_artifact, tag) => ({status: 'found', value: {tag, digest: `sha256:${'a'.repeat(64)}`, platforms}}),
    saveProfile: async (profile) => {
      saved.push(profile);
    },
  });
  const refused = await saveNewProfile(fargateAnswers(), 'web-api', services);
  expect(refused).toEqual({
    ok: false,
    message:
      "registry.example.com:5000/team/web-api:1.4.2 is built for linux/arm64 only, but environment production's tasks run on linux/amd64 (the Fargate default, runtimePlatform.cpuArchitecture X86_64): set runtimePlatform.cpuArchitecture to ARM64 in the container specification (Fargate and Graviton instances run arm64), or pick a tag built for linux/amd64 — go back (esc)",
  });
  expect(saved).toEqual([]);
  platforms = ['linux/amd64', 'linux/arm64'];
  expect(await saveNewProfile(fargateAnswers(), 'web-api', services)).toMatchObject({ok: true});
  expect(saved.map((profile) => profile.name)).toEqual(['web-api']);
});
