package org.sightline.api.agreements;

/** A request to the register that cannot be carried out as given; the message names the field and why (BAD_REQUEST). */
public class InvalidAgreementException extends IllegalArgumentException {
    public InvalidAgreementException(String message) {
        super(message);
    }
}
