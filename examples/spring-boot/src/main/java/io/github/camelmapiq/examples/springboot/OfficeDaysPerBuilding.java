package io.github.camelmapiq.examples.springboot;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.github.camelmapiq.mapiq.client.model.Building;
import io.github.camelmapiq.mapiq.client.model.Workday;
import org.apache.camel.Exchange;

/** Counts office workdays per building, by building name. */
public final class OfficeDaysPerBuilding {

    private OfficeDaysPerBuilding() {
    }

    /**
     * The workdays of {@code workdays} counted per building, keyed by the building's name (its id when
     * {@code buildings} does not know it, {@code "(no building)"} when the workday names none), sorted by key.
     */
    public static Map<String, Long> count(Collection<Workday> workdays, Collection<Building> buildings) {
        Map<String, String> names = buildings.stream()
                .collect(Collectors.toMap(Building::getId, Building::getName, (a, b) -> a));
        Function<Workday, String> building = w -> w.getBuildingId() == null
                ? "(no building)" : names.getOrDefault(w.getBuildingId(), w.getBuildingId());
        return workdays.stream().collect(Collectors.groupingBy(building, TreeMap::new, Collectors.counting()));
    }

    /**
     * A {@code pollEnrich} aggregation: {@code workdays} holds the list of workdays, {@code buildings} the list of
     * buildings (null if the buildings could not be read in time: the ids stand in for the names); the result is
     * {@code workdays} with the counts as its body.
     */
    @SuppressWarnings("unchecked")
    public static Exchange aggregate(Exchange workdays, Exchange buildings) {
        Collection<Building> known = buildings == null ? null : buildings.getMessage().getBody(Collection.class);
        workdays.getMessage().setBody(count(workdays.getMessage().getBody(Collection.class),
                known == null ? List.of() : known));
        return workdays;
    }
}
