package org.cairn.csv;

import java.nio.charset.StandardCharsets;

import org.cairn.problem.CommonProblem;
import org.cairn.problem.ProblemException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;

/**
 * Reads an uploaded list with its own size limit: a district's roster or recipient list is far larger than the
 * codecs' default in-memory limit, which stays low for every other endpoint.
 */
public final class CsvUpload {

	private CsvUpload() {
	}

	/** The body's bytes, or a 413 problem saying the most a list may weigh. */
	public static Mono<byte[]> bytes(Flux<DataBuffer> body, int maxBytes, String what) {
		return DataBufferUtils.join(body, maxBytes)
			.map(buffer -> {
				byte[] bytes = new byte[buffer.readableByteCount()];
				buffer.read(bytes);
				DataBufferUtils.release(buffer);
				return bytes;
			})
			.defaultIfEmpty(new byte[0])
			.onErrorMap(DataBufferLimitException.class,
					ex -> ProblemException.of(CommonProblem.UPLOAD_TOO_LARGE, "upload-too-large", what, maxBytes / 1_000_000));
	}

	/** The body as UTF-8 text (what spreadsheets export as "CSV UTF-8"). */
	public static Mono<String> text(Flux<DataBuffer> body, int maxBytes, String what) {
		return bytes(body, maxBytes, what).map(bytes -> new String(bytes, StandardCharsets.UTF_8));
	}

}
