package io.skyx.custody.btc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.Base64;
import org.bitcoinj.core.Transaction;
import org.junit.jupiter.api.Test;

/** The BIP174 codec against the BIP's own valid and invalid examples. */
class PsbtTest {

    /** BIP174's valid example "one P2PKH input and two outputs" with a non-witness UTXO and partial signatures. */
    private static final String BIP174_VALID = "cHNidP8BAHUCAAAAASaBcTce3/KF6Tet7qSze3gADAVmy7OtZGQXE8pCFxv2AAAAAAD+////"
            + "AtPf9QUAAAAAGXapFNDFmQPFusKGh2DpD9UhpGZap2UgiKwA4fUFAAAAABepFDVF5uM7gyxHBQ8k0+65PJwDlIvHh7MuEwAAAQD9pQEB"
            + "AAAAAAECiaPHHqtNIOA3G7ukzGmPopXJRjr6Ljl/hTPMti+VZ+UBAAAAFxYAFL4Y0VKpsBIDna89p95PUzSe7LmF/////4b4qkOnHf8U"
            + "SIk6UwpyN+9rRgi7st0tAXHmOuxqSJC0AQAAABcWABT+Pp7xp0XpdNkCxDVZQ6vLNL1TU/////8CAMLrCwAAAAAZdqkUhc/xCX/Z4Ai7"
            + "NK9wnGIZeziXikiIrHL++E4sAAAAF6kUM5cluiHv1irHU6m80GfWx6ajnQWHAkcwRAIgJxK+IuAnDzlPVoMR3HyppolwuAJf3TskAinw"
            + "f4pfOiQCIAGLONfc0xTnNMkna9b7QPZzMlvEuqFEyADS8vAtsnZcASED0uFWdJQbrUqZY3LLh+GFbTZSYG2YVi/jnF6efkE/IQUCSDBF"
            + "AiEA0SuFLYXc2WHS9fSrZgZU327tzHlMDDPOXMMJ/7X85Y0CIGczio4OFyXBl/saiK9Z9R5E5CVbIBZ8hoQDHAXR8lkqASECI7cr7vCW"
            + "XRC+B3jv7NYfysb3mk6haTkzgHNEZPhPKrMAAAAAAAAA";

    @Test
    void theBipExampleReadsAndWritesBackByteForByte() {
        Psbt p = Psbt.fromBase64(BIP174_VALID);
        Transaction tx = Transaction.read(ByteBuffer.wrap(p.unsignedTx()));
        assertThat(tx.getInputs()).hasSize(1);
        assertThat(tx.getOutputs()).hasSize(2);
        assertThat(tx.getOutput(0).getValue().value).isEqualTo(99_999_699);
        assertThat(tx.getOutput(1).getValue().value).isEqualTo(100_000_000);
        assertThat(p.inputCount()).isEqualTo(1);
        assertThat(p.input(0)).extracting(Psbt.Entry::type).containsExactly(0x00);
        assertThat(p.toBase64()).isEqualTo(BIP174_VALID);
    }

    @Test
    void entriesAreSetAndRoundTrip() {
        Psbt p = Psbt.fromBase64(BIP174_VALID);
        byte[] key = Psbt.key(Psbt.IN_PARTIAL_SIG, new byte[33]);
        p.putInput(0, key, new byte[] {1, 2, 3});
        p.putInput(0, key, new byte[] {4});
        Psbt q = Psbt.fromBase64(p.toBase64());
        assertThat(q.input(0)).hasSize(2);
        assertThat(q.input(0).get(1).value()).containsExactly(4);
        assertThat(q.input(0).get(1).keyData()).hasSize(33);
    }

    @Test
    void malformedPsbtsAreRefused() {
        String truncatedTx = "cHNidP8BAHUCAAAAASaBcTce3/KF6Tet7qSze3gADAVmy7OtZGQXE8pCFxv2AAAAAAD+////AtPf9QUAAAAAGXapFNDF"
                + "mQPFusKGh2DpD9UhpGZap2UvKwIAAAAYAAAAABl2qRQ5RIJtUF/J8tJ37TUDq/eSSI9aJ8GAAQcAAAAA";
        byte[] raw = Base64.getDecoder().decode(BIP174_VALID);
        String cut = Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(raw, raw.length - 1));
        byte[] extra = java.util.Arrays.copyOf(raw, raw.length + 1);
        for (String bad : new String[] {"cHNidP8AAAAA", "this is not a psbt", "AAAA", truncatedTx, cut,
            Base64.getEncoder().encodeToString(extra), ""}) {
            assertThatThrownBy(() -> Psbt.fromBase64(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
