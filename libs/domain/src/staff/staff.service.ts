import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@hs/config';
import { DomainError, isScopedRole, type StaffRole } from '@hs/contracts';
import { RateLimitRepository, StaffUserEntity, StaffUserRepository } from '@hs/persistence';
import { AuditService } from '../audit/audit.service';
import { normalizeMunicipalities } from '../scope/staff-scope';
import { TokenService } from '../auth/token.service';
import { DUMMY_HASH_PROMISE, hashPassword, verifyPassword } from './password';

export interface StaffUserView {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
  /** The municipalities a tenant_org or municipality account reads; empty for every other role. */
  municipalities: string[];
}

const LOGIN_WINDOW_SECONDS = 15 * 60;
const LOGIN_LIMIT_PER_ACCOUNT = 10;
const LOGIN_LIMIT_PER_IP = 100;

export function toStaffUserView(user: StaffUserEntity): StaffUserView {
  return { id: user.id, email: user.email, name: user.name, role: user.role, municipalities: user.municipalities ?? [] };
}

@Injectable()
export class StaffService {
  private readonly logger = new Logger('Staff');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: StaffUserRepository,
    private readonly tokens: TokenService,
    private readonly limits: RateLimitRepository,
    private readonly audit: AuditService,
  ) {}

  async login(email: string, password: string, ip: string): Promise<{ accessToken: string; user: StaffUserView }> {
    const account = email.trim().toLowerCase();
    const [byAccount, byIp] = await Promise.all([
      this.limits.hit(`login:acct:${account}`, LOGIN_LIMIT_PER_ACCOUNT, LOGIN_WINDOW_SECONDS),
      this.limits.hit(`login:ip:${ip}`, LOGIN_LIMIT_PER_IP, LOGIN_WINDOW_SECONDS),
    ]);
    if (!byAccount.allowed || !byIp.allowed) {
      throw new DomainError('RATE_LIMITED', 'Te veel inlogpogingen; probeer het over een kwartier opnieuw.', {
        retryAfterSeconds: Math.max(byAccount.retryAfterSeconds, byIp.retryAfterSeconds),
      });
    }
    const user = await this.users.findByEmail(account);
    const ok = await verifyPassword(password, user?.passwordHash ?? (await DUMMY_HASH_PROMISE));
    if (!user || !ok) throw new DomainError('INVALID_CREDENTIALS', 'Onbekende combinatie van e-mailadres en wachtwoord.');
    await this.limits.reset(`login:acct:${account}`, LOGIN_WINDOW_SECONDS);
    await this.audit.record(user.id, 'staff.login', 'staff_user', user.id);
    return { accessToken: this.tokens.signStaff(user.id, user.role), user: toStaffUserView(user) };
  }

  async me(userId: string): Promise<StaffUserView> {
    const user = await this.users.findById(userId);
    if (!user) throw new DomainError('UNAUTHORIZED', 'Dit account bestaat niet meer.');
    return toStaffUserView(user);
  }

  async list(): Promise<StaffUserView[]> {
    return (await this.users.list()).map(toStaffUserView);
  }

  async create(
    actorId: string | null,
    input: { email: string; name: string; role: StaffRole; password: string; municipalities?: string[] },
  ): Promise<StaffUserView> {
    const municipalities = municipalitiesFor(input.role, input.municipalities);
    const created = await this.users.insert({
      email: input.email.trim(),
      name: input.name,
      role: input.role,
      municipalities,
      passwordHash: await hashPassword(input.password),
    });
    if (!created) throw new DomainError('EMAIL_TAKEN', 'Er bestaat al een account met dit e-mailadres.');
    await this.audit.record(actorId, 'staff.create', 'staff_user', created.id, {
      role: created.role,
      ...(municipalities.length ? { municipalities } : {}),
    });
    return toStaffUserView(created);
  }

  /** CONTRACT.md: with ADMIN_EMAIL and ADMIN_PASSWORD set and no admin yet, that admin is created. */
  async ensureFirstAdmin(): Promise<void> {
    const { adminEmail, adminPassword } = this.config;
    if (!adminEmail || !adminPassword) return;
    if ((await this.users.countByRole('admin')) > 0) return;
    const created = await this.users.insert({
      email: adminEmail,
      name: 'Beheerder',
      role: 'admin',
      municipalities: [],
      passwordHash: await hashPassword(adminPassword),
    });
    if (created) {
      await this.audit.record(null, 'staff.create-first-admin', 'staff_user', created.id);
      this.logger.log('first admin account created from ADMIN_EMAIL');
    }
  }
}

/** The people at the table need the municipalities they may read; every other role reads all of them and takes none. */
function municipalitiesFor(role: StaffRole, given: string[] | undefined): string[] {
  const municipalities = normalizeMunicipalities(given ?? []);
  if (isScopedRole(role) && municipalities.length === 0) {
    throw new DomainError('VALIDATION_FAILED', `Een account met rol ${role} heeft minstens één gemeente nodig (municipalities).`);
  }
  if (!isScopedRole(role) && given !== undefined) {
    throw new DomainError('VALIDATION_FAILED', `Een account met rol ${role} ziet alle gemeenten; laat municipalities weg.`);
  }
  return municipalities;
}
