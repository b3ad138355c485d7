package org.cairn.plan;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import org.cairn.template.Alignment;
import org.cairn.template.Framework;
import org.cairn.template.Frameworks;
import org.cairn.template.Template;

import org.springframework.stereotype.Component;

/**
 * What a teacher can grow in: Danielson's clusters and components and Learning Forward's standards, by their stable
 * codes ({@code FFT.C2}, {@code FFT.3b}, {@code LF2011.DATA}), and which microcredentials serve each. The one rule
 * for "this microcredential is aligned to that need", shared by recommendations and the needs report.
 */
@Component
public class Targets {

	private final Frameworks frameworks;

	Targets(Frameworks frameworks) {
		this.frameworks = frameworks;
	}

	/** One thing to grow in. */
	public record Target(String code, String label, Question.Kind kind) {
	}

	/** What a choice question offers, in framework order. */
	List<Target> options(Question.Kind kind) {
		return switch (kind) {
			case CLUSTERS -> frameworks.clusters().stream().map(e -> target(e, Question.Kind.CLUSTERS)).toList();
			case COMPONENTS -> frameworks.builtIn("FFT")
				.map(f -> f.entries().stream()
					.filter(e -> e.kind() == Framework.Kind.COMPONENT)
					.map(e -> target(e, Question.Kind.COMPONENTS))
					.toList())
				.orElse(List.of());
			case STANDARDS -> frameworks.learningForwardStandards().stream()
				.map(e -> target(e, Question.Kind.STANDARDS))
				.toList();
			case SCALE -> List.of();
		};
	}

	/** Every cluster, component and standard, by code (case-insensitive). */
	public Optional<Target> find(String code) {
		if (code == null) {
			return Optional.empty();
		}
		return Stream.of(Question.Kind.CLUSTERS, Question.Kind.COMPONENTS, Question.Kind.STANDARDS)
			.flatMap(k -> options(k).stream())
			.filter(t -> t.code().equalsIgnoreCase(code.trim()))
			.findFirst();
	}

	/**
	 * How people name an entry: {@code 3b Using Questioning and Discussion Techniques}, {@code Cluster 2: A Safe, …},
	 * {@code Data (Learning Forward 2011)}.
	 */
	private static Target target(Framework.Entry e, Question.Kind kind) {
		String suffix = e.code().substring(e.code().indexOf('.') + 1);
		String label = switch (kind) {
			case CLUSTERS -> "Cluster " + suffix.substring(1) + ": " + e.name();
			case COMPONENTS -> suffix + " " + e.name();
			default -> e.name() + " (Learning Forward " + e.code().substring(2, 6) + ")";
		};
		return new Target(e.code(), label, kind);
	}

	/**
	 * The alignment of the template that serves this target, if any: the same entry (a 2022 component counts as its
	 * 2013 code), or for a cluster, the cluster itself or a component it draws on.
	 */
	public Optional<Alignment> serving(String targetCode, Template template) {
		String target = normal(targetCode);
		for (Alignment a : template.alignments()) {
			if (target.equals(normal(a.targetCode()))) {
				return Optional.of(a);
			}
		}
		if (target.startsWith("FFT.C")) {
			for (Alignment a : template.alignments()) {
				if (frameworks.clustersOf(List.of(a)).stream().anyMatch(c -> normal(c.code()).equals(target))) {
					return Optional.of(a);
				}
			}
		}
		return Optional.empty();
	}

	/** Upper case, and a 2022 Danielson component under its 2013 code (the codes name the same place). */
	private static String normal(String code) {
		if (code == null) {
			return "";
		}
		String c = code.trim().toUpperCase(Locale.ROOT);
		return c.startsWith("FFT2022.") ? "FFT." + c.substring("FFT2022.".length()) : c;
	}

}
