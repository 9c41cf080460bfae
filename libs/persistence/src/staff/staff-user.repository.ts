import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { StaffRole } from '@hs/contracts';
import { StaffUserEntity } from '../entities';

@Injectable()
export class StaffUserRepository {
  constructor(@InjectRepository(StaffUserEntity) private readonly users: Repository<StaffUserEntity>) {}

  findByEmail(email: string): Promise<StaffUserEntity | null> {
    return this.users.findOneBy({ email: email.toLowerCase() });
  }

  findById(id: string): Promise<StaffUserEntity | null> {
    return this.users.findOneBy({ id });
  }

  countByRole(role: StaffRole): Promise<number> {
    return this.users.countBy({ role });
  }

  list(): Promise<StaffUserEntity[]> {
    return this.users.find({ order: { createdAt: 'ASC' } });
  }

  /** Inserts; returns null when the e-mail address is taken (the unique index decides). */
  async insert(
    user: Pick<StaffUserEntity, 'email' | 'name' | 'role' | 'municipalities' | 'passwordHash'>,
  ): Promise<StaffUserEntity | null> {
    const result = await this.users
      .createQueryBuilder()
      .insert()
      .values({ ...user, email: user.email.toLowerCase() })
      .orIgnore()
      .returning('*')
      .execute();
    const row = result.raw[0] as Record<string, unknown> | undefined;
    if (!row) return null;
    return this.users.create({
      id: row.id as string,
      email: row.email as string,
      name: row.name as string,
      role: row.role as StaffRole,
      municipalities: row.municipalities as string[],
      passwordHash: row.password_hash as string,
      createdAt: row.created_at as Date,
    });
  }
}
