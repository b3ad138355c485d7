package org.cairn;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Cairn: districts author microcredentials, teachers earn them, anyone verifies the Open Badges they become. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class CairnApplication {

	public static void main(String[] args) {
		SpringApplication.run(CairnApplication.class, args);
	}

}
