package org.cairn.bulk;

/**
 * Published on this instance when one of its workers starts a bulk chunk and again when it is done with it, whatever
 * the outcome ({@code done}), so work that should trail bulk jobs (the Open Badges 3.0 credentials) waits while
 * chunks are worked here rather than whenever a busy machine leaves a gap between two chunks' stores.
 */
public record BulkChunkWork(String chunkId, boolean done) {
}
