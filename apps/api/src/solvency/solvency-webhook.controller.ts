import { Controller, Post, UnprocessableEntityException, UseGuards } from '@nestjs/common';
import { type SolvencyWebhookBody, solvencyProviderParam, solvencyWebhookBody, solvencyWebhookResult } from '@dunning/api-contract';
import { SolvencyScoresRepository } from '@dunning/db';
import { Public } from '../common/auth.decorators';
import { Returns, ValidBody, ValidParam } from '../common/contract/contract.decorators';
import { SolvencyScoresService } from './solvency-scores.service';
import { SolvencySignatureGuard } from './solvency-signature.guard';

/**
 * A solvency provider's notifications (Creditsafe, Ellisphère, Altares: a connector maps the
 * provider's own scale to 1–10). Each request is signed (SolvencySignatureGuard, checked before the
 * body is read): anything unsigned, wrongly signed or older than five minutes gets 401 and writes
 * nothing. A notification delivered again (same provider and externalId) is recorded once.
 */
@Controller('api/webhooks/solvency')
@UseGuards(SolvencySignatureGuard)
export class SolvencyWebhookController {
  constructor(
    private readonly service: SolvencyScoresService,
    private readonly scores: SolvencyScoresRepository,
  ) {}

  @Post(':provider')
  @Public()
  @Returns(solvencyWebhookResult, {
    status: 200,
    security: [{ solvencySignature: [] }],
    errors: [401, 404, 422],
    summary: 'A provider’s signed solvency score (401: bad or missing signature, or older than five minutes; 404: SOLVENCY_WEBHOOK_SECRET unset; 422: unknown customer)',
  })
  async receive(@ValidParam('provider', solvencyProviderParam) provider: string, @ValidBody(solvencyWebhookBody) body: SolvencyWebhookBody) {
    const customerId = body.customerReference
      ? (await this.scores.customerIdsByReference([body.customerReference])).get(body.customerReference)
      : await this.scores.customerIdByLegalId(body.legalId!);
    if (!customerId) {
      const field = body.customerReference ? 'customerReference' : 'legalId';
      throw new UnprocessableEntityException({ message: `${field}: no such customer`, problems: [{ field, message: 'no such customer' }] });
    }
    const [effect] = await this.service.record([
      { customerId, score: body.score, provider, source: 'webhook', scoredAt: new Date(body.scoredAt), externalId: body.externalId, note: body.note },
    ]);
    return { result: effect!.recorded ? ('recorded' as const) : ('duplicate' as const), band: effect!.band, rerouted: effect!.rerouted };
  }
}
