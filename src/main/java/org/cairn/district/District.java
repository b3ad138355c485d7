package org.cairn.district;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A district: the tenant every other record belongs to, and the issuer named on its badges.
 *
 * @param logo the issuer image as a {@code data:} URI (small; it is embedded in the Issuer Profile)
 * @param budgetCents the professional-learning budget for each fiscal year, in cents
 * @param fiscalYearStartMonth 1-12; July (7) for most US districts
 * @param autoApproveProposals when true, enrolments skip the admin's approval (budget is still committed)
 * @param allowCoachAsAssessor when false, a teacher's own coach is never assigned to review them
 * @param maxUploadBytes the largest single evidence file this district accepts
 * @param language the language ("en", "es") of mail and PDFs for people who have not chosen one; null: English
 */
@Document("districts")
public record District(@Id String id, @Indexed(unique = true) String slug, String name, String url, String email,
		String description, String logo, String brandColor, String timeZone, int fiscalYearStartMonth,
		long budgetCents, boolean autoApproveProposals, boolean allowCoachAsAssessor, long maxUploadBytes,
		Instant createdAt, @Version Long version, String language) {

	public static final long DEFAULT_MAX_UPLOAD_BYTES = 2L * 1024 * 1024 * 1024;

	@org.springframework.data.annotation.PersistenceCreator
	public District {
	}

	/** A district as created before it could choose a default language: English. */
	public District(String id, String slug, String name, String url, String email, String description, String logo,
			String brandColor, String timeZone, int fiscalYearStartMonth, long budgetCents,
			boolean autoApproveProposals, boolean allowCoachAsAssessor, long maxUploadBytes, Instant createdAt,
			Long version) {
		this(id, slug, name, url, email, description, logo, brandColor, timeZone, fiscalYearStartMonth, budgetCents,
				autoApproveProposals, allowCoachAsAssessor, maxUploadBytes, createdAt, version, null);
	}

	public District withSettings(DistrictSettings s) {
		return new District(id, slug, s.name(), s.url(), s.email(), s.description(), s.logo(), s.brandColor(),
				s.timeZone(), s.fiscalYearStartMonth(), s.budgetCents(), s.autoApproveProposals(),
				s.allowCoachAsAssessor(), s.maxUploadBytes(), createdAt, version, s.language());
	}

	public DistrictSettings settings() {
		return new DistrictSettings(name, url, email, description, logo, brandColor, timeZone, fiscalYearStartMonth,
				budgetCents, autoApproveProposals, allowCoachAsAssessor, maxUploadBytes, language);
	}

}
