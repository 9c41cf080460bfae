import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { EveningEntity } from '../entities';

/**
 * The one read the pages need on their own: an evening's join code for its QR code.
 * Kept apart from the evenings' repository so the web pages do not depend on its shape.
 */
@Injectable()
export class JoinLinkRepository {
  constructor(@InjectRepository(EveningEntity) private readonly evenings: Repository<EveningEntity>) {}

  async findJoinCode(eveningId: string): Promise<{ joinCode: string; status: EveningEntity['status'] } | null> {
    const row = await this.evenings.findOne({ where: { id: eveningId }, select: { joinCode: true, status: true } });
    return row ? { joinCode: row.joinCode, status: row.status } : null;
  }
}
