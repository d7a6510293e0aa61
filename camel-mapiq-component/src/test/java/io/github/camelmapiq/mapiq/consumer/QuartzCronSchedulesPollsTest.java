package io.github.camelmapiq.mapiq.consumer;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code scheduler=quartz} with {@code scheduler.cron} drives the polls instead of {@code delay}. */
class QuartzCronSchedulesPollsTest extends ConsumerTestSupport {

    @Test
    void aCronEverySecondPollsRepeatedly() throws Exception {
        String userId = id(addUser("Cron"));
        control.resetCounters();
        Recorder recorder = new Recorder();
        start("mapiq:users?scheduler=quartz&scheduler.cron=0/1+*+*+*+*+?", recorder);

        await().atMost(Duration.ofMinutes(1)).until(() -> control.calls("GET", "/v2/users") >= 2);
        assertThat(recorder.ids()).contains(userId);
    }
}
