package org.cairn.outbound;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The address policy against the IANA special-purpose address registries (IPv4 and IPv6): no address reserved for
 * documentation, benchmarking, shared (carrier-grade NAT), multicast, future use or translation is ever fetched.
 * Only literal addresses are parsed here: nothing is resolved and nothing is sent.
 */
class AddressPolicyTests {

	private final AddressPolicy policy = AddressPolicy.publicOnly();

	@ParameterizedTest(name = "{0} is refused")
	@ValueSource(strings = { "0.1.2.3", "10.1.2.3", "100.64.0.1", "100.127.255.254", "127.0.0.1", "169.254.169.254",
			"172.16.0.1", "172.31.255.255", "192.0.0.8", "192.0.2.10", "192.31.196.1", "192.52.193.1", "192.88.99.1",
			"192.168.1.1", "192.175.48.1", "198.18.0.1", "198.19.255.255", "198.51.100.7", "203.0.113.9", "224.0.0.251",
			"239.255.255.250", "240.0.0.1", "255.255.255.255", "::", "::1", "::ffff:10.0.0.1", "::10.0.0.1",
			"64:ff9b::a00:1", "64:ff9b:1::1", "100::1", "2001::1", "2001:2::1", "2001:10::1", "2001:20::1",
			"2001:db8::1", "2002:a00:1::1", "3fff::1", "5f00::1", "fc00::1", "fd12:3456::1", "fe80::1", "fec0::1",
			"ff02::1" })
	void refusesSpecialPurposeAddresses(String literal) throws UnknownHostException {
		assertThat(policy.allows(InetAddress.getByName(literal))).isFalse();
	}

	@ParameterizedTest(name = "{0} is allowed")
	@ValueSource(strings = { "93.184.215.14", "8.8.8.8", "1.1.1.1", "192.0.3.1", "203.0.114.1", "2606:4700::1111",
			"2a00:1450:4001::1" })
	void allowsPublicUnicastAddresses(String literal) throws UnknownHostException {
		assertThat(policy.allows(InetAddress.getByName(literal))).isTrue();
	}

	@ParameterizedTest(name = "{0} is allowed when configured")
	@ValueSource(strings = { "127.0.0.2" })
	void anOperatorMayAllowABlock(String literal) throws UnknownHostException {
		AddressPolicy configured = new AddressPolicy(List.of("127.0.0.2/32"), false);
		assertThat(configured.allows(InetAddress.getByName(literal))).isTrue();
		assertThat(configured.allows(InetAddress.getByName("127.0.0.1"))).isFalse();
	}

}
