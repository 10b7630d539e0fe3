// Hostile callers of the wasm API, the same in Node and in the browser: scenarios and options
// whose getters throw, proxies whose traps throw, revoked proxies. Every call must fail with a
// TypeError that names what could not be read, and the module must give the same numbers
// afterwards as before.

/** Values that throw when the module reads them. */
function hostileValues() {
  const revoked = Proxy.revocable({}, {});
  revoked.revoke();
  const throwing = (what) => { throw what; };
  return [
    ['a getter that throws an Error', { get visaClarification() { return throwing(new Error('x')); } }],
    ['a getter that throws a string', { get 'permitBan.china'() { return throwing('no'); } }],
    ['a getter that throws a symbol', { get 'wage.china'() { return throwing(Symbol('s')); } }],
    ['a proxy whose ownKeys throws', new Proxy({}, { ownKeys: () => throwing(new RangeError('keys')) })],
    ['a proxy whose has and get throw', new Proxy({ visaClarification: 1 }, { has: () => throwing(new Error('has')), get: () => throwing(new Error('get')), ownKeys: () => throwing(new Error('keys')) })],
    ['a proxy whose getOwnPropertyDescriptor throws', new Proxy({ visaClarification: 1 }, { getOwnPropertyDescriptor: () => throwing(new Error('gopd')) })],
    ['a proxy whose getPrototypeOf throws', new Proxy({}, { getPrototypeOf: () => throwing(new Error('proto')) })],
    ['a revoked proxy', revoked.proxy],
  ];
}

/**
 * `rounds` hostile calls to each function that reads JavaScript values, as the scenario and
 * as the options. Returns { calls, faults } where faults lists every call that did not fail
 * with a TypeError naming what it could not read, and `same`, whether good calls give the
 * same numbers afterwards.
 */
export function hostileCalls(m, rounds) {
  const record = m.presets().find((p) => p.id === 'record').values;
  const good = () => JSON.stringify([
    m.evaluate(record), m.uncertainty(record, { draws: 200, seed: 3 }), m.sensitivity(record, { host: 'russia' }),
    m.goalSeek(record, { lever: 'visaClarification', targetShare: 0.1, from: 2027 }), m.backtest(record),
    m.parameters().length, m.presets().length, m.sources().length, m.observations().length, m.limits(), m.version(),
  ]);
  const before = good();
  const values = hostileValues();
  const calls = [
    ['evaluate', (v) => m.evaluate(v)],
    ['uncertainty (scenario)', (v) => m.uncertainty(v, { draws: 10 })],
    ['uncertainty (options)', (v) => m.uncertainty(record, v)],
    ['sensitivity (scenario)', (v) => m.sensitivity(v)],
    ['sensitivity (options)', (v) => m.sensitivity(record, v)],
    ['goalSeek (scenario)', (v) => m.goalSeek(v, { lever: 'visaClarification', targetShare: 0.1 })],
    ['goalSeek (options)', (v) => m.goalSeek(record, v)],
    ['backtest', (v) => m.backtest(v)],
  ];
  const faults = [];
  let count = 0;
  for (const [name, call] of calls) {
    for (let i = 0; i < rounds; i++) {
      const [what, value] = values[i % values.length];
      count++;
      try {
        call(value);
        faults.push(`${name}, ${what}: no error`);
      } catch (e) {
        if (!(e instanceof TypeError) || !/could not be read/.test(e.message)) faults.push(`${name}, ${what}: ${e?.name}: ${e?.message}`);
      }
      if (faults.length > 20) return { calls: count, faults, same: null };
    }
  }
  return { calls: count, faults, same: good() === before };
}
