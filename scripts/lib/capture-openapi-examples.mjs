// Captures the success examples of the OpenAPI document (src/Shared/Hosting/OpenApiExamples.json) from a running demo instance:
// every operation is called as a demo user, the answer is trimmed (lists to two items, secrets to placeholders) and stored by
// operation id. Run it against a fresh `scripts/run` instance: node scripts/lib/capture-openapi-examples.mjs http://localhost:3000
// Operations without a capture here (jobs that change state, file downloads) keep their hand-written example in the file.
import { readFileSync, writeFileSync } from 'node:fs';

const base = (process.argv[2] ?? 'http://localhost:3000').replace(/\/$/, '');
const out = new URL('../../src/Shared/Hosting/OpenApiExamples.json', import.meta.url);
const examples = JSON.parse(readFileSync(out, 'utf8'));
const tokens = {};

async function call(method, path, user, body) {
  const headers = { 'Content-Type': 'application/json' };
  if (user) headers.Authorization = `Bearer ${tokens[user]}`;
  const response = await fetch(base + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  return { status: response.status, json: text && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : null };
}

function trim(value, key) {
  if (Array.isArray(value)) return value.slice(0, 2).map((item) => trim(item));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([name, inner]) => [name, trim(inner, name)]));
  }
  if (typeof value === 'string' && /^(token|refreshToken)$/.test(key ?? '')) return key === 'token' ? 'eyJhbGciOiJIUzI1NiJ9.…' : 'rt.example.from.the.login.answer';
  return value;
}

async function capture(operationId, method, path, user, body) {
  const { status, json } = await call(method, path, user, body);
  if (status >= 300 || json === null) {
    console.error(`skip ${operationId}: ${method} ${path} answered ${status}`);
    return null;
  }
  examples[operationId] = { ...(examples[operationId] ?? {}), response: trim(json) };
  if (body !== undefined) examples[operationId].request = body;
  return json;
}

for (const [user, email] of [['learner', 'learner@test.com'], ['trainer', 'trainer@test.com'], ['admin', 'admin@test.com'], ['operator', 'operator@test.com']]) {
  const login = await capture('Login', 'POST', '/api/v1/auth/login', null, { email, password: 'password123' });
  tokens[user] = login.token;
  tokens[`${user}Refresh`] = login.refreshToken;
}
// The learner's login is the example.
await capture('Login', 'POST', '/api/v1/auth/login', null, { email: 'learner@test.com', password: 'password123' }).then((l) => { tokens.learner = l.token; tokens.learnerRefresh = l.refreshToken; });
const refreshed = await capture('RefreshToken', 'POST', '/api/v1/auth/refresh', null, { refreshToken: tokens.learnerRefresh });
tokens.learner = refreshed.token;
examples.RefreshToken.request = { refreshToken: 'rt.example.from.the.login.answer' };

const gets = [
  ['GetCurrentUser', '/api/v1/auth/me', 'learner'],
  ['GetCapabilities', '/api/v1/capabilities', 'learner'],
  ['Ping', '/api/v1/ping', 'learner'],
  ['GetServiceIndex', '/', null],
  ['GetHealth', '/api/health', null],
  ['GetHealthV1', '/api/v1/health', null],
  ['GetStatus', '/api/status', null],
  ...['overview', 'velocity', 'skill-gap', 'engagement', 'mastery', 'performance', 'content-effectiveness'].map((a) => [
    `GetLearner${a === 'overview' ? 'Overview' : a.split('-').map((w) => w[0].toUpperCase() + w.slice(1)).join('')}`,
    `/api/v1/learner/analytics/${a}/learner-123`, 'learner']),
  ['GetTrainerOverview', '/api/v1/trainer/analytics/overview/trainer-456', 'trainer'],
  ['GetTrainerCoursePerformance', '/api/v1/trainer/analytics/course-performance/trainer-456', 'trainer'],
  ['GetTrainerCourseHealth', '/api/v1/trainer/analytics/course-health/trainer-456', 'trainer'],
  ['GetTrainerStudentDistribution', '/api/v1/trainer/analytics/student-distribution/trainer-456', 'trainer'],
  ['GetTrainerTeachingEffectiveness', '/api/v1/trainer/analytics/teaching-effectiveness/trainer-456', 'trainer'],
  ['GetTrainerStudentDistributionCompat', '/api/v1/analytics/trainer/trainer-456/student-distribution/default-course', 'trainer'],
  ['GetTrainerTeachingEffectivenessCompat', '/api/v1/analytics/trainer/trainer-456/teaching-effectiveness', 'trainer'],
  ['GetOrganisationOverview', '/api/v1/org-admin/analytics/overview/org-123', 'admin'],
  ['GetOrganisationLearningVelocity', '/api/v1/org-admin/analytics/learning-velocity/org-123', 'admin'],
  ['GetOrgStrategicAlignment', '/api/v1/org-admin/analytics/strategic-alignment/org-123', 'admin'],
  ['GetOrganisationLearningCulture', '/api/v1/org-admin/analytics/learning-culture/org-123', 'admin'],
  ['GetOrgPerformance', '/api/v1/org-admin/analytics/org-performance/org-123', 'admin'],
  ['GetOrganisationDepartmentAnalytics', '/api/v1/org-admin/analytics/department-analytics/org-123', 'admin'],
  ['GetPeerComparison', '/api/v1/comparison/peer/learner-123', 'learner'],
  ['GetSkillDemand', '/api/v1/comparison/skill-demand', 'learner'],
  ['GetDropOffRisk', '/api/v1/predictive/drop-off-risk/learner-123', 'learner'],
  ['GetForecast', '/api/v1/predictive/forecast/learner-123', 'learner'],
  ['GetRecommendations', '/api/v1/predictive/recommendations/learner-123', 'learner'],
  ['ListAtRiskLearners', '/api/v1/predictive/at-risk/trainer-456', 'trainer'],
  ['ListModels', '/api/v1/predictive/models', 'admin'],
  ['GetGamificationStats', '/api/v1/gamification/stats/learner-123', 'learner'],
  ['GetGamificationAchievements', '/api/v1/gamification/achievements/learner-123', 'learner'],
  ['GetGamificationStreak', '/api/v1/gamification/streak/learner-123', 'learner'],
  ['GetGamificationLeaderboard', '/api/v1/gamification/leaderboard', 'learner'],
  ['ListReportTemplates', '/api/v1/reports/templates', 'learner'],
  ['GetPrivacyPreferences', '/api/v1/privacy/users/learner-123/preferences', 'learner'],
  ['ExportUserData', '/api/v1/privacy/users/learner-123/export', 'learner'],
  ['GetIntegrationHealth', '/api/v1/integration/health', 'operator'],
];
for (const [operationId, path, user] of gets) await capture(operationId, 'GET', path, user);

