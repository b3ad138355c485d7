package org.cairn.template;

import java.util.List;

import org.springframework.data.annotation.PersistenceCreator;

/**
 * A tier (or section) of a microcredential.
 *
 * @param key stable within the template, e.g. {@code tier-1}
 * @param requires keys of earlier tiers that must be passed first
 * @param awardedSeparately true when passing this tier earns its own badge (Parkway); false when it only counts
 * toward the whole (Derry). The last tier always completes the whole microcredential.
 * @param stipendCents paid when this tier is passed (Parkway: 7500 for each tier, a running $75/$150/$225/$300)
 * @param fundingSource where the stipend is paid from, e.g. "Title II-A", "State", "District"
 * @param estimatedHours how long the tier is expected to take (shown to teachers when choosing)
 * @param credits what passing the tier counts toward a teacher's license renewal, in the district's credit unit
 * (professional learning hours unless the district names another, e.g. CEUs); null or 0 for none. A tier awarded
 * on its own credits its badge; the others count toward the whole microcredential's badge.
 * @param pay what passing the tier pays (the last tier's: what earning the whole microcredential pays). A tier
 * stored before pay existed has none: it reads as a one-time stipend of {@code stipendCents} from
 * {@code fundingSource} (migrated on read, nothing written, so any number of instances read it alike).
 * {@code stipendCents} and {@code fundingSource} always follow {@code pay}: the stipend when it is one, else 0.
 */
public record Tier(String key, String title, String description, List<String> requires, boolean awardedSeparately,
		long stipendCents, String fundingSource, Integer estimatedHours, Double credits,
		List<Requirement> requirements, Pay pay) {

	@PersistenceCreator
	public Tier {
		requires = requires == null ? List.of() : List.copyOf(requires);
		requirements = requirements == null ? List.of() : List.copyOf(requirements);
		if (pay == null) {
			pay = stipendCents != 0 ? Pay.stipend(stipendCents, fundingSource)
					: new Pay(Pay.Kind.NONE, 0, fundingSource, null, null, null, false, null, null, null, null);
		}
		stipendCents = pay.kind() == Pay.Kind.STIPEND ? pay.cents() : 0;
		fundingSource = pay.fundingSource();
	}

	/** A tier paying a stipend, or nothing, as tiers were before other kinds of pay (tests and older callers). */
	public Tier(String key, String title, String description, List<String> requires, boolean awardedSeparately,
			long stipendCents, String fundingSource, Integer estimatedHours, Double credits,
			List<Requirement> requirements) {
		this(key, title, description, requires, awardedSeparately, stipendCents, fundingSource, estimatedHours,
				credits, requirements, null);
	}

	/** A tier that credits nothing toward license renewal (tests and older callers). */
	public Tier(String key, String title, String description, List<String> requires, boolean awardedSeparately,
			long stipendCents, String fundingSource, Integer estimatedHours, List<Requirement> requirements) {
		this(key, title, description, requires, awardedSeparately, stipendCents, fundingSource, estimatedHours, null,
				requirements);
	}

	/** The credits, never null. */
	public double creditsOrZero() {
		return credits == null ? 0 : credits;
	}

}
