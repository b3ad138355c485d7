package org.cairn.language;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The application context's {@code messageSource} is the catalogues (Spring Boot's own would read messages.properties). */
@Configuration(proxyBeanMethods = false)
class LanguageConfiguration {

	@Bean
	MessageSource messageSource() {
		return Catalogue.source();
	}

}
