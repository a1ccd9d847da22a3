package org.parley.enrich;

import java.util.List;
import java.util.Set;

/**
 * What stands in a subject position: a person ({@code name} holds the name's words, {@code titles} the
 * titles before it), a pronoun, a title reference ("the King": {@code head} is the role word) or a source
 * ({@code head} is its text). {@code gender} is 'F', 'M' or 0 when unknown.
 */
record Phrase(Kind kind, List<String> name, Set<String> titles, String head, char gender) {
    enum Kind { PERSON, PRONOUN, TITLE_REF, SOURCE }
}
