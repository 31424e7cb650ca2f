import { Controller, Get } from '@nestjs/common';
import { healthStatus } from '@dunning/api-contract';
import { Public } from '../common/auth.decorators';
import { Returns } from '../common/contract/contract.decorators';

@Controller('api/health')
export class HealthController {
  @Public()
  @Get()
  @Returns(healthStatus, { summary: 'The API answers' })
  health() {
    return { status: 'ok' as const };
  }
}
