import type { Citizen } from '../citizen/types.ts';
import type { ActivationOutcome, EnrolmentService } from '../enrolment/enrolment-service.ts';
import type { ApplyOutcome, ExemptionService } from '../exemption/exemption-service.ts';
import type { ExemptionDecision, ExemptionForm } from '../exemption/types.ts';

/**
 * The teacher at the desk, for a trainee's desk visit: the Borgerservice case worker who
 * takes the paper form for exemption from Digital Post and decides at once (R16-R19), and
 * the bank clerk who activates a bank NemID for public self-service (R7). The decisions are
 * the desks' own rules (server/exemption, server/enrolment); the teacher only hands them
 * what the trainee brought to the desk.
 */
export class DeskService {
  constructor(
    private readonly exemption: ExemptionService,
    private readonly enrolment: EnrolmentService,
  ) {}

  isExempt(citizen: Citizen): boolean {
    return this.exemption.status(citizen).grant !== undefined;
  }

  /** The trainee's latest application for exemption and its decision, if any. */
  latestDecision(citizen: Citizen): ExemptionDecision | undefined {
    return [...this.exemption.status(citizen).decisions].sort((a, b) => b.id - a.id)[0];
  }

  hasPublicAccess(citizen: Citizen): boolean {
    return this.enrolment.hasPublicAccess(citizen.id);
  }

  applyForExemption(citizen: Citizen, form: ExemptionForm): ApplyOutcome {
    return this.exemption.apply(citizen, form);
  }

  activateAtBank(citizen: Citizen, showsId: boolean): ActivationOutcome {
    return this.enrolment.activatePublicAccess(citizen, showsId);
  }
}
