import type {GlobalOptions} from './commands/spec.js';
import type {ProfileStore} from './ports/profile-store.js';
import type {Clock} from './ports/clock.js';
import type {AwsClientFactory} from './adapters/aws/client-factory.js';
import type {EcsPort} from './ports/ecs.js';
import {systemClock} from './adapters/system-clock.js';

/**
 * The one place that chooses real adapters (or, later, the rollout simulator). Commands and screens
 * receive this and never construct adapters themselves; tests pass their own root.
 * Everything heavy is created on first use and imported lazily.
 */
export interface CompositionRoot {
  readonly version: string;
  profileStore(): Promise<ProfileStore>;
  aws(): Promise<AwsClientFactory>;
  /** ECS in `region` (default: the factory's region — --region, AWS_REGION or the AWS profile's). */
  ecs(region?: string): Promise<EcsPort>;
  readonly clock: Clock;
}

const once = <T>(create: () => Promise<T>): (() => Promise<T>) => {
  let value: Promise<T> | undefined;
  return () => (value ??= create());
};

export function createCompositionRoot(options: {globals: GlobalOptions; env: NodeJS.ProcessEnv; version: string}): CompositionRoot {
  const {globals, env, version} = options;
  const ecsPorts = new Map<string, Promise<EcsPort>>();
  return {
    version,
    clock: systemClock,
    profileStore: once(async () => {
      const {createConfProfileStore} = await import('./adapters/conf-profile-store.js');
      return createConfProfileStore({env});
    }),
    aws: once(async () => {
      const {createAwsClientFactory} = await import('./adapters/aws/client-factory.js');
      return createAwsClientFactory({
        region: globals.region,
        profile: globals.awsProfile,
        endpointUrl: globals.endpointUrl,
        env,
        userAgent: `ecs-wizard/${version}`,
      });
    }),
    async ecs(region) {
      const key = region ?? '';
      let port = ecsPorts.get(key);
      if (port === undefined) {
        port = (async () => {
          const factory = await this.aws();
          const {createEcsPort} = await import('./adapters/aws/ecs.js');
          return createEcsPort(region === undefined ? factory : factory.forRegion(region));
        })();
        ecsPorts.set(key, port);
        port.catch(() => ecsPorts.get(key) === port && ecsPorts.delete(key));
      }
      return port;
    },
  };
}
