package org.sightline.api.agreements;

import java.time.LocalDate;
import java.util.List;

/**
 * What an agreement says, apart from who it binds and what it covers: the fields an agreement
 * holds in a data sharing register. Checked whole by {@link #check()} before anything is stored.
 *
 * @param dataFields the data fields shared, e.g. "need code", "LSOA", "count of people"
 */
public record AgreementTerms(String title, String purpose, String legalBasis, List<String> dataFields,
                             SharingFrequency frequency, String securityArrangements,
                             LocalDate startDate, LocalDate endDate, LocalDate reviewDate) {

    public AgreementTerms {
        dataFields = dataFields == null ? List.of() : dataFields.stream().map(String::strip).toList();
        title = blankToNull(title);
        purpose = blankToNull(purpose);
        legalBasis = blankToNull(legalBasis);
        securityArrangements = blankToNull(securityArrangements);
    }

    /** Refuses terms no agreement may hold, naming the field and the reason. */
    void check() {
        require(title != null && title.length() <= 300, "title: give a title of 1 to 300 characters");
        require(purpose != null, "purpose: say what the data is shared for (it is recorded with every audited question)");
        require(legalBasis != null, "legalBasis: name the legal basis for sharing, e.g. UK GDPR Art. 6(1)(e)");
        require(startDate != null, "startDate: give the date the agreement starts");
        require(endDate == null || !endDate.isBefore(startDate),
                "endDate: " + endDate + " is before the start date " + startDate);
        require(reviewDate == null || !reviewDate.isBefore(startDate),
                "reviewDate: " + reviewDate + " is before the start date " + startDate);
        require(reviewDate == null || endDate == null || !reviewDate.isAfter(endDate),
                "reviewDate: " + reviewDate + " is after the end date " + endDate);
        require(dataFields.size() <= 200, "dataFields: at most 200 fields");
        for (String field : dataFields) {
            require(!field.isEmpty() && field.length() <= 200 && !field.contains("\n"),
                    "dataFields: '" + field + "' is not a field name of 1 to 200 characters on one line");
        }
        require(dataFields.stream().distinct().count() == dataFields.size(), "dataFields: a field is listed twice");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new InvalidAgreementException(message);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
