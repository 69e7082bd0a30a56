package io.maildrill.run;

import io.maildrill.report.model.ScriptResult;

/** Told as scripts start and finish, from the worker threads; the console view implements it. */
public interface SuiteListener {

    SuiteListener NONE = new SuiteListener() {
    };

    default void started(String scriptId) {
    }

    default void finished(ScriptResult result) {
    }
}
