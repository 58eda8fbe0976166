package org.sightline.api.postcodes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.sightline.api.files.CsvInput;
import org.sightline.api.geography.GeographyImporter;
import org.sightline.api.postcodes.PostcodeDirectory.DirectoryLoad;
import org.sightline.api.postcodes.PostcodeDirectory.KnownArea;
import org.sightline.api.postcodes.PostcodeDirectoryReport.Rejection;
import org.sightline.api.versions.DataVersion;
import org.sightline.api.web.ForbiddenException;
import org.sightline.api.web.InvalidFileException;
import org.sightline.domain.access.Caller;
import org.sightline.domain.access.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads a vintage of the ONS Postcode Directory (ONSPD) or the National Statistics Postcode Lookup
 * (NSPL) as published: lower-case headers ({@code pcd,pcd2,pcds,dointr,doterm,...}), millions of
 * rows. ONSPD is recognised by {@code osward}/{@code oslaua}, NSPL by {@code ward}/{@code laua}.
 * <p>
 * Each row becomes a postcode key (never the postcode text, see {@link PostcodeKey}) mapped to the
 * LSOA ({@code lsoa21} when the file has the column and Sightline knows the code, else
 * {@code lsoa11}), the ward and output area when Sightline knows them, and the postcode sector,
 * derived from the postcode itself. A row whose postcode is malformed or whose LSOA Sightline does
 * not know is rejected with its line and reason; the rest loads. Terminated postcodes
 * ({@code doterm} set) load too, flagged. Rows are streamed into a staging table with COPY; the new
 * vintage then replaces the previous one in the same transaction, so a question never sees half a
 * directory. Sectors new to Sightline become areas of type {@code postcode_sector}, linked under
 * the country their postcodes lie in (never under a ward or district, which they straddle).
 */
@Service
public class PostcodeDirectoryImporter {

