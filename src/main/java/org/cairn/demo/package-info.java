/**
 * The {@code demo} profile: seeds a demo district so a newcomer can click through every role. The seeder creates
 * the district and people, then publishes {@link org.cairn.demo.DemoDistrictSeeded}; each feature adds its own
 * demo data in an {@code @Profile("demo")} listener of its own package, ordered: templates 10, earning 20,
 * issuing 30, verification 40.
 */
package org.cairn.demo;
