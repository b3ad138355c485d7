/**
 * The {@code demo} profile: seeds a demo district so a newcomer can click through every role. The seeder creates
 * the district and people, publishes {@link org.cairn.demo.DemoDistrictSeeded}, then runs the demo steps in order
 * (templates 10, earning 20, issuing 30), each driving its features through their public services. This is the only
 * package that reaches into other features for seeding; no feature depends on it.
 */
package org.cairn.demo;
