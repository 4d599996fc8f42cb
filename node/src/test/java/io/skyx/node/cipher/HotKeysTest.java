package io.skyx.node.cipher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link HotKeys}: a key gets its byte table at its {@link HotKeys#CHECKS_BEFORE_TABLE}th check on one object, never
 * more than {@link HotKeys#MAX_TABLES} keys hold one, and {@link Cipher#recoversTo} answers the same before and after
 * (its own signature yes, the other parity and another key's signature no); a key whose table was dropped (the set
 * emptied while full) gets one again after as many further checks.
 */
class HotKeysTest {

    @Test
    void tableAtTheThresholdBoundedAndAnswersUnchanged() throws Exception {
        List<PubKey> keys = new ArrayList<>();
        List<Sig> own = new ArrayList<>();
        List<SHA256> hashes = new ArrayList<>();
        for (int k = 0; k <= HotKeys.MAX_TABLES; k++) {
            SecKey sec = SecKey.of(SHA256.sum(new byte[]{(byte) k, 13}).bytes());
            SHA256 h = SHA256.sum(new byte[]{(byte) k, 14});
            keys.add(sec.pubKey());
            own.add(Cipher.signHash(h, sec));
            hashes.add(h);
        }
        for (int k = 0; k < keys.size(); k++) {
            PubKey key = keys.get(k);
            Sig sig = own.get(k);
            Sig flipped = Sig.of(sig.r(), sig.s(), sig.recid() ^ 1);
            Sig other = own.get((k + 1) % keys.size());
            for (int i = 1; i <= HotKeys.CHECKS_BEFORE_TABLE + 2; i += 3) {
                assertThat(HotKeys.tableFor(key) == null).as("key %d check %d", k, i)
                        .isEqualTo(i < HotKeys.CHECKS_BEFORE_TABLE);
                assertThat(Cipher.recoversTo(sig, hashes.get(k), key)).isTrue();
                assertThat(Cipher.recoversTo(flipped, hashes.get(k), key)).isFalse();
            }
            assertThat(Cipher.recoversTo(other, hashes.get(k), key)).isFalse();
            assertThat(HotKeys.tables()).isBetween(1, HotKeys.MAX_TABLES);
        }
    }

    @Test
    void aKeyStillInUseQualifiesAgainAfterTheSetWasEmptied() throws Exception {
        PubKey first = SecKey.of(SHA256.sum(new byte[]{1, 15}).bytes()).pubKey();
        for (int i = 0; i < HotKeys.CHECKS_BEFORE_TABLE; i++) {
            HotKeys.tableFor(first);
        }
        assertThat(HotKeys.tableFor(first)).isNotNull();
        for (int k = 0; k < HotKeys.MAX_TABLES; k++) {
            PubKey other = SecKey.of(SHA256.sum(new byte[]{(byte) k, 16}).bytes()).pubKey();
            for (int i = 0; i < HotKeys.CHECKS_BEFORE_TABLE; i++) {
                HotKeys.tableFor(other);
            }
        }
        assertThat(HotKeys.tableFor(first)).as("dropped when the full set was emptied").isNull();
        ByteTable again = null;
        for (int i = 0; i < HotKeys.CHECKS_BEFORE_TABLE && again == null; i++) {
            again = HotKeys.tableFor(first);
        }
        assertThat(again).as("a table again within %d more checks", HotKeys.CHECKS_BEFORE_TABLE).isNotNull();
    }
}
