package io.github.camelmapiq.mapiq;

import org.apache.camel.spi.Metadata;

/** Header names of the mapiq component. */
public final class MapiqConstants {

    public static final String SCHEME = "mapiq";
    public static final String DEFAULT_BASE_URL = "https://api.mapiq.com";
    public static final String DEFAULT_TOKEN_URL = "https://account.mapiq.com/api/public/oauth2/token";
    public static final String DEFAULT_SCOPE = "https://api.mapiq.com/public/.default";

    @Metadata(description = "The Mapiq resource of the record or call, as named on the URI path (e.g. `workdays`).",
              javaType = "String")
    public static final String RESOURCE = "CamelMapiqResource";
    @Metadata(description = "The id of the record: set by consumers and read operations. `operation=delete` and "
                            + "`operation=get` read it first; only when it is not set do they take the id from the body.",
              javaType = "String")
    public static final String RECORD_ID = "CamelMapiqRecordId";
    @Metadata(label = "consumer", description = "With `changesOnly=true`: whether the record was created, updated or "
                                                + "deleted since the last successful poll.",
              javaType = "io.github.camelmapiq.mapiq.MapiqChangeType", enums = "CREATED,UPDATED,DELETED")
    public static final String CHANGE_TYPE = "CamelMapiqChangeType";
    @Metadata(label = "producer", description = "Overrides the endpoint's `operation` for this exchange.",
              javaType = "io.github.camelmapiq.mapiq.MapiqOperation", enums = "list,get,create,delete,ingest,raw")
    public static final String OPERATION = "CamelMapiqOperation";
    @Metadata(label = "producer", description = "User id: field of a check-in event to create, or filter of `operation=list`.",
              javaType = "String")
    public static final String USER_ID = "CamelMapiqUserId";
    @Metadata(label = "producer", description = "Building id: field of a check-in event to create, or filter of `operation=list`.",
              javaType = "String")
    public static final String BUILDING_ID = "CamelMapiqBuildingId";
    @Metadata(label = "producer", description = "Parking lot id filter of `operation=list` on parking reservations.",
              javaType = "String")
    public static final String PARKING_LOT_ID = "CamelMapiqParkingLotId";
    @Metadata(label = "producer", description = "Check-in event type of an event to create: `AtTheOffice` or `NotAtTheOffice`.",
              javaType = "String")
    public static final String EVENT_TYPE = "CamelMapiqEventType";
    @Metadata(label = "producer", description = "Source of a check-in event to create: `Wifi`, `AccessGate` or `Sensor`.",
              javaType = "String")
    public static final String SOURCE = "CamelMapiqSource";
    @Metadata(label = "producer", description = "Overrides `startDate` of `operation=list`: an ISO date, or `today` with an optional "
                                                    + "offset in days (`today-1d`, `today 6d`).",
              javaType = "String")
    public static final String START_DATE = "CamelMapiqStartDate";
    @Metadata(label = "producer", description = "Overrides `endDate` of `operation=list`: an ISO date, or `today` with an optional "
                                                    + "offset in days (`today-1d`, `today 6d`).",
              javaType = "String")
    public static final String END_DATE = "CamelMapiqEndDate";
    @Metadata(label = "producer", description = "Overrides the endpoint's `method` of `mapiq:raw`.", javaType = "String")
    public static final String METHOD = "CamelMapiqMethod";
    @Metadata(label = "producer", description = "Overrides the endpoint's `path` of `mapiq:raw` (relative to `baseUrl`, may "
                                                + "carry a query string).",
              javaType = "String")
    public static final String PATH = "CamelMapiqPath";
    @Metadata(label = "producer", description = "The HTTP status Mapiq answered (set by `mapiq:raw` and write operations).",
              javaType = "int")
    public static final String HTTP_STATUS = "CamelMapiqHttpStatus";
    @Metadata(label = "producer", description = "Number of records returned by `operation=list`, or of readings sent by "
                                                + "`operation=ingest`.",
              javaType = "int")
    public static final String RECORD_COUNT = "CamelMapiqRecordCount";

    @Metadata(label = "producer", description = "`operation=create` with `coalesceCheckins=true`: `true` when the event "
                                                + "was not sent because it repeats the user's previous event (same type "
                                                + "and building) within `checkinThrottleWindow`; the body is then that "
                                                + "previous stored event.",
              javaType = "boolean")
    public static final String COALESCED = "CamelMapiqCoalesced";
    @Metadata(label = "producer", description = "`operation=delete`: `true` when the reservation was already gone (404) "
                                                + "and `ignoreNotFound=true` let the exchange succeed.",
              javaType = "boolean")
    public static final String ALREADY_DELETED = "CamelMapiqAlreadyDeleted";

    private MapiqConstants() {
    }
}
