package org.cairn.issuing;

import org.cairn.account.LanguageChosen;
import org.cairn.template.TemplatesChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Changes other features make to what the district's held documents show: a recipient's language (what their
 * certificate speaks when the reader asks for none) and a template (a badge's title, artwork, alignments). Each drops
 * the district's held documents and renditions on this instance at once, before the change's answer, and on every
 * other instance at its next generation poll ({@code cairn.issuing.cache-poll-ms}, 2 s by default), as a revocation
 * does. Both are rare next to reads, so dropping the whole district costs a few renders, not a steady miss rate.
 */
@Component
class PublicDocumentEvents {

	private static final Logger log = LoggerFactory.getLogger(PublicDocumentEvents.class);

	private final DocumentChanges changes;

	PublicDocumentEvents(DocumentChanges changes) {
		this.changes = changes;
	}

	@EventListener
	void on(LanguageChosen event) {
		changed(event.districtId());
	}

	@EventListener
	void on(TemplatesChanged event) {
		changed(event.districtId());
	}

	private void changed(String districtId) {
		// published on the request's thread: dropped here at once, the stored bump follows without blocking it
		changes.changed(districtId)
			.subscribe(null, ex -> log.warn("Telling other instances that district {}'s documents changed failed; "
					+ "they drop them within a minute: {}", districtId, ex.toString()));
	}

}
