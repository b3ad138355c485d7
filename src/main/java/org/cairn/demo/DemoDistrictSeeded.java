package org.cairn.demo;

import java.util.List;

/** Published once, at start, after the demo district and its people exist. */
public record DemoDistrictSeeded(String districtId, String adminId, List<String> assessorIds,
		List<String> teacherIds) {
}
