package org.sightline.api.intake;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.sightline.domain.indicator.DisclosureClass;

/**
 * How an organisation's record files are read and what they publish (the JSON body of
 * {@code POST /api/v1/record-intakes}). It validates itself, so an invalid intake cannot exist.
 *
 * @param id                the intake's id, a slug; its indicators are {@code <id>-<need code>} and {@code <id>-multiple-needs}
 * @param organisation      the owning organisation's code; its stewards see the published counts exactly
 * @param title             what the records are, e.g. "Adult social care contacts" (default: the id)
 * @param parties           other organisations whose stewards and partners may upload records (optional)
 * @param columns           the record file's columns and what each holds
 * @param needs             the need codes to publish an indicator for (default: every known value of the need codelist)
 * @param periodRule        which period a record counts in, from its contact date
 * @param grain             the areas records are counted in: lsoa (default), ward, oa or postcode_sector
 * @param disclosureClass   of the published indicators (default SENSITIVE)
 * @param contributionBound the most need indicators one record counts in (default 3); see {@link #contributionBound()}
 * @param needSeparator     separates several need codes in one need column (default ";")
 * @param licence           the licence of the published indicators (optional)
 */
public record IntakeDefinition(String id, String organisation, String title, List<String> parties, List<Column> columns,
                               List<String> needs, PeriodRule periodRule, String grain, DisclosureClass disclosureClass,
                               Integer contributionBound, String needSeparator, String licence) {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,59}");
    static final List<String> GRAINS = List.of("lsoa", "ward", "oa", "postcode_sector");
    /** Observations have four characteristic slots. */
    static final int MAX_BREAKDOWN = 4;

    /** What a column holds. */
    public enum Role {
        /** The date of the contact; its period is the record's period. */
        CONTACT_DATE,
        /** The person's postcode, mapped to areas through the postcode directory, then forgotten. */
        POSTCODE,
        /** Age in completed years, placed in a band of the column's codelist. */
        AGE,
        /** Date of birth: the age at the contact date is placed in a band, the date is forgotten. */
        DATE_OF_BIRTH,
        /** A characteristic the indicators are broken down by, coded in the column's codelist. */
        CHARACTERISTIC,
        /** One or more need codes (of one codelist for all need columns). */
        NEED,
        /** Read past and never kept (names, notes, identifiers the file happens to carry). */
        IGNORE
    }

    /** Which period a record counts in, from its contact date. */
    public enum PeriodRule {
        CALENDAR_YEAR, FINANCIAL_YEAR, QUARTER, MONTH
    }

    /** One column: its header name, what it holds, and for coded columns the codelist (characteristic type). */
    public record Column(String name, Role role, String codelist) {
    }

    public IntakeDefinition {
        require(id != null && ID.matcher(id).matches(), "id '" + id + "' must be 1-60 lower-case letters, digits and hyphens");
        require(organisation != null && !organisation.isBlank(), "organisation (the owning organisation's code) is required");
        title = title == null || title.isBlank() ? id : title.strip();
        parties = parties == null ? List.of() : List.copyOf(parties);
        columns = columns == null ? List.of() : List.copyOf(columns);
        needs = needs == null ? List.of() : List.copyOf(needs);
        periodRule = periodRule == null ? PeriodRule.FINANCIAL_YEAR : periodRule;
        grain = grain == null || grain.isBlank() ? "lsoa" : grain.strip();
        require(GRAINS.contains(grain), "grain '" + grain + "' must be one of " + GRAINS);
        disclosureClass = disclosureClass == null ? DisclosureClass.SENSITIVE : disclosureClass;
        contributionBound = contributionBound == null ? 3 : contributionBound;
        require(contributionBound >= 1 && contributionBound <= 50, "contributionBound must be 1 to 50");
        needSeparator = needSeparator == null || needSeparator.isEmpty() ? ";" : needSeparator;
        require(needSeparator.length() <= 3 && needSeparator.chars().noneMatch(Character::isLetterOrDigit),
                "needSeparator must be 1-3 characters that are not letters or digits");
        Set<String> names = new HashSet<>();
        Set<String> codelists = new HashSet<>();
        String needCodelist = null;
        int breakdown = 0;
        for (Column c : columns) {
            require(c != null && c.name() != null && !c.name().isBlank(), "every column needs a name");
            require(c.role() != null, "column '" + c.name() + "' needs a role: one of " + List.of(Role.values()));
            require(names.add(c.name().strip()), "column '" + c.name() + "' is listed twice");
            switch (c.role()) {
                case AGE, DATE_OF_BIRTH, CHARACTERISTIC -> {
                    require(c.codelist() != null && !c.codelist().isBlank(), "column '" + c.name() + "' (" + c.role() + ") needs a codelist");
                    require(codelists.add(c.codelist()), "codelist '" + c.codelist() + "' is used by two columns");
                    breakdown++;
                }
                case NEED -> {
                    if (needCodelist == null) {
                        require(c.codelist() != null && !c.codelist().isBlank(), "the first NEED column needs a codelist");
                        needCodelist = c.codelist();
                    }
                    require(c.codelist() == null || c.codelist().equals(needCodelist), "every NEED column uses one codelist");
                }
                default -> require(c.codelist() == null, "column '" + c.name() + "' (" + c.role() + ") takes no codelist");
            }
        }
        require(count(columns, Role.CONTACT_DATE) == 1, "exactly one column must be the CONTACT_DATE");
        require(count(columns, Role.POSTCODE) == 1, "exactly one column must be the POSTCODE");
        require(count(columns, Role.AGE) + count(columns, Role.DATE_OF_BIRTH) <= 1, "at most one AGE or DATE_OF_BIRTH column");
        require(count(columns, Role.NEED) >= 1, "at least one column must be a NEED column");
        require(breakdown <= MAX_BREAKDOWN, "at most " + MAX_BREAKDOWN + " characteristics (age and CHARACTERISTIC columns): "
                + "indicators have four characteristic slots");
        require(!codelists.contains(needCodelist), "the need codelist cannot also be a characteristic");
        for (String need : needs) {
            require(need != null && !need.isBlank(), "needs must not list blanks");
        }
    }

    private static long count(List<Column> columns, Role role) {
        return columns.stream().filter(c -> c.role() == role).count();
    }

    /** The codelist of the need columns. */
    public String needCodelist() {
        return columns.stream().filter(c -> c.role() == Role.NEED).map(Column::codelist).filter(Objects::nonNull).findFirst().orElseThrow();
    }

    /** The columns whose codelist the indicators are broken down by, in column order (age first if any). */
    public List<Column> breakdownColumns() {
        List<Column> result = new ArrayList<>();
        columns.stream().filter(c -> c.role() == Role.AGE || c.role() == Role.DATE_OF_BIRTH).forEach(result::add);
        columns.stream().filter(c -> c.role() == Role.CHARACTERISTIC).forEach(result::add);
        return result;
    }

    public Column column(Role role) {
        return columns.stream().filter(c -> c.role() == role).findFirst().orElseThrow();
    }

    public List<Column> needColumns() {
        return columns.stream().filter(c -> c.role() == Role.NEED).toList();
    }

    /** The id of the indicator of one need: need codes are written with hyphens, since indicator ids are slugs. */
    public String needIndicatorId(String needCode) {
        return id + "-" + needCode.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }

    public String multipleNeedsIndicatorId() {
        return id + "-multiple-needs";
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
