import { Controller, Delete, NotFoundException, Post } from '@nestjs/common';
import { agencyApiKey } from '@dunning/api-contract';
import { UsersRepository } from '@dunning/db';
import { Roles } from '../common/auth.decorators';
import { IdParam, Returns } from '../common/contract/contract.decorators';
import { newToken, tokenHash } from '../auth/secrets';

/**
 * Agencies' API keys, for the admin: a new key (or a rotated one) is answered once and only its
 * SHA-256 is stored, which the auth guard looks X-Api-Key up by; rotating or revoking makes the
 * previous key fail at once.
 */
@Controller('api/agencies')
@Roles('admin')
export class AgencyKeysController {
  constructor(private readonly users: UsersRepository) {}

  @Post(':id/api-key')
  @Returns(agencyApiKey, { status: 201, errors: [404], summary: 'Creates or rotates the agency’s API key; the key is in this answer only' })
  async rotate(@IdParam() id: string) {
    await this.existing(id);
    const apiKey = `agk_${newToken()}`;
    await this.users.setAgencyApiKey(id, tokenHash(apiKey));
    return { agencyId: id, apiKey };
  }

  @Delete(':id/api-key')
  @Returns(null, { status: 204, errors: [404], summary: 'Revokes the agency’s API key (its portal calls answer 401 until a new key is made)' })
  async revoke(@IdParam() id: string) {
    await this.existing(id);
    await this.users.setAgencyApiKey(id, null);
  }

  private async existing(id: string) {
    if (!(await this.users.agency(id))) throw new NotFoundException(`agency ${id} not found`);
  }
}
