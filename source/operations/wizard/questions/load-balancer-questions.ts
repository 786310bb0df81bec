/** The load balancer questions in the order they are asked (one line in question-list.ts). */
import type {Question} from '../question.js';
import {lbAlternateTargetGroup} from './lb-alternate-target-group.js';
import {lbContainer} from './lb-container.js';
import {lbListener} from './lb-listener.js';
import {lbLoadBalancer} from './lb-load-balancer.js';
import {lbProductionRule} from './lb-production-rule.js';
import {lbTargetGroup} from './lb-target-group.js';
import {lbTestRule} from './lb-test-rule.js';
import {lbTrafficRole} from './lb-traffic-role.js';
import {lbTrafficRoleCreate} from './lb-traffic-role-create.js';
import {loadBalancer} from './load-balancer.js';

export const LOAD_BALANCER_QUESTIONS: readonly Question[] = [
  loadBalancer,
  lbLoadBalancer,
  lbListener,
  lbTargetGroup,
  lbContainer,
  lbAlternateTargetGroup,
  lbProductionRule,
  lbTestRule,
  lbTrafficRole,
  lbTrafficRoleCreate,
];
