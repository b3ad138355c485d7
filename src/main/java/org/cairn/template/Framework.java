package org.cairn.template;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A set of standards templates align to: Learning Forward, Danielson, ISTE (built in, shipped as data in
 * {@code badge-templates/frameworks/}) or a district's own, such as its state's teaching standards.
 *
 * @param districtId null for the frameworks every district shares
 * @param code short and stable, e.g. {@code LF2011}, {@code FFT}; entry codes start with it
 * @param name what alignments carry as {@code targetFramework}
 * @param edition the publisher's edition the entries follow, e.g. {@code 2013}, {@code 2022}; a district picks a
 * framework by edition (FFT for 2013, FFT2022 for 2022)
 * @param sources where the entries were checked, with edition, so anyone can re-check them
 * @param verification what was checked and when, and anything that could not be confirmed
 */
@Document("frameworks")
@CompoundIndex(name = "district_code", def = "{'districtId': 1, 'code': 1}", unique = true)
public record Framework(@Id String id, String districtId, String code, String name, String edition,
		String publisher, String url, String description, List<Source> sources, String verification,
		List<Entry> entries, Instant createdAt) {

	public Framework {
		entries = entries == null ? List.of() : List.copyOf(entries);
		sources = sources == null ? List.of() : List.copyOf(sources);
	}

	public Optional<Entry> entry(String code) {
		return entries.stream().filter(e -> e.code().equalsIgnoreCase(code)).findFirst();
	}

	/** The Open Badges AlignmentObject a template carries to say it is aligned to this entry. */
	public Alignment alignmentTo(Entry entry) {
		return new Alignment(entry.name(), entry.url() != null ? entry.url() : url, entry.description(), name,
				entry.code());
	}

	/**
	 * One standard, domain, component or cluster.
	 *
	 * @param group the heading it sits under (a 2022 Learning Forward group, a Danielson domain), or null
	 * @param components for clusters, the codes of the components the cluster draws on
	 * @param alsoKnownAs other names the publisher uses or used for the same entry (an earlier edition's name, a
	 * web page that words it differently); searching finds an entry by any of them
	 */
	public record Entry(String code, String name, Kind kind, String group, List<String> alsoKnownAs,
			String description, String url, List<String> components) {

		public Entry {
			components = components == null ? List.of() : List.copyOf(components);
			alsoKnownAs = alsoKnownAs == null ? List.of() : List.copyOf(alsoKnownAs);
		}

	}

	/** A publication an entry was checked against. */
	public record Source(String title, String publisher, String url, String edition, String covers) {
	}

	public enum Kind {

		STANDARD, DOMAIN, COMPONENT, CLUSTER,
		/** A numbered indicator under a standard, e.g. ISTE 2.1.a. */
		INDICATOR

	}

}
