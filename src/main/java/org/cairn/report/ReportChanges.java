package org.cairn.report;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * How often anything a report counts changed in a district: bumped by every change event, read beside a snapshot.
 * One small document per district, found by its id on either store.
 */
@Document("report_changes")
record ReportChanges(@Id String districtId, long counter) {
}
