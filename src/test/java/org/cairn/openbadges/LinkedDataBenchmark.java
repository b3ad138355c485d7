package org.cairn.openbadges;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * What the RDFC canonicalization of an Open Badges 3.0 proof costs: Cairn's {@link LinkedData} (the vendored
 * top-level contexts processed once and kept) against the plain processor ({@code JsonLd.toRdf} from scratch), on the
 * endorsed Spanish credential of {@code LinkedDataTests} (evidence, a two-criterion rubric, an embedded
 * EndorsementCredential). Run both in one JVM and compare them with each other, never with another machine.
 *
 * <pre>
 * ./mvnw -q -B -Dskip.frontend=true test-compile
 * ./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
 * java -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" org.cairn.openbadges.LinkedDataBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LinkedDataBenchmark {

	private final List<String> documents = LinkedDataTests.documents();

	/** The endorsed credential in Spanish. */
	private final String credential = documents.get(2);

	@Benchmark
	public String keptContexts() {
		return LinkedData.canonicalNQuads(credential);
	}

	@Benchmark
	public String plainProcessor() throws Exception {
		return LinkedDataTests.plain(credential);
	}

	public static void main(String[] args) throws RunnerException {
		new Runner(new OptionsBuilder().include(LinkedDataBenchmark.class.getSimpleName()).build()).run();
	}

}
