package org.encounter.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.encounter.ServiceTest;
import org.encounter.base.PersonalData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every column of the schema that can hold personal data or free text — any text column, and any column pointing at
 * a person — is covered by some feature's personal-data declaration, so a new migration cannot slip past export and
 * erasure. Read from the live schema after every migration has run.
 */
class PersonalDataCoverageTest extends ServiceTest {

    /** Integer columns that point at a person, by name, where the schema declares no foreign key. */
    private static final Pattern PERSON_REFERENCE = Pattern.compile(
            ".*(person|learner|author|reviewer|curator|writer|reader|host|guest|leader|partner_a|partner_b|"
                    + "manager|coordinator|facilitator|owner|actor|member|applicant|starter|_by)(_id)?");
    private static final Set<String> TEXT_TYPES = Set.of("char", "varchar", "tinytext", "text", "mediumtext",
            "longtext", "blob", "tinyblob", "mediumblob", "longblob", "json");
    /** The schema tool's own tables. */
    private static final Set<String> TOOLING = Set.of("flyway_schema_history");

    @Autowired
    private List<PersonalData> declarations;

    @Test
    void every_column_that_can_hold_personal_data_or_free_text_is_declared() {
        Map<String, Set<String>> declared = new TreeMap<>();
        declarations.forEach(d -> d.holdings().forEach(h ->
                declared.computeIfAbsent(h.table(), t -> new TreeSet<>()).addAll(h.columns())));

        Set<String> personForeignKeys = new TreeSet<>(jdbc.queryForList("""
                select concat(table_name, '.', column_name) from information_schema.key_column_usage
                 where table_schema = database() and referenced_table_name = 'person'""", String.class));

        Set<String> uncovered = new TreeSet<>();
        jdbc.query("""
                select table_name, column_name, data_type from information_schema.columns
                 where table_schema = database() order by table_name, ordinal_position""", rs -> {
            String table = rs.getString(1).toLowerCase();
            String column = rs.getString(2).toLowerCase();
            String type = rs.getString(3).toLowerCase();
            if (TOOLING.contains(table)) {
                return;
            }
            boolean text = TEXT_TYPES.contains(type);
            boolean person = personForeignKeys.contains(table + "." + column)
                    || (type.endsWith("int") && PERSON_REFERENCE.matcher(column).matches());
            if ((text || person) && !declared.getOrDefault(table, Set.of()).contains(column)) {
                uncovered.add(table + "." + column + " (" + type + ")");
            }
        });
        assertThat(uncovered).as("columns no PersonalData declaration covers").isEmpty();
    }

    @Test
    void every_declared_column_exists() {
        Set<String> existing = new TreeSet<>(jdbc.queryForList("""
                select lower(concat(table_name, '.', column_name)) from information_schema.columns
                 where table_schema = database()""", String.class));
        Set<String> stale = new TreeSet<>();
        declarations.forEach(d -> d.holdings().forEach(h -> h.columns().forEach(c -> {
            if (!existing.contains(h.table() + "." + c)) {
                stale.add(d.section() + ": " + h.table() + "." + c);
            }
        })));
        assertThat(stale).as("declared columns the schema does not have").isEmpty();
    }
}
