// Structural checks of the resolved compose file (the output of `docker compose config`), run by scripts/check-deploy:
// what the schema cannot say about this deployment. Usage: node deploy/check-compose.mjs <resolved.yml> <nginx.conf>
// Needs the `yaml` package (installed beside dclint by scripts/check-deploy; NODE_PATH points at it).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const YAML = require('yaml');
const [composePath, nginxPath] = process.argv.slice(2);
const compose = YAML.parse(readFileSync(composePath, 'utf8'));
const nginx = readFileSync(nginxPath, 'utf8');
const problems = [];
const check = (condition, message) => { if (!condition) problems.push(message); };

const services = compose.services ?? {};
const environment = (service) => {
  const env = service.environment ?? {};
  return Array.isArray(env) ? Object.fromEntries(env.map((e) => [e.split('=')[0], e.slice(e.indexOf('=') + 1)])) : env;
};
const address = (service) => {
  const networks = service.networks ?? {};
  return Array.isArray(networks) ? undefined : Object.values(networks).map((n) => n?.ipv4_address).find(Boolean);
};

// Two or more instances of one image with one configuration.
const instances = Object.entries(services).filter(([name]) => /^analytics-\d+$/.test(name));
check(instances.length >= 2, `expected at least two analytics-N instances, found ${instances.length}`);
const [firstName, first] = instances[0] ?? [];
for (const [name, service] of instances) {
  check(service.image && service.image === first.image, `${name}: image ${service.image} differs from ${firstName}'s ${first.image}`);
  check(JSON.stringify(service.build ?? null) === JSON.stringify(first.build ?? null), `${name}: build differs from ${firstName}'s`);
  check(JSON.stringify(environment(service)) === JSON.stringify(environment(first)), `${name}: environment differs from ${firstName}'s`);
  check(service.healthcheck?.test, `${name}: no health check`);
  check(!service.ports || service.ports.length === 0, `${name}: publishes ports; only the proxy may`);
  const env = environment(service);
  check(env.ASPNETCORE_ENVIRONMENT === 'Production', `${name}: ASPNETCORE_ENVIRONMENT is ${env.ASPNETCORE_ENVIRONMENT}, not Production`);
  for (const key of ['ConnectionStrings__Analytics', 'ConnectionStrings__Redis', 'Auth__SigningKey', 'Privacy__SubjectHashKey', 'Sources__Mode']) {
    check(env[key], `${name}: ${key} is not set`);
  }
  check(/Host=postgres[;:]/.test(env.ConnectionStrings__Analytics ?? ''), `${name}: the store is not the compose postgres`);
  check(/^redis:6379/.test(env.ConnectionStrings__Redis ?? ''), `${name}: Redis is not the compose redis`);
}
if (instances.length > 1) {
  check(instances.slice(1).every(([, s]) => Object.keys(s.depends_on ?? {}).includes(firstName)),
    `the other instances should start after ${firstName} (one instance migrates and generates the demo data first)`);
}

// The proxy: its address is the one the instances trust; it balances exactly the instances.
const proxy = services.proxy;
check(proxy, 'no proxy service');
if (proxy) {
  const proxyAddress = address(proxy);
  check(proxyAddress, 'proxy: no fixed ipv4_address');
  for (const [name, service] of instances) {
    const trusted = Object.entries(environment(service)).filter(([k]) => k.startsWith('ForwardedHeaders__KnownProxies')).map(([, v]) => v);
    check(trusted.length === 1 && trusted[0] === proxyAddress,
      `${name}: ForwardedHeaders__KnownProxies is [${trusted}], expected exactly the proxy's address ${proxyAddress}`);
  }
  check(proxy.healthcheck?.test, 'proxy: no health check');
  const mounts = JSON.stringify(proxy.volumes ?? []);
  check(/deploy\/nginx\.conf/.test(mounts), 'proxy: deploy/nginx.conf is not mounted');
  const ports = (proxy.ports ?? []).map((p) => (typeof p === 'string' ? p : `${p.host_ip ?? ''}:${p.published}:${p.target}`));
  check(ports.length === 1, `proxy: expected one published port, found ${ports.length}`);
  for (const port of ports) {
    check(/^\d+\.\d+\.\d+\.\d+:\d+:8080/.test(port), `proxy: port ${port} should name the host interface and target 8080`);
  }
}
const upstream = /upstream\s+analytics\s*\{([^}]*)\}/.exec(nginx)?.[1] ?? '';
const balanced = [...upstream.matchAll(/^\s*server\s+([\d.]+):(\d+)/gm)].map((m) => `${m[1]}:${m[2]}`).sort();
const expected = instances.map(([, s]) => `${address(s)}:8080`).sort();
check(JSON.stringify(balanced) === JSON.stringify(expected),
  `deploy/nginx.conf balances [${balanced}] but the instances are [${expected}]`);

// The backing services.
const major = Number(/^postgres:(\d+)/.exec(services.postgres?.image ?? '')?.[1]);
check(major >= 15, `postgres: image ${services.postgres?.image} is not PostgreSQL 15+`);
check(services.postgres?.healthcheck?.test, 'postgres: no health check');
check(/^redis:/.test(services.redis?.image ?? ''), 'redis: no Redis service');
check(services.redis?.healthcheck?.test, 'redis: no health check');
check(!services.postgres?.ports && !services.redis?.ports, 'postgres/redis must not publish ports');

if (problems.length > 0) {
  for (const p of problems) console.error(`  ${p}`);
  process.exit(1);
}
console.log(`  ${instances.length} instances of ${first.image} behind the proxy, postgres ${major}, redis; addresses agree with deploy/nginx.conf`);
