package io.skyx.node.chain;

import static io.skyx.node.chain.PrivateChain.COINS;
import static io.skyx.node.chain.PrivateChain.OWNER;
import static io.skyx.node.chain.PrivateChain.PUBLISHER;
import static io.skyx.node.chain.PrivateChain.T0;
import static io.skyx.node.chain.PrivateChain.genesisOutput;
import static io.skyx.node.chain.PrivateChain.hash;
import static io.skyx.node.chain.PrivateChain.header;
import static io.skyx.node.chain.PrivateChain.next;
import static io.skyx.node.chain.PrivateChain.sign;
import static io.skyx.node.coin.TxnFixtures.key;
import static io.skyx.node.coin.TxnFixtures.out;
import static io.skyx.node.coin.TxnFixtures.spend;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skyx.node.cipher.Cipher;
import io.skyx.node.cipher.SHA256;
import io.skyx.node.cipher.SecKey;
import io.skyx.node.coin.BlockHeader;
import io.skyx.node.coin.SignedBlock;
import io.skyx.node.coin.Transaction;
import io.skyx.node.coin.TransactionOutput;
import io.skyx.node.coin.TransactionRules;
import io.skyx.node.coin.TxnResult;
import io.skyx.node.coin.UxBody;
import io.skyx.node.coin.UxHead;
import io.skyx.node.coin.UxOut;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One test per block rule on a chain published with a test key: each block breaks exactly one rule, is refused
 * with exactly that error, and leaves the chain unchanged.
 */
class ChainRulesTest {
    private static final SecKey BOB = key("bob");
    private Chain chain;
    private UxOut genesisOut;
    private SHA256 uxHashBefore;

    @BeforeEach
    void start() {
        chain = PrivateChain.start(true);
        genesisOut = genesisOutput(chain);
        uxHashBefore = chain.uxHash();
    }

    private Transaction payBob(long coins, long hours) {
        return spend(List.of(genesisOut), OWNER, List.of(out(BOB, coins, hours), out(OWNER, COINS - coins, 0)));
    }

    private ApplyResult refused(SignedBlock block, ChainError error) {
        ApplyResult r = chain.apply(block);
        assertThat(r.error()).as(r.describe()).isEqualTo(error);
        assertThat(r.seq()).isEqualTo(block.header().seq());
        assertThat(chain.headSeq()).isZero();
        assertThat(chain.uxHash()).isEqualTo(uxHashBefore);
        assertThat(chain.unspentCount()).isEqualTo(1);
        return r;
    }

    private void refusedTxn(List<Transaction> txns, int index, TxnResult rule) {
        ApplyResult r = refused(next(chain, txns), ChainError.TRANSACTION_INVALID);
        assertThat(r.transaction()).isEqualTo(rule);
        assertThat(r.transactionIndex()).isEqualTo(index);
        assertThat(r.rule()).isEqualTo(rule.name());
    }

    @Test
    void aValidBlockIsAppliedWithItsOutputs() {
        Transaction t = payBob(1_000_000_000L, 7);
        SignedBlock b = next(chain, List.of(t));
        ApplyResult r = chain.apply(b);
        assertThat(r.ok()).as(r.describe()).isTrue();
        assertThat(chain.headSeq()).isEqualTo(1);
        assertThat(chain.headHash()).isEqualTo(b.hash());
        assertThat(chain.unspent(genesisOut.id())).isEmpty();
        UxOut bob = chain.unspent(t.outputId(0)).orElseThrow();
        assertThat(bob.head()).isEqualTo(new UxHead(T0 + 10, 1));
        assertThat(bob.body().srcTransaction()).isEqualTo(t.txid());
        assertThat(chain.unspentCount()).isEqualTo(2);
        assertThat(b.header().fee()).isEqualTo(COINS - 7); // genesis hours = coins, spent at genesis time
        assertThat(r.describe()).isEqualTo("block 1 applied");
    }

    @Test
    void blockSignatureMustBeThePublishers() {
        List<Transaction> txns = List.of(payBob(1_000_000L, 0));
        refused(sign(header(chain, T0 + 10, txns), txns, key("impostor")), ChainError.BAD_BLOCK_SIGNATURE);
    }

    @Test
    void headerRules() {
        List<Transaction> txns = List.of(payBob(1_000_000L, 0));
        BlockHeader h = header(chain, T0 + 10, txns);
        refused(sign(new BlockHeader(0, h.time(), 2, h.fee(), h.prevHash(), h.bodyHash(), h.uxHash()), txns,
                PUBLISHER), ChainError.BAD_SEQ);
        refused(sign(new BlockHeader(0, T0, 1, h.fee(), h.prevHash(), h.bodyHash(), h.uxHash()), txns, PUBLISHER),
                ChainError.TIME_NOT_INCREASING);
        refused(sign(new BlockHeader(0, h.time(), 1, h.fee(), hash("other"), h.bodyHash(), h.uxHash()), txns,
                PUBLISHER), ChainError.PREV_HASH_MISMATCH);
        refused(sign(new BlockHeader(0, h.time(), 1, h.fee(), h.prevHash(), hash("body"), h.uxHash()), txns,
                PUBLISHER), ChainError.BODY_HASH_MISMATCH);
        refused(sign(new BlockHeader(0, h.time(), 1, h.fee(), h.prevHash(), h.bodyHash(), hash("ux")), txns,
                PUBLISHER), ChainError.UX_HASH_MISMATCH);
        refused(sign(new BlockHeader(0, h.time(), 1, h.fee() - 1, h.prevHash(), h.bodyHash(), h.uxHash()), txns,
                PUBLISHER), ChainError.FEE_MISMATCH);
    }

