package com.deepenrich.camel.docs;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.deepenrich.camel.model.ContactMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The guide's table of the keys read as each contact field is the one ContactMapper reads by. */
class ContactKeysDocTest {

    private static final Pattern TABLE =
            Pattern.compile("(?s)// contact keys: START\\n.*?\\|===\\n.*?\\n(.*?)\\|===\\n// contact keys: END");
    private static final Pattern ROW = Pattern.compile("(?m)^\\| `(\\w+)` \\| (.*)$");
    private static final Pattern KEY = Pattern.compile("`(\\w+)`");

    @Test
    void theGuideListsEveryKeyReadAsEachField() throws Exception {
        Matcher table = TABLE.matcher(Files.readString(Path.of("src/main/docs/deepenrich-component.adoc"),
                StandardCharsets.UTF_8));
        assertTrue(table.find(), "the guide's table between the contact keys markers");
        Map<String, List<String>> listed = new HashMap<>();
        Matcher row = ROW.matcher(table.group(1));
        while (row.find()) {
            List<String> keys = new ArrayList<>();
            Matcher key = KEY.matcher(row.group(2));
            while (key.find()) {
                keys.add(key.group(1));
            }
            listed.put(row.group(1), keys);
        }

        assertEquals(ContactMapper.aliases(), listed);
    }
}
