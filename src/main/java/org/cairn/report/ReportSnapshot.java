package org.cairn.report;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One report as last computed, so opening it reads one document instead of the district's records.
 *
 * @param id {@code districtId/kind} ({@code participation}, {@code coverage}, {@code template/<id>})
 * @param basedOn the district's {@link ReportChanges} counter the figures were computed at: the snapshot is current
 * while the counter has not moved since
 * @param format the shape of {@code json}; a snapshot of another format is computed again (an upgrade rebuilds)
 * @param json the report as the API returns it
 */
@Document("report_snapshots")
record ReportSnapshot(@Id String id, @Indexed String districtId, String kind, long basedOn, int format, String json,
		Instant computedAt) {
}
