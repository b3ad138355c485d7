package org.cairn.outbound;

import java.net.InetAddress;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which addresses the verifier may connect to. By default only public unicast addresses: loopback, private
 * (10/8, 172.16/12, 192.168/16, fc00::/7), link-local (169.254/16 with the cloud metadata address, fe80::/10),
 * carrier-grade NAT (100.64/10), unspecified, broadcast and multicast addresses are refused. An operator may allow
 * named hosts or address blocks ({@code cairn.verification.allowed-hosts}) or everything private
 * ({@code cairn.verification.allow-private}).
 */
public final class AddressPolicy {

	private static final List<Cidr> NON_PUBLIC = List.of(Cidr.parse("0.0.0.0/8"), Cidr.parse("10.0.0.0/8"),
			Cidr.parse("100.64.0.0/10"), Cidr.parse("127.0.0.0/8"), Cidr.parse("169.254.0.0/16"),
			Cidr.parse("172.16.0.0/12"), Cidr.parse("192.0.0.0/24"), Cidr.parse("192.168.0.0/16"),
			Cidr.parse("198.18.0.0/15"), Cidr.parse("224.0.0.0/4"), Cidr.parse("240.0.0.0/4"), Cidr.parse("::/128"),
			Cidr.parse("::1/128"), Cidr.parse("fc00::/7"), Cidr.parse("fe80::/10"), Cidr.parse("ff00::/8"),
			// IPv4-compatible and NAT64 forms could smuggle an internal IPv4 address inside an IPv6 one.
			Cidr.parse("::/96"), Cidr.parse("64:ff9b::/96"));

	private final Set<String> allowedHosts;

	private final List<Cidr> allowedBlocks;

	private final boolean allowPrivate;

	public AddressPolicy(List<String> allowed, boolean allowPrivate) {
		this.allowedHosts = allowed.stream()
			.filter(entry -> !Cidr.looksLikeCidr(entry))
			.map(entry -> entry.toLowerCase(Locale.ROOT))
			.collect(Collectors.toUnmodifiableSet());
		this.allowedBlocks = allowed.stream().filter(Cidr::looksLikeCidr).map(Cidr::parse).toList();
		this.allowPrivate = allowPrivate;
	}

	public static AddressPolicy publicOnly() {
		return new AddressPolicy(List.of(), false);
	}

	/** Whether the operator named this host, so any address it resolves to is fine. */
	public boolean allowsHost(String host) {
		return allowedHosts.contains(host.toLowerCase(Locale.ROOT));
	}

	public boolean allows(InetAddress address) {
		if (allowPrivate || allowedBlocks.stream().anyMatch(block -> block.contains(address))) {
			return true;
		}
		return !(address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
				|| address.isSiteLocalAddress() || address.isMulticastAddress()
				|| NON_PUBLIC.stream().anyMatch(block -> block.contains(address)));
	}

}
