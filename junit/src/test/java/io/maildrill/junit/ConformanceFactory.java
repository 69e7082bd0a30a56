package io.maildrill.junit;

import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * The test class a server developer would write, reduced to its factory; the tests here set what
 * it returns and run it through the JUnit engine (EngineTestKit). Its name is outside Surefire's
 * patterns, so it runs only that way.
 */
class ConformanceFactory {

    static volatile Supplier<Stream<DynamicNode>> tests;

    @TestFactory
    Stream<DynamicNode> conformance() {
        return tests.get();
    }
}