    static final int MAX_LISTED_REJECTIONS = 1_000;
    private static final Pattern VINTAGE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_. -]{0,39}");
    private static final Pattern MONTH = Pattern.compile("\\d{6}");
    private static final List<String> USED = List.of("pcd", "pcd2", "pcds", "dointr", "doterm", "lsoa21", "lsoa11", "osward",
            "ward", "oa21", "oa11");

    private final PostcodeDirectory directory;
    private final GeographyImporter geography;
    private final DataVersion dataVersion;
    private final Clock clock;

    PostcodeDirectoryImporter(PostcodeDirectory directory, GeographyImporter geography, DataVersion dataVersion, Clock clock) {
        this.directory = directory;
        this.geography = geography;
        this.dataVersion = dataVersion;
        this.clock = clock;
    }

    /**
     * Loads the file as the new vintage, replacing the previous one.
     *
     * @param vintage the vintage's name ({@code ?vintage=}); null to derive it from the latest {@code dointr}
     * @param loader  an ADMIN
     * @throws ForbiddenException   for any other role
     * @throws InvalidFileException if the header is not ONSPD or NSPL, or two rows share a postcode key
     */
    @Transactional
    public PostcodeDirectoryReport load(InputStream file, String vintage, Caller loader) {
        if (loader.role() != Role.ADMIN) {
            throw new ForbiddenException("only an ADMIN loads the postcode directory");
        }
        if (vintage != null && !VINTAGE.matcher(vintage).matches()) {
            throw new IllegalArgumentException("vintage must be 1-40 letters, digits, spaces, '.', '_' or '-', e.g. ONSPD_MAY_2024");
        }
        MessageDigest sha256 = sha256();
        Map<String, KnownArea> areas = directory.allAreas();
        Map<Integer, String> countryOfLsoa = directory.countryOfLsoas();
        List<Rejection> rejections = new ArrayList<>();
        long rejected = 0;
        long rowsRead = 0;
        long staged = 0;
        long terminated = 0;
        String latestIntroduced = null;
        // sector -> the country code its postcodes lie in ("" when none, or several)
        Map<String, String> sectors = new TreeMap<>();
        Header header;
        PostcodeDirectory.Staging staging = directory.staging();
        try (CSVParser parser = CsvInput.parse(new DigestInputStream(file, sha256))) {
            header = Header.of(parser.getHeaderNames());
            for (CSVRecord record : parser) {
                rowsRead++;
                long line = CsvInput.lineOf(record);
                String reason = null;
                boolean consistent = record.isConsistent();
                Optional<PostcodeKey> key = consistent ? PostcodeKey.of(header.postcode(record)) : Optional.empty();
                KnownArea lsoa = consistent ? header.lsoa(record, areas) : null;
                if (!consistent) {
                    reason = CsvInput.cellCountProblem(record);
                } else if (key.isEmpty()) {
                    reason = header.postcodeColumn + " is not a postcode";
                } else if (lsoa == null) {
                    reason = header.lsoaDescription(record) + " is not an LSOA Sightline knows; load its geography first";
                }
                if (reason != null) {
                    rejected++;
                    if (rejections.size() < MAX_LISTED_REJECTIONS) {
                        rejections.add(new Rejection(line, reason));
                    }
                    continue;
                }
                boolean isTerminated = !header.get(record, "doterm").isEmpty();
                String introduced = header.get(record, "dointr");
                if (MONTH.matcher(introduced).matches() && (latestIntroduced == null || introduced.compareTo(latestIntroduced) > 0)) {
                    latestIntroduced = introduced;
                }
                String sector = key.get().sector();
                String country = countryOfLsoa.getOrDefault(lsoa.id(), "");
                sectors.merge(sector, country, (a, b) -> a.equals(b) ? a : "");
                staging.write(line, key.get().key(), sector, lsoa.id(), header.area(record, header.wardColumn, "ward", areas),
                        header.area(record, header.oaColumn, "oa", areas), isTerminated);
                staged++;
                if (isTerminated) {
                    terminated++;
                }
            }
            staging.close();
        } catch (IOException e) {
            staging.cancel();
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            staging.cancel();
            throw new InvalidFileException("the file is not valid CSV: " + e.getMessage(), List.of());
        } catch (RuntimeException e) {
            staging.cancel();
            throw e;
        }
        String digest = HexFormat.of().formatHex(sha256.digest());
        if (staged == 0) {
            throw new InvalidFileException("no row of the file could be loaded; nothing changed", rejections);
        }
        String name = vintage != null ? vintage : derivedVintage(latestIntroduced);
        Optional<DirectoryLoad> current = directory.current();
        if (current.isPresent() && current.get().fileSha256().equals(digest) && current.get().vintage().equals(name)) {
            return report(false, header, current.get(), rowsRead, rejected, rejections, 0);
        }
        List<List<Long>> shared = directory.sharedKeys();
        if (!shared.isEmpty()) {
            throw new InvalidFileException("some postcodes share a directory key (the same postcode listed twice, or a digest "
                    + "collision); nothing changed", shared.stream().map(lines -> new Rejection(lines.get(0),
                    "same postcode key as line(s) " + lines.subList(1, lines.size()))).toList());
        }
        int sectorsAdded = addSectors(sectors);
        int loaded = directory.replaceWithStaged();
        DirectoryLoad load = new DirectoryLoad(name, vintage != null ? "PARAMETER" : "DOINTR", header.format, header.lsoaColumn,
                loaded, Math.toIntExact(terminated), Math.toIntExact(rejected), sectors.size(), digest, loader.id(),
                OffsetDateTime.now(clock));
        directory.recordLoad(load);
        dataVersion.bump();
        return report(true, header, load, rowsRead, rejected, rejections, sectorsAdded);
    }

    private static PostcodeDirectoryReport report(boolean created, Header header, DirectoryLoad load, long rowsRead, long rejected,
                                                  List<Rejection> rejections, int sectorsAdded) {
        return new PostcodeDirectoryReport(created, load.fileFormat(), load.vintage(), load.vintageFrom(), load.lsoaColumn(),
                rowsRead, load.postcodes(), load.terminated(), rejected, rejections, load.sectors(), sectorsAdded, header.ignored);
    }

    /** Creates the sectors Sightline does not have yet through the geography importer (generic format). */
    private int addSectors(Map<String, String> sectors) {
        StringBuilder csv = new StringBuilder("area_code,area_name,area_type,parent_code,hierarchy\n");
        sectors.forEach((sector, country) -> csv.append(sector).append(',').append(sector).append(",postcode_sector,")
                .append(country).append(country.isEmpty() ? ",\n" : ",postcode\n"));
        try {
            return geography.importFile(csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)).areasAdded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "2024-05" from the latest dointr month "202405"; the directory's vintage is the month of its newest postcode. */
    private static String derivedVintage(String latestIntroduced) {
        if (latestIntroduced == null) {
            throw new InvalidFileException("no dointr month (YYYYMM) in the file to derive the vintage from; "
                    + "name it with ?vintage=, e.g. ?vintage=ONSPD_MAY_2024", List.of());
        }
        return latestIntroduced.substring(0, 4) + "-" + latestIntroduced.substring(4);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The columns of the file, by their published lower-case names. */
    private static final class Header {

        private final Map<String, Integer> index = new HashMap<>();
        private String format;
        private String postcodeColumn;
        private String lsoaColumn;
        private String fallbackLsoaColumn;
        private String wardColumn;
        private String oaColumn;
        private List<String> ignored;

        static Header of(List<String> names) {
            Header header = new Header();
            for (int i = 0; i < names.size(); i++) {
                header.index.putIfAbsent(names.get(i).strip().toLowerCase(Locale.ROOT), i);
            }
            java.util.function.Predicate<String> has = header.index::containsKey;
            if (has.test("osward") || has.test("oslaua")) {
                header.format = "ONSPD";
                header.wardColumn = "osward";
            } else if (has.test("ward") || has.test("laua")) {
                header.format = "NSPL";
                header.wardColumn = "ward";
            } else {
                throw new InvalidFileException("not an ONS Postcode Directory (ONSPD, with osward/oslaua) or National Statistics "
                        + "Postcode Lookup (NSPL, with ward/laua) file: the header has neither", List.of());
            }
            header.postcodeColumn = has.test("pcds") ? "pcds" : has.test("pcd") ? "pcd" : has.test("pcd2") ? "pcd2" : null;
            if (header.postcodeColumn == null) {
                throw new InvalidFileException("the header has no postcode column (pcds, pcd or pcd2)", List.of());
            }
            if (has.test("lsoa21")) {
                header.lsoaColumn = "lsoa21";
                header.fallbackLsoaColumn = has.test("lsoa11") ? "lsoa11" : null;
            } else if (has.test("lsoa11")) {
                header.lsoaColumn = "lsoa11";
            } else {
                throw new InvalidFileException("the header has no LSOA column (lsoa21 or lsoa11)", List.of());
            }
            header.oaColumn = has.test("oa21") ? "oa21" : has.test("oa11") ? "oa11" : null;
            header.ignored = names.stream().filter(n -> !USED.contains(n.strip().toLowerCase(Locale.ROOT))).toList();
            return header;
        }

        String get(CSVRecord record, String column) {
            Integer i = column == null ? null : index.get(column);
            return i == null || i >= record.size() ? "" : record.get(i).strip();
        }

        String postcode(CSVRecord record) {
            return get(record, postcodeColumn);
        }

        /** The LSOA of the row: the 2021 code when Sightline knows it, else the 2011 code when it knows that. */
        KnownArea lsoa(CSVRecord record, Map<String, KnownArea> areas) {
            KnownArea area = lsoaIfKnown(get(record, lsoaColumn), areas);
            return area != null || fallbackLsoaColumn == null ? area : lsoaIfKnown(get(record, fallbackLsoaColumn), areas);
        }

        String lsoaDescription(CSVRecord record) {
            String code = get(record, lsoaColumn);
            String described = lsoaColumn + " '" + code + "'";
            return fallbackLsoaColumn == null ? described : described + " (nor " + fallbackLsoaColumn + " '" + get(record, fallbackLsoaColumn) + "')";
        }

        Integer area(CSVRecord record, String column, String type, Map<String, KnownArea> areas) {
            KnownArea area = areas.get(get(record, column));
            return area != null && area.type().equals(type) ? area.id() : null;
        }

        private static KnownArea lsoaIfKnown(String code, Map<String, KnownArea> areas) {
            KnownArea area = code.isEmpty() ? null : areas.get(code);
            return area != null && area.type().equals("lsoa") ? area : null;
        }
    }
}
