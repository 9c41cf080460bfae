// The e2e-local project: every app a suite boots runs on the local backplane (see jest.config.js).
process.env.BACKPLANE = 'local';
