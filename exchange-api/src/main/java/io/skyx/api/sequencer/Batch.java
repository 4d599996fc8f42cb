package io.skyx.api.sequencer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What the sequencer thread hands the committer: the commands applied since the last hand-over, the answers
 * waiting for them to be durable (command results, and query answers computed on the engine after them), and
 * optionally an engine snapshot taken after the last of them.
 */
final class Batch {

    private record Answer(CompletableFuture<Object> future, Object value) {
    }

    final List<AppliedCommand> applied = new ArrayList<>();
    /** The replay marks of the signed requests that carried commands of {@link #applied}. */
    final List<ReplayMark> marks = new ArrayList<>();
    private final List<Answer> answers = new ArrayList<>();
    byte[] snapshot;
    byte[] snapshotHash;

    boolean isEmpty() {
        return applied.isEmpty() && answers.isEmpty();
    }

    int commands() {
        return applied.size();
    }

    long lastSeq() {
        return applied.isEmpty() ? -1 : applied.getLast().seq();
    }

    @SuppressWarnings("unchecked")
    <T> void answer(CompletableFuture<T> future, T value) {
        answers.add(new Answer((CompletableFuture<Object>) future, value));
    }

    void completeAll() {
        for (Answer a : answers) {
            a.future().complete(a.value());
        }
    }

    void failAll(RuntimeException e) {
        for (Answer a : answers) {
            a.future().completeExceptionally(e);
        }
    }
}
