package org.encounter.privacy;

import java.util.Comparator;
import java.util.List;
import org.encounter.base.PersonalData;
import org.springframework.stereotype.Component;

/**
 * Every feature's personal-data declaration, identity's last: the others still find the person (their e-mail, their
 * names in others' notifications) while they erase, and identity then anonymises the account itself.
 */
@Component
class Features {

    private final List<PersonalData> all;

    Features(List<PersonalData> declarations) {
        this.all = declarations.stream()
                .sorted(Comparator.comparing((PersonalData d) -> d.section().equals("identity"))).toList();
    }

    /** In the order erasure runs them: identity last. */
    List<PersonalData> all() {
        return all;
    }

    /** In the order an export reads best: the account first. */
    List<PersonalData> forExport() {
        return all.stream().sorted(Comparator.comparing((PersonalData d) -> !d.section().equals("identity"))).toList();
    }
}
