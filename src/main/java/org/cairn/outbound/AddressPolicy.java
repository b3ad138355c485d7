package org.cairn.outbound;

import java.net.InetAddress;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which addresses the verifier may connect to. By default only public unicast addresses: every block of the IANA
 * special-purpose registries is refused (loopback, private, link-local with the cloud metadata address, shared
 * address space, documentation/TEST-NET, benchmarking, 240/4, translation forms, multicast). An operator may allow
 * named hosts or address blocks ({@code cairn.verification.allowed-hosts}) or everything private
 * ({@code cairn.verification.allow-private}).
 */
public final class AddressPolicy {

	/**
	 * The IANA IPv4 and IPv6 special-purpose address registries, every entry (also those marked globally reachable:
	 * no badge issuer is hosted on an anycast relay or a discard prefix), plus multicast and the deprecated
	 * site-local block. Forms that embed an IPv4 address in an IPv6 one (IPv4-compatible, NAT64, 6to4, Teredo)
	 * are refused whole: they could smuggle an internal IPv4 address.
	 */
	private static final List<Cidr> NON_PUBLIC = List.of(
			// IPv4 (RFC 6890 and successors)
			Cidr.parse("0.0.0.0/8"), Cidr.parse("10.0.0.0/8"), Cidr.parse("100.64.0.0/10"), Cidr.parse("127.0.0.0/8"),
			Cidr.parse("169.254.0.0/16"), Cidr.parse("172.16.0.0/12"), Cidr.parse("192.0.0.0/24"),
			Cidr.parse("192.0.2.0/24"), Cidr.parse("192.31.196.0/24"), Cidr.parse("192.52.193.0/24"),
			Cidr.parse("192.88.99.0/24"), Cidr.parse("192.168.0.0/16"), Cidr.parse("192.175.48.0/24"),
			Cidr.parse("198.18.0.0/15"), Cidr.parse("198.51.100.0/24"), Cidr.parse("203.0.113.0/24"),
			Cidr.parse("224.0.0.0/4"), Cidr.parse("240.0.0.0/4"), Cidr.parse("255.255.255.255/32"),
			// IPv6
			Cidr.parse("::/96"), Cidr.parse("::ffff:0:0/96"), Cidr.parse("64:ff9b::/96"), Cidr.parse("64:ff9b:1::/48"),
			Cidr.parse("100::/64"), Cidr.parse("2001::/23"), Cidr.parse("2001:db8::/32"), Cidr.parse("2002::/16"),
			Cidr.parse("3fff::/20"), Cidr.parse("5f00::/16"), Cidr.parse("fc00::/7"), Cidr.parse("fe80::/10"),
			Cidr.parse("fec0::/10"), Cidr.parse("ff00::/8"));

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
