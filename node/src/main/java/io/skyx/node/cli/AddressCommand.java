package io.skyx.node.cli;

import io.skyx.node.cipher.Address;
import io.skyx.node.cipher.Bip39;
import io.skyx.node.cipher.BitcoinAddress;
import io.skyx.node.cipher.CipherException;
import io.skyx.node.cipher.DeterministicKeys;
import io.skyx.node.cipher.ExtendedKey;
import io.skyx.node.cipher.KeyPair;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code skycoin address}: prints {@code [{secret, public, address, bitcoin_address}, …]} for the first N keys of a
 * seed, from Skycoin's deterministic chain (default) or BIP44 {@code m/44'/8000'/account'/chain/i}.
 *
 * <ul>
 *   <li>{@code --seed-hex HEX}: the seed bytes (deterministic: the chain's seed; {@code --bip44}: the BIP32
 *       seed, 16..64 bytes);</li>
 *   <li>{@code --seed TEXT}: a seed phrase (deterministic: its UTF-8 bytes, as Skycoin's deterministic wallets;
 *       {@code --bip44}: a BIP39 mnemonic, checksum-validated, with {@code --passphrase});</li>
 * </ul>
 */
final class AddressCommand implements Subcommand {
    private static final int MAX_COUNT = 100_000;
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private final java.io.InputStream stdin;

    AddressCommand() {
        this(System.in);
    }

    /** For tests: {@code --batch} reads from {@code stdin}. */
    AddressCommand(java.io.InputStream stdin) {
        this.stdin = stdin;
    }

    @Override
    public String usage() {
        return "address (--seed-hex HEX | --seed TEXT) [--count N] [--bip44 [--account A] [--chain 0|1] "
                + "[--coin-type T] [--passphrase P]] | address --batch [--threads N]";
    }

    @Override
    public int run(List<String> rawArgs, PrintStream out, PrintStream err) throws UsageException {
        Args args = Args.parse(rawArgs, Set.of("seed-hex", "seed", "count", "account", "chain", "coin-type",
                "passphrase", "threads"), Set.of("bip44", "batch"));
        if (args.flag("batch")) {
            return CryptoCommand.batch(CryptoOps::address, stdin, out, err, args);
        }
        if (!args.positional().isEmpty()) {
            throw new UsageException("unexpected argument '" + args.positional().get(0) + "'");
        }
        if (args.value("seed-hex").isPresent() == args.value("seed").isPresent()) {
            throw new UsageException("give exactly one of --seed-hex and --seed");
        }
        int count = (int) args.longValue("count", 1, 1, MAX_COUNT);
        boolean bip44 = args.flag("bip44");
        if (!bip44) {
            for (String option : List.of("account", "chain", "coin-type", "passphrase")) {
                if (args.value(option).isPresent()) {
                    throw new UsageException("--" + option + " applies only with --bip44");
                }
            }
        }
        List<KeyPair> keys = bip44 ? bip44Keys(args, count) : deterministicKeys(args, count);
        List<Map<String, String>> rows = new ArrayList<>(keys.size());
        for (KeyPair key : keys) {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("secret", key.sec().revealHex());
            row.put("public", key.pub().hex());
            row.put("address", Address.fromPubKey(key.pub()).toString());
            row.put("bitcoin_address", BitcoinAddress.fromPubKey(key.pub()).toString());
            rows.add(row);
        }
        out.println(JSON.writeValueAsString(rows));
        return OK;
    }

    private static byte[] seedHex(Args args) throws UsageException {
        String hex = args.value("seed-hex").orElseThrow().trim();
        try {
            byte[] seed = HexFormat.of().parseHex(hex);
            if (seed.length == 0) {
                throw new UsageException("--seed-hex must not be empty");
            }
            return seed;
        } catch (IllegalArgumentException e) {
            throw new UsageException("--seed-hex is not valid hex (an even number of 0-9a-f characters)");
        }
    }

    private static List<KeyPair> deterministicKeys(Args args, int count) throws UsageException {
        byte[] seed = args.value("seed").isPresent()
                ? args.value("seed").orElseThrow().getBytes(StandardCharsets.UTF_8)
                : seedHex(args);
        try {
            return DeterministicKeys.chain(seed, count).keys();
        } catch (CipherException e) {
            throw new UsageException("invalid seed: " + e.getMessage());
        }
    }

    private static List<KeyPair> bip44Keys(Args args, int count) throws UsageException {
        long account = args.longValue("account", 0, 0, ExtendedKey.HARDENED - 1);
        long chain = args.longValue("chain", 0, 0, 1);
        long coinType = args.longValue("coin-type", ExtendedKey.SKYCOIN_COIN_TYPE, 0, ExtendedKey.HARDENED - 1);
        byte[] seed;
        if (args.value("seed").isPresent()) {
            try {
                seed = Bip39.seed(args.value("seed").orElseThrow(), args.value("passphrase").orElse(""));
            } catch (CipherException e) {
                throw new UsageException("--seed is not a valid BIP39 mnemonic: " + e.getMessage());
            }
        } else {
            if (args.value("passphrase").isPresent()) {
                throw new UsageException("--passphrase applies only to a --seed mnemonic");
            }
            seed = seedHex(args);
        }
        try {
            ExtendedKey base = ExtendedKey.master(seed)
                    .derive("m/44'/" + coinType + "'/" + account + "'/" + chain);
            List<KeyPair> keys = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                keys.add(KeyPair.of(base.child(i).secKey()));
            }
            return keys;
        } catch (CipherException e) {
            throw new UsageException("cannot derive BIP44 keys: " + e.getMessage());
        }
    }
}
