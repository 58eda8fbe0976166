package org.sightline.api.postcodes;

import static org.sightline.db.Tables.AREA;
import static org.sightline.db.Tables.POSTCODE_DIRECTORY;
import static org.sightline.db.Tables.POSTCODE_DIRECTORY_LOAD;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.sightline.api.database.CopyStream;
import org.springframework.stereotype.Repository;

/** The postcode directory in PostgreSQL: postcode keys mapped to areas, and the vintages loaded. */
@Repository
public class PostcodeDirectory {

    /**
     * Where one postcode lies. Terminated postcodes still map (records keep old addresses) but are flagged.
     *
     * @param wardId null when the directory's ward is not an area Sightline knows
     * @param oaId   null when the directory's output area is not an area Sightline knows
     */
    public record PostcodeAreas(int sectorId, int lsoaId, Integer wardId, Integer oaId, boolean terminated) {
    }

    /** One loaded vintage, as the report and GraphQL describe it. */
    public record DirectoryLoad(String vintage, String vintageFrom, String fileFormat, String lsoaColumn, int postcodes,
                                int terminated, int rejected, int sectors, String fileSha256, String loadedBy,
                                OffsetDateTime loadedAt) {
    }

    /** An area as the directory import needs it. */
    record KnownArea(int id, String type) {
    }

    private final DSLContext db;

    PostcodeDirectory(DSLContext db) {
        this.db = db;
    }

    /** The vintage in the directory now, if one was loaded. */
    public Optional<DirectoryLoad> current() {
        return history().stream().findFirst();
    }

    /** Every vintage loaded, newest first. */
    public List<DirectoryLoad> history() {
        return db.selectFrom(POSTCODE_DIRECTORY_LOAD).orderBy(POSTCODE_DIRECTORY_LOAD.ID.desc())
                .fetch(r -> new DirectoryLoad(r.getVintage(), r.getVintageFrom(), r.getFileFormat(), r.getLsoaColumn(),
                        r.getPostcodes(), r.getTerminated(), r.getRejected(), r.getSectors(), r.getFileSha256(), r.getLoadedBy(),
                        r.getLoadedAt()));
    }

    /**
     * The areas of the given keys; keys the directory does not hold are absent. One statement per
     * call: callers batch the distinct postcodes of many records.
     */
    public Map<Long, PostcodeAreas> resolve(Collection<Long> keys) {
        Map<Long, PostcodeAreas> found = new HashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        db.select(POSTCODE_DIRECTORY.POSTCODE_KEY, POSTCODE_DIRECTORY.SECTOR_ID, POSTCODE_DIRECTORY.LSOA_ID,
                        POSTCODE_DIRECTORY.WARD_ID, POSTCODE_DIRECTORY.OA_ID, POSTCODE_DIRECTORY.TERMINATED)
                .from(POSTCODE_DIRECTORY)
                .where(POSTCODE_DIRECTORY.POSTCODE_KEY.eq(org.jooq.impl.DSL.any(keys.toArray(Long[]::new))))
                .forEach(r -> found.put(r.value1(), new PostcodeAreas(r.value2(), r.value3(), r.value4(), r.value5(), r.value6())));
        return found;
    }

    /** The ids of the areas at a grain that any postcode of the directory lies in ({@code lsoa}, {@code ward}, ...). */
    public List<Integer> areasAtGrain(String grain) {
        var column = switch (grain) {
            case "lsoa" -> POSTCODE_DIRECTORY.LSOA_ID;
            case "ward" -> POSTCODE_DIRECTORY.WARD_ID;
            case "oa" -> POSTCODE_DIRECTORY.OA_ID;
            case "postcode_sector" -> POSTCODE_DIRECTORY.SECTOR_ID;
            default -> throw new IllegalArgumentException("the postcode directory has no areas of type " + grain);
        };
        return db.selectDistinct(column).from(POSTCODE_DIRECTORY).where(column.isNotNull()).orderBy(column).fetch(column);
    }

    Map<String, KnownArea> allAreas() {
        Map<String, KnownArea> areas = new HashMap<>();
        db.select(AREA.ID, AREA.CODE, AREA.AREA_TYPE).from(AREA).fetchSize(10_000)
                .forEach(r -> areas.put(r.value2(), new KnownArea(r.value1(), r.value3())));
        return areas;
    }

