package org.cairn.evidence;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Set;

import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.ObjectId;
import org.cairn.evidence.ContentSniffer.Detected;
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
import org.springframework.data.mongodb.ReactiveMongoDatabaseFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.gridfs.ReactiveGridFsTemplate;
import org.springframework.data.mongodb.gridfs.ReactiveGridFsUpload;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Evidence bytes in GridFS (bucket {@value #BUCKET}). Uploads stream through: the request body is consumed only as
 * fast as GridFS writes chunks (reactive back-pressure), while the size limit, the SHA-256 and the kind are checked
 * on the way, so nothing is ever held whole in memory. A failed or cut-off upload deletes its chunks.
 */
@Component
class FileStore {

	static final String BUCKET = "evidencefs";

	static final String FILES = BUCKET + ".files";

	static final String CHUNKS = BUCKET + ".chunks";

	private static final Logger log = LoggerFactory.getLogger(FileStore.class);

	private final ReactiveGridFsTemplate gridFs;

	private final ReactiveMongoTemplate mongo;

	FileStore(ReactiveMongoDatabaseFactory factory, MongoConverter converter, ReactiveMongoTemplate mongo) {
		this.gridFs = new ReactiveGridFsTemplate(factory, converter, BUCKET);
		this.mongo = mongo;
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
		// Spring Data's GridFS upload copies each buffer (toByteBuffer) but never releases it: the server's
		// pooled, direct request buffers would then live until a GC and a large upload runs out of direct
		// memory. So each buffer is checked, copied to the heap and released here, as soon as it arrives.
		Flux<DataBuffer> inspected = body.map(buffer -> {
			try {
				inspection.accept(buffer);
				byte[] copy = new byte[buffer.readableByteCount()];
				buffer.read(copy);
				return (DataBuffer) DefaultDataBufferFactory.sharedInstance.wrap(copy);
			}
			finally {
				DataBufferUtils.release(buffer);
			}
		}).doOnDiscard(DataBuffer.class, DataBufferUtils::release);
		var upload = ReactiveGridFsUpload.fromPublisher(inspected)
			.id(id)
			.filename(filename)
			.metadata(metadata)
			.build();
		return gridFs.store(upload).then(Mono.fromCallable(() -> inspection.finish(declaredLength)))
			.map(detected -> new Stored(id, inspection.size, inspection.sha256(), detected))
			.onErrorResume(ex -> delete(id).then(Mono.error(ex)))
			.doFinally(signal -> {
				if (signal == SignalType.CANCEL) {
					// the caller went away mid-stream: remove what was written, and again once in-flight
					// chunk writes have landed
					delete(id).then(Mono.delay(Duration.ofSeconds(2))).then(delete(id)).subscribe();
				}
			});
	}

	/** Removes the file document and every chunk, whether or not the upload had finished. */
	Mono<Void> delete(ObjectId id) {
		return mongo.remove(Query.query(Criteria.where("_id").is(id)), FILES)
			.then(mongo.remove(Query.query(Criteria.where("files_id").is(id)), CHUNKS))
			.doOnError(ex -> log.warn("Could not delete evidence file {}: {}", id, ex.toString()))
			.onErrorResume(ex -> Mono.empty())
			.then();
	}

	Mono<Document> file(ObjectId id) {
		return mongo.findById(id, Document.class, FILES);
	}

	/**
	 * Bytes {@code start..end} (inclusive) read chunk by chunk from the chunks collection, so a seek into the
	 * middle of a video reads only the chunks it needs.
	 */
	Flux<DataBuffer> range(ObjectId id, int chunkSize, long start, long end) {
		long first = start / chunkSize;
		long last = end / chunkSize;
		Query chunks = Query.query(Criteria.where("files_id").is(id).and("n").gte(first).lte(last))
			.with(Sort.by("n"));
		chunks.cursorBatchSize(4);
		return mongo.find(chunks, Document.class, CHUNKS).map(chunk -> {
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
				throw ProblemException.badRequest("upload-incomplete", "Upload incomplete",
						"The upload ended after " + size + " of " + declaredLength + " bytes.");
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
				throw new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unrecognised-kind",
						"Unrecognised file kind",
						"The file's content is not a kind Cairn accepts (images, PDF, video, audio, Office documents, "
								+ "UTF-8 text or CSV). The name does not matter; the content does.");
			}
			if (!allowed.contains(detected.kind())) {
				throw new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "forbidden-kind", "Kind not allowed",
						"The file is " + detected.kind().name().toLowerCase() + " by its content; this requirement "
								+ "accepts " + allowed.stream().map(k -> k.name().toLowerCase()).sorted().toList() + ".")
					.with("detectedKind", detected.kind())
					.with("allowedKinds", allowed.stream().sorted().toList());
			}
		}

		String sha256() {
			return HexFormat.of().formatHex(sha256.digest());
		}

	}

	static ProblemException tooLarge(long maxBytes) {
		return new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "upload-too-large", "File too large",
				"This district accepts files up to " + maxBytes + " bytes.")
			.with("maxUploadBytes", maxBytes);
	}

}
