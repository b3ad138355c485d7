package org.cairn.verification;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import javax.imageio.ImageIO;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import org.cairn.baking.PngBaking;
import org.cairn.baking.SvgBaking;
import org.cairn.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.web.reactive.function.BodyInserters;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thousands of mutated inputs (bit flips, truncations, insertions, repeated slices) of a valid assertion, JWS, baked
 * PNG and SVG, and of the request envelope itself, from a fixed seed. Every answer must be a well-formed report or a
 * 4xx problem; none may be a 5xx. Links point at 127.0.0.1, so nothing leaves the machine. The run is bounded by
 * count and by a time budget (a budget, not an assertion).
 */
class VerificationFuzzIntegrationTests extends IntegrationTest {

	private static final int INPUTS = 2500;

	private static final Duration BUDGET = Duration.ofSeconds(120);

	@Autowired
	JsonMapper json;

	@Test
	void answersEveryMutatedInputWithAReportOrAProblem() throws Exception {
		String assertion = """
				{"@context":"https://w3id.org/openbadges/v2","type":"Assertion","id":"http://127.0.0.1:9/a/1",
				 "recipient":{"type":"email","hashed":true,"salt":"deadsea",
				   "identity":"sha256$ecf5409f3f4b91ab60cc5ef4c02aef7032354375e70cf4d8e43f6a1d29891942"},
				 "badge":{"type":"BadgeClass","id":"http://127.0.0.1:9/b/1","name":"B","description":"D",
				   "criteria":{"narrative":"N"},"image":"data:image/png;base64,iVBORw0KGgo=",
				   "issuer":{"type":"Issuer","id":"http://127.0.0.1:9/i/1","name":"I","url":"http://127.0.0.1:9",
				     "email":"i@example.org","publicKey":"http://127.0.0.1:9/k/1"}},
				 "issuedOn":"2024-01-01T00:00:00Z","expires":"2099-01-01T00:00:00Z",
				 "verification":{"type":"signed","creator":"http://127.0.0.1:9/k/1"}}""";
		KeyPair keys = KeyPairGenerator.getInstance("RSA").genKeyPair();
		JWSObject signed = new JWSObject(new JWSHeader(JWSAlgorithm.RS256), new Payload(assertion));
		signed.sign(new RSASSASigner(keys.getPrivate()));
		String jws = signed.serialize();
		byte[] png = PngBaking.bake(tinyPng(), jws);
		byte[] svg = SvgBaking.bakeSigned("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"4\" height=\"4\">"
				+ "<rect width=\"4\" height=\"4\"/></svg>", jws).getBytes(StandardCharsets.UTF_8);
		byte[] envelope = json.writeValueAsBytes(java.util.Map.of("jws", jws, "recipient", "nobody@example.org"));

		List<byte[]> seeds = List.of(assertion.getBytes(StandardCharsets.UTF_8), jws.getBytes(StandardCharsets.US_ASCII),
				png, svg, envelope);
		Random random = new Random(20261123L);
		Instant stop = Instant.now().plus(BUDGET);
		int answered = 0;
		int reports = 0;
		List<String> broken = new ArrayList<>();
		for (int i = 0; i < INPUTS && Instant.now().isBefore(stop); i++) {
			int kind = i % seeds.size();
			byte[] input = mutate(seeds.get(kind), random);
			EntityExchangeResult<byte[]> result = send(kind, input);
			int status = result.getStatus().value();
			answered++;
			byte[] body = result.getResponseBody();
			if (status == 200) {
				JsonNode report = json.readTree(body);
				if (!wellFormed(report)) {
					broken.add("malformed report for input " + i + ": " + report);
				}
				reports++;
			}
			else if (status < 400 || status >= 500 || !MediaType.APPLICATION_PROBLEM_JSON
				.isCompatibleWith(result.getResponseHeaders().getContentType())) {
				broken.add("status " + status + " for input " + i + " (kind " + kind + ")");
			}
		}
		assertThat(broken).isEmpty();
		assertThat(answered).isGreaterThan(500);
		assertThat(reports).isGreaterThan(answered / 2);
	}

	private EntityExchangeResult<byte[]> send(int kind, byte[] input) {
		return switch (kind) {
			case 0 -> http.post().uri("/api/v1/verifications").contentType(MediaType.APPLICATION_JSON)
				.bodyValue(java.util.Map.of("assertion", new String(input, StandardCharsets.UTF_8)))
				.exchange().expectBody().returnResult();
			case 1 -> http.post().uri("/api/v1/verifications").contentType(MediaType.APPLICATION_JSON)
				.bodyValue(java.util.Map.of("jws", new String(input, StandardCharsets.UTF_8)))
				.exchange().expectBody().returnResult();
			case 4 -> http.post().uri("/api/v1/verifications").contentType(MediaType.APPLICATION_JSON)
				.bodyValue(input).exchange().expectBody().returnResult();
			default -> {
				MultipartBodyBuilder body = new MultipartBodyBuilder();
				body.part("file", input).filename("badge").contentType(MediaType.APPLICATION_OCTET_STREAM);
				yield http.post().uri("/api/v1/verifications").contentType(MediaType.MULTIPART_FORM_DATA)
					.body(BodyInserters.fromMultipartData(body.build())).exchange().expectBody().returnResult();
			}
		};
	}

	/** How many checks a 2.0 (or 3.0, or learner record) report lists: every check of its procedure, run or skipped. */
	private static long reported(boolean ob3, boolean clr) {
		return java.util.Arrays.stream(CheckId.values()).filter(id -> id.reportedFor(ob3, clr)).count();
	}

	private static boolean wellFormed(JsonNode report) {
		if (report == null || !report.path("valid").isBoolean() || !report.path("checks").isArray()
				|| (report.get("checks").size() != reported(false, false)
						&& report.get("checks").size() != reported(true, false)
						&& report.get("checks").size() != reported(true, true))) {
			return false;
		}
		for (JsonNode check : report.get("checks")) {
			if (!check.path("id").isString() || !check.path("outcome").isString() || !check.path("message").isString()) {
				return false;
			}
		}
		boolean anyFailed = false;
		for (JsonNode check : report.get("checks")) {
			anyFailed |= check.get("outcome").asString().equals("failed");
		}
		return !(anyFailed && report.get("valid").asBoolean());
	}

	private static byte[] mutate(byte[] seed, Random random) {
		byte[] out = seed.clone();
		int edits = 1 + random.nextInt(4);
		for (int e = 0; e < edits && out.length > 0; e++) {
			int at = random.nextInt(out.length);
			switch (random.nextInt(5)) {
				case 0 -> out[at] ^= (byte) (1 << random.nextInt(8));
				case 1 -> out = java.util.Arrays.copyOf(out, Math.max(1, at));
				case 2 -> out[at] = (byte) random.nextInt(256);
				case 3 -> {
					byte[] inserted = new byte[1 + random.nextInt(8)];
					random.nextBytes(inserted);
					out = splice(out, at, inserted);
				}
				default -> {
					int length = Math.min(out.length - at, 1 + random.nextInt(64));
					out = splice(out, at, java.util.Arrays.copyOfRange(out, at, at + length));
				}
			}
		}
		return out;
	}

	private static byte[] splice(byte[] into, int at, byte[] piece) {
		byte[] out = new byte[into.length + piece.length];
		System.arraycopy(into, 0, out, 0, at);
		System.arraycopy(piece, 0, out, at, piece.length);
		System.arraycopy(into, at, out, at + piece.length, into.length - at);
		return out;
	}

	private static byte[] tinyPng() throws java.io.IOException {
		BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

}
