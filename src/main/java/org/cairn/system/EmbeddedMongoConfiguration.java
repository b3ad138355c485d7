package org.cairn.system;

import com.mongodb.ConnectionString;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/** Starts {@link EmbeddedMongo} and points Spring Data at it, only when no MongoDB URI is configured. */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedMongoConfiguration.NoMongoUri.class)
class EmbeddedMongoConfiguration {

	/**
	 * A random credential per start unless {@code cairn.embedded-mongo-password} is set (for an operator's tool, or
	 * another instance joining the store); either way every connection must authenticate.
	 */
	@Bean(destroyMethod = "close")
	EmbeddedMongo embeddedMongo(CairnProperties properties,
			@Value("${cairn.embedded-mongo-username:cairn}") String username,
			@Value("${cairn.embedded-mongo-password:}") String password) {
		EmbeddedMongo.Credential credential = StringUtils.hasText(password)
				? new EmbeddedMongo.Credential(username, password) : EmbeddedMongo.Credential.random();
		return EmbeddedMongo.start(properties.dataDir(), credential);
	}

	@Bean
	MongoConnectionDetails embeddedMongoConnectionDetails(EmbeddedMongo mongo) {
		ConnectionString connectionString = new ConnectionString(mongo.connectionString());
		return () -> connectionString;
	}

	static class NoMongoUri implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			var env = context.getEnvironment();
			return !StringUtils.hasText(env.getProperty("spring.mongodb.uri"))
					&& env.getProperty("cairn.embedded-mongo", Boolean.class, true);
		}

	}

}
