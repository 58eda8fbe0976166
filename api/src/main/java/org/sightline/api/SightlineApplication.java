package org.sightline.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Sightline: a GraphQL statistics API with a privacy layer between the data and every caller. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SightlineApplication {

    public static void main(String[] args) {
        SpringApplication.run(SightlineApplication.class, args);
    }
}
