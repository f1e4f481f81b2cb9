// The Postman collection of the service (docs/postman/analytics.postman_collection.json) and its environment, written from the
// request list below, and the check that the collection calls every operation of the OpenAPI document and nothing else.
//   node scripts/lib/postman-collection.mjs build           writes both files
//   node scripts/lib/postman-collection.mjs check DOC.json  fails when the committed files differ from a build, or when the
//                                                           requests and the document's operations are not the same set
// The order runs green on a fresh demo instance (scripts/newman): logins first, then each job after the request that makes it
// (report generation → poll → download → delete, refresh → status, schedule create → read → delete), logout last. No demo
// user is erased: the erasure calls send a wrong `confirm` and expect 400.
import { readFileSync, writeFileSync } from 'node:fs';

const root = new URL('../../', import.meta.url);
const collectionFile = new URL('docs/postman/analytics.postman_collection.json', root);
const environmentFile = new URL('docs/postman/analytics.postman_environment.json', root);

const users = {
  learner: { email: 'learner@test.com', id: 'learner-123' },
  trainer: { email: 'trainer@test.com', id: 'trainer-456' },
  admin: { email: 'admin@test.com', id: 'admin-789' },
  super: { email: 'supertester@test.com', id: 'supertester-999' },
  operator: { email: 'operator@test.com', id: 'operator-000' },
};

// Test snippets (Postman sandbox code).
const status = (...codes) => codes.length === 1
  ? `pm.test('status ${codes[0]}', () => pm.response.to.have.status(${codes[0]}));`
  : `pm.test('status ${codes.join(' or ')}', () => pm.expect(pm.response.code).to.be.oneOf([${codes.join(', ')}]));`;
const problem = (code, httpStatus) => [
  status(httpStatus),
  `pm.test('problem ${code}', () => {`,
  `  pm.expect(pm.response.headers.get('Content-Type')).to.include('application/problem+json');`,
  `  const body = pm.response.json();`,
  `  pm.expect(body.code).to.eql('${code}');`,
  `  pm.expect(body.error).to.eql('${code}');`,
  `  pm.expect(body.status).to.eql(${httpStatus});`,
  `  pm.expect(body.traceId).to.be.a('string');`,
  `});`,
];
const keys = (...names) => [`pm.test('body has ${names.join(', ')}', () => pm.expect(pm.response.json()).to.include.keys(${names.map((n) => `'${n}'`).join(', ')}));`];
const envelope = (subjectType, subjectId) => [
  status(200),
  `pm.test('analytics envelope', () => {`,
  `  const body = pm.response.json();`,
  `  pm.expect(body).to.include.keys('data', 'cached', 'lastUpdated', 'expiresAt', 'isStale', 'staleness', 'meta');`,
  `  pm.expect(body.data).to.be.an('object');`,
  `  pm.expect(body.meta.subject).to.eql({ type: '${subjectType}', id: '${subjectId}' });`,
  `  pm.expect(pm.response.headers.get('ETag')).to.match(/^W\\//);`,
  `});`,
];
const save = (variable, expression) => [`pm.collectionVariables.set('${variable}', ${expression});`];

// One request: [name, method, path, { user, body, headers, tests, pre }].
function request(name, method, path, options = {}) {
  const headers = [];
  if (options.user) headers.push({ key: 'Authorization', value: `Bearer {{${options.user}Token}}` });
  if (options.body !== undefined) headers.push({ key: 'Content-Type', value: 'application/json' });
  for (const [key, value] of Object.entries(options.headers ?? {})) headers.push({ key, value });
  const [pathOnly, query] = path.split('?');
  const item = {
    name,
    request: {
      method,
      header: headers,
      url: {
        raw: `{{baseUrl}}${path}`,
        host: ['{{baseUrl}}'],
        path: pathOnly.split('/').filter(Boolean),
        ...(query ? { query: query.split('&').map((pair) => { const [key, value] = pair.split('='); return { key, value }; }) } : {}),
      },
      ...(options.body !== undefined ? { body: { mode: 'raw', raw: JSON.stringify(options.body, null, 2), options: { raw: { language: 'json' } } } } : {}),
      ...(options.description ? { description: options.description } : {}),
    },
    event: [],
  };
  if (options.pre) item.event.push({ listen: 'prerequest', script: { type: 'text/javascript', exec: [].concat(options.pre) } });
  item.event.push({ listen: 'test', script: { type: 'text/javascript', exec: [].concat(options.tests ?? [status(200)]) } });
  return item;
}

