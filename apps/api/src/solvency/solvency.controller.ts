import { Controller, Get, NotFoundException, Post, Put, UnprocessableEntityException, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { z } from 'zod';
import {
  type ScoreBody,
  type ScoreHistory,
  type ScoreImportResult,
  scoreBody,
  scoreHistory,
  scoreImportFields,
  scoreImportResult,
  scoreOutcome,
  solvencySettings,
  solvencySettingsBody,
} from '@dunning/api-contract';
import { scoreBand } from '@dunning/domain';
import { CustomersRepository, SolvencyScoresRepository } from '@dunning/db';
import { CurrentPrincipal, type Principal, Roles } from '../common/auth.decorators';
import { IdParam, Returns, ValidBody } from '../common/contract/contract.decorators';
import { ImportFileError, type ImportTable, readImportFile } from '../invoices/import-file.reader';
import { fileProblem } from '../invoices/invoice-import.service';
import { readScoreTable } from './score-file';
import { type ScoreEffect, SolvencyScoresService } from './solvency-scores.service';
import { scoreOnWire } from './score-on-wire';

const HISTORY_LIMIT = 200;
const uploadLimits = { limits: { fileSize: 20 * 1024 * 1024 } };
const importForm = { contentType: 'multipart/form-data', files: ['file'] };

/** Effects of one score as the API answers them. */
export function outcomeOnWire(effect: ScoreEffect) {
  return {
    recorded: effect.recorded,
    score: scoreOnWire(effect.row),
    riskScore: effect.riskScore,
    band: effect.band,
    previousBand: effect.previousBand,
    rerouted: effect.rerouted,
    alert: effect.alert,
    creditLimit: effect.creditLimit,
  };
}

/**
 * Customers' solvency scores (1 poor – 10 very good): one by one, by CSV, the history with its
 * bands, and the alert settings. Providers' signed notifications: solvency-webhook.controller.ts.
 */
@Controller('api')
@Roles('credit_manager')
export class SolvencyController {
  constructor(
    private readonly service: SolvencyScoresService,
    private readonly scores: SolvencyScoresRepository,
    private readonly customers: CustomersRepository,
  ) {}

  @Post('customers/:id/scores')
  @Returns(scoreOutcome, {
    status: 201,
    summary:
      'Records a solvency score of the customer (once per provider and externalId); a band change re-routes its running invoices, a drop below the threshold raises an alert',
  })
  async record(@IdParam() id: string, @ValidBody(scoreBody) body: ScoreBody) {
    if (!(await this.customers.findById(id))) throw new NotFoundException(`customer ${id} not found`);
    const source = body.provider === 'manual' ? 'manual' : 'api';
    const [effect] = await this.service.record([
      { customerId: id, score: body.score, provider: body.provider, source, scoredAt: new Date(body.scoredAt), externalId: body.externalId, note: body.note },
    ]);
    return outcomeOnWire(effect!);
  }

  @Get('customers/:id/scores')
  @Roles('credit_manager', 'collector')
  @Returns(scoreHistory, { summary: 'The customer’s solvency score, band and credit limit, and its scores newest first (200 at most)' })
  async history(@IdParam() id: string): Promise<ScoreHistory> {
    const customer = await this.customers.findById(id);
    if (!customer) throw new NotFoundException(`customer ${id} not found`);
    const rows = await this.scores.history(id, HISTORY_LIMIT);
    return {
      customerId: id,
      riskScore: customer.riskScore,
      band: customer.riskScore === null ? null : scoreBand(customer.riskScore),
      creditLimit: customer.creditLimit,
      creditLimitCurrency: customer.creditLimitCurrency,
      scores: rows.map(scoreOnWire) as unknown as ScoreHistory['scores'],
    };
  }

  @Post('solvency/scores/import')
  @Returns(scoreImportResult, {
    status: 201,
    errors: [422],
    summary: 'Imports solvency scores from a CSV or XLSX file (multipart field "file"): every line checked, all or nothing',
    description:
      'Columns: customer_reference, score (1–10), scored_at (YYYY-MM-DD, DD/MM/YYYY or an ISO 8601 instant), provider, and optionally external_id (recorded once per provider) and note. Encodings and separators as the invoice import. A 422 lists every problem with its line and field.',
  })
  @UseInterceptors(FileInterceptor('file', uploadLimits))
  async import(
    @UploadedFile() file: { originalname: string; buffer: Buffer } | undefined,
    @ValidBody(scoreImportFields, importForm) _fields: z.infer<typeof scoreImportFields>,
  ): Promise<ScoreImportResult> {
    if (!file)
      throw new UnprocessableEntityException({ message: 'file: attach the CSV or XLSX file as the multipart field "file"', problems: [{ field: 'file', message: 'required' }] });
    let table: ImportTable;
    try {
      table = await readImportFile(file);
    } catch (error) {
      throw error instanceof ImportFileError ? fileProblem(error) : error;
    }
    const { lines, errors } = readScoreTable(table, new Date());
    const ids = await this.scores.customerIdsByReference([...new Set(lines.map((l) => l.customerReference))]);
    for (const line of lines)
      if (!ids.has(line.customerReference)) errors.push({ line: line.line, field: 'customer_reference', message: `no customer with the reference "${line.customerReference}"` });
    if (errors.length > 0) {
      errors.sort((a, b) => a.line - b.line);
      throw new UnprocessableEntityException({
        message: `${errors.length} problem(s), nothing imported: ${errors
          .slice(0, 5)
          .map((e) => `line ${e.line}, ${e.field}: ${e.message}`)
          .join('; ')}${errors.length > 5 ? '…' : ''}`,
        problems: errors,
      });
    }
    const effects = await this.service.record(
      lines.map((l) => ({
        customerId: ids.get(l.customerReference)!,
        score: l.score,
        provider: l.provider,
        source: 'csv' as const,
        scoredAt: l.scoredAt,
        externalId: l.externalId,
        note: l.note,
      })),
    );
    const perCustomer = new Map(effects.filter((e) => e.recorded).map((e) => [e.row.customerId, e]));
    return {
      imported: effects.filter((e) => e.recorded).length,
      unchanged: effects.filter((e) => !e.recorded).length,
      rerouted: [...perCustomer.values()].reduce((sum, e) => sum + e.rerouted, 0),
      alerts: [...perCustomer.values()].filter((e) => e.alert).length,
    };
  }

  @Get('settings/solvency')
  @Returns(solvencySettings, { summary: 'The solvency alert threshold and the credit-limit cut a drop below it makes' })
  settings() {
    return this.service.settingsNow();
  }

  @Put('settings/solvency')
  @Roles('admin', 'credit_manager')
  @Returns(solvencySettings, { summary: 'Changes the solvency settings given (the others stay); answers them all' })
  saveSettings(@ValidBody(solvencySettingsBody) body: z.infer<typeof solvencySettingsBody>, @CurrentPrincipal() principal: Principal) {
    return this.service.saveSettings(body, principal.userId);
  }
}
