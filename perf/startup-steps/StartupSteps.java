import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;

/**
 * Where Cairn's start-up goes, by Spring's own start-up steps (issue 14): starts the application with a
 * {@link BufferingApplicationStartup}, then prints the steps that took longest by their own time (without their
 * children), and the total own time per kind of step. Run by perf/startup-steps.sh; arguments go to the application.
 */
public class StartupSteps {

	public static void main(String[] args) {
		SpringApplication app = new SpringApplication(org.cairn.CairnApplication.class);
		BufferingApplicationStartup startup = new BufferingApplicationStartup(100_000);
		app.setApplicationStartup(startup);
		long start = System.nanoTime();
		var context = app.run(args);
		System.out.printf("context started in %d ms%n", (System.nanoTime() - start) / 1_000_000);
		var events = startup.getBufferedTimeline().getEvents();
		Map<Long, Long> children = new HashMap<>();
		for (var event : events) {
			Long parent = event.getStartupStep().getParentId();
			if (parent != null) {
				children.merge(parent, event.getDuration().toNanos(), Long::sum);
			}
		}
		record Row(long self, long total, String name, String tags) {
		}
		List<Row> rows = new ArrayList<>();
		Map<String, Long> byName = new TreeMap<>();
		for (var event : events) {
			var step = event.getStartupStep();
			long self = event.getDuration().toNanos() - children.getOrDefault(step.getId(), 0L);
			StringBuilder tags = new StringBuilder();
			step.getTags().forEach(tag -> tags.append(tag.getKey()).append('=').append(tag.getValue()).append(' '));
			rows.add(new Row(self, event.getDuration().toNanos(), step.getName(),
					tags.length() > 140 ? tags.substring(0, 140) : tags.toString()));
			byName.merge(step.getName(), self, Long::sum);
		}
		System.out.println("own ms | total ms | step");
		rows.stream().sorted(Comparator.comparingLong(Row::self).reversed()).limit(Integer.getInteger("top", 40))
			.forEach(r -> System.out.printf("%8.1f | %8.1f | %s %s%n", r.self() / 1e6, r.total() / 1e6, r.name(), r.tags()));
		System.out.println("own ms per kind of step:");
		byName.forEach((name, self) -> System.out.printf("%8.1f  %s%n", self / 1e6, name));
		context.close();
	}

}
