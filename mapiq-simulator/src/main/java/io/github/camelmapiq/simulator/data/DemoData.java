package io.github.camelmapiq.simulator.data;

import io.github.camelmapiq.simulator.data.Model.Building;
import io.github.camelmapiq.simulator.data.Model.CheckinEvent;
import io.github.camelmapiq.simulator.data.Model.Floor;
import io.github.camelmapiq.simulator.data.Model.ParkingLot;
import io.github.camelmapiq.simulator.data.Model.ParkingReservation;
import io.github.camelmapiq.simulator.data.Model.ParkingZone;
import io.github.camelmapiq.simulator.data.Model.User;
import io.github.camelmapiq.simulator.data.Model.Workday;
import io.github.camelmapiq.simulator.data.Model.WorkspaceReservation;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Generates the demo data set: deterministic for a seed, a user count and a "today", so tests can
 * rely on it and a benchmark can grow it to millions of records in seconds.
 *
 * <p>Per user and weekday from today-30 to today+30 (about 43 days): 90% of days have a workday
 * (Office 55%, Remote 33%, NotWorking 12%; 6% of office days are split into an Office morning and a
 * Remote afternoon); 95% of office slots carry a workspace reservation (85% desk, 10% area, 5%
 * floor level); 35% of those whose user has a licence plate also carry a parking reservation; 85%
 * of past office slots have an AtTheOffice and (once over) a NotAtTheOffice check-in event. That is
 * about 20 workspace reservations, 5 parking reservations, 40 workdays and 18 check-in events per
 * user.
 */
public final class DemoData {

    static final String[] FIRST = {"Emma", "Liam", "Sophie", "Noah", "Julia", "Daan", "Mila", "Lucas", "Tess",
        "Sem", "Olivia", "James", "Amelia", "Oliver", "Isla", "Harry", "Ava", "Jack", "Mia", "Ethan", "Emily",
        "Mason", "Charlotte", "Elijah", "Harper", "Aiden", "Zoe", "Finn", "Saar", "Bram", "Lotte", "Jesse", "Anna",
        "Thomas", "Grace", "Samuel", "Chloe", "Daniel", "Nora", "Levi", "Priya", "Arjun", "Mei", "Kenji", "Fatima",
        "Omar", "Sofia", "Mateo", "Ines", "Lars"};
    static final String[] LAST = {"de Vries", "Jansen", "van den Berg", "Bakker", "Visser", "Smit", "Meijer",
        "de Boer", "Mulder", "de Groot", "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson",
        "Davies", "Evans", "Thomas", "Miller", "Garcia", "Martinez", "Anderson", "Clark", "Lewis", "Walker", "Hall",
        "Young", "King", "Patel", "Kim", "Nguyen", "Chen", "Tanaka", "Haddad", "Rossi", "Fischer", "Dubois",
        "Novak"};
    static final String[] DEPARTMENTS = {"Engineering", "Sales", "Marketing", "Finance", "Human Resources",
        "Operations", "Legal", "Customer Success", "Product", "Facilities"};
    static final String[] SOURCES = {"Wifi", "AccessGate", "Sensor"};

    /** A bookable desk with everything a reservation copies from it. */
    record Desk(String deskId, String areaId, String floorId, int floorNumber) {
    }

    /** Output of a generation run. */
    public static final class Result {
        final List<User> users;
        final List<Building> buildings = new ArrayList<>();
        final List<ParkingLot> parkingLots = new ArrayList<>();
        final List<Workday> workdays;
        final List<WorkspaceReservation> workspaceReservations;
        final List<ParkingReservation> parkingReservations;
        final List<CheckinEvent> checkinEvents;

        Result(int users) {
            this.users = new ArrayList<>(users);
            this.workdays = new ArrayList<>(users * 42);
            this.workspaceReservations = new ArrayList<>(users * 22);
            this.parkingReservations = new ArrayList<>(users * 6);
            this.checkinEvents = new ArrayList<>(users * 20);
        }
    }

    private final SplittableRandom random;

    public DemoData(long seed) {
        this.random = new SplittableRandom(seed);
    }

    String guid() {
        long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }

    private boolean chance(double p) {
        return random.nextDouble() < p;
    }

    private <T> T pick(T[] a) {
        return a[random.nextInt(a.length)];
    }

