/**
 * Everything Cairn fetches from or posts to other servers, without letting it reach inside our network: http(s)
 * only, every resolved address (and every redirect hop) checked against an address policy at connect time, bounded
 * size, time, redirects and per-host concurrency, and a small cache that honours the documents' cache headers.
 */
package org.cairn.outbound;
