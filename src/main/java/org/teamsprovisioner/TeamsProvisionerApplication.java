package org.teamsprovisioner;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.context.annotation.FilterType;
import org.teamsprovisioner.sandbox.GraphSimulatorApplication;

@SpringBootConfiguration
@EnableAutoConfiguration
// @SpringBootApplication's scan, minus the standalone simulator, whose exclusions must not apply here.
@ComponentScan(excludeFilters = {
        @Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
        @Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class),
        @Filter(type = FilterType.ASSIGNABLE_TYPE, classes = GraphSimulatorApplication.class)})
@ConfigurationPropertiesScan
public class TeamsProvisionerApplication {

    public static void main(String[] args) {
        // One jar, two programs: the service, or (profile graph-simulator) only its Graph simulator.
        if (GraphSimulatorApplication.isRequested(args)) {
            GraphSimulatorApplication.run(args);
            return;
        }
        SpringApplication.run(TeamsProvisionerApplication.class, args);
    }
}
