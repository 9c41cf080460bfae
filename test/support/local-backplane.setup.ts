// The e2e-local project: every app a suite boots runs on the local backplane, on a database of its own
// (global-setup.ts makes it), so the suites it runs a second time never meet the e2e project's data.
process.env.BACKPLANE = 'local';
process.env.DATABASE_URL = process.env.HS_LOCAL_DATABASE_URL;
