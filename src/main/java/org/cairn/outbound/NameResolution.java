package org.cairn.outbound;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Host name to addresses: the network boundary the fetcher resolves through. The default asks the system resolver;
 * tests substitute a stub (a public-looking name that resolves to a private address) to prove the policy holds.
 */
@FunctionalInterface
public interface NameResolution {

	List<InetAddress> resolve(String host) throws UnknownHostException;

	static NameResolution system() {
		return host -> List.of(InetAddress.getAllByName(host));
	}

}
