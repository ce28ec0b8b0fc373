import type { RuleCode } from '../../../shared/api/welfare';
import { r01 } from './r01-dead';
import { r02 } from './r02-officials';
import { r03 } from './r03-cadre-kin';
import { r04 } from './r04-approver-kin';
import { r05 } from './r05-vehicle';
import { r06 } from './r06-property';
import { r07 } from './r07-business';
import { r08 } from './r08-twice';
import { r09 } from './r09-standard';
import { r10 } from './r10-account';
import { r11 } from './r11-invalid-id';
import { r12 } from './r12-likely-dead';
import type { Rule } from './rule';

/** Every comparison rule by its code. */
export const RULES: Record<RuleCode, Rule> = {
  R1: r01,
  R2: r02,
  R3: r03,
  R4: r04,
  R5: r05,
  R6: r06,
  R7: r07,
  R8: r08,
  R9: r09,
  R10: r10,
  R11: r11,
  R12: r12,
};