    @Test
    void feeIsOnlyCheckedInStrictMode() {
        Chain lenient = PrivateChain.start(false);
        List<Transaction> txns = List.of(payBob(1_000_000L, 0));
        BlockHeader h = header(lenient, T0 + 10, txns);
        BlockHeader wrongFee = new BlockHeader(0, h.time(), 1, 12345, h.prevHash(), h.bodyHash(), h.uxHash());
        assertThat(lenient.apply(sign(wrongFee, txns, PUBLISHER)).ok()).isTrue();
    }

    @Test
    void aBlockNeedsTransactions() {
        refused(next(chain, List.of()), ChainError.NO_TRANSACTIONS);
    }

    @Test
    void genesisCannotBeAppliedAgain() {
        refused(chain.params().genesisBlock(), ChainError.BAD_SEQ);
    }

    @Test
    void transactionRulesInsideBlocks() {
        refusedTxn(List.of(spend(List.of(genesisOut), BOB, List.of(out(BOB, COINS, 0)))), 0,
                TxnResult.SIGNATURE_NOT_FOR_INPUT);
        refusedTxn(List.of(payBob(1_000_000L, COINS + 1)), 0, TxnResult.INSUFFICIENT_HOURS);
        refusedTxn(List.of(spend(List.of(genesisOut), OWNER, List.of(out(BOB, COINS - 1, 0)))), 0,
                TxnResult.COINS_DESTROYED);
        Transaction unsigned = Transaction.unsigned(List.of(genesisOut.id()), List.of(out(BOB, COINS, 0)));
        refusedTxn(List.of(unsigned), 0, TxnResult.NULL_SIGNATURE);
    }

    @Test
    void inputsMustBeUnspentBeforeTheBlock() {
        UxOut phantom = new UxOut(new UxHead(T0, 0),
                new UxBody(hash("nowhere"), genesisOut.body().address(), COINS, 0));
        refusedTxn(List.of(spend(List.of(phantom), OWNER, List.of(out(BOB, COINS, 0)))), 0,
                TxnResult.INPUT_NOT_UNSPENT);
        // an output created earlier in the same block cannot be spent in it
        Transaction first = payBob(1_000_000L, 0);
        UxOut bobs = first.createdOutputs(new UxHead(T0 + 10, 1)).get(0);
        Transaction second = spend(List.of(bobs), BOB, List.of(out(OWNER, 1_000_000L, 0)));
        refusedTxn(List.of(first, second), 1, TxnResult.INPUT_NOT_UNSPENT);
    }

    @Test
    void recreatingTheGenesisOutputInBlockOneCollides() {
        // Skycoin derives the new ids with the head's header: on top of genesis they get the zero SrcTransaction
        Transaction same = spend(List.of(genesisOut), OWNER,
                List.of(new TransactionOutput(genesisOut.body().address(), COINS, COINS)));
        refusedTxn(List.of(same), 0, TxnResult.NEW_OUTPUT_COLLIDES);
    }

    @Test
    void sameTransactionTwiceDuplicatesItsOutputs() {
        Transaction t = payBob(1_000_000L, 0);
        refused(next(chain, List.of(t, t)), ChainError.DUPLICATE_OUTPUT_ACROSS_TRANSACTIONS);
    }

    @Test
    void twoTransactionsSpendingOneOutput() {
        refused(next(chain, List.of(payBob(1_000_000L, 0), payBob(2_000_000L, 0))), ChainError.DOUBLE_SPEND_IN_BLOCK);
    }

    @Test
    void genesisSignatureMustVerify() {
        GenesisParams good = PrivateChain.params();
        GenesisParams forged = new GenesisParams(good.address(), good.coins(), good.timestamp(),
                Cipher.signHash(hash("x"), PUBLISHER), good.blockchainPubKey());
        assertThatThrownBy(() -> Chain.fromGenesis(forged, true)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void singleTransactionsAgainstTheChain() {
        var soft = TransactionRules.SoftParams.DEFAULTS;
        assertThat(chain.verifyTransaction(payBob(1_000_000_000L, 1_000), soft)).isEqualTo(TxnResult.OK);
        assertThat(chain.verifyTransaction(payBob(1_000_000_000L, COINS), soft)).isEqualTo(TxnResult.NO_FEE);
        Transaction phantom = spend(List.of(new UxOut(new UxHead(T0, 0), new UxBody(hash("no"),
                genesisOut.body().address(), COINS, 0))), OWNER, List.of(out(BOB, COINS, 0)));
        assertThat(chain.verifyTransaction(phantom, soft)).isEqualTo(TxnResult.INPUT_NOT_UNSPENT);
        Transaction same = spend(List.of(genesisOut), OWNER,
                List.of(new TransactionOutput(genesisOut.body().address(), COINS, COINS)));
        assertThat(chain.verifyTransaction(same, soft)).isEqualTo(TxnResult.NEW_OUTPUT_COLLIDES);
    }
}
