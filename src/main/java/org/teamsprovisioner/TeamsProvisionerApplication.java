package org.teamsprovisioner;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class TeamsProvisionerApplication {

    public static void main(String[] args) {
        SpringApplication.run(TeamsProvisionerApplication.class, args);
    }
}
