/**
 * {@code ./bench fleet}: a simulated fleet of news sites on loopback (one server per host, each on its own 127.x.y.z
 * address) and Huixun gathering from it through its real refresher, measured: time until every reachable article is
 * searchable, arrivals over time, per-host connections and request spacing as the sites saw them, requests, memory,
 * and the same fleet gathered by the sequential refresher for comparison.
 */
package io.huixun.bench.fleet;
