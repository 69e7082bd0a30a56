package io.maildrill.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Every benchmark class carries its own JMH settings, so that it runs the same from an IDE or
 * {@code java -jar} as through {@code maildrill bench} (which only overrides them for
 * {@code --quick} and {@code --forks}); without them JMH's defaults (5 forks of 5 ten-second
 * iterations) would make one benchmark take minutes.
 */
class BenchmarkSettingsTest {

    @Test
    void everyBenchmarkClassSetsWarmupMeasurementAndForks() throws Exception {
        List<Class<?>> benchmarks = benchmarkClasses();

        assertThat(benchmarks).hasSizeGreaterThanOrEqualTo(10).allSatisfy(type -> {
            assertThat(type.getAnnotation(Warmup.class)).as("@Warmup on %s", type.getSimpleName())
                    .isNotNull().satisfies(w -> assertThat(w.iterations()).isEqualTo(2));
            assertThat(type.getAnnotation(Measurement.class)).as("@Measurement on %s", type.getSimpleName())
                    .isNotNull().satisfies(m -> assertThat(m.iterations()).isEqualTo(3));
            assertThat(type.getAnnotation(Fork.class)).as("@Fork on %s", type.getSimpleName())
                    .isNotNull().satisfies(f -> assertThat(f.value()).isEqualTo(1));
        });
    }

    /** The classes of this module's main code that declare a {@code @Benchmark} method. */
    private static List<Class<?>> benchmarkClasses() throws Exception {
        Path classes = Path.of(BenchRunner.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (Stream<Path> files = Files.walk(classes)) {
            List<String> names = files.map(classes::relativize).map(Path::toString)
                    .filter(name -> name.endsWith(".class") && !name.contains("jmh_generated") && !name.contains("$"))
                    .map(name -> name.substring(0, name.length() - ".class".length()).replace('/', '.'))
                    .toList();
            ClassLoader loader = BenchmarkSettingsTest.class.getClassLoader();
            List<Class<?>> result = new ArrayList<>();
            for (String name : names) {
                Class<?> type = Class.forName(name, false, loader);
                if (Arrays.stream(type.getDeclaredMethods()).anyMatch(BenchmarkSettingsTest::isBenchmark)) {
                    result.add(type);
                }
            }
            return result;
        }
    }

    private static boolean isBenchmark(Method method) {
        return method.isAnnotationPresent(Benchmark.class);
    }
}
