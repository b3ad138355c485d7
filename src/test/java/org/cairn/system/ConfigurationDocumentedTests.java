package org.cairn.system;

import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Period;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration table in {@code docs/foundation.md} is what a district's IT person reads: every {@code cairn.*}
 * property a {@code @ConfigurationProperties} record binds is listed there, and nothing is listed that no record
 * binds. Names are derived from the records (prefix, then each component in kebab case, nested records and map
 * entries below it, a map key written {@code <id>}).
 */
class ConfigurationDocumentedTests {

	private static final Pattern NAME = Pattern.compile("`(cairn\\.[a-z0-9<>.-]+)`");

	@Test
	void everyBoundPropertyIsDocumentedAndEveryDocumentedOneIsBound() throws IOException {
		assertThat(documented()).isEqualTo(bound());
	}

	@Test
	void everyRecordIsTypedNoStringlyTimesOrSizes() {
		for (Class<?> record : records()) {
			for (RecordComponent component : record.getRecordComponents()) {
				String name = component.getName().toLowerCase();
				if (component.getType() == int.class || component.getType() == long.class
						|| component.getType() == String.class) {
					assertThat(name).as(record.getSimpleName() + "." + component.getName()
							+ " is a time or size: use Duration or DataSize")
						.doesNotEndWith("ms")
						.doesNotEndWith("seconds")
						.doesNotEndWith("timeout")
						.doesNotEndWith("window")
						.doesNotEndWith("bytes");
				}
			}
		}
	}

	private static Set<String> bound() {
		Set<String> names = new TreeSet<>();
		for (Class<?> record : records()) {
			ConfigurationProperties annotation = record.getAnnotation(ConfigurationProperties.class);
			String prefix = annotation.prefix().isEmpty() ? annotation.value() : annotation.prefix();
			collect(prefix, record, names);
		}
		return names;
	}

	private static void collect(String prefix, Class<?> record, Set<String> names) {
		for (RecordComponent component : record.getRecordComponents()) {
			String name = prefix + "." + kebab(component.getName());
			Class<?> type = component.getType();
			if (Map.class.isAssignableFrom(type)) {
				Type value = ((ParameterizedType) component.getGenericType()).getActualTypeArguments()[1];
				if (value instanceof Class<?> valueClass && valueClass.isRecord()) {
					collect(name + ".<id>", valueClass, names);
				}
				else {
					names.add(name + ".<id>");
				}
			}
			else if (type.isRecord()) {
				collect(name, type, names);
			}
			else {
				assertThat(leaf(type)).as(name + " has a type an operator can write: " + type).isTrue();
				names.add(name);
			}
		}
	}

	private static boolean leaf(Class<?> type) {
		return type.isPrimitive() || type.isEnum() || Number.class.isAssignableFrom(type)
				|| List.of(String.class, Boolean.class, Duration.class, Period.class, DataSize.class, Path.class,
						URI.class)
					.contains(type)
				|| Collection.class.isAssignableFrom(type);
	}

	private static String kebab(String camel) {
		return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
	}

	private static List<Class<?>> records() {
		var scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
		List<Class<?>> records = scanner.findCandidateComponents("org.cairn")
			.stream()
			.<Class<?>>map(candidate -> ClassUtils.resolveClassName(candidate.getBeanClassName(), null))
			.toList();
		assertThat(records).allSatisfy(type -> assertThat(type.isRecord()).as(type + " is a record").isTrue());
		assertThat(records).hasSizeGreaterThan(5);
		return records;
	}

	/** Every {@code cairn.*} name in the first column of the table under "Configuration a district's IT person sets". */
	private static Set<String> documented() throws IOException {
		List<String> lines = Files.readAllLines(Path.of("docs/foundation.md"));
		int start = lines.indexOf("## Configuration a district's IT person sets");
		assertThat(start).as("docs/foundation.md has the configuration section").isNotNegative();
		Set<String> names = new TreeSet<>();
		for (String line : lines.subList(start + 1, lines.size())) {
			if (line.startsWith("## ")) {
				break;
			}
			if (!line.startsWith("| `")) {
				continue;
			}
			String firstColumn = line.substring(1, line.indexOf(" |", 1));
			Matcher name = NAME.matcher(firstColumn);
			while (name.find()) {
				assertThat(names.add(name.group(1))).as("documented once: " + name.group(1)).isTrue();
			}
		}
		return names;
	}

}