const models = await call('GET', '/api/v1/predictive/models', 'admin');
if (models.json?.models?.length) await capture('GetModel', 'GET', `/api/v1/predictive/models/${models.json.models[0].id}`, 'admin');

const refresh = await capture('RequestAnalyticsRefresh', 'POST', '/api/v1/analytics/refresh', 'learner',
  { userId: 'learner-123', role: 'learner', analytics: ['velocity', 'engagement'] });
if (refresh) {
  await new Promise((resolve) => setTimeout(resolve, 3000));
  await capture('GetAnalyticsRefresh', 'GET', `/api/v1/analytics/refresh/${refresh.jobId}`, 'learner');
}

const report = await capture('GenerateReport', 'POST', '/api/v1/reports/generate', 'learner', { type: 'learner', format: 'csv' });
for (let i = 0; report && i < 30; i++) {
  const { json } = await call('GET', `/api/v1/reports/${report.id}`, 'learner');
  if (json?.report?.status === 'completed' || json?.report?.status === 'failed') break;
  await new Promise((resolve) => setTimeout(resolve, 1000));
}
if (report) await capture('GetReport', 'GET', `/api/v1/reports/${report.id}`, 'learner');
await capture('ListReports', 'GET', '/api/v1/reports', 'learner');
const schedule = await capture('CreateReportSchedule', 'POST', '/api/v1/reports/schedules', 'learner',
  { name: 'Weekly summary', type: 'learner', format: 'pdf', templateId: 'learner-summary', cron: '0 7 * * 1', timeZone: 'Europe/Berlin', period: 'last-7-days' });
await capture('ListReportSchedules', 'GET', '/api/v1/reports/schedules', 'learner');
if (schedule) {
  await capture('GetReportSchedule', 'GET', `/api/v1/reports/schedules/${schedule.id}`, 'learner');
  await call('DELETE', `/api/v1/reports/schedules/${schedule.id}`, 'learner');
}

await capture('UpdatePrivacyPreferences', 'PUT', '/api/v1/privacy/users/learner-123/preferences', 'learner',
  { leaderboardPrivacy: 'public', predictiveOptOut: false });
await capture('ResetCircuitBreaker', 'POST', '/api/v1/integration/circuit-breaker/directory/reset', 'operator');
const recalculation = await capture('StartRecalculation', 'POST', '/api/v1/admin/recalculations', 'operator', { organisationId: 'org-123', analytics: ['engagement'] });
await capture('ListOperatorJobs', 'GET', '/api/v1/admin/jobs?limit=2', 'operator');
if (recalculation) await capture('GetOperatorJob', 'GET', `/api/v1/admin/jobs/${recalculation.jobId}`, 'operator');

writeFileSync(out, JSON.stringify(examples, null, 2) + '\n');
console.error(`wrote ${Object.keys(examples).length} examples to ${out.pathname}`);
