export * from './domain.module';
export * from './services';
export * from './audit/audit.service';
export * from './auth/token.service';
export * from './staff/password';
export * from './staff/staff.service';
export * from './web/join-link.service';
