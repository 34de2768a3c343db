package org.teamsprovisioner;

import java.util.ServiceLoader;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.context.annotation.FilterType;

@SpringBootConfiguration
@EnableAutoConfiguration
// @SpringBootApplication's scan, minus the root configuration of any other program in the jar (the
// standalone simulator's), whose auto-configuration exclusions must not apply here.
@ComponentScan(excludeFilters = {
        @Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
        @Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class),
        @Filter(type = FilterType.ANNOTATION, classes = SpringBootConfiguration.class)})
@ConfigurationPropertiesScan
public class TeamsProvisionerApplication {

    public static void main(String[] args) {
        // One jar, two programs: the service, or (profile graph-simulator) only its Graph simulator.
        for (AlternativeProgram program : ServiceLoader.load(AlternativeProgram.class,
                TeamsProvisionerApplication.class.getClassLoader())) {
            if (program.isRequested(args)) {
                program.run(args);
                return;
            }
        }
        SpringApplication.run(TeamsProvisionerApplication.class, args);
    }
}