const folder = (name, description, items) => ({ name, description, item: items });
const L = users.learner.id;
const T = users.trainer.id;
const O = 'org-123';

const learnerAnalytics = ['overview', 'velocity', 'skill-gap', 'engagement', 'mastery', 'performance', 'content-effectiveness'];
const trainerAnalytics = ['overview', 'course-performance', 'course-health', 'student-distribution', 'teaching-effectiveness'];
const orgAnalytics = ['overview', 'learning-velocity', 'strategic-alignment', 'learning-culture', 'org-performance', 'department-analytics'];

const items = [
  folder('Auth', 'Log in as every demo user; the tokens go into collection variables used by the later folders.', [
    ...Object.entries(users).map(([key, user]) => request(`Login as ${user.id}`, 'POST', '/api/v1/auth/login', {
      body: { email: `{{${key}Email}}`, password: '{{password}}' },
      tests: [status(200), ...keys('token', 'refreshToken', 'expiresIn', 'refreshExpiresIn', 'tokenType', 'user'),
        `pm.test('user is ${user.id}', () => pm.expect(pm.response.json().user.id).to.eql('${user.id}'));`,
        `pm.test('no-store', () => pm.expect(pm.response.headers.get('Cache-Control')).to.eql('no-store'));`,
        ...save(`${key}Token`, 'pm.response.json().token'), ...save(`${key}Refresh`, 'pm.response.json().refreshToken')],
    })),
    request('Login with a wrong password → 401', 'POST', '/api/v1/auth/login', {
      body: { email: '{{learnerEmail}}', password: 'wrong-password' }, tests: problem('INVALID_CREDENTIALS', 401) }),
    request('Login without an e-mail → 400', 'POST', '/api/v1/auth/login', {
      body: { password: '{{password}}' }, tests: [...problem('VALIDATION_ERROR', 400),
        `pm.test('names the field', () => pm.expect(pm.response.json().errors).to.have.property('email'));`] }),
    request('Refresh the supertester session', 'POST', '/api/v1/auth/refresh', {
      body: { refreshToken: '{{superRefresh}}' },
      tests: [status(200), ...keys('token', 'refreshToken', 'user'),
        `pm.test('a new refresh token', () => pm.expect(pm.response.json().refreshToken).to.not.eql(pm.collectionVariables.get('superRefresh')));`,
        ...save('superToken', 'pm.response.json().token')] }),
    request('Refresh with an unknown token → 401', 'POST', '/api/v1/auth/refresh', {
      body: { refreshToken: 'not-a-refresh-token-at-all-0123456789' }, tests: problem('INVALID_REFRESH_TOKEN', 401) }),
    request('Current user (learner)', 'GET', '/api/v1/auth/me', { user: 'learner',
      tests: [status(200), ...keys('user', 'authMode'), `pm.test('active role learner', () => pm.expect(pm.response.json().user.activeRole).to.eql('learner'));`] }),
    request('Current user as org-admin (supertester, X-Active-Role)', 'GET', '/api/v1/auth/me', { user: 'super', headers: { 'X-Active-Role': 'org-admin' },
      tests: [status(200), `pm.test('role follows the header', () => pm.expect(pm.response.json().user.role).to.eql('org-admin'));`,
        `pm.test('header echoed', () => pm.expect(pm.response.headers.get('X-Active-Role')).to.eql('org-admin'));`] }),
    request('Current user without a token → 401', 'GET', '/api/v1/auth/me', { tests: [...problem('MISSING_TOKEN', 401),
      `pm.test('WWW-Authenticate', () => pm.expect(pm.response.headers.get('WWW-Authenticate')).to.include('Bearer'));`] }),
    request('Current user with a tampered token → 401', 'GET', '/api/v1/auth/me', { headers: { Authorization: 'Bearer {{learnerToken}}x' },
      tests: problem('INVALID_TOKEN', 401) }),
    request('Role the token does not hold → 403', 'GET', '/api/v1/auth/me', { user: 'learner', headers: { 'X-Active-Role': 'platform-admin' },
      tests: problem('ACTIVE_ROLE_NOT_GRANTED', 403) }),
    request('Unknown role → 400', 'GET', '/api/v1/auth/me', { user: 'learner', headers: { 'X-Active-Role': 'wizard' },
      tests: problem('INVALID_ACTIVE_ROLE', 400) }),
  ]),
  folder('System', 'Anonymous system endpoints (API.md §4.10), the ping baseline and the capabilities.', [
    request('Service index', 'GET', '/', { tests: [status(200), ...keys('name', 'version', 'docs', 'openapi', 'health')] }),
    request('Health', 'GET', '/api/health', { tests: [status(200), ...keys('status', 'timestamp', 'version', 'services'),
      `pm.test('database up', () => pm.expect(pm.response.json().services.database.status).to.eql('up'));`] }),
    request('Health (v1 alias)', 'GET', '/api/v1/health', { tests: [status(200), ...keys('status', 'services')] }),
    request('Status', 'GET', '/api/status', { tests: [status(200), ...keys('status', 'version', 'metrics', 'jobs')] }),
    request('Liveness', 'GET', '/health/live', { tests: [status(200), `pm.test('Healthy', () => pm.expect(pm.response.text()).to.eql('Healthy'));`] }),
    request('Readiness', 'GET', '/health/ready', { tests: [status(200), `pm.test('Healthy', () => pm.expect(pm.response.text()).to.eql('Healthy'));`] }),
    request('Metrics (from loopback)', 'GET', '/metrics', { tests: [status(200), `pm.test('Prometheus text', () => pm.expect(pm.response.text()).to.include('# TYPE'));`] }),
    request('OpenAPI document', 'GET', '/openapi/v1.json', { tests: [status(200), `pm.test('OpenAPI 3.1', () => pm.expect(pm.response.json().openapi).to.match(/^3\\.1/));`] }),
    request('API docs page', 'GET', '/docs', { tests: [status(200),
      `pm.test('HTML under the docs CSP', () => { pm.expect(pm.response.headers.get('Content-Type')).to.include('text/html'); pm.expect(pm.response.headers.get('Content-Security-Policy')).to.include("script-src 'self'"); });`] }),
    request('Ping', 'GET', '/api/v1/ping', { user: 'learner', tests: [status(200), `pm.test('empty object', () => pm.expect(pm.response.json()).to.eql({}));`] }),
    request('Capabilities', 'GET', '/api/v1/capabilities', { user: 'learner', tests: [status(200), ...keys('organisationId', 'sourceMode', 'analytics')] }),
    request('Unknown route → 404', 'GET', '/api/v1/no-such-route', { user: 'learner', tests: problem('ROUTE_NOT_FOUND', 404),
      description: 'Not an operation of the document: the check skips requests named "→ 404" on unknown routes.' }),
  ]),
  folder('Learner analytics', `Every learner analytic of ${L} as the learner; the cross-user, validation and ETag cases.`, [
    ...learnerAnalytics.map((a) => request(`Learner ${a}`, 'GET', `/api/v1/learner/analytics/${a}/{{learnerId}}`, { user: 'learner',
      tests: [...envelope('learner', L), ...(a === 'velocity' ? save('velocityEtag', "pm.response.headers.get('ETag')") : [])] })),
    request('Learner velocity again with If-None-Match → 304', 'GET', '/api/v1/learner/analytics/velocity/{{learnerId}}', { user: 'learner',
      headers: { 'If-None-Match': '{{velocityEtag}}' }, tests: [status(304)] }),
    request('Trainer reads a student (learner-123)', 'GET', '/api/v1/learner/analytics/engagement/{{learnerId}}', { user: 'trainer', tests: envelope('learner', L) }),
    request('Learner reads another learner → 403', 'GET', '/api/v1/learner/analytics/velocity/{{adminId}}', { user: 'learner', tests: problem('ACCESS_DENIED', 403) }),
    request('Engagement window out of range → 400', 'GET', '/api/v1/learner/analytics/engagement/{{learnerId}}?windowDays=3', { user: 'learner',
      tests: [...problem('VALIDATION_ERROR', 400), `pm.test('names windowDays', () => pm.expect(pm.response.json().errors).to.have.property('windowDays'));`] }),
    request('Malformed id → 400', 'GET', '/api/v1/learner/analytics/velocity/bad%20id!', { user: 'learner', tests: problem('VALIDATION_ERROR', 400) }),
  ]),
  folder('Trainer analytics', `The trainer analytics of ${T} and the app's two compatibility paths.`, [
    ...trainerAnalytics.map((a) => request(`Trainer ${a}`, 'GET', `/api/v1/trainer/analytics/${a}/{{trainerId}}`, { user: 'trainer', tests: envelope('trainer', T) })),
    request('Compat: student distribution of the primary course', 'GET', '/api/v1/analytics/trainer/{{trainerId}}/student-distribution/default-course', { user: 'trainer',
      tests: [...envelope('trainer', T), `pm.test('wrapped payload', () => pm.expect(pm.response.json().data).to.have.property('studentDistribution'));`] }),
    request('Compat: teaching effectiveness', 'GET', '/api/v1/analytics/trainer/{{trainerId}}/teaching-effectiveness', { user: 'trainer',
      tests: [...envelope('trainer', T), `pm.test('wrapped payload', () => pm.expect(pm.response.json().data).to.have.property('teachingEffectiveness'));`] }),
    request('Learner on a trainer path → 403', 'GET', '/api/v1/trainer/analytics/overview/{{trainerId}}', { user: 'learner', tests: problem('ROLE_NOT_PERMITTED', 403) }),
  ]),
  folder('Organisation analytics', `The organisation analytics of ${O} as its org-admin.`, [
    ...orgAnalytics.map((a) => request(`Organisation ${a}`, 'GET', `/api/v1/org-admin/analytics/${a}/{{orgId}}`, { user: 'admin', tests: envelope('organisation', O) })),
    request('Another organisation → 403', 'GET', '/api/v1/org-admin/analytics/overview/org-other', { user: 'admin', tests: problem('ACCESS_DENIED', 403) }),
  ]),
  folder('Comparison and predictive', 'Peer comparison, skill demand, predictions, the at-risk list and the model cards.', [
    request('Peer comparison', 'GET', '/api/v1/comparison/peer/{{learnerId}}', { user: 'learner', tests: envelope('learner', L) }),
    request('Peer comparison of the org cohort', 'GET', '/api/v1/comparison/peer/{{orgId}}', { user: 'admin', tests: envelope('org-cohort', O) }),
    request('Skill demand', 'GET', '/api/v1/comparison/skill-demand', { user: 'learner', tests: [status(200), ...keys('data', 'meta')] }),
    request('Skill demand with a bad timeframe → 400', 'GET', '/api/v1/comparison/skill-demand?timeframe=decade', { user: 'learner', tests: problem('VALIDATION_ERROR', 400) }),
    request('Drop-off risk', 'GET', '/api/v1/predictive/drop-off-risk/{{learnerId}}', { user: 'learner', tests: envelope('learner', L) }),
    request('Forecast', 'GET', '/api/v1/predictive/forecast/{{learnerId}}', { user: 'learner', tests: envelope('learner', L) }),
    request('Recommendations', 'GET', '/api/v1/predictive/recommendations/{{learnerId}}', { user: 'learner', tests: envelope('learner', L) }),
    request('At-risk learners of the trainer cohort', 'GET', '/api/v1/predictive/at-risk/{{trainerId}}', { user: 'trainer',
      tests: [...envelope('trainer-cohort', T), `pm.test('paged items', () => pm.expect(pm.response.json().data).to.include.keys('items', 'pagination', 'model'));`] }),
    request('Model cards', 'GET', '/api/v1/predictive/models', { user: 'admin',
      tests: [status(200), ...keys('models'), `pm.test('at least one card', () => pm.expect(pm.response.json().models.length).to.be.above(0));`,
        ...save('modelId', 'pm.response.json().models[0].id')] }),
    request('One model card', 'GET', '/api/v1/predictive/models/{{modelId}}', { user: 'admin', tests: [status(200), ...keys('id', 'analytic', 'kind', 'status', 'qualityGate')] }),
    request('Unknown model card → 404', 'GET', '/api/v1/predictive/models/mdl_unknown', { user: 'admin', tests: problem('MODEL_NOT_FOUND', 404) }),
    request('Retrain the drop-off model (operator)', 'POST', '/api/v1/predictive/models/retrain', { user: 'operator',
      body: { analytic: 'drop-off-risk', organisationId: '{{orgId}}' },
      tests: [status(202, 409), `pm.test('a job', () => pm.expect(pm.response.json().jobId).to.match(/^job_/));`] }),
  ]),
  folder('Gamification', 'Stats, achievements, streak and the leaderboard.', [
    request('Stats', 'GET', '/api/v1/gamification/stats/{{learnerId}}', { user: 'learner', tests: envelope('learner', L) }),
    request('Achievements', 'GET', '/api/v1/gamification/achievements/{{learnerId}}?status=all', { user: 'learner', tests: envelope('learner', L) }),
    request('Streak', 'GET', '/api/v1/gamification/streak/{{learnerId}}', { user: 'learner', tests: envelope('learner', L) }),
    request('Leaderboard', 'GET', '/api/v1/gamification/leaderboard?timeframe=month&limit=10', { user: 'learner',
      tests: [status(200), `pm.test('ranked rows', () => pm.expect(pm.response.json().data).to.include.keys('leaderboard', 'statistics', 'pagination'));`] }),
    request('Leaderboard limit below 10 → 400', 'GET', '/api/v1/gamification/leaderboard?limit=5', { user: 'learner',
      tests: [...problem('VALIDATION_ERROR', 400), `pm.test('names limit', () => pm.expect(pm.response.json().errors).to.have.property('limit'));`] }),
  ]),
  folder('Refresh', 'A manual refresh and its status (a login may already have queued one: 409 then names that job).', [
    request('Request a refresh', 'POST', '/api/v1/analytics/refresh', { user: 'learner',
      body: { userId: '{{learnerId}}', role: 'learner', analytics: ['velocity', 'engagement'] },
      tests: [status(202, 409), `pm.test('a job id', () => pm.expect(pm.response.json().jobId).to.match(/^job_/));`,
        `if (pm.response.code === 202) pm.test('Location', () => pm.expect(pm.response.headers.get('Location')).to.include('/api/v1/analytics/refresh/'));`,
        ...save('refreshJobId', 'pm.response.json().jobId')] }),
    request('Refresh job status', 'GET', '/api/v1/analytics/refresh/{{refreshJobId}}', { user: 'learner',
      tests: [status(200), ...keys('jobId', 'status', 'progress', 'stage', 'subject')] }),
    request('Refresh of an unknown analytic → 400', 'POST', '/api/v1/analytics/refresh', { user: 'learner',
      body: { userId: '{{learnerId}}', role: 'learner', analytics: ['no-such-analytic'] }, tests: problem('VALIDATION_ERROR', 400) }),
    request('Unknown refresh job → 404', 'GET', '/api/v1/analytics/refresh/job_unknown', { user: 'learner', tests: problem('JOB_NOT_FOUND', 404) }),
  ]),
  folder('Reports', 'Generate → poll → download → delete; schedules create → list → read → delete.', [
    request('Report templates', 'GET', '/api/v1/reports/templates', { user: 'learner', tests: [status(200), ...keys('templates')] }),
    request('Generate a CSV report', 'POST', '/api/v1/reports/generate', { user: 'learner', body: { type: 'learner', format: 'csv' },
      tests: [status(202), ...keys('id', 'status', 'format'), `pm.test('queued', () => pm.expect(pm.response.json().status).to.eql('queued'));`,
        ...save('reportId', 'pm.response.json().id'), ...save('reportPolls', '0')] }),
    request('Poll the report until it completes', 'GET', '/api/v1/reports/{{reportId}}', { user: 'learner',
      tests: [status(200), ...keys('report', 'preview'),
        `const state = pm.response.json().report.status;`,
        `const polls = Number(pm.collectionVariables.get('reportPolls')) + 1;`,
        `pm.collectionVariables.set('reportPolls', String(polls));`,
        `if ((state === 'queued' || state === 'running') && polls < 60) { setTimeout(() => {}, 500); pm.execution.setNextRequest(pm.info.requestName); }`,
        `else pm.test('completed', () => pm.expect(state).to.eql('completed'));`] }),
    request('Download the report', 'GET', '/api/v1/reports/{{reportId}}/download', { user: 'learner',
      tests: [status(200), `pm.test('CSV attachment', () => { pm.expect(pm.response.headers.get('Content-Type')).to.include('text/csv'); pm.expect(pm.response.headers.get('Content-Disposition')).to.include('attachment'); });`] }),
    request('List my reports', 'GET', '/api/v1/reports?limit=10', { user: 'learner',
      tests: [status(200), ...keys('summary', 'reports', 'pagination'), `pm.test('lists the report', () => pm.expect(pm.response.json().reports.map(r => r.id)).to.include(pm.collectionVariables.get('reportId')));`] }),
    request("Another user's report → 404", 'GET', '/api/v1/reports/{{reportId}}', { user: 'trainer', tests: problem('REPORT_NOT_FOUND', 404) }),
    request('Generate with an unknown format → 400', 'POST', '/api/v1/reports/generate', { user: 'learner', body: { type: 'learner', format: 'docx' },
      tests: problem('VALIDATION_ERROR', 400) }),
    request('Delete the report', 'DELETE', '/api/v1/reports/{{reportId}}', { user: 'learner', tests: [status(204)] }),
    request('Create a schedule', 'POST', '/api/v1/reports/schedules', { user: 'learner',
      body: { name: 'Weekly summary', type: 'learner', format: 'pdf', templateId: 'learner-summary', cron: '0 7 * * 1', timeZone: 'Europe/Berlin', period: 'last-7-days' },
      tests: [status(201), ...keys('id', 'name', 'cron', 'nextRunAt'), `pm.test('Location', () => pm.expect(pm.response.headers.get('Location')).to.include(pm.response.json().id));`,
        ...save('scheduleId', 'pm.response.json().id')] }),
    request('List my schedules', 'GET', '/api/v1/reports/schedules', { user: 'learner', tests: [status(200), ...keys('schedules', 'pagination')] }),
    request('Read the schedule', 'GET', '/api/v1/reports/schedules/{{scheduleId}}', { user: 'learner', tests: [status(200), ...keys('id', 'name', 'cron')] }),
    request('Schedule with a bad cron → 400', 'POST', '/api/v1/reports/schedules', { user: 'learner',
      body: { name: 'Broken', type: 'learner', format: 'pdf', cron: 'every day' }, tests: problem('VALIDATION_ERROR', 400) }),
    request('Delete the schedule', 'DELETE', '/api/v1/reports/schedules/{{scheduleId}}', { user: 'learner', tests: [status(204)] }),
    request('Deleted schedule → 404', 'GET', '/api/v1/reports/schedules/{{scheduleId}}', { user: 'learner', tests: problem('SCHEDULE_NOT_FOUND', 404) }),
  ]),
  folder('Privacy', 'Preferences, an export, and erasure calls that must fail (wrong confirm) so no demo user is erased.', [
    request('My privacy preferences', 'GET', '/api/v1/privacy/users/{{learnerId}}/preferences', { user: 'learner',
      tests: [status(200), ...keys('leaderboardPrivacy', 'predictiveOptOut'), ...save('leaderboardPrivacy', 'pm.response.json().leaderboardPrivacy')] }),
    request('Update my preferences (unchanged values)', 'PUT', '/api/v1/privacy/users/{{learnerId}}/preferences', { user: 'learner',
      body: { leaderboardPrivacy: '{{leaderboardPrivacy}}', predictiveOptOut: false }, tests: [status(200), ...keys('leaderboardPrivacy', 'predictiveOptOut')] }),
    request('Export my data', 'GET', '/api/v1/privacy/users/{{learnerId}}/export', { user: 'learner',
      tests: [status(200), ...keys('exportedAt', 'user'), `pm.test('attachment', () => pm.expect(pm.response.headers.get('Content-Disposition')).to.include('export-learner-123'));`] }),
    request("Trainer exports the org-admin's data → 403", 'GET', '/api/v1/privacy/users/{{adminId}}/export', { user: 'trainer', tests: problem('ACCESS_DENIED', 403) }),
    request('Erasure with a wrong confirm → 400', 'DELETE', '/api/v1/privacy/users/{{learnerId}}?confirm=someone-else', { user: 'learner', tests: problem('VALIDATION_ERROR', 400) }),
    request('Erasure (app path) with a wrong confirm → 400', 'DELETE', '/api/v1/privacy/user/{{learnerId}}?confirm=someone-else', { user: 'learner', tests: problem('VALIDATION_ERROR', 400) }),
  ]),
  folder('Operator', 'Platform-admin endpoints; the sync answers 409 SOURCE_MODE_MISMATCH on a demo instance.', [
    request('Integration health', 'GET', '/api/v1/integration/health', { user: 'operator', tests: [status(200), ...keys('status', 'sourceMode', 'upstreams')] }),
    request('Reset a circuit breaker', 'POST', '/api/v1/integration/circuit-breaker/directory/reset', { user: 'operator',
      tests: [status(200), `pm.test('closed', () => pm.expect(pm.response.json().breaker.state).to.eql('closed'));`] }),
    request('Reset an unknown upstream → 404', 'POST', '/api/v1/integration/circuit-breaker/nowhere/reset', { user: 'operator', tests: problem('UPSTREAM_NOT_FOUND', 404) }),
    request('Sync in demo mode → 409', 'POST', '/api/v1/integration/sync', { user: 'operator', body: { mode: 'incremental' }, tests: problem('SOURCE_MODE_MISMATCH', 409) }),
    request('Start a recalculation', 'POST', '/api/v1/admin/recalculations', { user: 'operator', body: { organisationId: '{{orgId}}', analytics: ['engagement'] },
      tests: [status(202, 409), `pm.test('a job', () => pm.expect(pm.response.json().jobId).to.match(/^job_/));`, ...save('operatorJobId', 'pm.response.json().jobId')] }),
    request('List jobs', 'GET', '/api/v1/admin/jobs?limit=5', { user: 'operator', tests: [status(200), ...keys('jobs', 'pagination')] }),
    request('Read the job', 'GET', '/api/v1/admin/jobs/{{operatorJobId}}', { user: 'operator', tests: [status(200), ...keys('jobId', 'type', 'status', 'counters')] }),
    request('Learner on an operator path → 403', 'GET', '/api/v1/admin/jobs', { user: 'learner', tests: problem('ROLE_NOT_PERMITTED', 403) }),
  ]),
  folder('Logout', 'Last: end the learner session; its token is refused afterwards.', [
    request('Log out', 'POST', '/api/v1/auth/logout', { user: 'learner', body: { refreshToken: '{{learnerRefresh}}' }, tests: [status(204)] }),
    request('The logged-out token → 401', 'GET', '/api/v1/auth/me', { user: 'learner', tests: problem('TOKEN_REVOKED', 401) }),
  ]),
];

