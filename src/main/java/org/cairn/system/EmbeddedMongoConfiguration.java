package org.cairn.system;

import com.mongodb.ConnectionString;

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

	@Bean(destroyMethod = "close")
	EmbeddedMongo embeddedMongo(CairnProperties properties) {
		return EmbeddedMongo.start(properties.dataDir());
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
