package org.cairn.demo;

import java.util.List;

import org.cairn.template.StarterLibrary;
import org.cairn.template.Template;
import org.cairn.template.TemplateStatus;
import org.cairn.template.Templates;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo templates: the demo district adopts and publishes five library microcredentials. Adoption is idempotent per
 * district and library key and publishing a published version is a no-op, so restarts add nothing.
 */
@Component
@Order(10)
class TemplateDemo implements DemoStep {

	static final List<String> ADOPTED = List.of("parkway-personalized-learning", "derry-data",
			"derry-learning-communities", "formative-assessment", "technology-integration");

	private final StarterLibrary library;

	private final Templates templates;

	TemplateDemo(StarterLibrary library, Templates templates) {
		this.library = library;
		this.templates = templates;
	}

	@Override
	public Mono<Void> seed(DemoDistrictSeeded event) {
		return Flux.fromIterable(ADOPTED)
			.concatMap(key -> library.adopt(event.districtId(), key, false)
				.flatMap(outcome -> outcome.template().status() == TemplateStatus.DRAFT
						? templates.publish(event.districtId(), outcome.template().id())
						: Mono.<Template>just(outcome.template())))
			.then();
	}

}