    /** The country code of every LSOA linked under a country. */
    Map<Integer, String> countryOfLsoas() {
        Map<Integer, String> countries = new HashMap<>();
        db.fetch("""
                SELECT c.descendant_id, a.code FROM area_closure c
                JOIN area a ON a.id = c.ancestor_id AND a.area_type = 'country'
                JOIN area l ON l.id = c.descendant_id AND l.area_type = 'lsoa'""")
                .forEach(r -> countries.put(r.get(0, Integer.class), r.get(1, String.class)));
        return countries;
    }

    /** A temporary table (dropped at commit) the file's rows are COPYed into before sectors exist as areas. */
    Staging staging() {
        db.execute("DROP TABLE IF EXISTS postcode_staging");
        db.execute("""
                CREATE TEMPORARY TABLE postcode_staging (line bigint NOT NULL, postcode_key bigint NOT NULL, sector varchar(8) NOT NULL,
                    lsoa_id integer NOT NULL, ward_id integer, oa_id integer, terminated boolean NOT NULL) ON COMMIT DROP""");
        return new Staging();
    }

    /** Lines of postcodes whose key another line of the file has too (a repeated postcode, or a digest collision). */
    List<List<Long>> sharedKeys() {
        return db.fetch("""
                SELECT array_agg(line ORDER BY line) FROM postcode_staging GROUP BY postcode_key HAVING count(*) > 1
                ORDER BY min(line) LIMIT 100""")
                .map(r -> List.of(r.get(0, Long[].class)));
    }

    /** Replaces the directory by the staged rows, placing each in its sector area; returns how many. */
    int replaceWithStaged() {
        db.truncate(POSTCODE_DIRECTORY).execute();
        return db.execute("""
                INSERT INTO postcode_directory (postcode_key, sector_id, lsoa_id, ward_id, oa_id, terminated)
                SELECT s.postcode_key, a.id, s.lsoa_id, s.ward_id, s.oa_id, s.terminated
                FROM postcode_staging s JOIN area a ON a.code = s.sector AND a.area_type = 'postcode_sector'""");
    }

    void recordLoad(DirectoryLoad load) {
        db.insertInto(POSTCODE_DIRECTORY_LOAD)
                .set(POSTCODE_DIRECTORY_LOAD.VINTAGE, load.vintage())
                .set(POSTCODE_DIRECTORY_LOAD.VINTAGE_FROM, load.vintageFrom())
                .set(POSTCODE_DIRECTORY_LOAD.FILE_FORMAT, load.fileFormat())
                .set(POSTCODE_DIRECTORY_LOAD.LSOA_COLUMN, load.lsoaColumn())
                .set(POSTCODE_DIRECTORY_LOAD.POSTCODES, load.postcodes())
                .set(POSTCODE_DIRECTORY_LOAD.TERMINATED, load.terminated())
                .set(POSTCODE_DIRECTORY_LOAD.REJECTED, load.rejected())
                .set(POSTCODE_DIRECTORY_LOAD.SECTORS, load.sectors())
                .set(POSTCODE_DIRECTORY_LOAD.FILE_SHA256, load.fileSha256())
                .set(POSTCODE_DIRECTORY_LOAD.LOADED_BY, load.loadedBy())
                .set(POSTCODE_DIRECTORY_LOAD.LOADED_AT, load.loadedAt())
                .execute();
    }

    /**
     * Rows on their way into the staging table with COPY while the file is read, so a directory of
     * millions of postcodes never sits in memory. Nothing else may use the connection until it is closed.
     */
    final class Staging implements AutoCloseable {

        private final CopyStream stream = new CopyStream(db,
                "COPY postcode_staging (line, postcode_key, sector, lsoa_id, ward_id, oa_id, terminated) FROM STDIN (FORMAT csv)",
                "the postcode directory");

        void write(long line, long key, String sector, int lsoaId, Integer wardId, Integer oaId, boolean terminated) {
            StringBuilder buffer = stream.buffer();
            buffer.append(line).append(',').append(key).append(',').append(sector).append(',').append(lsoaId).append(',');
            if (wardId != null) {
                buffer.append(wardId);
            }
            buffer.append(',');
            if (oaId != null) {
                buffer.append(oaId);
            }
            buffer.append(',').append(terminated).append('\n');
            stream.rowWritten();
        }

        /** Abandons what was sent (the transaction is rolled back). */
        void cancel() {
            stream.cancel();
        }

        @Override
        public void close() {
            stream.close();
        }
    }
}
