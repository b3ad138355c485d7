package perf;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** A bare WebFlux endpoint returning a small JSON map: what the framework alone costs per request. */
@SpringBootApplication
@RestController
public class BareWebFlux {

	private static final Map<String, Object> BODY = Map.of("status", "ok", "service", "bare-webflux", "version", 1);

	@GetMapping("/bare")
	Map<String, Object> bare() {
		return BODY;
	}

	public static void main(String[] args) {
		SpringApplication.run(BareWebFlux.class, args);
	}

}
