package org.cairn.issuing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import org.cairn.baking.BadgeArt;
import org.cairn.baking.PngBaking;
import org.cairn.baking.SvgBaking;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * What one signed badge costs the CPU, step by step: the RS256 signature with a district's RSA-3072 key (the
 * dominant cost), and baking the JWS into the PNG and SVG artwork (the drawn artwork is cached in the service, so
 * it is prepared once here too). The HTTP-level figures are in {@code IssuingLoadBenchmark}.
 *
 * <pre>
 * ./mvnw -q -B -Dskip.frontend=true test-compile
 * ./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
 * java -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" org.cairn.issuing.SigningBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SigningBenchmark {

	private PrivateKey privateKey;

	private byte[] payload;

	private String jws;

	private byte[] png;

	private String svg;

	@Setup
	public void setUp() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(3072);
		KeyPair pair = generator.generateKeyPair();
		privateKey = pair.getPrivate();
		// An assertion of typical size: context, hashed recipient, badge, dates, verification, two evidence items.
		payload = ("{\"@context\":\"https://w3id.org/openbadges/v2\",\"type\":\"Assertion\","
				+ "\"id\":\"https://cairn.example/public/assertions/JKQH4Mj2m3gxclgfFC3zvw\","
				+ "\"recipient\":{\"type\":\"email\",\"hashed\":true,\"salt\":\"e5350d417afc0bff48b1e3935d4af6c6\","
				+ "\"identity\":\"sha256$61ffe72ac1cb6ff2ee84c80042e7f9098efa1e5181363b43de1c2584cce75114\"},"
				+ "\"badge\":\"https://cairn.example/public/badges/L1n23iWvolYpL9FzAjGn1w\","
				+ "\"issuedOn\":\"2026-11-23T10:21:07Z\",\"verification\":{\"type\":\"signed\","
				+ "\"creator\":\"https://cairn.example/public/keys/Fuv2pexdNEksE3s1mTufNg\"},"
				+ "\"evidence\":[{\"id\":\"https://cairn.example/public/evidence/a\",\"narrative\":\"Lesson plan\"},"
				+ "{\"id\":\"https://cairn.example/public/evidence/b\",\"narrative\":\"Student work samples\"}]}")
			.getBytes(StandardCharsets.UTF_8);
		jws = sign();
		// The starter library's artwork, as a district adopting Parkway gets it.
		String artwork = "data:image/svg+xml;base64," + Base64.getEncoder()
			.encodeToString(Files.readAllBytes(Path.of("badge-templates/artwork/parkway-personalized-learning.svg")));
		png = BadgeArt.png(artwork, "Personalized Learning: Tier 1", "#1f6f5c");
		svg = BadgeArt.svg(artwork, "Personalized Learning: Tier 1", "#1f6f5c");
	}

	@Benchmark
	public String sign() throws JOSEException {
		JWSObject object = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.RS256)
			.keyID("https://cairn.example/public/keys/Fuv2pexdNEksE3s1mTufNg")
			.type(JOSEObjectType.JOSE)
			.build(), new Payload(payload));
		object.sign(new RSASSASigner(privateKey));
		return object.serialize();
	}

	@Benchmark
	public byte[] bakePng() {
		return PngBaking.bake(png, jws);
	}

	@Benchmark
	public String bakeSvg() {
		return SvgBaking.bakeSigned(svg, jws);
	}

	@Benchmark
	public byte[] signAndBakePng() throws JOSEException {
		return PngBaking.bake(png, sign());
	}

	public static void main(String[] args) throws RunnerException {
		new Runner(new OptionsBuilder().include(SigningBenchmark.class.getSimpleName()).build()).run();
	}

}
