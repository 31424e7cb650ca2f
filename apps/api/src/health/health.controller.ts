import { Controller, Get } from '@nestjs/common';
import { Public } from '../common/auth.decorators';

@Controller('api/health')
export class HealthController {
  @Public()
  @Get()
  health() {
    return { status: 'ok' };
  }
}