function build() {
  const variables = [
    ...Object.entries(users).flatMap(([key]) => [{ key: `${key}Token`, value: '' }, { key: `${key}Refresh`, value: '' }]),
    ...['velocityEtag', 'modelId', 'refreshJobId', 'reportId', 'reportPolls', 'scheduleId', 'leaderboardPrivacy', 'operatorJobId'].map((key) => ({ key, value: '' })),
  ];
  const collection = {
    info: {
      name: 'Learning Analytics API',
      description: 'Every operation of /openapi/v1.json against a demo instance (scripts/run or scripts/newman), with tests of status codes and key fields. Generated by scripts/postman from scripts/lib/postman-collection.mjs; run the folders in order.',
      schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json',
    },
    item: items,
    variable: variables,
  };
  const environment = {
    name: 'Learning Analytics (local demo)',
    values: [
      { key: 'baseUrl', value: 'http://localhost:3000', enabled: true },
      { key: 'password', value: 'password123', enabled: true },
      ...Object.entries(users).flatMap(([key, user]) => [
        { key: `${key}Email`, value: user.email, enabled: true },
        { key: `${key}Id`, value: user.id, enabled: true },
      ]),
      { key: 'orgId', value: O, enabled: true },
    ],
  };
  return { collection: JSON.stringify(collection, null, 2) + '\n', environment: JSON.stringify(environment, null, 2) + '\n' };
}

