/** The gateway's own figures for bench:live, read from its /api/metrics around a phase. */

/** The server's own Prometheus figures: histograms as cumulative bucket counts, gauges as values. */
async function scrape(port: number, metricsToken: string): Promise<Map<string, number>> {
  const res = await fetch(`http://127.0.0.1:${port}/api/metrics`, { headers: { authorization: `Bearer ${metricsToken}` } });
  const figures = new Map<string, number>();
  for (const line of (await res.text()).split('\n')) {
    const m = /^(huurdersstem_[a-z_]+(?:\{[^}]*\})?) ([0-9.e+-]+|\+Inf)$/.exec(line);
    if (m) figures.set(m[1], Number(m[2]));
  }
  return figures;
}

/** From two scrapes around a phase: the group commit's batches and the server's event-loop delay in it. */
function serverSide(before: Map<string, number>, after: Map<string, number>) {
  const diff = (key: string) => (after.get(key) ?? 0) - (before.get(key) ?? 0);
  const bucketQuantile = (name: string, q: number) => {
    const total = diff(`${name}_count`);
    const bounds = [...after.keys()]
      .filter((k) => k.startsWith(`${name}_bucket{le="`))
      .map((k) => ({ k, le: Number(/le="([^"]+)"/.exec(k)![1]) }))
      .sort((a, b) => a.le - b.le);
    const hit = bounds.find((b) => diff(b.k) >= q * total);
    return hit ? hit.le * 1000 : null;
  };
  const batches = diff('huurdersstem_vote_batch_seconds_count');
  return {
    batches,
    meanBatchSize: batches ? Number((diff('huurdersstem_vote_batch_size_sum') / batches).toFixed(1)) : null,
    commitMeanMs: batches ? Number(((diff('huurdersstem_vote_batch_seconds_sum') / batches) * 1000).toFixed(1)) : null,
    commitP99AtMostMs: bucketQuantile('huurdersstem_vote_batch_seconds', 0.99),
    eventLoopDelayMaxMs: Number(((after.get('huurdersstem_nodejs_eventloop_lag_max_seconds') ?? 0) * 1000).toFixed(1)),
  };
}

/** Reads the server's figures now; the function it returns reads them again and gives the phase in between. */
export async function watchServer(port: number, metricsToken: string): Promise<() => Promise<ReturnType<typeof serverSide>>> {
  const before = await scrape(port, metricsToken);
  return async () => serverSide(before, await scrape(port, metricsToken));
}
