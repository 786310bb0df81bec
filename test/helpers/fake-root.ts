import {MemoryProfileStore} from '../../source/adapters/memory-profile-store.js';
import {systemClock} from '../../source/adapters/system-clock.js';
import type {AwsClientFactory} from '../../source/adapters/aws/client-factory.js';
import type {CompositionRoot} from '../../source/composition.js';
import type {Clock} from '../../source/ports/clock.js';
import type {EcsPort} from '../../source/ports/ecs.js';
import type {ProfileStore} from '../../source/ports/profile-store.js';

/**
 * A composition root for tests: an in-memory store by default, and no AWS unless a test hands in its
 * own ports (asking for one that was not given fails the test loudly).
 */
export function testRoot(parts: {store?: ProfileStore; ecs?: EcsPort | ((region?: string) => EcsPort); aws?: AwsClientFactory; clock?: Clock; version?: string} = {}): CompositionRoot {
  const store = parts.store ?? new MemoryProfileStore();
  return {
    version: parts.version ?? '9.9.9',
    clock: parts.clock ?? systemClock,
    profileStore: async () => store,
    aws: async () => {
      if (!parts.aws) throw new Error('this test gave no AWS client factory');
      return parts.aws;
    },
    ecs: async (region) => {
      if (!parts.ecs) throw new Error('this test gave no ECS port');
      return typeof parts.ecs === 'function' ? parts.ecs(region) : parts.ecs;
    },
  };
}