// The operations the collection calls, as (METHOD, document path template), and the requests no operation matches.
function coverage(documentFile) {
  const document = JSON.parse(readFileSync(documentFile, 'utf8'));
  const operations = Object.entries(document.paths).flatMap(([path, item]) => Object.keys(item)
    .filter((method) => ['get', 'post', 'put', 'delete', 'patch'].includes(method))
    .map((method) => ({ key: `${method.toUpperCase()} ${path}`, method: method.toUpperCase(), path,
      // Literal segments win over parameters (API.md §1.1): try the most literal templates first.
      literals: path.split('/').filter((segment) => segment && !segment.startsWith('{')).length,
      pattern: new RegExp('^' + path.replace(/\{[^}]+\}/g, '[^/]+') + '$') })))
    .sort((a, b) => b.literals - a.literals);
  const called = new Set();
  const unmatched = [];
  for (const group of items) {
    for (const item of group.item) {
      const path = '/' + item.request.url.path.join('/');
      const match = operations.find((op) => op.method === item.request.method && op.pattern.test(path));
      if (match) called.add(match.key);
      else if (!/→ 404$/.test(item.name)) unmatched.push(`${item.request.method} ${path} (${item.name})`);
    }
  }
  const missing = operations.map((op) => op.key).filter((key) => !called.has(key)).sort();
  return { operations: operations.length, called: called.size, missing, unmatched };
}

const [command, argument] = process.argv.slice(2);
const built = build();
if (command === 'build') {
  writeFileSync(collectionFile, built.collection);
  writeFileSync(environmentFile, built.environment);
  console.log(`wrote ${collectionFile.pathname} and ${environmentFile.pathname}`);
} else if (command === 'check' && argument) {
  let failed = false;
  for (const [file, text] of [[collectionFile, built.collection], [environmentFile, built.environment]]) {
    if (readFileSync(file, 'utf8') !== text) {
      console.error(`${file.pathname} differs from scripts/lib/postman-collection.mjs: run scripts/postman`);
      failed = true;
    }
  }
  const result = coverage(argument);
  for (const key of result.missing) console.error(`operation without a request in the collection: ${key}`);
  for (const request of result.unmatched) console.error(`request that is no operation of the document: ${request}`);
  failed ||= result.missing.length > 0 || result.unmatched.length > 0;
  console.log(`postman: ${result.called} of ${result.operations} operations called by the collection${failed ? ' — FAILED' : ''}`);
  process.exit(failed ? 1 : 0);
} else {
  console.error('usage: postman-collection.mjs build | check <openapi.json>');
  process.exit(2);
}
