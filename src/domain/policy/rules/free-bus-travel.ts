import type { Day } from '../../time/day.ts';
import { hasValidCertificate, isAlive, programInForce } from '../conditions.ts';
import { type Decision, decide } from '../decision.ts';
import type { PersonFacts } from '../facts.ts';
import { freeBusTravelInForce } from '../parameter-catalog.ts';
import { type ParamSet, lookup } from '../parameters.ts';
import { sources } from '../sources.ts';

/** 持证残疾人免费乘坐市内公共汽车 (plan 四(一)2): any valid certificate holder, wherever registered. */
export function evaluateFreeBusTravel(f: PersonFacts, day: Day, p: ParamSet): Decision {
  return decide('freeBusTravel', day, [
    programInForce(lookup(p, freeBusTravelInForce, day)?.value, '持证残疾人免费乘坐公交', sources.bus),
    isAlive(f, day),
    hasValidCertificate(f, day),
  ]);
}
