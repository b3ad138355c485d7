package org.cairn.template;

import java.util.List;

import org.cairn.demo.DemoDistrictSeeded;

import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo data: the demo district adopts and publishes five library microcredentials. Adoption is idempotent per
 * district and library key and publishing a published version is a no-op, so restarts add nothing.
 */
@Component
@Profile("demo")
class TemplateDemo {

	static final List<String> ADOPTED = List.of("parkway-personalized-learning", "derry-data",
			"derry-learning-communities", "formative-assessment", "technology-integration");

	private final StarterLibrary library;

	private final Templates templates;

	TemplateDemo(StarterLibrary library, Templates templates) {
		this.library = library;
		this.templates = templates;
	}

	@EventListener
	@Order(10)
	void seed(DemoDistrictSeeded event) {
		for (String key : ADOPTED) {
			library.adopt(event.districtId(), key, false)
				.flatMap(outcome -> outcome.template().status() == TemplateStatus.DRAFT
						? templates.publish(event.districtId(), outcome.template().id())
						: reactor.core.publisher.Mono.just(outcome.template()))
				.block();
		}
	}

}
