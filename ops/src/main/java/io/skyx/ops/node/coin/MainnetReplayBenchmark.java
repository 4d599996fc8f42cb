package io.skyx.ops.node.coin;

import io.skyx.node.chain.ApplyResult;
import io.skyx.node.chain.Chain;
import io.skyx.node.chain.GenesisParams;
import io.skyx.node.cipher.SHA256;
import io.skyx.node.coin.SignedBlockCodec;
import io.skyx.node.encoding.DecodeException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Time to decode, verify (every rule, strict fee) and apply mainnet blocks 1..120 onto a fresh chain built from
 * the mainnet genesis parameters; one operation is the whole replay.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class MainnetReplayBenchmark {
    private List<byte[]> blocks;

    @Setup
    public void load() {
        List<byte[]> all = MainnetVectors.rawBlocks();
        blocks = all.subList(1, all.size());
    }

    @Benchmark
    public SHA256 replayBlocks1To120() throws DecodeException {
        Chain chain = Chain.fromGenesis(GenesisParams.MAINNET, true);
        for (byte[] raw : blocks) {
            ApplyResult r = chain.apply(SignedBlockCodec.INSTANCE.decodeExact(raw));
            if (!r.ok()) {
                throw new IllegalStateException(r.describe());
            }
        }
        return chain.headHash();
    }
}
