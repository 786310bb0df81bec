import {MemoryProfileStore} from '../../source/adapters/memory-profile-store.js';
import type {Environment, Profile} from '../../source/domain/model.js';

/**
 * A store on which another writer (another ecs-wizard) changes the profile's first environment with `edit` just
 * before each `update` takes the lock: what a check made before the lock then no longer describes what is stored.
 */
export function racedStore(profiles: Profile[], edit: (environment: Environment) => Environment): MemoryProfileStore {
  class RacedStore extends MemoryProfileStore {
    override async update(name: string, change: (current: Profile) => Profile | undefined): Promise<Profile | undefined> {
      const current = (await this.get(name))!;
      await this.save({...current, environments: [edit(current.environments[0]!), ...current.environments.slice(1)]}, {overwrite: true});
      return super.update(name, change);
    }
  }
  return new RacedStore(profiles);
}

/** The edit of the tests: the environment's subnets become another one. */
export const otherSubnets = (environment: Environment): Environment => ({...environment, network: {...environment.network!, subnets: ['subnet-0fedcba9']}});
