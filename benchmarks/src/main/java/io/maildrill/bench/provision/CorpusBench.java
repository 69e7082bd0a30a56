package io.maildrill.bench.provision;

import io.maildrill.corpus.Corpus;
import io.maildrill.corpus.CorpusMessage;
import io.maildrill.corpus.CorpusSpec;
import io.maildrill.corpus.SizeProfile;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Corpus generation speed: one operation is one message generated; the score is messages per second. */
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CorpusBench {

    @Param({"tiny", "realistic"})
    public String profile;

    private Corpus corpus;
    private int next;

    @Setup
    public void corpus() {
        corpus = Corpus.of(CorpusSpec.realistic(42, 1_000_000).withSizeProfile(SizeProfile.named(profile)));
    }

    @Benchmark
    public CorpusMessage corpusGenerate() {
        CorpusMessage message = corpus.message(next);
        next = (next + 1) % corpus.size();
        return message;
    }
}
