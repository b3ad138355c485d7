package org.cairn;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.ReferencedClassObject;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.repository.Repository;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Spring Modulith cannot see: a feature's collections are read and written only by its own classes. Others go
 * through the small interfaces it publishes ({@code TemplateLookup}, {@code Awards}, {@code PersonChanges},
 * {@code EnrollmentFigures} ...), so renaming a stored field breaks nothing outside the feature. Three rules:
 * <ol>
 * <li>a store query names ({@code X.class}) only document classes of its own feature, and a class using the
 * {@code ReactiveMongoTemplate} creates no other feature's documents;</li>
 * <li>only the owning feature writes through a repository ({@code save}, {@code insert}, {@code delete});</li>
 * <li>a class using the {@code ReactiveMongoTemplate} names (as a string) only its own feature's collections.</li>
 * </ol>
 * No exception is left; should one ever be listed in {@link #KNOWN}, with what would remove it, the test also fails
 * once it no longer occurs, so the list only shrinks.
 */
class CollectionOwnershipTests {

	private static final Path SOURCES = Path.of("src", "main", "java");

	/** "class -> what it touches": the known exceptions; none left (issue 15), and a new one needs a reason here. */
	static final Set<String> KNOWN = Set.of();

	@Test
	void featuresTouchOnlyTheirOwnCollections() {
		Set<String> found = violations();
		assertThat(found).as("a feature touches another feature's collection; call the interface the owner "
				+ "publishes (or add one there) instead").isSubsetOf(KNOWN);
		assertThat(KNOWN).as("listed exceptions that no longer occur: remove them from KNOWN").isSubsetOf(found);
	}

	static Set<String> violations() {
		JavaClasses classes = new ClassFileImporter().importPath(mainClasses());
		Map<String, String> collections = new TreeMap<>();
		Set<String> found = new TreeSet<>();
		for (JavaClass type : classes) {
			type.tryGetAnnotationOfType(Document.class).ifPresent(document -> collections
				.put(document.collection().isEmpty() ? document.value() : document.collection(), feature(type)));
		}
		for (JavaClass type : classes) {
			String feature = feature(type);
			for (ReferencedClassObject reference : type.getReferencedClassObjects()) {
				JavaClass target = reference.getRawType();
				if (target.isAnnotatedWith(Document.class) && !feature(target).equals(feature)) {
					found.add(outer(type) + " -> " + target.getSimpleName() + ".class");
				}
			}
			boolean stores = type.getDirectDependenciesFromSelf().stream()
				.anyMatch(d -> d.getTargetClass().isEquivalentTo(ReactiveMongoTemplate.class));
			for (JavaConstructorCall call : type.getConstructorCallsFromSelf()) {
				JavaClass target = call.getTargetOwner();
				if (stores && target.isAnnotatedWith(Document.class) && !feature(target).equals(feature)) {
					found.add(outer(type) + " -> new " + target.getSimpleName());
				}
			}
			for (JavaMethodCall call : type.getMethodCallsFromSelf()) {
				JavaClass owner = call.getTargetOwner();
				if (owner.isAssignableTo(Repository.class) && !feature(owner).equals(feature)
						&& call.getName().matches("save.*|insert.*|delete.*")) {
					found.add(outer(type) + " -> " + owner.getSimpleName() + "." + call.getName());
				}
			}
		}
		found.addAll(collectionNames(collections));
		return found;
	}

	/** Where the application's own classes are (the test fixtures, which may seed anything, are elsewhere). */
	private static Path mainClasses() {
		try {
			return Path.of(CairnApplication.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		}
		catch (java.net.URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** String literals naming another feature's collection, in classes that use the template. */
	private static Set<String> collectionNames(Map<String, String> collections) {
		Pattern literal = Pattern.compile("\"([a-z_]+)\"");
		Set<String> found = new TreeSet<>();
		try (Stream<Path> files = Files.walk(SOURCES.resolve("org/cairn"))) {
			files.filter(path -> path.toString().endsWith(".java")).forEach(path -> {
				String source = read(path);
				if (!source.contains("ReactiveMongoTemplate")) {
					return;
				}
				String relative = SOURCES.relativize(path).toString().replace('\\', '/');
				String className = relative.substring(0, relative.length() - ".java".length()).replace('/', '.');
				String feature = feature(className);
				Matcher matcher = literal.matcher(source);
				while (matcher.find()) {
					String owner = collections.get(matcher.group(1));
					if (owner != null && !owner.equals(feature)) {
						found.add(className + " -> \"" + matcher.group(1) + "\"");
					}
				}
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return found;
	}

	private static String read(Path path) {
		try {
			return Files.readString(path);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The feature of a class: the package right below {@code org.cairn}. */
	private static String feature(JavaClass type) {
		return feature(type.getPackageName() + ".");
	}

	private static String feature(String name) {
		String rest = name.startsWith("org.cairn.") ? name.substring("org.cairn.".length()) : name;
		int dot = rest.indexOf('.');
		return dot < 0 ? "" : rest.substring(0, dot);
	}

	private static String outer(JavaClass type) {
		String name = type.getName();
		int nested = name.indexOf('$');
		return nested < 0 ? name : name.substring(0, nested);
	}

}
