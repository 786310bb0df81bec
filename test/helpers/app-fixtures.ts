/** Profiles of one application (`shop`), one per service, deploying to `dev`: for whole-application runs. */
import type {Profile} from '../../source/domain/model.js';
import {ec2FormProfile} from './profile-fixtures.js';

/** The profile `shop-SERVICE` of application `shop`, service `service`, depending on `dependsOn`. */
export function shopProfile(service: string, dependsOn: string[] = []): Profile {
  const base = ec2FormProfile();
  return ec2FormProfile({
    name: `shop-${service}`,
    application: 'shop',
    service: {...base.service, name: service, ...(dependsOn.length === 0 ? {} : {dependsOn})},
  });
}
