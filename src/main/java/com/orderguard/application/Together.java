package com.orderguard.application;

import java.util.List;
import java.util.concurrent.Callable;

import com.orderguard.application.port.ReadRound;

/** Typed rounds of two or three independent reads of different kinds, run together by a {@link ReadRound}. */
final class Together {

    private Together() {
    }

    /** The results of two reads. */
    record Two<A, B>(A first, B second) {
    }

    /** The results of three reads. */
    record Three<A, B, C>(A first, B second, C third) {
    }

    static <A, B> Two<A, B> two(ReadRound round, Callable<A> first, Callable<B> second) {
        List<Object> results = round.all(List.of(first::call, second::call));
        return new Two<>(cast(results.get(0)), cast(results.get(1)));
    }

    static <A, B, C> Three<A, B, C> three(ReadRound round, Callable<A> first, Callable<B> second,
            Callable<C> third) {
        List<Object> results = round.all(List.of(first::call, second::call, third::call));
        return new Three<>(cast(results.get(0)), cast(results.get(1)), cast(results.get(2)));
    }

    /** Each result comes back in its read's position, so it has that read's type. */
    @SuppressWarnings("unchecked")
    private static <T> T cast(Object result) {
        return (T) result;
    }
}
