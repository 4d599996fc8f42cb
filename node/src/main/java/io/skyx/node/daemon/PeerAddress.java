package io.skyx.node.daemon;

/**
 * An IPv4 peer address as carried in GIVP: the address as a big-endian 32-bit number (1.2.3.4 is 0x01020304)
 * and a TCP port.
 *
 * @param ip   the IPv4 address as an unsigned 32-bit number
 * @param port the TCP port, 0..65535
 */
public record PeerAddress(long ip, int port) {
    public PeerAddress {
        if (ip < 0 || ip > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("ip out of u32 range: " + ip);
        }
        if (port < 0 || port > 0xFFFF) {
            throw new IllegalArgumentException("port out of u16 range: " + port);
        }
    }

    @Override
    public String toString() {
        return ((ip >>> 24) & 0xFF) + "." + ((ip >>> 16) & 0xFF) + "." + ((ip >>> 8) & 0xFF) + "." + (ip & 0xFF)
                + ":" + port;
    }
}
