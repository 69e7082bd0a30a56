package io.maildrill.report.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LoadReportPointTest {

    @Test
    void followedByJoinsTwoStretchesCountsAddedP50WeightedP99HighestStateFromTheLater() {
        LoadReport.Point first = new LoadReport.Point(1_000, 2_000, 5, 1, 2, List.of(
                new LoadReport.KindPoint("FETCH", 30, 2.0, 9.0), new LoadReport.KindPoint("LOGIN", 4, 0.5, 1.0)));
        LoadReport.Point second = new LoadReport.Point(2_000, 3_000, 3, 2, 4, List.of(
                new LoadReport.KindPoint("FETCH", 10, 6.0, 7.0), new LoadReport.KindPoint("STORE", 5, 1.0, 2.0)));

        LoadReport.Point both = first.followedBy(second);

        assertThat(both.startMillis()).isEqualTo(1_000);
        assertThat(both.endMillis()).isEqualTo(3_000);
        assertThat(both.sessions()).as("open at the end").isEqualTo(3);
        assertThat(both.errors()).isEqualTo(3);
        assertThat(both.violations()).as("so far").isEqualTo(4);
        assertThat(both.kinds()).containsExactly(new LoadReport.KindPoint("FETCH", 40, 3.0, 9.0),
                new LoadReport.KindPoint("LOGIN", 4, 0.5, 1.0), new LoadReport.KindPoint("STORE", 5, 1.0, 2.0));
    }
}
