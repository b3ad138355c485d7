package org.cairn.evidence;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.ObjectId;
import org.cairn.evidence.ContentSniffer.Detected;
import org.cairn.problem.CommonProblem;
import org.cairn.problem.ProblemException;
import org.cairn.template.ArtifactKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Evidence bytes in GridFS (bucket {@value #BUCKET}, the standard {@code files}/{@code chunks} layout, so any GridFS
 * tool reads them). Uploads stream through: the request body is consumed only as fast as chunks are written
 * (reactive back-pressure, one chunk insert at a time), while the size limit, the SHA-256 and the kind are checked on
 * the way, so at most a few chunks are ever in memory. The file document is written last, only once every byte is
 * stored and every check passed; a failed or cut-off upload deletes its chunks in bounded batches.
 * <p>
 * Chunks are written here rather than through the driver's GridFS upload: that one cleans up a failed upload with a
 * single {@code deleteMany({files_id})}, which a store may answer by holding every matched chunk in memory at once
 * (the embedded server does: a cut-off upload of 200 MiB then needed 200 MiB of heap).
 */
@Component
class FileStore {

	static final String BUCKET = "evidencefs";

	static final String FILES = BUCKET + ".files";

	static final String CHUNKS = BUCKET + ".chunks";

	/** The GridFS default chunk size (255 KiB). */
	static final int CHUNK_SIZE = 255 * 1024;

	private static final Logger log = LoggerFactory.getLogger(FileStore.class);

	private final ReactiveMongoTemplate mongo;

	private final Clock clock;

	/** The GridFS indexes, created once per instance before the first write (creating an index is idempotent). */
	private final Mono<Void> indexes;

	FileStore(ReactiveMongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
		this.indexes = mongo.indexOps(CHUNKS)
			.createIndex(new Index().on("files_id", Sort.Direction.ASC).on("n", Sort.Direction.ASC).unique())
			.then(mongo.indexOps(FILES)
				.createIndex(new Index().on("filename", Sort.Direction.ASC).on("uploadDate", Sort.Direction.ASC)))
			.then()
			.cache(done -> Duration.ofDays(36500), error -> Duration.ZERO, () -> Duration.ofDays(36500));
	}

	/** What was stored. */
	record Stored(ObjectId id, long size, String sha256, Detected detected) {
	}

	/**
	 * Streams {@code body} into a new GridFS file. Fails (and leaves nothing behind) when the body exceeds
	 * {@code maxBytes}, is of a kind outside {@code allowed}, is not a recognised kind, or ends before
	 * {@code declaredLength}.
	 */
	Mono<Stored> store(Flux<DataBuffer> body, String filename, long maxBytes, Long declaredLength,
			Set<ArtifactKind> allowed, Document metadata) {
		ObjectId id = new ObjectId();
		Inspection inspection = new Inspection(maxBytes, allowed);
		Flux<byte[]> chunks = Flux.defer(() -> {
			Chunker chunker = new Chunker(CHUNK_SIZE);
			// each request buffer is checked, copied into the current chunk and released as soon as it arrives
			// (released exactly once: map does not discard the element it failed on, unlike concatMapIterable)
			return body.map(buffer -> {
				try {
					inspection.accept(buffer);
					return chunker.accept(buffer);
				}
				finally {
					DataBufferUtils.release(buffer);
				}
			}).concatMapIterable(full -> full).concatWith(Flux.defer(() -> Flux.fromIterable(chunker.rest())));
		}).doOnDiscard(DataBuffer.class, DataBufferUtils::release);
		Flux<Document> written = chunks.index()
			.concatMap(chunk -> mongo.insert(new Document("_id", new ObjectId()).append("files_id", id)
				.append("n", chunk.getT1().intValue())
				.append("data", new Binary(chunk.getT2())), CHUNKS), 1);
		return indexes.thenMany(written)
			.then(Mono.fromCallable(() -> inspection.finish(declaredLength)))
			.flatMap(detected -> mongo.insert(new Document("_id", id).append("length", inspection.size)
				.append("chunkSize", CHUNK_SIZE)
				.append("uploadDate", Date.from(clock.instant()))
				.append("filename", filename)
				.append("metadata", metadata), FILES)
				.thenReturn(new Stored(id, inspection.size, inspection.sha256(), detected)))
			.onErrorResume(ex -> delete(id).then(Mono.error(ex)))
			.doFinally(signal -> {
				if (signal == SignalType.CANCEL) {
					// the caller went away mid-stream: remove what was written, and again once a chunk write
					// still in flight has landed
					delete(id).then(Mono.delay(Duration.ofSeconds(2))).then(delete(id)).subscribe();
				}
			});
	}

	/** Cuts a stream of buffers into chunks of exactly {@code size} bytes (the last one shorter). */
	static final class Chunker {

		private final int size;

		private byte[] current;

		private int filled;

		Chunker(int size) {
			this.size = size;
			this.current = new byte[size];
		}

		/** Copies the buffer's readable bytes; answers the chunks they completed. */
		List<byte[]> accept(DataBuffer buffer) {
			List<byte[]> full = new ArrayList<>(1);
			while (buffer.readableByteCount() > 0) {
				int n = Math.min(buffer.readableByteCount(), size - filled);
				buffer.read(current, filled, n);
				filled += n;
				if (filled == size) {
					full.add(current);
					current = new byte[size];
					filled = 0;
				}
			}
			return full;
		}

		/** The last, partly filled chunk, if any. */
		List<byte[]> rest() {
			return filled == 0 ? List.of() : List.of(Arrays.copyOf(current, filled));
		}

	}

	/** How many chunks one delete command removes (each chunk is up to 255 KiB). */
	static final int DELETE_BATCH = 32;

	/**
	 * Removes the file document and every chunk, whether or not the upload had finished. The chunks go in bounded
	 * batches: their ids are read with a projection (ids only) and removed {@value #DELETE_BATCH} at a time by
	 * {@code _id}, never with one {@code remove({files_id})}: a store may hold every document a delete matches in
	 * memory at once (the embedded server does), which for a large file is far more than the heap. Passes repeat
	 * until one finds nothing, so chunks written while a pass ran are removed too.
	 */
	Mono<Void> delete(ObjectId id) {
		return mongo.remove(Query.query(Criteria.where("_id").is(id)), FILES)
			.then(deleteChunkPass(id).expand(removed -> removed > 0 ? deleteChunkPass(id) : Mono.empty()).then())
			.doOnError(ex -> log.warn("Could not delete evidence file {}: {}", id, ex.toString()))
			.onErrorResume(ex -> Mono.empty())
			.then();
	}

	/** One pass over the file's chunk ids, removing them in batches; emits how many were removed. */
	private Mono<Long> deleteChunkPass(ObjectId id) {
		Query ids = Query.query(Criteria.where("files_id").is(id));
		ids.fields().include("_id");
		ids.cursorBatchSize(1024);
		return mongo.find(ids, Document.class, CHUNKS)
			.map(chunk -> chunk.get("_id"))
			.buffer(DELETE_BATCH)
			.concatMap(batch -> mongo.remove(Query.query(Criteria.where("_id").in(batch)), CHUNKS), 1)
			.reduce(0L, (sum, result) -> sum + result.getDeletedCount());
	}

	Mono<Document> file(ObjectId id) {
		return mongo.findById(id, Document.class, FILES);
	}

	/**
	 * Bytes {@code start..end} (inclusive) read chunk by chunk from the chunks collection, so a seek into the
	 * middle of a video reads only the chunks it needs. Each chunk is fetched by its exact {@code (files_id, n)} key
	 * (the GridFS index), one at a time with one prefetched: memory stays at a couple of chunks whatever the range,
	 * also on a store that would hold a whole ranged query's result in memory (the embedded server does).
	 */
	Flux<DataBuffer> range(ObjectId id, int chunkSize, long start, long end) {
		int first = (int) (start / chunkSize);
		int last = (int) (end / chunkSize);
		return Flux.range(first, last - first + 1)
			.concatMap(n -> mongo.findOne(Query.query(Criteria.where("files_id").is(id).and("n").is(n)),
					Document.class, CHUNKS), 2)
			.map(chunk -> {
				long n = ((Number) chunk.get("n")).longValue();
				byte[] data = ((Binary) chunk.get("data")).getData();
				long chunkStart = n * chunkSize;
				int from = (int) Math.max(0, start - chunkStart);
				int to = (int) Math.min(data.length, end - chunkStart + 1);
				return DefaultDataBufferFactory.sharedInstance.wrap(ByteBuffer.wrap(data, from, to - from));
			});
	}

	/** The running checks of one upload. Used by one subscriber; signals are serialized by Reactive Streams. */
	static final class Inspection {

		private final long maxBytes;

		private final Set<ArtifactKind> allowed;

		private final MessageDigest sha256;

		private final byte[] prefix = new byte[ContentSniffer.PREFIX];

		private final ContentSniffer.Utf8Text text = new ContentSniffer.Utf8Text();

		private int prefixLength;

		private long size;

		private boolean checkedEarly;

		Inspection(long maxBytes, Set<ArtifactKind> allowed) {
			this.maxBytes = maxBytes;
			this.allowed = allowed;
			try {
				this.sha256 = MessageDigest.getInstance("SHA-256");
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException(ex);
			}
		}

		void accept(DataBuffer buffer) {
			try (DataBuffer.ByteBufferIterator parts = buffer.readableByteBuffers()) {
				while (parts.hasNext()) {
					ByteBuffer part = parts.next();
					int n = part.remaining();
					size += n;
					if (size > maxBytes) {
						throw tooLarge(maxBytes);
					}
					if (prefixLength < prefix.length) {
						int take = Math.min(n, prefix.length - prefixLength);
						part.duplicate().get(prefix, prefixLength, take);
						prefixLength += take;
					}
					if (text.validSoFar()) {
						ByteBuffer bytes = part.duplicate();
						while (bytes.hasRemaining() && text.validSoFar()) {
							text.accept(bytes.get());
						}
					}
					sha256.update(part.duplicate());
				}
			}
			if (!checkedEarly && prefixLength == prefix.length) {
				// refuse a forbidden kind as soon as it is known, not after a gigabyte
				checkedEarly = true;
				check(ContentSniffer.detect(prefix, prefixLength, text.validSoFar()).orElse(null));
			}
		}

		Detected finish(Long declaredLength) {
			if (declaredLength != null && declaredLength != size) {
				throw ProblemException.of(EvidenceProblem.UPLOAD_INCOMPLETE, "upload-incomplete", size, declaredLength);
			}
			if (size == 0) {
				throw ProblemException.invalid("file", "the file is empty");
			}
			Detected detected = ContentSniffer.detect(prefix, prefixLength, text.validComplete()).orElse(null);
			if (detected != null && detected.kind() == ArtifactKind.TEXT && !text.validComplete()) {
				detected = null;
			}
			check(detected);
			return detected;
		}

		private void check(Detected detected) {
			if (detected == null) {
				throw ProblemException.of(EvidenceProblem.UNRECOGNISED_KIND, "unrecognised-kind");
			}
			if (!allowed.contains(detected.kind())) {
				throw ProblemException.of(EvidenceProblem.FORBIDDEN_KIND, "forbidden-kind", detected.kind().name().toLowerCase(), allowed.stream().map(k -> k.name().toLowerCase()).sorted().toList())
					.with("detectedKind", detected.kind())
					.with("allowedKinds", allowed.stream().sorted().toList());
			}
		}

		String sha256() {
			return HexFormat.of().formatHex(sha256.digest());
		}

	}

	static ProblemException tooLarge(long maxBytes) {
		return ProblemException.of(CommonProblem.UPLOAD_TOO_LARGE, "upload-too-large-2", maxBytes)
			.with("maxUploadBytes", maxBytes);
	}

}
