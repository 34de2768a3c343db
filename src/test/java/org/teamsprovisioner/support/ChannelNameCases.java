package org.teamsprovisioner.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The shared table of channel names ({@code channel-names.csv}): what Microsoft documents as a valid
 * or invalid Teams channel name, with the text each row rests on. The service's and the
 * simulator's rule sets are separate code; both are tested against these rows, so they cannot drift apart.
 */
public final class ChannelNameCases {

    private ChannelNameCases() {
    }

    /** Arguments (name, valid, source) per row, the name decoded. */
    public static Stream<Arguments> all() {
        try (InputStream csv = ChannelNameCases.class.getResourceAsStream("/channel-names.csv")) {
            List<Arguments> rows = new ArrayList<>();
            String[] lines = new String(csv.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (String line : lines) {
                if (line.isBlank() || line.startsWith("#") || line.startsWith("name,")) {
                    continue;
                }
                List<String> fields = fields(line);
                rows.add(Arguments.of(decode(fields.get(0)), Boolean.parseBoolean(fields.get(1)), fields.get(2)));
            }
            return rows.stream();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** RFC 4180 fields: quoted ones may hold commas, and a doubled quote is one quote. */
    private static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                field.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }

    /** {@code \}{@code uXXXX} is that character and {@code \\} a backslash, so control characters can be written. */
    static String decode(String name) {
        StringBuilder decoded = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '\\' && i + 1 < name.length() && name.charAt(i + 1) == '\\') {
                decoded.append('\\');
                i++;
            } else if (c == '\\' && i + 5 < name.length() && name.charAt(i + 1) == 'u') {
                decoded.append((char) Integer.parseInt(name.substring(i + 2, i + 6), 16));
                i += 5;
            } else {
                decoded.append(c);
            }
        }
        return decoded.toString();
    }
}
