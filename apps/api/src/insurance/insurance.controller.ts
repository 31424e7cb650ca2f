import { Controller, Delete, Get, Patch, Post, Put } from '@nestjs/common';
import { z } from 'zod';
import {
  insuranceDeclaration,
  insuranceDeclarationBody,
  insuranceDeclarationList,
  insuranceDeclarationQuery,
  insuranceExposureReport,
  insuranceIndemnityBody,
  insuranceIndemnityResult,
  insurancePolicy,
  insurancePolicyBody,
  insurancePolicyList,
  insurancePolicyPatch,
  insuredLimit,
  insuredLimitBody,
  insuredLimitList,
} from '@dunning/api-contract';
import { Roles } from '../common/auth.decorators';
import { IdParam, Returns, ValidBody, ValidQuery } from '../common/contract/contract.decorators';
import { InsuranceService } from './insurance.service';

/**
 * Credit insurance (assurance-crédit): policies, the limits granted per customer, the threats of
 * loss and claims declared, the indemnity received (posted in the books: 512 / 416 or 411).
 */
@Controller('api/insurance')
@Roles('credit_manager')
export class InsuranceController {
  constructor(private readonly insurance: InsuranceService) {}

  @Get('policies')
  @Returns(insurancePolicyList, { summary: 'The credit insurance policies, active first' })
  policies() {
    return this.insurance.listPolicies();
  }

  @Post('policies')
  @Returns(insurancePolicy, { status: 201, errors: [409], summary: 'Adds a policy: insurer, coverage 60–100 %, the deadlines to declare a threat and file a claim' })
  createPolicy(@ValidBody(insurancePolicyBody) body: z.infer<typeof insurancePolicyBody>) {
    return this.insurance.createPolicy(body);
  }

  @Patch('policies/:id')
  @Returns(insurancePolicy, { summary: 'Changes a policy’s terms' })
  updatePolicy(@IdParam() id: string, @ValidBody(insurancePolicyPatch) body: z.infer<typeof insurancePolicyPatch>) {
    return this.insurance.updatePolicy(id, body);
  }

  @Post('policies/:id/deactivate')
  @Returns(insurancePolicy, { status: 200, summary: 'The policy ended: its customers are no longer insured (declarations made stay)' })
  deactivate(@IdParam() id: string) {
    return this.insurance.updatePolicy(id, { active: false });
  }

  @Get('limits')
  @Returns(insuredLimitList, { summary: 'The credit limit the insurer granted on each customer' })
  limits() {
    return this.insurance.listLimits();
  }

  @Put('limits/:id')
  @Returns(insuredLimit, { status: 200, errors: [422], summary: 'Sets the customer’s insured limit (the id is the customer’s)' })
  setLimit(@IdParam() customerId: string, @ValidBody(insuredLimitBody) body: z.infer<typeof insuredLimitBody>) {
    return this.insurance.setLimit(customerId, body);
  }

  @Delete('limits/:id')
  @Returns(null, { status: 204, summary: 'Removes the customer’s insured limit: it is no longer insured' })
  async removeLimit(@IdParam() customerId: string) {
    await this.insurance.removeLimit(customerId);
  }

  @Get('declarations')
  @Returns(insuranceDeclarationList, { summary: 'Threats of loss and claims declared, newest first, for a customer or an invoice' })
  declarations(@ValidQuery(insuranceDeclarationQuery) query: z.infer<typeof insuranceDeclarationQuery>) {
    return this.insurance.listDeclarations(query);
  }

  @Post('declarations')
  @Returns(insuranceDeclaration, {
    status: 201,
    errors: [409, 422],
    summary: 'Declares a threat of loss or files a claim by hand (a claim declares the threat first when none was; late ones go to the exceptions inbox)',
  })
  declare(@ValidBody(insuranceDeclarationBody) body: z.infer<typeof insuranceDeclarationBody>) {
    return this.insurance.declare(body);
  }

  @Post('declarations/:id/indemnity')
  @Returns(insuranceIndemnityResult, {
    status: 200,
    errors: [409, 422],
    summary: 'Records the insurer’s indemnity: 512 / 416 (or 411) in the books, the uninsured share stays owed; above the insured amount or the balance: 422',
  })
  indemnity(@IdParam() id: string, @ValidBody(insuranceIndemnityBody) body: z.infer<typeof insuranceIndemnityBody>) {
    return this.insurance.recordIndemnity(id, body);
  }
}

/** The exposure report, beside the other reports. */
@Controller('api/reports')
@Roles('credit_manager')
export class InsuranceReportController {
  constructor(private readonly insurance: InsuranceService) {}

  @Get('insurance-exposure')
  @Returns(insuranceExposureReport, { summary: 'Per customer: open balance, insured limit and share, insured and uninsured exposure, declarations; totals per currency' })
  exposure() {
    return this.insurance.exposure();
  }
}
