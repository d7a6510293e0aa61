package io.github.camelmapiq.mapiq.consumer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.github.camelmapiq.mapiq.CapturedLogs;
import io.github.camelmapiq.mapiq.MapiqException;
import io.github.camelmapiq.mapiq.consumer.state.DamagedStateException;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A state file damaged the three ways a kill (or an edit) leaves it: a key without its {@code =} (for the component's
 * own {@code stateFile}: a changed byte inside), the last value cut short, the file truncated at 4,000 bytes. With
 * Camel's {@code FileStateRepository} (snapshot state and check-in cursor) each is damage: a new CamelContext with
 * {@code damagedState=fail} does not start and says so in one line naming the file or key; with
 * {@code damagedState=restart} it logs that line as a WARN and delivers everything again. The component's
 * {@code stateFile} reads a file cut short as a write cut short: it drops that write with a WARN, whatever the option,
 * and delivers again exactly what that write had recorded.
 */
class DamagedStateIsReportedInOneLineOrStartedOverTest extends ConsumerTestSupport {

    enum Damage { KEY_WITHOUT_SEPARATOR, LAST_VALUE_CUT_SHORT, TRUNCATED_AT_4000_BYTES }

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Damage.class)
    void snapshotStateInAFileStateRepository(Damage damage) throws Exception {
        Path file = dir.resolve("state.dat");
        addUsers(100);
        List<String> early = allIds("users"); // with those of the other cases: one simulator serves the class
        List<String> late = new ArrayList<>();
        String uri = "mapiq:users?changesOnly=true&stateRepository=#state&" + FAST;
        runUntilStored(uri, file, early.size(), 5, () -> late.addAll(addUsers(5)), "/v2/users");
        damageFileStateRepository(file, damage);
        List<String> all = new ArrayList<>(early);
        all.addAll(late);

        assertRefusedAndStartedOver(uri, file, all, "/v2/users");
    }

    @ParameterizedTest
    @EnumSource(Damage.class)
    void checkinCursorInAFileStateRepository(Damage damage) throws Exception {
        Path file = dir.resolve("events.dat");
        String userId = id(addUser("Cursor"));
        Instant base = Instant.now().minusSeconds(7200);
        List<String> early = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            early.add(CheckinEvents.add(control, userId, base.plusSeconds(i)));
        }
        List<String> late = new ArrayList<>();
        String uri = "mapiq:checkin-events?changesOnly=true&startDate=today-1d&endDate=today%2B1d&checkinOverlap=3h&userId="
                     + userId + "&stateRepository=#state&" + FAST;
        runUntilStored(uri, file, early.size(), 5, () -> {
            for (int i = 0; i < 5; i++) {
                late.add(CheckinEvents.add(control, userId, base.plusSeconds(100 + i)));
            }
        }, "/v2/user-locations/checkin-events");
        damageFileStateRepository(file, damage);
        List<String> all = new ArrayList<>(early);
        all.addAll(late);

        assertRefusedAndStartedOver(uri, file, all, "/v2/user-locations/checkin-events");
    }

    @ParameterizedTest
    @EnumSource(Damage.class)
    void snapshotStateInTheComponentsStateFile(Damage damage) throws Exception {
        Path file = dir.resolve("mapiq.state");
        addUsers(100);
        List<String> early = allIds("users");
        List<String> late = new ArrayList<>();
        String uri = "mapiq:users?changesOnly=true&stateFile=" + file + "&" + FAST;
        // one late record: the last write holds exactly it
        runUntilStored(uri, file, early.size(), 1, () -> late.addAll(addUsers(1)), "/v2/users");
        List<String> all = new ArrayList<>(early);
        all.addAll(late);
        byte[] bytes = Files.readAllBytes(file);
        switch (damage) {
            case KEY_WITHOUT_SEPARATOR -> {
                bytes[40] ^= 0x20; // inside the first write: its checksum no longer matches
                Files.write(file, bytes);
                assertRefusedAndStartedOver(uri, file, all, "/v2/users");
            }
            case LAST_VALUE_CUT_SHORT -> {
                Files.write(file, Arrays.copyOf(bytes, bytes.length - 30)); // inside the last write
                assertWriteCutShortIsDroppedAndDeliveredAgain(uri, file, late);
            }
            case TRUNCATED_AT_4000_BYTES -> {
                assertThat(bytes.length).isGreaterThan(4000);
                Files.write(file, Arrays.copyOf(bytes, 4000));
                assertWriteCutShortIsDroppedAndDeliveredAgain(uri, file, all);
            }
        }
    }

    /** Polls until the first records are stored, adds the late ones, and stops once they are stored too. */
    private void runUntilStored(String uri, Path file, int first, int lateCount, Runnable addLate, String path)
            throws Exception {
        Recorder recorder = new Recorder();
        CamelContext context = start(uri + "&damagedState=fail", file, recorder);
        eventually().until(() -> recorder.size() == first);
        awaitPolls(path, 2);
        addLate.run();
        eventually().until(() -> recorder.size() == first + lateCount);
        awaitPolls(path, 2);
        context.stop();
    }

    private void assertRefusedAndStartedOver(String uri, Path file, List<String> all, String path) throws Exception {
        byte[] damaged = Files.readAllBytes(file);
        Recorder refused = new Recorder();
        assertThatThrownBy(() -> start(uri + "&damagedState=fail", file, refused)).satisfies(e -> {
            DamagedStateException cause = damagedCause(e);
            assertThat(firstMapiqException(e)).as("what one onException(MapiqException.class) sees").isSameAs(cause);
            assertThat(cause.getMessage()).contains(file.toString()).doesNotContain("\n")
                    .contains("is damaged").contains("damagedState=restart");
        });
        assertThat(refused.size()).isZero();
        if (file.getFileName().toString().endsWith(".dat")) {
            // a FileStateRepository that was read rewrites its file when the context stops: as found by the next start
            Files.write(file, damaged);
        } else {
            assertThat(file).as("fail leaves the file as it was").hasBinaryContent(damaged);
        }

        try (CapturedLogs logs = new CapturedLogs()) {
            Recorder again = new Recorder();
            start(uri + "&damagedState=restart", file, again);
            eventually().until(() -> again.size() >= all.size());
            awaitPolls(path, 2);
            assertThat(again.ids()).containsExactlyInAnyOrderElementsOf(all);
            assertThat(logs.lines("WARN", StateLocation.class.getName()))
                    .anySatisfy(line -> assertThat(line).contains(file.toString()).contains("is damaged"));
        }
    }

    private void assertWriteCutShortIsDroppedAndDeliveredAgain(String uri, Path file, List<String> lostWrite)
            throws Exception {
        for (String option : List.of("fail", "restart")) {
            try (CapturedLogs logs = new CapturedLogs()) {
                Recorder again = new Recorder();
                CamelContext context = start(uri + "&damagedState=" + option, file, again);
                int expected = option.equals("fail") ? lostWrite.size() : 0;
                eventually().until(() -> again.size() >= expected);
                awaitPolls("/v2/users", 2);
                context.stop();
                if (option.equals("fail")) {
                    assertThat(again.changes()).containsExactlyInAnyOrderElementsOf(
                            lostWrite.stream().map(id -> "CREATED " + id).toList());
                    assertThat(logs.lines("WARN", "io.github.camelmapiq")).anySatisfy(line -> assertThat(line)
                            .contains("stateFile " + file + " ended in a write cut short"));
                } else {
                    assertThat(again.size()).as("the first restart stored it all again").isZero();
                }
            }
        }
    }

    private CamelContext start(String uri, Path file, Recorder recorder) throws Exception {
        CamelContext context = newContext();
        context.getRegistry().bind("state", FileStateRepository.fileStateRepository(file.toFile()));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("poll").process(recorder);
            }
        });
        context.start();
        return context;
    }

    private static DamagedStateException damagedCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof DamagedStateException damaged) {
                return damaged;
            }
        }
        throw new AssertionError("no DamagedStateException in " + e, e);
    }

    private static MapiqException firstMapiqException(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MapiqException mapiq) {
                return mapiq;
            }
        }
        return null;
    }

    private List<String> addUsers(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(id(addUser("U" + i)));
        }
        return ids;
    }

    /** Cuts Camel's file the way a kill during its appends or its rewrite does. */
    private static void damageFileStateRepository(Path file, Damage damage) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int lastLine = text.lastIndexOf('\n', text.length() - 2) + 1;
        int separator = text.indexOf('=', lastLine);
        byte[] cut = switch (damage) {
            case KEY_WITHOUT_SEPARATOR -> Arrays.copyOf(bytes, lastLine + (separator - lastLine) / 2);
            case LAST_VALUE_CUT_SHORT -> Arrays.copyOf(bytes, separator + 1 + (bytes.length - separator) / 2);
            case TRUNCATED_AT_4000_BYTES -> {
                assertThat(bytes.length).isGreaterThan(4000);
                assertThat(bytes[3999]).as("the cut falls inside an entry").isNotEqualTo((byte) '\n');
                yield Arrays.copyOf(bytes, 4000);
            }
        };
        Files.write(file, cut);
    }

}
