package io.skyx.node.reserves;

/** A refused proof, tree or reserve claim, with its stable {@link ProofError} code. */
public final class ProofException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ProofError error;

    /** @param error the stable code; @param message what exactly is wrong */
    public ProofException(ProofError error, String message) {
        super(error + ": " + message);
        this.error = error;
    }

    /** The stable code. */
    public ProofError error() {
        return error;
    }
}