    public Result generate(int userCount, LocalDate today, Instant now) {
        Result out = new Result(userCount);
        // buildings: name, zone, address, floors, areas per floor, desks per area
        Object[][] spec = {
            {"Amsterdam HQ", "Europe/Amsterdam", "Stadhouderskade 1, 1072 AA Amsterdam, Netherlands", 5},
            {"London Office", "Europe/London", "1 Finsbury Avenue, London EC2M 2PF, United Kingdom", 3},
            {"New York Office", "America/New_York", "350 5th Avenue, New York, NY 10118, United States", 4},
            {"Rotterdam Hub", "Europe/Amsterdam", null, 2},
        };
        double[] homeWeights = {0.45, 0.25, 0.20, 0.10};
        List<List<Desk>> desks = new ArrayList<>();
        for (Object[] s : spec) {
            List<Floor> floors = new ArrayList<>();
            List<Desk> bDesks = new ArrayList<>();
            int floorCount = (Integer) s[3];
            for (int f = 0; f < floorCount; f++) {
                String floorId = guid();
                floors.add(new Floor(floorId, f == 0 ? "Ground floor" : "Floor " + f, f));
                for (int a = 0; a < 3; a++) {
                    String areaId = guid();
                    for (int d = 0; d < 12; d++) {
                        bDesks.add(new Desk(guid(), areaId, floorId, f));
                    }
                }
            }
            String zone = (String) s[1];
            out.buildings.add(new Building(guid(), (String) s[0], zone, ZoneId.of(zone), (String) s[2],
                    List.copyOf(floors), null));
            desks.add(bDesks);
        }
        List<Building> b = out.buildings;
        out.parkingLots.add(new ParkingLot(guid(), "Amsterdam Garage", 62, List.of(
                new ParkingZone(guid(), "P-1 General", 45, "Standard"),
                new ParkingZone(guid(), "P-1 EV charging", 10, "Electric"),
                new ParkingZone(guid(), "P-1 Accessible", 3, "Accessible"),
                new ParkingZone(guid(), "Visitors", 4, "Visitor")), List.of(b.get(0).id(), b.get(3).id()), null));
        out.parkingLots.add(new ParkingLot(guid(), "London Car Park", 20, List.of(
                new ParkingZone(guid(), "Level B1", 16, "Standard"),
                new ParkingZone(guid(), "EV bays", 4, "Electric")), List.of(b.get(1).id()), null));
        out.parkingLots.add(new ParkingLot(guid(), "New York Garage", 30, List.of(
                new ParkingZone(guid(), "Level P2", 30, "Standard")), List.of(b.get(2).id()), null));
        out.parkingLots.add(new ParkingLot(guid(), "Rotterdam Street Parking", 12, List.of(),
                List.of(b.get(3).id()), null));
        ParkingLot[] lotOfBuilding = {out.parkingLots.get(0), out.parkingLots.get(1), out.parkingLots.get(2),
            out.parkingLots.get(0)};

        Map<String, Integer> emailCount = new HashMap<>();
        int[] home = new int[userCount];
        for (int i = 0; i < userCount; i++) {
            String first = pick(FIRST);
            String last = pick(LAST);
            double h = random.nextDouble();
            int hb = 0;
            for (double acc = homeWeights[0]; h > acc && hb < 3; acc += homeWeights[++hb]) {
                // pick home building by weight
            }
            home[i] = hb;
            String local = (first + "." + last.replace(" ", "")).toLowerCase(java.util.Locale.ROOT);
            int n = emailCount.merge(local, 1, Integer::sum);
            String email = (n == 1 ? local : local + n) + "@example.com";
            String externalId = chance(0.08) ? null : "E" + (100000 + i);
            String plate = chance(0.30) ? null : plate(hb);
            String department = chance(0.05) ? null : pick(DEPARTMENTS);
            out.users.add(new User(guid(), email, first, last, externalId, plate, department, null));
        }

        LocalDate from = today.minusDays(30);
        int days = 61;
        // start of each day in each building's zone, computed once rather than per user and day
        long[][] dayStarts = new long[b.size()][days];
        boolean[] weekend = new boolean[days];
        for (int d = 0; d < days; d++) {
            LocalDate day = from.plusDays(d);
            DayOfWeek dow = day.getDayOfWeek();
            weekend[d] = dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY;
            for (int k = 0; k < b.size(); k++) {
                dayStarts[k][d] = day.atStartOfDay(b.get(k).zone()).toEpochSecond();
            }
        }
        long nowSec = now.getEpochSecond();
        for (int i = 0; i < userCount; i++) {
            User u = out.users.get(i);
            ZoneId homeZone = b.get(home[i]).zone();
            for (int d = 0; d < days; d++) {
                if (weekend[d] || chance(0.10)) {
                    continue;
                }
                LocalDate day = from.plusDays(d);
                double s = random.nextDouble();
                int startMinute = 8 * 60 + random.nextInt(7) * 15;
                int lengthMinutes = 8 * 60 + random.nextInt(5) * 15;
                if (s >= 0.55) {
                    String status = s < 0.88 ? "Remote" : "NotWorking";
                    long start = dayStarts[home[i]][d] + startMinute * 60L;
                    out.workdays.add(new Workday(guid(), u.id(), u.email(), u.externalId(), (int) day.toEpochDay(),
                            start, start + lengthMinutes * 60L, homeZone, status, null, null));
                    continue;
                }
                int bi = chance(0.9) ? home[i] : random.nextInt(b.size());
                Building building = b.get(bi);
                ZoneId zone = building.zone();
                long dayStart = dayStarts[bi][d];
                long start = dayStart + startMinute * 60L;
                long end = start + lengthMinutes * 60L;
                if (chance(0.06)) {
                    // split day: office morning, remote afternoon
                    start = dayStart + (8 * 60 + 30) * 60L;
                    end = dayStart + (12 * 60 + 30) * 60L;
                    out.workdays.add(new Workday(guid(), u.id(), u.email(), u.externalId(), (int) day.toEpochDay(),
                            start, end, zone, "Office", building.id(), null));
                    out.workdays.add(new Workday(guid(), u.id(), u.email(), u.externalId(), (int) day.toEpochDay(),
                            dayStart + (13 * 60 + 30) * 60L, dayStart + (17 * 60 + 30) * 60L, zone, "Remote", null,
                            null));
                } else {
                    out.workdays.add(new Workday(guid(), u.id(), u.email(), u.externalId(), (int) day.toEpochDay(),
                            start, end, zone, "Office", building.id(), null));
                }
                if (chance(0.95)) {
                    List<Desk> bd = desks.get(bi);
                    Desk desk = bd.get(random.nextInt(bd.size()));
                    double level = random.nextDouble();
                    String deskId = level < 0.85 ? desk.deskId() : null;
                    String areaId = level < 0.95 ? desk.areaId() : null;
                    String nodeId = deskId != null ? deskId : areaId != null ? areaId : desk.floorId();
                    out.workspaceReservations.add(new WorkspaceReservation(guid(), u.id(), u.externalId(),
                            u.firstName(), u.lastName(), u.email(), start, end, zone, nodeId, deskId, areaId,
                            desk.floorId(), desk.floorNumber(), building.id(), building.name(), null));
                    if (u.licensePlate() != null && chance(0.35)) {
                        ParkingLot lot = lotOfBuilding[bi];
                        ParkingZone pz = lot.zones().isEmpty() ? null : lot.zones().get(random.nextInt(
                                lot.zones().size()));
                        out.parkingReservations.add(new ParkingReservation(guid(), u.id(), u.email(), start - 1800,
                                end + 1800, b.get(bi == 3 ? 0 : bi).zone(), lot.id(), lot.name(),
                                pz == null ? null : pz.id(), pz == null ? null : pz.name(), u.licensePlate(), null));
                    }
                }
                if (start < nowSec && chance(0.85)) {
                    String source = pick(SOURCES);
                    long in = (start + (random.nextInt(31) - 10) * 60L) * 1000L + random.nextInt(60_000);
                    if (in < nowSec * 1000L) {
                        out.checkinEvents.add(new CheckinEvent(guid(), u.id(), building.id(), "AtTheOffice", source,
                                in, zone, null));
                    }
                    long leave = (end + (random.nextInt(41) - 20) * 60L) * 1000L + random.nextInt(60_000);
                    if (leave < nowSec * 1000L) {
                        out.checkinEvents.add(new CheckinEvent(guid(), u.id(), building.id(), "NotAtTheOffice",
                                source, leave, zone, null));
                    }
                }
            }
        }
        return out;
    }

    private String plate(int homeBuilding) {
        String letters = "BDFGHJKLNPRSTVXZ";
        StringBuilder sb = new StringBuilder();
        switch (homeBuilding) {
            case 1 -> { // UK: AB12 CDE
                sb.append(letters.charAt(random.nextInt(16))).append(letters.charAt(random.nextInt(16)));
                sb.append(10 + random.nextInt(90)).append(' ');
                for (int i = 0; i < 3; i++) {
                    sb.append(letters.charAt(random.nextInt(16)));
                }
            }
            case 2 -> { // New York: ABC-1234
                for (int i = 0; i < 3; i++) {
                    sb.append(letters.charAt(random.nextInt(16)));
                }
                sb.append('-').append(1000 + random.nextInt(9000));
            }
            default -> { // Netherlands: AB-123-C
                sb.append(letters.charAt(random.nextInt(16))).append(letters.charAt(random.nextInt(16)));
                sb.append('-').append(100 + random.nextInt(900)).append('-');
                sb.append(letters.charAt(random.nextInt(16)));
            }
        }
        return sb.toString();
    }
}
