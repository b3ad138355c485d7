package org.cairn.district;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.cairn.mail.HeaderText;

/**
 * What a district admin may edit about their district; also the body of {@code PUT /api/v1/district}.
 *
 * @param language "en", "es" or null (English): mail and PDFs for people who have not chosen a language
 */
public record DistrictSettings(@NotBlank @Size(max = 200) @HeaderText String name,
		@NotBlank @Size(max = 500) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String url,
		@NotBlank @Email @Size(max = 320) String email, @Size(max = 4000) String description,
		@Size(max = 400_000, message = "must be under 300 KB")
		@Pattern(regexp = "data:image/(png|svg\\+xml|jpeg);base64,[A-Za-z0-9+/=]+",
				message = "must be a PNG, SVG or JPEG data: URI") String logo,
		@Pattern(regexp = "#[0-9a-fA-F]{6}", message = "must be a color such as #1f6f5c") String brandColor,
		@NotBlank @ValidTimeZone String timeZone, @Min(1) @Max(12) int fiscalYearStartMonth,
		@PositiveOrZero long budgetCents, boolean autoApproveProposals, boolean allowCoachAsAssessor,
		@Min(1024 * 1024) @Max(16L * 1024 * 1024 * 1024) long maxUploadBytes,
		@Pattern(regexp = "en|es", message = "must be \"en\" (English), \"es\" (Spanish) or null") String language) {

	/** Settings without a default language (English). */
	public DistrictSettings(String name, String url, String email, String description, String logo, String brandColor,
			String timeZone, int fiscalYearStartMonth, long budgetCents, boolean autoApproveProposals,
			boolean allowCoachAsAssessor, long maxUploadBytes) {
		this(name, url, email, description, logo, brandColor, timeZone, fiscalYearStartMonth, budgetCents,
				autoApproveProposals, allowCoachAsAssessor, maxUploadBytes, null);
	}

}
