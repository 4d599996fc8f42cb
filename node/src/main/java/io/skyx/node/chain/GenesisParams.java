package io.skyx.node.chain;

import io.skyx.node.cipher.Address;
import io.skyx.node.cipher.CipherException;
import io.skyx.node.cipher.PubKey;
import io.skyx.node.cipher.Sig;
import io.skyx.node.coin.Genesis;
import io.skyx.node.coin.SignedBlock;
import java.util.Objects;

/**
 * The parameters a chain starts from: the genesis output, its time, the configured genesis signature and the key
 * that signs every block.
 *
 * @param address          receives all genesis coins
 * @param coins            genesis coins in droplets; the genesis output also carries this many hours
 * @param timestamp        genesis block time (unix seconds)
 * @param signature        signature of the genesis block hash by the blockchain key
 * @param blockchainPubKey the block publisher's key
 */
public record GenesisParams(Address address, long coins, long timestamp, Sig signature, PubKey blockchainPubKey) {
    /** Skycoin mainnet (cmd/skycoin, fiber.toml); its genesis block hash is {@code 0551a1e5…49f3}. */
    public static final GenesisParams MAINNET = mainnet();

    public GenesisParams {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(signature, "signature");
        Objects.requireNonNull(blockchainPubKey, "blockchainPubKey");
        if (coins == 0) {
            throw new IllegalArgumentException("genesis coins must be > 0");
        }
    }

    private static GenesisParams mainnet() {
        try {
            return new GenesisParams(
                    Address.parse("2jBbGxZRGoQG1mqhPBnXnLTxK6oxsTf8os6"),
                    100_000_000_000_000L,
                    1_426_562_704L,
                    Sig.fromHex("eb10468d10054d15f2b6f8946cd46797779aa20a7617ceb4be884189f219bc9a"
                            + "164e56a5b9f7bec392a804ff3740210348d73db77a37adb542a8e08d429ac92700"),
                    PubKey.fromHex("0328c576d3f420e7682058a981173a4b374c7cc5ff55bf394d3cf57059bbe6456a"));
        } catch (CipherException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** @return the signed genesis block these parameters define */
    public SignedBlock genesisBlock() {
        return new SignedBlock(Genesis.block(address, coins, timestamp), signature);
    }
}
