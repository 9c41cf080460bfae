import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@hs/config';
import { DomainError, isScopedRole, type StaffRole } from '@hs/contracts';
import { MetricsRegistry, StaffUserEntity, StaffUserRepository } from '@hs/persistence';
import type { Counter } from 'prom-client';
import { RateLimitStore } from '../limits/rate-limit-store';
import { AuditService } from '../audit/audit.service';
import { normalizeMunicipalities } from '../scope/staff-scope';
import { TokenService } from '../auth/token.service';
import { loginDelayMs, loginFailureRule } from './login-throttle';
import { DUMMY_HASH_PROMISE, hashPassword, verifyPassword } from './password';

export interface StaffUserView {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
  /** The municipalities a tenant_org or municipality account reads; empty for every other role. */
  municipalities: string[];
}

function tooManyLogins(retryAfterSeconds: number): DomainError {
  return new DomainError('RATE_LIMITED', 'Te veel mislukte inlogpogingen vanaf dit adres; probeer het later opnieuw.', {
    retryAfterSeconds,
  });
}

export function toStaffUserView(user: StaffUserEntity): StaffUserView {
  return { id: user.id, email: user.email, name: user.name, role: user.role, municipalities: user.municipalities ?? [] };
}

@Injectable()
export class StaffService {
  private readonly logger = new Logger('Staff');
  private readonly attempts: Counter<'result'>;
  private readonly lockouts: Counter;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: StaffUserRepository,
    private readonly tokens: TokenService,
    private readonly limits: RateLimitStore,
    private readonly audit: AuditService,
    metrics: MetricsRegistry,
  ) {
    this.attempts = metrics.counter({
      name: 'huurdersstem_login_attempts_total',
      help: 'Staff sign-in attempts by result: ok, wrong (password or account), locked (address refused)',
      labelNames: ['result'],
    });
    this.lockouts = metrics.counter({
      name: 'huurdersstem_login_lockouts_total',
      help: 'Times an address crossed LOGIN_FAILURES_PER_IP and was refused for the rest of the window',
    });
  }

  /**
   * Signs in. Failures count against the client's address only (see login-throttle.ts): an address that
   * keeps failing waits longer for each answer and is refused after LOGIN_FAILURES_PER_IP; the account is
   * never blocked, so the right password keeps working from anywhere else. No reset on success: one valid
   * low-privilege account would otherwise wipe its address's count between guesses.
   */
  async login(email: string, password: string, ip: string): Promise<{ accessToken: string; user: StaffUserView }> {
    const rule = loginFailureRule(this.config.loginFailuresPerIp);
    const before = await this.limits.peek(rule, ip);
    if (before.over) {
      this.attempts.inc({ result: 'locked' });
      throw tooManyLogins(before.retryAfterSeconds);
    }
    const delay = loginDelayMs(before.consumed);
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    const user = await this.users.findByEmail(email.trim().toLowerCase());
    const ok = await verifyPassword(password, user?.passwordHash ?? (await DUMMY_HASH_PROMISE));
    if (!user || !ok) {
      this.attempts.inc({ result: 'wrong' });
      const after = await this.limits.consume(rule, ip);
      if (after.over) {
        // The failure that crosses the limit starts a lockout of this address; later ones are 'locked' attempts.
        if (!before.over && after.consumed === rule.points + 1) this.lockouts.inc();
        throw tooManyLogins(after.retryAfterSeconds);
      }
      throw new DomainError('INVALID_CREDENTIALS', 'Onbekende combinatie van e-mailadres en wachtwoord.');
    }
    this.attempts.inc({ result: 'ok' });
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

  /** README.md, Quick start: with ADMIN_EMAIL and ADMIN_PASSWORD set and no admin yet, that admin is created. */
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
