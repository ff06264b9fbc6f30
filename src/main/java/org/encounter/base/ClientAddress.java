package org.encounter.base;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Who a client is, for counting its requests (sign-in throttle, verification limit). The address is the one the
 * servlet container reports: behind a trusted proxy, Tomcat's RemoteIpValve has already put the forwarded client
 * there. An IPv6 client counts as its /64, the block one home or phone is given: otherwise a single device could
 * rotate through its own 2^64 addresses and never be counted twice. IPv4 addresses count one by one.
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    /** "2001:db8:85a3:12::/64", "192.0.2.1", or "unknown"; text that is no address is kept (at most 64 characters). */
    public static String network(String remoteAddress) {
        if (remoteAddress == null || remoteAddress.isBlank()) {
            return "unknown";
        }
        if (remoteAddress.indexOf(':') >= 0) {
            String literal = remoteAddress.replaceAll("^\\[|]$|%.*$", "");
            try {
                // In brackets the text must be an IPv6 literal: it is parsed, never looked up in DNS.
                byte[] bytes = InetAddress.getByName("[" + literal + "]").getAddress();
                if (bytes.length == 16) {
                    StringBuilder network = new StringBuilder();
                    for (int i = 0; i < 8; i += 2) {
                        network.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
                    }
                    return network.append(":/64").toString();
                }
                return InetAddress.getByAddress(bytes).getHostAddress();
            } catch (UnknownHostException notAnAddress) {
                // Falls through: counted under the text as given.
            }
        }
        return StoredText.truncate(remoteAddress, 64);
    }
}
