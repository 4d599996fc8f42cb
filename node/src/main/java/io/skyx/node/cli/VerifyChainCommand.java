package io.skyx.node.cli;

import io.skyx.node.chain.ApplyResult;
import io.skyx.node.chain.Chain;
import io.skyx.node.chain.ChainError;
import io.skyx.node.chain.GenesisParams;
import io.skyx.node.coin.SignedBlock;
import io.skyx.node.coin.SignedBlockCodec;
import io.skyx.node.encoding.DecodeException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code skycoin verify-chain --blocks FILE --genesis mainnet}: starts from the genesis block built from the named
 * parameters, then decodes, verifies and applies every signed block of FILE (one JSON object per line with
 * {@code signed_block_hex}; a {@code hash} field, if present, must match) in order, with every rule on. Prints
 * {@code {head_seq, head_hash, unspents, ux_hash}}; on the first invalid block it prints the seq and the rule that
 * failed and exits 1. A block 0 in the file must be exactly the locally built genesis block.
 */
final class VerifyChainCommand implements Subcommand {
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @Override
    public String usage() {
        return "verify-chain --blocks FILE --genesis mainnet [--lenient-fee]";
    }

    @Override
    public int run(List<String> rawArgs, PrintStream out, PrintStream err) throws UsageException {
        Args args = Args.parse(rawArgs, Set.of("blocks", "genesis"), Set.of("lenient-fee"));
        if (!args.positional().isEmpty()) {
            throw new UsageException("unexpected argument '" + args.positional().get(0) + "'");
        }
        Path file = Path.of(args.required("blocks"));
        String genesisName = args.required("genesis");
        if (!genesisName.equals("mainnet")) {
            throw new UsageException("--genesis must be 'mainnet' (the only built-in parameters)");
        }
        Chain chain = Chain.fromGenesis(GenesisParams.MAINNET, !args.flag("lenient-fee"));
        SignedBlock genesis = GenesisParams.MAINNET.genesisBlock();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int lineNo = 0;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                Integer code = applyLine(chain, genesis, line, lineNo, out, err);
                if (code != null) {
                    return code;
                }
            }
        } catch (NoSuchFileException e) {
            throw new UsageException("no such file: " + file);
        } catch (IOException e) {
            throw new UsageException("cannot read " + file + ": " + e.getMessage());
        }
        ObjectNode result = JSON.createObjectNode();
        result.put("head_seq", chain.headSeq());
        result.put("head_hash", chain.headHash().hex());
        result.put("unspents", chain.unspentCount());
        result.put("ux_hash", chain.uxHash().hex());
        out.println(JSON.writeValueAsString(result));
        return OK;
    }

    /** @return null to continue, or the exit code to stop with */
    private static Integer applyLine(Chain chain, SignedBlock genesis, String line, int lineNo, PrintStream out,
            PrintStream err) throws UsageException {
        JsonNode json;
        try {
            json = JSON.readTree(line);
        } catch (JacksonException e) {
            throw new UsageException("line " + lineNo + " is not JSON");
        }
        JsonNode hex = json.get("signed_block_hex");
        if (hex == null || !hex.isString()) {
            throw new UsageException("line " + lineNo + " has no \"signed_block_hex\" string");
        }
        SignedBlock block;
        try {
            block = SignedBlockCodec.INSTANCE.decodeExact(HexFormat.of().parseHex(hex.asString()));
        } catch (IllegalArgumentException e) {
            throw new UsageException("line " + lineNo + ": signed_block_hex is not hexadecimal");
        } catch (DecodeException e) {
            return fail(chain, out, err, json.path("seq").asLong(-1), "DECODE_" + e.error().name(),
                    "line " + lineNo + ": block does not decode: " + e.getMessage(), -1);
        }
        long seq = block.header().seq();
        JsonNode listed = json.get("hash");
        if (listed != null && !block.hash().hex().equals(listed.asString())) {
            return fail(chain, out, err, seq, "LISTED_HASH_MISMATCH",
                    "line " + lineNo + ": block hash " + block.hash() + " is not the listed " + listed.asString(), -1);
        }
        if (seq == 0 && chain.headSeq() == 0) {
            if (!block.equals(genesis)) {
                return fail(chain, out, err, 0, ChainError.GENESIS_MISMATCH.name(),
                        "block 0 is not the mainnet genesis block " + genesis.hash(), -1);
            }
            return null;
        }
        ApplyResult r = chain.apply(block);
        if (!r.ok()) {
            return fail(chain, out, err, r.seq(), r.rule(), r.describe(), r.transactionIndex());
        }
        return null;
    }

    private static int fail(Chain chain, PrintStream out, PrintStream err, long seq, String rule, String message,
            int txIndex) {
        ObjectNode result = JSON.createObjectNode();
        ObjectNode error = result.putObject("error");
        error.put("seq", seq);
        error.put("rule", rule);
        if (txIndex >= 0) {
            error.put("transaction_index", txIndex);
        }
        error.put("message", message);
        result.put("head_seq", chain.headSeq());
        result.put("head_hash", chain.headHash().hex());
        out.println(JSON.writeValueAsString(result));
        err.println("skycoin verify-chain: " + message);
        return FAILED;
    }
}
