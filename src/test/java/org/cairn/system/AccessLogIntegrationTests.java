package org.cairn.system;

import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cairn.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The access log an operator follows a user's error report with: one line per request, with method, path, status,
 * duration and request id, written once (from its own queue, not on the request's thread).
 */
@ExtendWith(OutputCaptureExtension.class)
class AccessLogIntegrationTests extends IntegrationTest {

	@Test
	void everyRequestLeavesExactlyOneAccessLineWithItsRequestId(CapturedOutput output) throws InterruptedException {
		String id = "report-" + UUID.randomUUID();
		http.get().uri("/api/v1/auth/providers").header(RequestIds.HEADER, id).exchange().expectStatus().isOk()
			.expectHeader().valueEquals(RequestIds.HEADER, id);
		http.get().uri("/public/assertions/no-such-badge").header(RequestIds.HEADER, id + "-404").exchange()
			.expectStatus().isNotFound();

		Pattern line = Pattern.compile("org\\.cairn\\.access\\s+: GET /api/v1/auth/providers 200 \\d+ms requestId="
				+ Pattern.quote(id) + "\\R");
		Pattern missing = Pattern.compile("GET /public/assertions/no-such-badge 404 \\d+ms requestId="
				+ Pattern.quote(id + "-404") + "\\R");
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (!(line.matcher(output).find() && missing.matcher(output).find()) && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		assertThat(count(line.matcher(output))).as("access lines of the first request").isEqualTo(1);
		assertThat(count(missing.matcher(output))).as("access lines of the 404").isEqualTo(1);
	}

	private static int count(Matcher matcher) {
		int n = 0;
		while (matcher.find()) {
			n++;
		}
		return n;
	}

}
